import { placeholders } from '@/core/engine';
import type { Finding } from '@/core/engine';
import { BRIDGE_PREPARE, BRIDGE_REPLACE, BRIDGE_REPLACED } from '../../bridge/protocol.ts';
import type { FieldAdapter } from '../text/field-adapter.ts';
import { rangeFor, readEditableText } from '../text/editable-text.ts';

export type ApplyResult = 'applied' | 'stale' | 'too-long';

/**
 * Replaces a flagged phrase the way a person typing would, so the editor, its undo history and the
 * page's framework state all see an ordinary edit: never by assigning `.value` or `innerHTML`.
 * If the text under the flag is no longer the flagged phrase, nothing is written ('stale').
 */
export function applySuggestion(
  adapter: FieldAdapter,
  finding: Finding,
  replacement: string,
): ApplyResult {
  const text = adapter.read();
  if (text.slice(finding.start, finding.end) !== finding.match) return 'stale';
  const gap = placeholders(replacement)[0];
  if (adapter.kind === 'control') {
    const field = adapter.field;
    // The browser would cut a replacement off at maxlength: refuse rather than write half of it.
    const room =
      field.maxLength >= 0 ? field.maxLength - (text.length - finding.match.length) : Infinity;
    if (replacement.length > room) return 'too-long';
    field.focus({ preventScroll: true });
    field.setSelectionRange(finding.start, finding.end);
    // execCommand is the one route that keeps the native undo stack and React's value tracking.
    const doc = field.ownerDocument;
    // Where execCommand is gone or refuses, setRangeText plus an input event still tells the page.
    if (!insertText(doc, replacement)) {
      field.setRangeText(replacement, finding.start, finding.end, 'end');
      const after = finding.start + replacement.length;
      field.setSelectionRange(after, after);
      field.dispatchEvent(
        new InputEvent('input', {
          bubbles: true,
          inputType: 'insertReplacementText',
          data: replacement,
        }),
      );
    }
    if (gap) field.setSelectionRange(finding.start + gap.start, finding.start + gap.end);
    return 'applied';
  }

  const field = adapter.field;
  const range = adapter.range(finding.start, finding.end);
  if (!range) return 'stale';
  const doc = field.ownerDocument;
  field.focus({ preventScroll: true });
  const selection = doc.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);

  if (!replaceThroughEditor(field, replacement)) {
    field.dispatchEvent(new CustomEvent(BRIDGE_PREPARE));
    if (!replaceThroughBeforeInput(field, range, replacement)) {
      insertText(doc, replacement);
    }
  }
  if (gap) {
    const after = readEditableText(field);
    const placeholder = rangeFor(after, finding.start + gap.start, finding.start + gap.end);
    if (placeholder) {
      selection.removeAllRanges();
      selection.addRange(placeholder);
    }
  }
  return 'applied';
}

function insertText(doc: Document, text: string): boolean {
  return typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
}

/**
 * CKEditor 5 and TinyMCE keep their own model and undo stack: a page-world bridge script makes
 * the change through their APIs, as one undoable step. It answers synchronously when it did.
 */
function replaceThroughEditor(field: HTMLElement, replacement: string): boolean {
  // TinyMCE's classic mode edits an iframe where the page-world bridge may not run: the request
  // then goes to the iframe element in the parent page, where the editor itself lives.
  const frame = field.ownerDocument.defaultView?.frameElement;
  const targets: Element[] = frame ? [field, frame] : [field];
  return targets.some((target) => {
    let handled = false;
    const onReplaced = () => (handled = true);
    target.addEventListener(BRIDGE_REPLACED, onReplaced, { once: true });
    // A string detail: objects do not cross from the extension's world into the page's.
    target.dispatchEvent(
      new CustomEvent(BRIDGE_REPLACE, { detail: JSON.stringify({ text: replacement }) }),
    );
    target.removeEventListener(BRIDGE_REPLACED, onReplaced);
    return handled;
  });
}

/** Editors that handle `beforeinput` themselves (Slate, Lexical and the like) cancel it and apply it. */
function replaceThroughBeforeInput(field: HTMLElement, range: Range, replacement: string): boolean {
  const view = field.ownerDocument.defaultView!;
  const data = new view.DataTransfer();
  data.setData('text/plain', replacement);
  const event = new view.InputEvent('beforeinput', {
    inputType: 'insertReplacementText',
    data: replacement,
    dataTransfer: data,
    targetRanges: [new view.StaticRange(range)],
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  return !field.dispatchEvent(event);
}
