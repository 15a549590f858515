import { sendMessage, type InsertReply } from '../messages.ts';
import { panelWindow } from './letter-link.ts';

/**
 * Asks the background to insert a prompt in the field last focused in the tab beside the panel
 * (the active tab of the panel's own window). Undefined when the background did not answer.
 */
export async function sendPrompt(text: string): Promise<InsertReply | undefined> {
  return sendMessage({ kind: 'insert-prompt', text, ...(await panelWindow()) });
}
