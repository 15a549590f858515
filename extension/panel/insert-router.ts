import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { InsertReply, LetterReply, ShowFlagReply, TabMessage } from '../messages.ts';

/** Per tab, the frame whose field was focused last, and when. */
export type FocusedFrames = Record<string, { frameId: number; at: number }>;

/**
 * Kept in session storage, so a prompt still finds its field after the service worker was
 * stopped and woken again; forgotten with the browser.
 */
export const focusedFramesItem = storage.defineItem<FocusedFrames>('session:focusedFrames', {
  fallback: {},
});

export interface InsertRouter {
  /** A field gained focus in this frame of this tab. */
  noteFocus(tabId: number, frameId: number): Promise<void>;
  forgetTab(tabId: number): Promise<void>;
  /**
   * Sends a prompt to the frame of the field last focused in the tab beside the panel: from the
   * side panel (no sender tab), the active tab of the panel's window; from the panel's page open
   * in a tab of its own, the tab of the field focused most recently among the tabs on show.
   */
  insert(
    text: string,
    windowId: number | undefined,
    from: Browser.tabs.Tab | undefined,
  ): Promise<InsertReply>;
  /** The letter in that same field, for the panel's reflections (with its tab's title). */
  readLetter(
    windowId: number | undefined,
    from: Browser.tabs.Tab | undefined,
  ): Promise<LetterReply>;
  /** Shows a flag of that letter in its field. */
  showFlag(
    flag: Extract<TabMessage, { kind: 'show-flag' }>['flag'],
    windowId: number | undefined,
    from: Browser.tabs.Tab | undefined,
  ): Promise<ShowFlagReply>;
}

type Outcome = { outcome: string };

/**
 * Sends one message to one frame and resolves with its answer; `gone` when none comes (the frame
 * navigated away, or Alongside is off there now) or it is not of the shape asked for.
 */
async function askFrame<R extends Outcome>(
  to: { tabId: number; frameId: number },
  message: TabMessage,
): Promise<R | { outcome: 'gone' }> {
  try {
    const reply = (await browser.tabs.sendMessage(to.tabId, message, {
      frameId: to.frameId,
    })) as R | undefined;
    return reply && typeof reply.outcome === 'string' ? reply : { outcome: 'gone' };
  } catch {
    return { outcome: 'gone' };
  }
}

export function createInsertRouter(): InsertRouter {
  // Changes one after another, so a focus noted while another is being saved is not lost.
  let queue: Promise<unknown> = Promise.resolve();
  const change = (edit: (frames: FocusedFrames) => FocusedFrames | undefined) => {
    const next = queue.then(async () => {
      const frames = await focusedFramesItem.getValue();
      const changed = edit({ ...frames });
      if (changed) await focusedFramesItem.setValue(changed);
    });
    queue = next.catch(() => {});
    return next;
  };

  const target = async (
    windowId: number | undefined,
    from: Browser.tabs.Tab | undefined,
  ): Promise<{ tabId: number; frameId: number } | undefined> => {
    await queue;
    const frames = await focusedFramesItem.getValue();
    if (!from) {
      const [tab] = await browser.tabs.query(
        windowId === undefined
          ? { active: true, lastFocusedWindow: true }
          : { active: true, windowId },
      );
      const frame = tab?.id !== undefined ? frames[tab.id] : undefined;
      return tab?.id !== undefined && frame ? { tabId: tab.id, frameId: frame.frameId } : undefined;
    }
    const shown = await browser.tabs.query({ active: true });
    const best = shown
      .filter((tab) => tab.id !== undefined && tab.id !== from.id && frames[tab.id])
      .map((tab) => ({ tabId: tab.id!, ...frames[tab.id!]! }))
      .sort((a, b) => b.at - a.at)[0];
    return best && { tabId: best.tabId, frameId: best.frameId };
  };

  return {
    noteFocus: (tabId, frameId) =>
      change((frames) => {
        // Later than every focus noted before, even within the same millisecond.
        const at = Math.max(Date.now(), ...Object.values(frames).map((f) => f.at + 1));
        return { ...frames, [tabId]: { frameId, at } };
      }),
    forgetTab: (tabId) =>
      change((frames) => {
        if (!(tabId in frames)) return undefined;
        delete frames[tabId];
        return frames;
      }),
    async insert(text, windowId, from) {
      const to = await target(windowId, from);
      if (!to) return { outcome: 'no-field' };
      return askFrame<InsertReply>(to, { kind: 'insert-prompt', text });
    },
    async readLetter(windowId, from) {
      const to = await target(windowId, from);
      if (!to) return { outcome: 'no-field' };
      const reply = await askFrame<LetterReply>(to, { kind: 'read-letter' });
      if (reply.outcome !== 'read') return reply;
      const page = await browser.tabs.get(to.tabId).then(
        (tab) => tab.title,
        () => undefined,
      );
      return page ? { ...reply, page } : reply;
    },
    async showFlag(flag, windowId, from) {
      const to = await target(windowId, from);
      if (!to) return { outcome: 'no-field' };
      return askFrame<ShowFlagReply>(to, { kind: 'show-flag', flag });
    },
  };
}
