import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { severityLabels } from '@/components/card/severity-label';
import { SEVERITIES, underlineCss } from '@/components/look';
import { useEffectiveLocale } from '@/components/use-locale';
import type { Locale } from '@/core/lexicon/schema';
import { popupMessages } from '@/locales/index';
import { sendMessage } from '@/extension/messages';
import {
  isOnForSite,
  readSettings,
  setSiteEnabled,
  updateSettings,
  watchSettings,
  type Settings,
} from '@/extension/settings';
import { openPromptKit } from '@/extension/panel/open-panel';
import {
  countOfReply,
  describePage,
  siteLabel,
  suggestionsText,
  tabIdFromSearch,
  type PageKind,
} from './page';

interface Target {
  tabId: number | undefined;
  page: PageKind;
}

/** How often the open popup asks the background for the page's count. */
const COUNT_REFRESH_MS = 1000;

/**
 * The toolbar popup: is Alongside on for this site (one switch), how many suggestions the page
 * shows, and the way to the playground.
 */
export function Popup({ search = location.search }: { search?: string }) {
  const [target, setTarget] = useState<Target>();
  const [settings, setSettings] = useState<Settings>();
  const [count, setCount] = useState<number>();
  const locale = useEffectiveLocale();
  const m = popupMessages(locale);

  useEffect(() => {
    let live = true;
    findTarget(tabIdFromSearch(search)).then(
      (found) => live && setTarget(found),
      () => live && setTarget({ tabId: undefined, page: { kind: 'unsupported' } }),
    );
    return () => {
      live = false;
    };
  }, [search]);

  useEffect(() => {
    let live = true;
    // A change seen by the watcher is newer than the first read: never let the read win.
    void readSettings().then((read) => live && setSettings((seen) => seen ?? read));
    const unwatch = watchSettings(setSettings);
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const tabId = target?.tabId;
  useEffect(() => {
    if (tabId === undefined) return;
    const ask = () =>
      sendMessage({ kind: 'get-flag-count', tabId }).then(
        (reply) => setCount(countOfReply(reply) ?? 0),
        () => setCount(undefined),
      );
    void ask();
    const timer = setInterval(() => void ask(), COUNT_REFRESH_MS);
    return () => clearInterval(timer);
  }, [tabId]);

  const openPlayground = () => {
    void browser.tabs.create({ url: browser.runtime.getURL('/playground.html') });
    window.close();
  };

  const openKit = () => {
    void openPromptKit()
      .then(() => window.close())
      .catch(() => {});
  };

  const openOptions = () => {
    void browser.runtime.openOptionsPage();
    window.close();
  };

  const ready = target !== undefined && settings !== undefined;
  return (
    <main class="popup" aria-busy={!ready}>
      <h1>{m.popupTitle}</h1>
      {ready && <PageStatus page={target.page} settings={settings} count={count} locale={locale} />}
      <button type="button" class="secondary" onClick={openKit}>
        {m.openKit}
      </button>
      <button type="button" class="secondary" onClick={openPlayground}>
        {m.openPlayground}
      </button>
      <button type="button" class="secondary" onClick={openOptions}>
        {m.openOptions}
      </button>
      <p class="privacy">{m.privacy}</p>
    </main>
  );
}

function PageStatus({
  page,
  settings,
  count,
  locale,
}: {
  page: PageKind;
  settings: Settings;
  count: number | undefined;
  locale: Locale;
}) {
  const m = popupMessages(locale);
  const countLine = (
    <p class="count" aria-live="polite">
      {count === undefined ? '' : suggestionsText(count, locale)}
    </p>
  );

  if (page.kind === 'unsupported') {
    return <p class="state">{m.notOnThisPage}</p>;
  }
  if (page.kind === 'unknown') {
    return (
      <>
        <p class="state">{m.siteUnknown}</p>
        {countLine}
      </>
    );
  }

  const label = siteLabel(page.site, locale);
  if (!settings.enabled) {
    return (
      <section class="site" aria-label={m.thisSite}>
        <p class="host">{label}</p>
        <p class="state" role="status">
          {m.offEverywhere}
        </p>
        <button
          type="button"
          class="primary"
          onClick={() => void updateSettings((s) => ({ ...s, enabled: true }))}
        >
          {m.turnOnEverywhere}
        </button>
      </section>
    );
  }

  const on = isOnForSite(settings, page.site);
  return (
    <section class="site" aria-label={m.thisSite}>
      <p class="host">{label}</p>
      <button
        type="button"
        class="switch"
        aria-pressed={on}
        onClick={() => void setSiteEnabled(page.site, !on)}
      >
        <span class="track" aria-hidden="true">
          <span class="thumb" />
        </span>
        {m.suggestionsOnSite}
      </button>
      <p class="state" role="status">
        {on ? m.onForSite({ site: label }) : m.offForSite({ site: label })}
      </p>
      {on && countLine}
      {on && <SeverityLegend locale={locale} />}
    </section>
  );
}

/** How each level of flag is underlined in the page, from the same declaration as the flags. */
function SeverityLegend({ locale }: { locale: Locale }) {
  const label = severityLabels(locale);
  return (
    <ul class="legend" aria-label={popupMessages(locale).legend}>
      {[...SEVERITIES].reverse().map((severity) => (
        <li key={severity}>
          <span class={`sample ${severity}`} style={underlineCss(severity)}>
            {label[severity]}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The tab given in the address (for tests), otherwise the current window's active tab. */
async function findTarget(tabId: number | undefined): Promise<Target> {
  const tab =
    tabId !== undefined
      ? await browser.tabs.get(tabId)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return { tabId: undefined, page: { kind: 'unsupported' } };
  return { tabId: tab.id, page: describePage(tab.url || tab.pendingUrl) };
}
