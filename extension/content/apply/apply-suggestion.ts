import { placeholders } from '@/core/suggestions/placeholders';
import type { Finding, Replacement } from '@/core/engine';
import {
  BRIDGE_EDITED,
  BRIDGE_PREPARE,
  BRIDGE_REPLACE,
  BRIDGE_REPLACED,
  BRIDGE_VERSION,
  readAnswer,
  sameText,
  sameWords,
  type ReplaceOutcome,
  type ReplaceRequest,
} from '../../bridge/protocol.ts';
import type { FieldAdapter } from '../text/field-adapter.ts';
import { rangeAt, selectOffsets } from '../text/field-selection.ts';
import { saveCaret } from '../text/save-caret.ts';

/**
 * 'failed': the editor did not take the change (it threw, or refused it), and the field's text
 * is as it was, with the caret back where it was.
 */
export type ApplyResult = 'applied' | 'stale' | 'too-long' | 'failed';

/**
 * An edit's result, known at once, or a moment later for an editor that took the edit through
 * its own `beforeinput` handler and may draw it after the event (one that renders through React).
 */
export type Written = ApplyResult | Promise<ApplyResult>;

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
): Written {
  const r = finding.replacements[index];
  const text = adapter.read();
  if (!r || source === undefined || !unchanged(text, source, finding, r)) return 'stale';
  const selectGap = (result: ApplyResult): ApplyResult => {
    const gap = result === 'applied' ? placeholders(r.text)[0] : undefined;
    if (gap) selectOffsets(adapter, r.start + gap.start, r.start + gap.end);
    return result;
  };
  const written = writeText(adapter, r.start, r.end, r.text);
  return typeof written === 'string' ? selectGap(written) : written.then(selectGap);
}

/** Where the field's text stands after an edit was asked for. */
type Landed = 'applied' | 'unchanged' | 'other';

/**
 * Writes `text` over offsets [start, end) of the field's text (an insertion where they are equal)
 * as one ordinary, undoable edit: a text control through execCommand, a rich editor through its
 * own API (the page-world bridge), a `beforeinput` it handles, or execCommand. The caret ends
 * after the text. 'stale' when the offsets no longer map onto the field, or the text changed to
 * something other than the edit asked for.
 *
 * Nothing the page or an editor says is taken on trust: the field is read back after each route,
 * and only the text asked for counts as written. An editor that throws, or cancels the edit and
 * writes nothing, leaves the text as it was: 'failed', with the caret put back.
 */
export function writeText(
  adapter: FieldAdapter,
  start: number,
  end: number,
  text: string,
): Written {
  const before = adapter.read();
  const expected = before.slice(0, start) + text + before.slice(end);
  const landed = (): Landed => {
    const now = adapter.read();
    // Words, not the line breaks between them: on the empty line after Enter the caret's offset
    // is also the end of the line above, and the editor rightly writes on the empty line.
    if (sameText(now, expected) || (adapter.kind !== 'control' && sameWords(now, expected)))
      return 'applied';
    return sameText(now, before) ? 'unchanged' : 'other';
  };
  const restore = saveCaret(adapter);
  /** The result once the routes are done: put the caret back if nothing was written. */
  const result = (at: Landed): ApplyResult => {
    if (at === 'applied') return 'applied';
    if (at === 'other') return 'stale';
    restore();
    return 'failed';
  };

  if (adapter.kind === 'control') {
    const field = adapter.field;
    const length = field.value.length;
    // The browser would cut a replacement off at maxlength: refuse rather than write half of it.
    const room = field.maxLength >= 0 ? field.maxLength - (length - (end - start)) : Infinity;
    if (text.length > room) return 'too-long';
    try {
      writeControl(field, start, end, text);
    } catch {
      // A page's listener that throws is reported to the page; what the field holds says the rest.
    }
    return result(landed());
  }

  const field = adapter.field;
  const range = rangeAt(adapter, start, end);
  const selection = field.ownerDocument.getSelection();
  if (!range || !selection) return 'stale';
  field.focus({ preventScroll: true });
  selection.removeAllRanges();
  selection.addRange(range);

  const answers = askEditor(field, before.slice(start, end), text, () => landed() !== 'unchanged');
  const afterEditor = landed();
  if (afterEditor !== 'unchanged') return result(afterEditor);
  // The editor's own API threw, or its model did not hold the words: nothing else writes them,
  // or the editor and its DOM would disagree.
  if (answers.has('failed') || answers.has('refused')) {
    restore();
    return answers.has('failed') ? 'failed' : 'stale';
  }
  // No bridge of this version answered (or only a "replaced" that changed nothing, which is not
  // ours): the generic route.
  let offered = false;
  try {
    field.dispatchEvent(new CustomEvent(BRIDGE_PREPARE));
    offered = replaceThroughBeforeInput(field, range, text);
    if (!offered) insertText(field.ownerDocument, text);
    field.dispatchEvent(new CustomEvent(BRIDGE_EDITED));
  } catch {
    // As above: the field is read back.
  }
  const afterGeneric = landed();
  if (afterGeneric !== 'unchanged' || !offered) return result(afterGeneric);
  // An editor that cancelled beforeinput to apply it itself may draw the change after the event.
  return new Promise((settle) => setTimeout(() => settle(result(landed())), 0));
}

/** A text control's edit: execCommand, or where that is gone or refuses, setRangeText. */
function writeControl(
  field: HTMLTextAreaElement | HTMLInputElement,
  start: number,
  end: number,
  text: string,
): void {
  field.focus({ preventScroll: true });
  field.setSelectionRange(start, end);
  // execCommand is the one route that keeps the native undo stack and React's value tracking.
  if (insertText(field.ownerDocument, text)) return;
  // setRangeText plus an input event still tells the page.
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
 * the change through their APIs, as one undoable step, and answers before the request's dispatch
 * returns. Returns every answer to this request heard (the page can send answers too: the caller
 * reads the field back rather than believe any). `done` says whether the text has changed, so a
 * second place to ask is not asked.
 */
function askEditor(
  field: HTMLElement,
  expected: string,
  replacement: string,
  done: () => boolean,
): Set<ReplaceOutcome> {
  const answers = new Set<ReplaceOutcome>();
  // TinyMCE's classic mode edits an iframe where the page-world bridge may not run: the request
  // then goes to the iframe element in the parent page, where the editor itself lives.
  const frame = field.ownerDocument.defaultView?.frameElement;
  for (const target of frame ? [field, frame] : [field]) {
    const request: ReplaceRequest = {
      v: BRIDGE_VERSION,
      id: requestId(),
      expected,
      text: replacement,
    };
    const onAnswer = (event: Event) => {
      const outcome = readAnswer((event as CustomEvent).detail, request.id);
      if (outcome) answers.add(outcome);
    };
    target.addEventListener(BRIDGE_REPLACED, onAnswer);
    try {
      // A string detail: objects do not cross from the extension's world into the page's.
      target.dispatchEvent(new CustomEvent(BRIDGE_REPLACE, { detail: JSON.stringify(request) }));
    } finally {
      target.removeEventListener(BRIDGE_REPLACED, onAnswer);
    }
    if (answers.has('failed') || answers.has('refused') || done()) break;
  }
  return answers;
}

/** A fresh id per request (crypto.randomUUID needs a secure context; intranet pages often are not). */
function requestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
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
