import type { FieldAdapter } from './field-adapter.ts';

/** Remembers where the caret is in a field, and returns a function that puts focus and it back. */
export function saveCaret(adapter: FieldAdapter): () => void {
  if (adapter.kind === 'control') {
    const { selectionStart, selectionEnd } = adapter.field;
    return () => {
      adapter.field.focus({ preventScroll: true });
      if (selectionStart !== null && selectionEnd !== null) {
        adapter.field.setSelectionRange(selectionStart, selectionEnd);
      }
    };
  }
  const selection = adapter.field.ownerDocument.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
  return () => {
    adapter.field.focus({ preventScroll: true });
    if (!range) return;
    const now = adapter.field.ownerDocument.getSelection();
    now?.removeAllRanges();
    now?.addRange(range);
  };
}
