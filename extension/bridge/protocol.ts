/**
 * Events between the content script (isolated world) and the page-world bridge. Details are JSON
 * strings, the one kind of value that crosses between the two worlds intact.
 *
 * The page shares the main world with the bridge and can dispatch any of these events itself, so
 * nothing here is trusted for its own sake: the bridge edits only when the text at the selection
 * is the text the request expects, and the content script reads the field back after every
 * answer before it calls an edit done.
 *
 * The protocol's version is in every event name and in every request and answer. After an
 * extension update a page can hold an old bridge beside a new content script (or the other way
 * round); with different names they never hear each other, so the content script finds no bridge
 * and takes its own route rather than misreading an answer.
 */
export const BRIDGE_VERSION = 2;

const prefix = `alongside:v${BRIDGE_VERSION}:`;
/** Content script → bridge, on the field: replace the selected text (a ReplaceRequest). */
export const BRIDGE_REPLACE = `${prefix}replace`;
/** Bridge → content script, on the same element, before the request's dispatch returns (a ReplaceAnswer). */
export const BRIDGE_REPLACED = `${prefix}replaced`;
/** Before a generic edit: editors that merge quick changes into one undo step (Quill) are told to close the step. */
export const BRIDGE_PREPARE = `${prefix}prepare-edit`;
/**
 * After a generic edit: the same editors are told to close the step once they have taken the
 * edit in, so what the clinician types next (over a {gap}, say) is undone on its own.
 */
export const BRIDGE_EDITED = `${prefix}edited`;

export interface ReplaceRequest {
  v: typeof BRIDGE_VERSION;
  /** Names the request, so an answer to another request is not taken for this one's. */
  id: string;
  /** The text the selection must hold now, or nothing is written. */
  expected: string;
  /** What to write over it. */
  text: string;
}

/**
 * `replaced`: the editor took the change. `refused`: the selection did not hold the expected
 * text, so nothing was written. `failed`: the editor threw while making the change.
 * No answer at all: no editor the bridge knows is there.
 */
export type ReplaceOutcome = 'replaced' | 'refused' | 'failed';

export interface ReplaceAnswer {
  v: typeof BRIDGE_VERSION;
  id: string;
  outcome: ReplaceOutcome;
}

const OUTCOMES: readonly string[] = ['replaced', 'refused', 'failed'] satisfies ReplaceOutcome[];

/** Parses `detail` as JSON, or undefined for anything that is not a JSON string of an object. */
function parseObject(detail: unknown): Record<string, unknown> | undefined {
  // A page can put any value in a detail (an object whose getters throw, say): only a string is read.
  if (typeof detail !== 'string' || detail.length > 1_000_000) return undefined;
  try {
    const value: unknown = JSON.parse(detail);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A request of this version, or undefined for anything else. */
export function readRequest(detail: unknown): ReplaceRequest | undefined {
  const value = parseObject(detail);
  if (
    value?.v !== BRIDGE_VERSION ||
    typeof value.id !== 'string' ||
    typeof value.expected !== 'string' ||
    typeof value.text !== 'string'
  ) {
    return undefined;
  }
  return { v: BRIDGE_VERSION, id: value.id, expected: value.expected, text: value.text };
}

/** An answer of this version to request `id`, or undefined for anything else. */
export function readAnswer(detail: unknown, id: string): ReplaceOutcome | undefined {
  const value = parseObject(detail);
  if (value?.v !== BRIDGE_VERSION || value.id !== id) return undefined;
  return typeof value.outcome === 'string' && OUTCOMES.includes(value.outcome)
    ? (value.outcome as ReplaceOutcome)
    : undefined;
}

/**
 * Whether two texts say the same words: editors write spaces as no-break spaces and keep
 * zero-width caret fillers (CKEditor's, TinyMCE's) in their DOM, which are not the clinician's text.
 */
export function sameText(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

/**
 * Whether two texts hold the same words, whatever lies between them: a selection's text across
 * paragraphs has no line breaks in the DOM, and its editor's model has none either.
 */
export function sameWords(a: string, b: string): boolean {
  return comparable(a).replace(/ /g, '') === comparable(b).replace(/ /g, '');
}

const comparable = (s: string) => s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s/g, ' ');
