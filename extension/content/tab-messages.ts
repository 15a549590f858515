import { browser } from 'wxt/browser';
import type { TabMessage } from '../messages.ts';

/**
 * Hears the background's messages to this frame until `signal` aborts. `handle` answers with a
 * promise of its reply, or undefined for a message that is not its own (another feature's).
 */
export function onTabMessage(
  signal: AbortSignal,
  handle: (message: Partial<TabMessage> | undefined) => Promise<unknown> | undefined,
): void {
  const listener = (message: unknown) => handle(message as Partial<TabMessage> | undefined);
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), {
    once: true,
  });
}
