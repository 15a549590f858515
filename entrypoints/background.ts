import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  FlagCounts,
  badgeText,
  finishedLoading,
  mayHaveNavigated,
  type FlagCountsSnapshot,
} from '@/extension/flag-counts';
import { compiledLexiconFor, findIn } from '@/extension/compiled-lexicon-cache';
import { createInsertRouter } from '@/extension/panel/insert-router';
import type { LayerSet } from '@/extension/layers';
import {
  fetchServiceLexicon,
  loadPolicy,
  noteStorageProblem,
  REFRESH_ALARM,
} from '@/extension/policy';
import { checkStoredSettings } from '@/core/settings/schema';
import {
  lastGoodSettingsItem,
  migratingSettingsItem,
  readEffectiveSettings,
  settingsItem,
} from '@/extension/settings';
import {
  isMessage,
  PANEL_PORT,
  sendTabMessage,
  type PanelNotice,
  type FindReply,
  type FlagCountReply,
} from '@/extension/messages';
import { OPEN_KIT_COMMAND, openPromptKit } from '@/extension/panel/open-panel';
import { injectIntoOpenTabs } from '@/extension/reinject';

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

  // The trust's policy, read at every wake of the worker (it is not kept across them) and again
  // whenever an administrator changes it.
  // The layers over the built-in lexicon: read at every wake (they are not kept across them),
  // and again when the policy or the clinician's own layer changes.
  const readLayers = async (): Promise<LayerSet> => (await loadPolicy()).layers;
  const noLayers: LayerSet = { layers: [], id: '' };
  let layers: Promise<LayerSet> = readLayers().catch(() => noLayers);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') void refreshService();
    if (area === 'local' && 'personalLexicon' in changes) {
      layers = readLayers().catch(() => noLayers);
    }
  });
  /**
   * Fetches the service lexicon from the policy's address, if it gives one (at start, daily and
   * when the policy changes), then reads the policy again. Without that key: no request at all.
   */
  const refreshService = async () => {
    const url = await managedLexiconUrl();
    if (url) await fetchServiceLexicon(url).catch(() => {});
    layers = readLayers().catch(() => noLayers);
    await layers;
  };
  const managedLexiconUrl = async (): Promise<string | undefined> => {
    try {
      const { serviceLexiconUrl } = await browser.storage.managed.get('serviceLexiconUrl');
      return typeof serviceLexiconUrl === 'string' ? serviceLexiconUrl : undefined;
    } catch {
      return undefined;
    }
  };
  // The shortcut opens the prompt kit in the window it was pressed in (Chrome; Firefox opens
  // its sidebar itself).
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === OPEN_KIT_COMMAND) void openPromptKit(tab?.windowId).catch(() => {});
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshService();
  });
  /** At install and browser start: fetch now and daily, then compile with what came. */
  const scheduleRefresh = () => {
    void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 24 * 60 });
    void refreshService().then(compileAhead);
  };

  // Prompts from the side panel go to the frame whose field the clinician focused last.
  const prompts = createInsertRouter();

  // Open side panels hold a port, to hear that the letter beside them may have changed (another
  // field focused, another tab shown, the letter edited); they then ask for it. With no panel
  // open, nothing is asked of any frame.
  const panels = new Set<Browser.runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    // Only the extension's own pages: a content script's port has the page's address.
    const own = port.sender?.url?.startsWith(browser.runtime.getURL('/')) ?? false;
    if (port.name !== PANEL_PORT || !own) return;
    panels.add(port);
    port.onDisconnect.addListener(() => panels.delete(port));
  });
  const tellPanels = () => {
    const notice: PanelNotice = { kind: 'letter-changed' };
    for (const port of panels) {
      try {
        port.postMessage(notice);
      } catch {
        panels.delete(port);
      }
    }
  };
  browser.tabs.onActivated.addListener(() => tellPanels());

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isMessage(message)) return false;
    switch (message.kind) {
      case 'field-focused':
        if (sender.tab?.id !== undefined && sender.tab.id >= 0) {
          void prompts
            .noteFocus(sender.tab.id, sender.frameId ?? 0)
            .then(tellPanels)
            .catch(() => {});
        }
        return false;
      case 'letter-changed':
        if (panels.size > 0 && sender.tab?.id !== undefined) tellPanels();
        return false;
      case 'read-letter':
        void prompts
          .readLetter(message.windowId, sender.tab)
          .then(sendResponse, () => sendResponse({ outcome: 'gone' }));
        return true;
      case 'show-flag':
        void prompts
          .showFlag(message.flag, message.windowId, sender.tab)
          .then(sendResponse, () => sendResponse({ outcome: 'gone' }));
        return true;
      case 'insert-prompt':
        void prompts
          .insert(message.text, message.windowId, sender.tab)
          .then(sendResponse, () => sendResponse({ outcome: 'gone' }));
        // Answered asynchronously.
        return true;
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
        void layers
          .then((set) => findIn(message, set))
          .then(
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

  // Stored settings are checked in full here (the content script only reads them tolerantly):
  // a corrupted or foreign value is replaced by the last good one, and the options page says so.
  // Defined here, not in the frames: its migrations run as it is defined, before it is read.
  const storedSettings = migratingSettingsItem();
  const checkSettings = async () => {
    // A value with no version mark is of version 1 (one an older build left, or a first one a
    // frame wrote): migrations bring it up, and do nothing to one already marked as current.
    await storedSettings.migrate();
    const [raw, lastGood] = await Promise.all([
      storedSettings.getValue(),
      lastGoodSettingsItem.getValue(),
    ]);
    const { settings, problem } = checkStoredSettings(raw, lastGood ?? undefined);
    if (problem) {
      await settingsItem.setValue(settings);
      await noteStorageProblem(problem);
    } else if (raw !== undefined && raw !== null) {
      await lastGoodSettingsItem.setValue(settings);
    }
  };
  void checkSettings().catch(() => {});
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void checkSettings().catch(() => {});
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
    void layers
      // The policy is stored first: its locale is the one frames will ask for.
      .then(async (set) => {
        const settings = await readEffectiveSettings();
        return compiledLexiconFor(settings.locale, settings.personalAllow, set);
      })
      .catch(() => {});
  browser.runtime.onInstalled.addListener(scheduleRefresh);
  // Tabs open before an install or update still hold the old content script, or none.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void injectIntoOpenTabs().catch(() => {});
  });
  browser.runtime.onStartup.addListener(scheduleRefresh);

  browser.tabs.onRemoved.addListener((tabId) => {
    askAgain.delete(tabId);
    void prompts.forgetTab(tabId).catch(() => {});
    void ready.then((counts) => {
      if (counts.forgetTab(tabId)) void save(counts);
    });
  });
});
