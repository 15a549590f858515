import { browser } from 'wxt/browser';
import { sendMessage, type InsertReply } from '../messages.ts';

/**
 * Asks the background to insert a prompt in the field last focused in the tab beside the panel
 * (the active tab of the panel's own window). Undefined when the background did not answer.
 */
export async function sendPrompt(text: string): Promise<InsertReply | undefined> {
  const windowId = await browser.windows
    .getCurrent()
    .then((w) => w.id)
    .catch(() => undefined);
  return sendMessage({
    kind: 'insert-prompt',
    text,
    ...(windowId !== undefined ? { windowId } : {}),
  });
}
