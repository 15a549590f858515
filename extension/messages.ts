import { browser } from 'wxt/browser';
import type { Locale } from '@/core/engine';

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
   * Content script → background: the lexicon to check with, compiled for this locale and
   * allow-list. The background compiles it once (most of a second) and every frame receives the
   * result, so the script injected into every frame stays small and starts in milliseconds.
   */
  | { kind: 'get-compiled-lexicon'; locale: Locale; allow: string[] };

export interface CompiledLexiconReply {
  /** An EncodedLexicon as JSON: parsed by the frame itself, so its cost is measured there. */
  compiled: string;
}

export interface FlagCountReply {
  count: number;
}

/** What the background answers to each kind of message (`void`: nothing). */
export interface Replies {
  'flag-count': void;
  'get-flag-count': FlagCountReply;
  'get-compiled-lexicon': CompiledLexiconReply;
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
    case 'get-compiled-lexicon': {
      const { locale, allow } = m as { locale?: unknown; allow?: unknown };
      return (
        (locale === 'en-GB' || locale === 'en-US') &&
        Array.isArray(allow) &&
        allow.every((phrase) => typeof phrase === 'string')
      );
    }
    default:
      return false;
  }
}

/**
 * Background → content scripts of one tab (every frame), sent with `browser.tabs.sendMessage`.
 * `report-flag-count`: send your current `flag-count` again, even if unchanged. The background
 * forgets a tab's counts whenever it loads (Chromium says "loading" for iframe navigations,
 * `history.pushState` and hash changes too, where content scripts live on) and asks once the tab
 * has finished loading, so frames that survived are counted again.
 */
export type TabMessage = { kind: 'report-flag-count' };

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
