import { browser } from 'wxt/browser';

/**
 * The one message protocol between the content script, the background and the popup, keyed on
 * `kind` and handled in one switch on each side.
 */
export type Message =
  /** Content script → background: how many flags this frame shows now. */
  | { kind: 'flag-count'; count: number }
  /** Popup → background: the active tab's flag count across its frames. */
  | { kind: 'get-flag-count'; tabId: number };

export interface FlagCountReply {
  count: number;
}

export function sendMessage(message: Message): Promise<unknown> {
  return browser.runtime.sendMessage(message);
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
