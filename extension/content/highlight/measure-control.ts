/** A box where a flag falls in a textarea or input, relative to the field's unscrolled padding box. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const COPIED = [
  'boxSizing',
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
  'whiteSpace',
  'overflowWrap',
  'wordBreak',
  'direction',
  'textAlign',
] as const;

/**
 * Lays the field's text out in an invisible mirror with the same font, padding and wrapping, and
 * reads where each range falls. Textareas wrap; inputs stay on one line.
 */
export function measureControl(
  field: HTMLTextAreaElement | HTMLInputElement,
  mirror: HTMLElement,
  ranges: readonly { start: number; end: number }[],
): Box[][] {
  const style = field.ownerDocument.defaultView!.getComputedStyle(field);
  const target = mirror.style;
  for (const prop of COPIED) target[prop] = style[prop];
  const textarea = field.localName === 'textarea';
  target.whiteSpace = textarea ? 'pre-wrap' : 'pre';
  if (textarea && style.overflowWrap === 'normal') target.overflowWrap = 'break-word';
  target.boxSizing = 'content-box';
  const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  // clientWidth excludes a scrollbar, which narrows the wrapping width.
  target.width = `${Math.max(0, field.clientWidth - padX)}px`;
  target.height = 'auto';

  const text = field.value;
  const doc = field.ownerDocument;
  const spans: HTMLElement[] = [];
  const parts: Node[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (start > at) parts.push(doc.createTextNode(text.slice(at, start)));
    const span = doc.createElement('span');
    span.textContent = text.slice(start, end);
    spans.push(span);
    parts.push(span);
    at = end;
  }
  // A trailing zero-width space keeps a final line break laid out like the field's.
  parts.push(doc.createTextNode(text.slice(at) + '\u200b'));
  mirror.replaceChildren(...parts);

  const origin = mirror.getBoundingClientRect();
  const boxes = spans.map((span) =>
    [...span.getClientRects()].map((r) => ({
      x: r.left - origin.left,
      y: r.top - origin.top,
      width: r.width,
      height: r.height,
    })),
  );
  mirror.replaceChildren();
  return boxes;
}
