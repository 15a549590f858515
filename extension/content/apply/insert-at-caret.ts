import { paragraphsOf } from '@/core/kit/paragraphs';
import { BRIDGE_EDITED, BRIDGE_PREPARE } from '../../bridge/protocol.ts';
import type { FieldAdapter } from '../text/field-adapter.ts';
import { rangeAt } from '../text/field-selection.ts';
import { insertText, writeText, type Written } from './apply-suggestion.ts';

export type InsertAtCaretResult =
  /** Written: `text` is what the field's text now holds from about `near` on. */
  { result: 'inserted'; near: number; text: string } | { result: 'too-long' | 'stale' | 'failed' };

// One reading of a scaffold's paragraphs, shared with the panel and the printed kit.
export { paragraphsOf };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');

/** The paragraphs as HTML: one `<p>` each, a line break inside one as `<br>`. */
export function paragraphsHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
}

/**
 * Inserts a prompt over offsets [start, end) of the field's text (the caret, or the selection) as
 * one undo step. A multi-paragraph prompt becomes paragraphs in a rich editor (a blank line
 * between them in a textarea, spaces in a one-line input): offered to the editor as a paste of
 * that text, which CKEditor 5, TinyMCE, ProseMirror and the like take in through their own model
 * as one step; where nothing takes the paste (a plain contenteditable), the browser's own
 * `insertHTML`. One paragraph goes in exactly as a suggestion is applied.
 */
export function insertAtCaret(
  adapter: FieldAdapter,
  at: { start: number; end: number },
  prompt: string,
): InsertAtCaretResult {
  const paragraphs = paragraphsOf(prompt);
  if (adapter.kind === 'control') {
    const oneLine = adapter.field.localName === 'input';
    const text = oneLine ? paragraphs.join(' ').replace(/\n/g, ' ') : paragraphs.join('\n\n');
    closeTypingStep(adapter, at);
    return inserted(writeText(adapter, at.start, at.end, text), at.start, text);
  }

  const text = paragraphs.join('\n\n');
  adapter.read();
  if (!text.includes('\n'))
    return inserted(writeText(adapter, at.start, at.end, text), at.start, text);
  const field = adapter.field;
  const range = rangeAt(adapter, at.start, at.end);
  const selection = field.ownerDocument.getSelection();
  if (!range || !selection) return { result: 'stale' };
  field.focus({ preventScroll: true });
  selection.removeAllRanges();
  selection.addRange(range);
  const html = paragraphsHtml(paragraphs);
  if (!pasteInto(field, text, html)) {
    field.dispatchEvent(new CustomEvent(BRIDGE_PREPARE));
    if (!field.ownerDocument.execCommand('insertHTML', false, html)) {
      insertText(field.ownerDocument, text);
    }
    field.dispatchEvent(new CustomEvent(BRIDGE_EDITED));
  }
  return { result: 'inserted', near: at.start, text };
}

/**
 * A one-paragraph prompt's result. One still being drawn by an editor that took it through
 * `beforeinput` counts as inserted: the caller looks for it in the field for a while.
 */
function inserted(written: Written, near: number, text: string): InsertAtCaretResult {
  if (typeof written !== 'string' || written === 'applied')
    return { result: 'inserted', near, text };
  return { result: written };
}

/**
 * Chromium joins an insertion at the very caret the clinician was typing at into their typing's
 * undo step: moving the selection away and back first makes the insertion a step of its own.
 */
function closeTypingStep(adapter: FieldAdapter, at: { start: number; end: number }): void {
  if (adapter.kind !== 'control') return;
  const field = adapter.field;
  const elsewhere = at.start === 0 ? field.value.length : 0;
  field.setSelectionRange(elsewhere, elsewhere);
}

/**
 * Offers the text to the editor as a paste, with HTML paragraphs beside the plain text (TinyMCE
 * takes a plain-text-only paste through a hidden element the browser must fill, which a
 * synthetic paste never does). True when the editor took it (it cancels the event).
 */
function pasteInto(field: HTMLElement, text: string, html: string): boolean {
  const view = field.ownerDocument.defaultView;
  if (!view || typeof view.ClipboardEvent !== 'function') return false;
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  data.setData('text/html', html);
  const event = new view.ClipboardEvent('paste', {
    clipboardData: data,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  return !field.dispatchEvent(event);
}

/**
 * Where the inserted text now starts in the field's text, near where it was put: an editor may
 * open a paragraph of its own before it (TinyMCE, at the end of a paragraph). Undefined when it
 * is not there (yet).
 */
export function locateInserted(text: string, near: number, inserted: string): number | undefined {
  const spaces = (s: string) => s.replace(/\u00a0/g, ' ');
  const haystack = spaces(text);
  const needle = spaces(inserted);
  let best: number | undefined;
  for (let from = Math.max(0, near - 3); from <= near + 3; from++) {
    if (haystack.startsWith(needle, from)) {
      if (best === undefined || Math.abs(from - near) < Math.abs(best - near)) best = from;
    }
  }
  return best;
}
