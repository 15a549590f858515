import { placeholders } from '@/core/suggestions/placeholders';
import type { Finding, Replacement } from '@/core/engine';
import {
  BRIDGE_EDITED,
  BRIDGE_PREPARE,
  BRIDGE_REPLACE,
  BRIDGE_REPLACED,
} from '../../bridge/protocol.ts';
import type { FieldAdapter } from '../text/field-adapter.ts';
import { rangeAt, selectOffsets } from '../text/field-selection.ts';

export type ApplyResult = 'applied' | 'stale' | 'too-long';

/**
 * Writes a finding's `index`th replacement (`[r.start, r.end)` becomes `r.text`, a range that may
 * be wider than the flagged words) the way a person typing would, so the editor, its undo
 * history and the page's framework state all see an ordinary edit: never by assigning `.value`
 * or `innerHTML`. `source` is the text the finding was made from: if the field's text over the
 * replaced range (and the flagged words) is no longer what it was then, nothing is written
 * ('stale'). When the new text has {gaps}, the first one is selected, ready to be typed over.
 */
export function applySuggestion(
  adapter: FieldAdapter,
  finding: Finding,
  index: number,
  source: string | undefined,
): ApplyResult {
  const r = finding.replacements[index];
  const text = adapter.read();
  if (!r || source === undefined || !unchanged(text, source, finding, r)) return 'stale';
  const written = writeText(adapter, r.start, r.end, r.text);
  if (written !== 'applied') return written;
  const gap = placeholders(r.text)[0];
  if (gap) selectOffsets(adapter, r.start + gap.start, r.start + gap.end);
  return 'applied';
}

/**
 * Writes `text` over offsets [start, end) of the field's text (an insertion where they are equal)
 * as one ordinary, undoable edit: a text control through execCommand, a rich editor through its
 * own API (the page-world bridge), a `beforeinput` it handles, or execCommand. The caret ends
 * after the text. 'stale' when the offsets no longer map onto the field.
 */
export function writeText(
  adapter: FieldAdapter,
  start: number,
  end: number,
  text: string,
): ApplyResult {
  if (adapter.kind === 'control') {
    const field = adapter.field;
    const length = field.value.length;
    // The browser would cut a replacement off at maxlength: refuse rather than write half of it.
    const room = field.maxLength >= 0 ? field.maxLength - (length - (end - start)) : Infinity;
    if (text.length > room) return 'too-long';
    field.focus({ preventScroll: true });
    field.setSelectionRange(start, end);
    // execCommand is the one route that keeps the native undo stack and React's value tracking.
    const doc = field.ownerDocument;
    // Where execCommand is gone or refuses, setRangeText plus an input event still tells the page.
    if (!insertText(doc, text)) {
      field.setRangeText(text, start, end, 'end');
      const after = start + text.length;
      field.setSelectionRange(after, after);
      field.dispatchEvent(
        new InputEvent('input', {
          bubbles: true,
          inputType: 'insertReplacementText',
          data: text,
        }),
      );
    }
    return 'applied';
  }

  const field = adapter.field;
  const range = rangeAt(adapter, start, end);
  const selection = field.ownerDocument.getSelection();
  if (!range || !selection) return 'stale';
  field.focus({ preventScroll: true });
  selection.removeAllRanges();
  selection.addRange(range);

  if (!replaceThroughEditor(field, text)) {
    field.dispatchEvent(new CustomEvent(BRIDGE_PREPARE));
    if (!replaceThroughBeforeInput(field, range, text)) {
      insertText(field.ownerDocument, text);
    }
    field.dispatchEvent(new CustomEvent(BRIDGE_EDITED));
  }
  return 'applied';
}

/**
 * Whether the words a replacement writes over are still the ones the finding was made from: the
 * whole replaced range and the flagged words, which it is meant to hold. A replacement that does
 * not hold them is not trusted either.
 */
function unchanged(text: string, source: string, finding: Finding, r: Replacement): boolean {
  if (r.start > finding.start || r.end < finding.end || r.start < 0 || r.end > source.length) {
    return false;
  }
  return (
    text.slice(r.start, r.end) === source.slice(r.start, r.end) &&
    text.slice(finding.start, finding.end) === finding.match
  );
}

export function insertText(doc: Document, text: string): boolean {
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
