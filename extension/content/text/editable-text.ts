/**
 * The text of a contenteditable region as the engine sees it, and the way back to the DOM.
 * Each block (paragraph, list item, heading…) becomes a paragraph separated by a blank line, so
 * findings never cross blocks and an edit re-scans only its own block; `<br>` is a line break.
 */
export interface EditableText {
  text: string;
  /** Text nodes in document order with the offset where each starts in `text`. */
  nodes: Text[];
  starts: number[];
}

const BLOCKS = new Set(
  (
    'address article aside blockquote dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody ' +
    'td tfoot th thead tr ul'
  ).split(' '),
);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

export function readEditableText(root: HTMLElement): EditableText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  let pendingBreak = false;

  const blockBoundary = () => {
    if (text.length > 0) pendingBreak = true;
  };

  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      // Formatting whitespace between blocks in the HTML source is not text anyone typed.
      if (data.trim() === '' && (pendingBreak || text.length === 0 || /\n/.test(data))) return;
      if (pendingBreak) {
        text += text.endsWith('\n') ? '\n' : '\n\n';
        pendingBreak = false;
      }
      nodes.push(node as Text);
      starts.push(text.length);
      text += data;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const name = el.localName;
    if (SKIPPED.has(name) || el.getAttribute('contenteditable') === 'false') return;
    if (name === 'br') {
      if (pendingBreak) {
        text += '\n\n';
        pendingBreak = false;
      } else text += '\n';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) blockBoundary();
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (block) blockBoundary();
  };

  for (let child = root.firstChild; child; child = child.nextSibling) walk(child);
  return { text, nodes, starts };
}

/** The text node holding model offset `offset` (at a boundary, the node that starts there). */
function locate(
  model: EditableText,
  offset: number,
  preferEnd: boolean,
): { node: Text; offset: number } | undefined {
  const { nodes, starts } = model;
  if (nodes.length === 0) return undefined;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  let k = lo;
  // An end offset that falls exactly where a node starts belongs to the node before it.
  if (preferEnd && k > 0 && starts[k] === offset) k--;
  const node = nodes[k]!;
  return { node, offset: Math.max(0, Math.min(node.data.length, offset - starts[k]!)) };
}

/** A DOM Range over model offsets [start, end), or undefined when the DOM has moved on. */
export function rangeFor(model: EditableText, start: number, end: number): Range | undefined {
  const from = locate(model, start, false);
  const to = locate(model, end, true);
  if (!from || !to) return undefined;
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The model offset of a DOM position (a selection's focus, say), or undefined outside the text. */
export function offsetOf(model: EditableText, container: Node, offset: number): number | undefined {
  if (container.nodeType === Node.TEXT_NODE) {
    const k = model.nodes.indexOf(container as Text);
    return k < 0 ? undefined : model.starts[k]! + offset;
  }
  // An element position: the first text node at or after it, else the end of the last before it.
  const doc = container.ownerDocument ?? (container as Document);
  const probe = doc.createRange();
  probe.setStart(container, offset);
  let best: number | undefined;
  for (let k = 0; k < model.nodes.length; k++) {
    const node = model.nodes[k]!;
    if (probe.comparePoint(node, 0) >= 0) return model.starts[k];
    best = model.starts[k]! + node.data.length;
  }
  return best;
}
