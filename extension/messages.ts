import { browser } from 'wxt/browser';
import type { DocumentKindGuess, Finding, Locale, Severity } from '@/core/engine';
import { DOCUMENT_KINDS, SEVERITIES } from '@/core/lexicon/constants';

/**
 * The one message protocol between the content script, the background and the popup, keyed on
 * `kind` and handled in one switch on each side.
 */
export type Message =
  /** Content script → background: how many flags this frame shows now. */
  | { kind: 'flag-count'; count: number }
  /** Popup → background: the active tab's flag count across its frames. */
  | { kind: 'get-flag-count'; tabId: number }
  /**
   * Content script → background: the findings of these paragraphs, checked with the lexicon for
   * this locale and allow-list. The background holds the one matcher (compiled once, kept in
   * session storage): a frame loads no lexicon at all, so the script injected into every frame
   * stays small and is ready as soon as it finds a field. The text goes no further than the
   * extension's own background, and is not kept there.
   */
  | ({ kind: 'find' } & FindRequest)
  /**
   * Content script → background: a checkable field of this frame has just gained focus, so this
   * frame holds the field a prompt from the side panel goes into.
   */
  | { kind: 'field-focused' }
  /**
   * Side panel → background: insert `text` at the caret of the field last focused in the tab
   * beside the panel (the active tab of `windowId`, the panel's window). The background forwards
   * it to that frame alone and answers with what happened.
   */
  | { kind: 'insert-prompt'; text: string; windowId?: number }
  /**
   * Content script → background: the letter in the field last focused in this frame has
   * changed (its text, flags or kind), a moment after it settled. Nothing of it is sent: an open
   * side panel asks for it (`read-letter`), and without one the background does nothing.
   */
  | { kind: 'letter-changed' }
  /**
   * Side panel → background: the letter in the field last focused in the tab beside the panel,
   * for its reflections. Forwarded to that frame alone, answered with a LetterReply; the text goes
   * from the frame to the panel and is kept by neither the background nor the panel.
   */
  | { kind: 'read-letter'; windowId?: number }
  /**
   * Side panel → background: show this flag of that letter in its field (scrolled to, the caret
   * at its start, its card open). Answered with a ShowFlagReply.
   */
  | { kind: 'show-flag'; flag: FlagPlace; windowId?: number };

/** Where a flag of a letter is, and its words, so a letter changed since can be told apart. */
export interface FlagPlace {
  start: number;
  end: number;
  match: string;
}

/** A flag of a letter, as the side panel counts and lists it. */
export interface LetterFlag extends FlagPlace {
  category: string;
}

/** The letter in a field as the side panel reflects on it. */
export interface LetterSnapshot {
  text: string;
  /** What it is read as (chosen in the card, or guessed), as its flags were found. */
  kind: DocumentKindGuess;
  chosen: boolean;
  /** Its flags, in text order, offsets in `text`. */
  flags: LetterFlag[];
  /** Whether some of its paragraphs are still being checked (more flags may come). */
  waiting: boolean;
}

/**
 * The letter last written in beside the panel (`page`: its tab's title); or none focused yet in
 * that tab; or the field gone from the page.
 */
export type LetterReply =
  { outcome: 'read'; letter: LetterSnapshot; page?: string } | { outcome: 'no-field' | 'gone' };

/** What became of a flag to show: shown; no longer in the letter; no field; the field gone. */
export interface ShowFlagReply {
  outcome: 'shown' | 'moved' | 'no-field' | 'gone';
}

/** The name of the port an open side panel holds to the background, to hear of changes. */
export const PANEL_PORT = 'alongside-panel';

/** Background → side panel, down its port: the letter beside it may have changed; read it again. */
export interface PanelNotice {
  kind: 'letter-changed';
}

export interface FindRequest {
  locale: Locale;
  allow: string[];
  minSeverity: Severity;
  documentKind: DocumentKindGuess;
  paragraphs: string[];
}

export interface FindReply {
  /** Per paragraph, in the order asked, its findings with offsets from its own start. */
  findings: Finding[][];
}

export interface FlagCountReply {
  count: number;
}

/**
 * What became of a prompt sent to be inserted: written in (`gaps`: how many {gaps} it has to
 * Tab through); no field focused in that tab yet; the field gone from the page; longer than the
 * field allows; or the field's text changed since the caret was last seen, so no place is sure.
 */
export type InsertOutcome = 'inserted' | 'no-field' | 'gone' | 'too-long' | 'moved';

export interface InsertReply {
  outcome: InsertOutcome;
  gaps?: number;
}

