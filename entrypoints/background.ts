import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  FlagCounts,
  badgeText,
  finishedLoading,
  mayHaveNavigated,
  type FlagCountsSnapshot,
} from '@/extension/flag-counts';
import { compiledLexiconFor, findIn } from '@/extension/compiled-lexicon-cache';
import { readSettings } from '@/extension/settings';
import {
  isMessage,
  sendTabMessage,
  type FindReply,
  type FlagCountReply,
} from '@/extension/messages';

/** A quiet slate blue: a count to notice, not an alarm. */
const BADGE_COLOUR = '#4f6d7a';

/**
 * The counts outlive the service worker being stopped (not the browser closing), so after a
 * restart the badge, which the browser keeps, and the popup's count still agree.
 */
const savedCounts = storage.defineItem<FlagCountsSnapshot>('session:flagCounts', {
  fallback: {},
});

export default defineBackground(() => {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;

  // Every listener is registered synchronously below, so a stopped worker is woken for them; each
  // waits for the restored counts, and, as promise callbacks run in order, changes stay in order.
  const ready: Promise<FlagCounts> = savedCounts.getValue().then(
    (snapshot) => FlagCounts.fromSnapshot(snapshot),
    () => new FlagCounts(),
  );

  void action.setBadgeBackgroundColor({ color: BADGE_COLOUR }).catch(() => {});
  // Chromium 110+ and Firefox; white text reads well on the slate.
  if ('setBadgeTextColor' in action) {
    void Promise.resolve(action.setBadgeTextColor({ color: '#ffffff' })).catch(() => {});
  }

  const showTotal = (tabId: number, total: number) =>
    // The tab may have closed meanwhile: nothing to show then.
    action.setBadgeText({ tabId, text: badgeText(total) }).catch(() => {});

  const save = (counts: FlagCounts) => savedCounts.setValue(counts.snapshot()).catch(() => {});

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isMessage(message)) return false;
    switch (message.kind) {
      case 'flag-count': {
        const tabId = sender.tab?.id;
        // Only content scripts in tabs count; extension pages have no tab or a negative id.
        if (tabId === undefined || tabId < 0) return false;
        const frameId = sender.frameId ?? 0;
        void ready.then((counts) => {
          const total = counts.set(tabId, frameId, message.count);
          void showTotal(tabId, total);
          void save(counts);
        });
        return false;
      }
      case 'find':
        // Nothing of the text is kept: the findings go back to the frame that asked, and only there.
        void findIn(message).then(
          (findings) => sendResponse({ findings } satisfies FindReply),
          () => sendResponse(undefined),
        );
        // Answered asynchronously.
        return true;
      case 'get-flag-count':
        void ready.then((counts) => {
          const reply: FlagCountReply = { count: counts.total(message.tabId) };
          sendResponse(reply);
        });
        // Answered asynchronously.
        return true;
    }
  });

  // Tabs whose counts were forgotten while loading, to ask again once the load is over.
  const askAgain = new Set<number>();

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (!mayHaveNavigated(change) && !finishedLoading(change)) return;
    void ready.then((counts) => {
      if (mayHaveNavigated(change) && counts.forgetTab(tabId)) {
        askAgain.add(tabId);
        void showTotal(tabId, 0);
        void save(counts);
      }
      if (finishedLoading(change) && askAgain.delete(tabId)) {
        // Frames whose content script lived through the load (an iframe's navigation, a
        // single-page app's) report again; the rest were replaced and report for themselves.
        void sendTabMessage(tabId, { kind: 'report-flag-count' }).catch(() => {});
      }
    });
  });

  // Compiled as the browser or the extension starts, before any frame asks: compiling takes most
  // of a second, and a frame's first check should not wait for it. (Not on every wake of the
  // worker: the form kept in session storage outlives those.)
  const compileAhead = () =>
    void readSettings()
      .then((settings) => compiledLexiconFor(settings.locale, settings.personalAllow))
      .catch(() => {});
  browser.runtime.onInstalled.addListener(compileAhead);
  browser.runtime.onStartup.addListener(compileAhead);

  browser.tabs.onRemoved.addListener((tabId) => {
    askAgain.delete(tabId);
    void ready.then((counts) => {
      if (counts.forgetTab(tabId)) void save(counts);
    });
  });
});
