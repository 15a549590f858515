import { keepUnzoomed } from '../layer.ts';

/** A box where a flag falls in a textarea or input, relative to the field's unscrolled padding box. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const COPIED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontVariant',
  'fontStretch',
  'fontKerning',
  'fontFeatureSettings',
  'letterSpacing',
  'wordSpacing',
  'lineHeight',
  'textTransform',
  'textIndent',
  'tabSize',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'overflowWrap',
  'wordBreak',
  'direction',
  'textAlign',
] as const;

interface Line {
  el: HTMLElement;
  /** The line's text and its flagged ranges, to tell when the element must be rebuilt. */
  signature: string;
}

/**
 * Puts the pieces into a line, changing only text where the line keeps its shape. Chromium ends
 * a textarea's typing undo step whenever nodes are added or removed anywhere in the page, so
 * rebuilding the line on each key would make every letter its own Ctrl+Z.
 */
function updateLine(el: HTMLElement, parts: { flagged: boolean; text: string }[]): void {
  const nodes = el.childNodes;
  const sameShape =
    nodes.length === parts.length &&
    parts.every((p, k) => (nodes[k]!.nodeType === 1) === p.flagged);
  if (sameShape) {
    parts.forEach((p, k) => {
      const node = p.flagged ? nodes[k]!.firstChild! : nodes[k]!;
      if ((node as Text).data !== p.text) (node as Text).data = p.text;
    });
    return;
  }
  const doc = el.ownerDocument;
  el.replaceChildren(
    ...parts.map((p) => {
      if (!p.flagged) return doc.createTextNode(p.text);
      const span = doc.createElement('span');
      span.textContent = p.text;
      return span;
    }),
  );
}

/**
 * A persistent invisible copy of a textarea's or input's text, one block per line, laid out with
 * the field's font, padding and wrapping. Keeping it between keystrokes and rebuilding only the
 * lines that changed lets the browser re-lay-out just those lines, so measuring where flags fall
 * costs little even in a very long note.
 */
export class ControlMirror {
  readonly root: HTMLElement;
  private lines: Line[] = [];
  /** Lines rebuilt by all `measure` calls so far: the layout work, counted for tests. */
  rebuilt = 0;

  constructor(
    private readonly field: HTMLTextAreaElement | HTMLInputElement,
    container: HTMLElement,
  ) {
    this.root = field.ownerDocument.createElement('div');
    this.root.className = 'mirror';
    this.root.setAttribute('aria-hidden', 'true');
    container.append(this.root);
  }

  private copyStyle(): void {
    const field = this.field;
    const style = field.ownerDocument.defaultView!.getComputedStyle(field);
    const target = this.root.style;
    for (const prop of COPIED) if (target[prop] !== style[prop]) target[prop] = style[prop];
    // Inputs never wrap; a textarea wraps unless told not to (wrap="off", or CSS nowrap).
    const wraps =
      field.localName === 'textarea' &&
      style.whiteSpace !== 'pre' &&
      style.whiteSpace !== 'nowrap' &&
      style.getPropertyValue('text-wrap-mode') !== 'nowrap';
    target.whiteSpace = wraps ? 'pre-wrap' : 'pre';
    if (wraps && style.overflowWrap === 'normal') target.overflowWrap = 'break-word';
    target.boxSizing = 'content-box';
    const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    // clientWidth excludes a scrollbar, which narrows the wrapping width.
    const width = `${Math.max(0, field.clientWidth - padX)}px`;
    if (target.width !== width) target.width = width;
  }

  /** Boxes of each range, relative to the field's unscrolled padding box. */
  measure(text: string, ranges: readonly { start: number; end: number }[]): Box[][] {
    // Laid out in the field's own pixels, whatever zoom the page puts on its root.
    const root = this.root.getRootNode();
    if (root instanceof ShadowRoot) keepUnzoomed(root);
    this.copyStyle();
    const doc = this.field.ownerDocument;
    const textLines = this.field.localName === 'textarea' ? text.split('\n') : [text];
    // Ranges by line: a flag never spans a blank line, but may span a single line break.
    const starts: number[] = [];
    let at = 0;
    for (const line of textLines) {
      starts.push(at);
      at += line.length + 1;
    }
    const pieces: { line: number; from: number; to: number; range: number }[] = [];
    let line = 0;
    ranges.forEach(({ start, end }, index) => {
      while (line + 1 < starts.length && starts[line + 1]! <= start) line++;
      for (let l = line; l < textLines.length && starts[l]! < end; l++) {
        const from = Math.max(start, starts[l]!) - starts[l]!;
        const to = Math.min(end, starts[l]! + textLines[l]!.length) - starts[l]!;
        if (to > from) pieces.push({ line: l, from, to, range: index });
      }
    });

    const spans: HTMLElement[][] = ranges.map(() => []);
    let p = 0;
    textLines.forEach((lineText, l) => {
      const mine: typeof pieces = [];
      while (p < pieces.length && pieces[p]!.line === l) mine.push(pieces[p++]!);
      const signature = `${lineText}\u0000${mine.map((m) => `${m.from}-${m.to}`).join(',')}`;
      let entry = this.lines[l];
      if (!entry) {
        entry = { el: doc.createElement('div'), signature: '\u0001' };
        this.root.append(entry.el);
        this.lines[l] = entry;
      }
      if (entry.signature !== signature) {
        // The line's pieces: plain text, flagged text, plain text, …, ending with plain text.
        const parts: { flagged: boolean; text: string }[] = [];
        let cursor = 0;
        for (const m of mine) {
          // A flag nested in another (a phrase inside scare quotes) shares the outer's span.
          if (m.from < cursor) continue;
          if (m.from > cursor) parts.push({ flagged: false, text: lineText.slice(cursor, m.from) });
          parts.push({ flagged: true, text: lineText.slice(m.from, m.to) });
          cursor = m.to;
        }
        // A zero-width space gives an empty line its height, as in the field.
        parts.push({ flagged: false, text: lineText.slice(cursor) + '\u200b' });
        updateLine(entry.el, parts);
        entry.signature = signature;
        this.rebuilt++;
      }
      const lineSpans = entry.el.querySelectorAll('span');
      let k = -1;
      let end = -1;
      for (const m of mine) {
        if (m.from >= end) {
          k++;
          end = m.to;
        }
        spans[m.range]!.push(lineSpans[k] as HTMLElement);
      }
    });
    for (const extra of this.lines.splice(textLines.length)) extra.el.remove();

    const origin = this.root.getBoundingClientRect();
    return spans.map((list) =>
      list.flatMap((span) =>
        [...span.getClientRects()].map((r) => ({
          x: r.left - origin.left,
          y: r.top - origin.top,
          width: r.width,
          height: r.height,
        })),
      ),
    );
  }

  destroy(): void {
    this.root.remove();
  }
}