/** What the background answers to each kind of message (`void`: nothing). */
export interface Replies {
  'flag-count': void;
  'get-flag-count': FlagCountReply;
  find: FindReply;
  'field-focused': void;
  'insert-prompt': InsertReply;
  'letter-changed': void;
  'read-letter': LetterReply;
  'show-flag': ShowFlagReply;
}

/**
 * Sends a message to the background and resolves with its typed reply. Undefined when no
 * listener answered (a background still waking, say), so callers check rather than cast.
 */
export function sendMessage<M extends Message>(
  message: M,
): Promise<Replies[M['kind']] | undefined> {
  return browser.runtime.sendMessage(message) as Promise<Replies[M['kind']] | undefined>;
}

/** The site a frame belongs to, for the per-site switch: the top page's host, even in an iframe. */
export function siteOf(win: Window): string {
  const ancestors = win.location.ancestorOrigins;
  const top = ancestors && ancestors.length > 0 ? ancestors[ancestors.length - 1] : undefined;
  if (top) {
    try {
      return new URL(top).hostname;
    } catch {
      // An opaque origin ("null"): fall back to the frame's own host.
    }
  }
  return win.location.hostname;
}

/** Whether a value received as a runtime message is one of ours, well formed. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { kind?: unknown; count?: unknown; tabId?: unknown };
  switch (m.kind) {
    case 'flag-count':
      return typeof m.count === 'number' && Number.isFinite(m.count);
    case 'get-flag-count':
      return typeof m.tabId === 'number' && Number.isInteger(m.tabId);
    case 'field-focused':
    case 'letter-changed':
      return true;
    case 'read-letter':
      return optionalWindow((m as { windowId?: unknown }).windowId);
    case 'show-flag': {
      const { flag, windowId } = m as { flag?: unknown; windowId?: unknown };
      return isFlagPlace(flag) && optionalWindow(windowId);
    }
    case 'insert-prompt': {
      const { text, windowId } = m as { text?: unknown; windowId?: unknown };
      return typeof text === 'string' && text.length > 0 && optionalWindow(windowId);
    }
    case 'find': {
      const { locale, allow, minSeverity, documentKind, paragraphs } = m as Partial<
        Record<keyof FindRequest, unknown>
      >;
      const strings = (list: unknown) =>
        Array.isArray(list) && list.every((item) => typeof item === 'string');
      return (
        (locale === 'en-GB' || locale === 'en-US') &&
        strings(allow) &&
        (SEVERITIES as readonly unknown[]).includes(minSeverity) &&
        (documentKind === 'unsure' ||
          (DOCUMENT_KINDS as readonly unknown[]).includes(documentKind)) &&
        strings(paragraphs)
      );
    }
    default:
      return false;
  }
}

const optionalWindow = (id: unknown) =>
  id === undefined || (typeof id === 'number' && Number.isInteger(id));

/** Whether a value is a FlagPlace: whole offsets in order, and words. */
export function isFlagPlace(value: unknown): value is FlagPlace {
  if (typeof value !== 'object' || value === null) return false;
  const { start, end, match } = value as Partial<Record<keyof FlagPlace, unknown>>;
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    (start as number) >= 0 &&
    (end as number) > (start as number) &&
    typeof match === 'string'
  );
}

/**
 * Background → content scripts of one tab (every frame), sent with `browser.tabs.sendMessage`.
 * `report-flag-count`: send your current `flag-count` again, even if unchanged. The background
 * forgets a tab's counts whenever it loads (Chromium says "loading" for iframe navigations,
 * `history.pushState` and hash changes too, where content scripts live on) and asks once the tab
 * has finished loading, so frames that survived are counted again.
 */
export type TabMessage =
  | { kind: 'report-flag-count' }
  /**
   * Sent to one frame (the one whose field was last focused): insert `text` at that field's
   * saved caret as one undo step, then Tab through its {gaps}. Answered with an InsertReply.
   */
  | { kind: 'insert-prompt'; text: string }
  /** Sent to that frame alone: answer with the letter in that field (a LetterReply). */
  | { kind: 'read-letter' }
  /** Sent to that frame alone: show this flag of that field's letter (a ShowFlagReply). */
  | { kind: 'show-flag'; flag: FlagPlace };

export function sendTabMessage(tabId: number, message: TabMessage): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message);
}

/**
 * The site of a tab's address, as `siteOf` gives it for the tab's top frame: the host name, ""
 * for local files. Undefined where content scripts never run (browser and extension pages,
 * about:, data:, view-source: …).
 */
export function siteOfUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) return undefined;
  // The browsers' own add-on stores refuse every extension's content scripts.
  if (parsed.hostname === 'chromewebstore.google.com') return undefined;
  if (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) {
    return undefined;
  }
  if (parsed.hostname === 'addons.mozilla.org') return undefined;
  return parsed.hostname;
}
