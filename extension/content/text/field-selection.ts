import type { FieldAdapter } from './field-adapter.ts';
import { offsetOf, type EditableText } from './editable-text.ts';

/** The selection of the document or shadow root a field lives in. */
export function selectionOf(field: HTMLElement): Selection | null {
  const root = field.getRootNode() as Document | ShadowRoot;
  // A selection inside a shadow root is only visible through the root (Chromium) or the document.
  return 'getSelection' in root && typeof root.getSelection === 'function'
    ? (root.getSelection as () => Selection | null)()
    : field.ownerDocument.getSelection();
}

/**
 * Selects text offsets [start, end) of the field (collapsed when equal), re-reading it first so
 * the offsets map onto the DOM as it is now. False when they no longer fall in the field.
 */
export function selectOffsets(adapter: FieldAdapter, start: number, end: number): boolean {
  if (adapter.kind === 'control') {
    const length = adapter.read().length;
    if (end > length) return false;
    adapter.field.setSelectionRange(start, end);
    return true;
  }
  adapter.read();
  const range = adapter.range(start, end);
  // Set through the document's selection, which reaches into shadow trees as well.
  const selection = adapter.field.ownerDocument.getSelection();
  if (!range || !selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/**
 * The selection as text offsets in the field [start, end] (start ≤ end), or undefined when the
 * field does not have it. Re-reads the field, so it is current after any edit.
 */
export function selectedOffsets(adapter: FieldAdapter): { start: number; end: number } | undefined {
  const field = adapter.field;
  if (adapter.kind === 'control') {
    const root = field.getRootNode() as Document | ShadowRoot;
    if (root.activeElement !== field) return undefined;
    const { selectionStart, selectionEnd } = adapter.field;
    if (selectionStart === null || selectionEnd === null) return undefined;
    return { start: selectionStart, end: selectionEnd };
  }
  const selection = selectionOf(field);
  if (!selection || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!field.contains(range.startContainer) || !field.contains(range.endContainer)) {
    return undefined;
  }
  adapter.read();
  const model = adapter.model();
  const start = positionOf(model, range.startContainer, range.startOffset);
  const end = positionOf(model, range.endContainer, range.endOffset);
  if (start === undefined || end === undefined) return undefined;
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

/** Like offsetOf, but a text node the model skipped (formatting whitespace) counts as its place. */
function positionOf(model: EditableText, node: Node, offset: number): number | undefined {
  const direct = offsetOf(model, node, offset);
  if (direct !== undefined || node.nodeType !== Node.TEXT_NODE || !node.parentNode) return direct;
  const index = Array.prototype.indexOf.call(node.parentNode.childNodes, node) as number;
  return offsetOf(model, node.parentNode, index);
}

/**
 * A DOM range for offsets [start, end) of a rich field: the field's own selection where it is
 * at those very offsets, else one built from them. An empty line the caret sits on (after
 * Enter) has the same offset as the end of the line before, so only the live selection says
 * which of the two the caret is on.
 */
export function rangeAt(
  adapter: Extract<FieldAdapter, { kind: 'editable' }>,
  start: number,
  end: number,
): Range | undefined {
  const now = selectedOffsets(adapter);
  if (now && now.start === start && now.end === end) {
    const selection = selectionOf(adapter.field);
    if (selection && selection.rangeCount > 0) return selection.getRangeAt(0).cloneRange();
  }
  return adapter.range(start, end);
}
