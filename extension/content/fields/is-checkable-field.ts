/** What a checked field is: a textarea, a text-like input, or the host of a contenteditable region. */
export type CheckableField = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

/** Opt-outs honoured: Grammarly's widely used attribute, and our own. */
const OPT_OUT = '[data-gramm="false"], [data-gramm_editor="false"], [data-alongside="off"]';

export function isTextControl(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.localName === 'textarea' || isTextInput(el);
}

function isTextInput(el: Element): el is HTMLInputElement {
  return (
    el.localName === 'input' && TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase())
  );
}

/**
 * Whether Alongside should check this element. Password, hidden, disabled and read-only fields
 * are never touched; `spellcheck="false"` does not opt out (editors set it for their own reasons).
 */
export function isCheckableField(el: Element): el is CheckableField {
  if (el.closest(OPT_OUT)) return false;
  if (el.localName === 'textarea' || el.localName === 'input') {
    const control = el as HTMLTextAreaElement | HTMLInputElement;
    if (el.localName === 'input' && !isTextInput(el)) return false;
    return !control.disabled && !control.readOnly && !control.hidden;
  }
  return isEditingHost(el);
}

/** The outermost element of a contenteditable region (an editor's root), not a child inside it. */
export function isEditingHost(el: Element): el is HTMLElement {
  const html = el as HTMLElement;
  if (!html.isContentEditable) return false;
  const parent = html.parentElement;
  return !parent || !parent.isContentEditable;
}

/** The checkable field an event target sits in, if any (a text node's editor, say). */
export function fieldOf(target: EventTarget | null): CheckableField | undefined {
  let el =
    target instanceof Node
      ? target.nodeType === 1
        ? (target as Element)
        : target.parentElement
      : null;
  if (!el) return undefined;
  if (el.localName === 'textarea' || el.localName === 'input') {
    return isCheckableField(el) ? el : undefined;
  }
  while (el && !isEditingHost(el)) {
    if (!(el as HTMLElement).isContentEditable) return undefined;
    el = el.parentElement;
  }
  return el && isCheckableField(el) ? el : undefined;
}
