import type { CheckableField } from '../fields/is-checkable-field.ts';
import { isTextControl } from '../fields/is-checkable-field.ts';
import { offsetOf, rangeFor, readEditableText, type EditableText } from './editable-text.ts';

/** One way to read a field's text and find positions in it, whatever kind of field it is. */
export type FieldAdapter = ControlAdapter | EditableAdapter;

export interface ControlAdapter {
  kind: 'control';
  field: HTMLTextAreaElement | HTMLInputElement;
  read(): string;
  /** The caret's offset when the field has focus and a collapsed selection. */
  caret(): number | undefined;
}

export interface EditableAdapter {
  kind: 'editable';
  field: HTMLElement;
  read(): string;
  caret(): number | undefined;
  /** The model from the last `read`, for mapping offsets to DOM ranges. */
  model(): EditableText;
  range(start: number, end: number): Range | undefined;
}

export function adapterFor(field: CheckableField): FieldAdapter {
  if (isTextControl(field)) {
    return {
      kind: 'control',
      field,
      read: () => field.value,
      caret() {
        if (field.matches(':focus')) {
          const { selectionStart, selectionEnd } = field;
          if (selectionStart !== null && selectionStart === selectionEnd) return selectionStart;
        }
        return undefined;
      },
    };
  }
  let model: EditableText = { text: '', nodes: [], starts: [] };
  return {
    kind: 'editable',
    field,
    read() {
      model = readEditableText(field);
      return model.text;
    },
    model: () => model,
    range: (start, end) => rangeFor(model, start, end),
    caret() {
      const root = field.getRootNode() as Document | ShadowRoot;
      // A selection inside a shadow root is only visible through getComposedRanges or the root.
      const selection =
        'getSelection' in root && typeof root.getSelection === 'function'
          ? (root.getSelection as () => Selection | null)()
          : field.ownerDocument.getSelection();
      if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return undefined;
      const node = selection.focusNode;
      if (!node || !field.contains(node)) return undefined;
      return offsetOf(model, node, selection.focusOffset);
    },
  };
}
