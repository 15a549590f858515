import { browser } from 'wxt/browser';
import {
  PANEL_PORT,
  sendMessage,
  type FlagPlace,
  type LetterReply,
  type ShowFlagReply,
} from '../messages.ts';

/** The panel's own window: the tab beside it is that window's active tab. */
export async function panelWindow(): Promise<{ windowId?: number }> {
  const windowId = await browser.windows
    .getCurrent()
    .then((w) => w.id)
    .catch(() => undefined);
  return windowId !== undefined ? { windowId } : {};
}

/** The letter in the field last written in beside the panel. Undefined: no answer came. */
export async function readLetter(): Promise<LetterReply | undefined> {
  return sendMessage({ kind: 'read-letter', ...(await panelWindow()) });
}

/** Shows that flag in the letter beside the panel, its card open. */
export async function showFlag(flag: FlagPlace): Promise<ShowFlagReply | undefined> {
  return sendMessage({ kind: 'show-flag', flag, ...(await panelWindow()) });
}

/** How long after the background's worker stopped (and the port closed) the panel reconnects. */
const RECONNECT_MS = 500;

/**
 * Calls `onChange` whenever the letter beside the panel may have changed: another field focused,
 * another tab shown, the letter edited. Holds a port to the background for as long as the panel
 * is open, connecting again (and calling `onChange`) when the browser stops the worker.
 */
export function watchLetter(onChange: () => void): () => void {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    port = browser.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener(() => onChange());
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (stopped) return;
      timer = setTimeout(() => {
        connect();
        onChange();
      }, RECONNECT_MS);
    });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    port?.disconnect();
  };
}
