import { siteOfUrl } from '../../extension/messages.ts';
import type { Locale } from '../../core/lexicon/schema.ts';
import { popupMessages } from '../../locales/index.ts';

/** What the popup can say about its tab's page. */
export type PageKind =
  /** Content scripts run here; `site` is the host name ("" for local files). */
  | { kind: 'site'; site: string }
  /** Browser, extension and store pages: content scripts never run. */
  | { kind: 'unsupported' }
  /** The browser hid the tab's address from the extension. */
  | { kind: 'unknown' };

export function describePage(url: string | undefined): PageKind {
  if (!url) return { kind: 'unknown' };
  const site = siteOfUrl(url);
  return site === undefined ? { kind: 'unsupported' } : { kind: 'site', site };
}

export { siteLabel } from '../site-label';

export function suggestionsText(count: number, locale: Locale = 'en-GB'): string {
  const m = popupMessages(locale);
  return count <= 0 ? m.noSuggestionsOnPage : m.suggestionsOnPage({ count });
}

/**
 * The tab the popup describes when given as `?tab=ID` (the browser tests open the popup in a tab
 * of its own); undefined otherwise, and then the popup takes the current window's active tab.
 */
export function tabIdFromSearch(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : undefined;
}

/** The count in a `get-flag-count` reply, or undefined for anything else. */
export function countOfReply(reply: unknown): number | undefined {
  if (typeof reply !== 'object' || reply === null) return undefined;
  const count = (reply as { count?: unknown }).count;
  return typeof count === 'number' && Number.isFinite(count) && count >= 0 ? count : undefined;
}
