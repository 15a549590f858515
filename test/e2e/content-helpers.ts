// Small helpers shared by the content-script browser tests (content-*.test.ts): the extension's
// service worker and settings, and what our <alongside-layer> shows in a frame.
import type { Frame, Page, Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from '../../core/settings/defaults.ts';
import type { UserSettings } from '../../core/settings/effective.ts';
import { EXTENSION_ID, type LoadedExtension } from './launch-extension.ts';

/** The extension API in the service worker; spelled out in each evaluated function, which runs there. */
type WithChrome = { chrome: typeof Browser };

/** The settings as stored, declared once in the core. */
export type StoredSettings = UserSettings;
export const DEFAULTS: StoredSettings = DEFAULT_SETTINGS;

const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`);

/** The extension's service worker (started if need be). */
export async function serviceWorker(ext: LoadedExtension): Promise<Worker> {
  return (
    ext.context.serviceWorkers().find(ours) ??
    (await ext.context.waitForEvent('serviceworker', { predicate: ours }))
  );
}

export async function readStoredSettings(
  ext: LoadedExtension,
): Promise<StoredSettings | undefined> {
  const sw = await serviceWorker(ext);
  return sw.evaluate(
    () =>
      (globalThis as unknown as WithChrome).chrome.storage.local
        .get('settings')
        .then((items) => items.settings as StoredSettings | undefined),
    undefined,
  );
}

export async function writeStoredSettings(
  ext: LoadedExtension,
  settings: StoredSettings,
): Promise<void> {
  const sw = await serviceWorker(ext);
  await sw.evaluate(
    (value) => (globalThis as unknown as WithChrome).chrome.storage.local.set({ settings: value }),
    settings,
  );
}

/** Back to the defaults, so one test's "ignore everywhere" or "turn off" never leaks into another. */
export async function resetSettings(ext: LoadedExtension): Promise<void> {
  const current = await readStoredSettings(ext);
  if (current && JSON.stringify(current) === JSON.stringify(DEFAULTS)) return;
  await writeStoredSettings(ext, DEFAULTS);
}

/** The tab id of the page open at `url`, through the extension. */
export async function tabIdOf(ext: LoadedExtension, url: string): Promise<number> {
  const sw = await serviceWorker(ext);
  const tabs = await sw.evaluate(
    () =>
      (globalThis as unknown as WithChrome).chrome.tabs
        .query({})
        .then((all) => all.map((t) => ({ id: t.id, url: t.url }))),
    undefined,
  );
  const tab = tabs.find((t) => t.url === url);
  if (tab?.id === undefined) {
    throw new Error(
      `No tab with ${url} among ${JSON.stringify(tabs)}: without host permissions (or "tabs") ` +
        'Chromium hides tab addresses from the extension, and the popup cannot name the site.',
    );
  }
  return tab.id;
}

export async function badgeText(ext: LoadedExtension, tabId: number): Promise<string> {
  const sw = await serviceWorker(ext);
  return sw.evaluate(
    (id) => (globalThis as unknown as WithChrome).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface MarkInfo extends Rect {
  severity: string;
}

/** Every overlay mark box in the frame's <alongside-layer>, in frame viewport coordinates. */
export async function markBoxes(frame: Frame | Page): Promise<MarkInfo[]> {
  return frame.evaluate(() => {
    const layer = document.querySelector('alongside-layer');
    const marks = [...(layer?.shadowRoot?.querySelectorAll<HTMLElement>('.mark') ?? [])];
    return marks.map((m) => {
      const r = m.getBoundingClientRect();
      const severity = ['info', 'suggest', 'warn'].find((s) => m.classList.contains(s)) ?? '';
      return {
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
        width: r.width,
        height: r.height,
        severity,
      };
    });
  });
}

/** The clip rectangles (one per flagged textarea or input) and the marks inside each. */
export async function clips(frame: Frame | Page): Promise<{ clip: Rect; marks: Rect[] }[]> {
  return frame.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return {
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
        width: r.width,
        height: r.height,
      };
    };
    const layer = document.querySelector('alongside-layer');
    return [...(layer?.shadowRoot?.querySelectorAll('.clip') ?? [])].map((clip) => ({
      clip: rect(clip),
      marks: [...clip.querySelectorAll('.mark')].map(rect),
    }));
  });
}

/** The text of every range in the frame's alongside-* highlights. */
export async function highlightedTexts(frame: Frame | Page): Promise<string[]> {
  return frame.evaluate(() => {
    const texts: string[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('alongside-')) continue;
      for (const range of h as unknown as Set<Range>) texts.push(range.toString());
    }
    return texts.sort();
  });
}

/** Marks plus highlight ranges drawn in a frame. */
export async function flagCount(frame: Frame | Page): Promise<number> {
  return frame.evaluate(() => {
    const layer = document.querySelector('alongside-layer');
    let n = layer?.shadowRoot?.querySelectorAll('.mark').length ?? 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('alongside-')) n += h.size;
    return n;
  });
}

/** The rectangle of an element found by a CSS selector (open shadow roots are searched). */
export async function rectOf(frame: Frame | Page, selector: string): Promise<Rect> {
  const box = await frame
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
        width: r.width,
        height: r.height,
      };
    });
  return box;
}

export const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export interface CardState {
  role: string | null;
  label: string | null;
  options: { text: string; role: string | null; selected: string | null }[];
  /** Whether the card's popover host is shown in the top layer. */
  popoverOpen: boolean;
}

/** The open suggestion card in a frame, or null when none is shown. */
export async function cardState(frame: Frame | Page): Promise<CardState | null> {
  return frame.evaluate(() => {
    const root = document.querySelector('alongside-layer')?.shadowRoot;
    const card = root?.querySelector('.card');
    if (!root || !card) return null;
    const host = root.querySelector('.card-host');
    return {
      role: card.getAttribute('role'),
      label: card.getAttribute('aria-label'),
      options: [...card.querySelectorAll('li')].map((li) => ({
        text: li.textContent ?? '',
        role: li.getAttribute('role'),
        selected: li.getAttribute('aria-selected'),
      })),
      popoverOpen: host?.matches(':popover-open') ?? false,
    };
  });
}

/** What the layer's live region says now ('' when there is no layer). */
export async function liveText(frame: Frame | Page): Promise<string> {
  return frame.evaluate(
    () =>
      document.querySelector('alongside-layer')?.shadowRoot?.querySelector('.live')?.textContent ??
      '',
  );
}

/** Value and selection of a textarea or input found by a CSS selector (shadow roots pierced). */
export async function controlState(
  frame: Frame | Page,
  selector: string,
): Promise<{ value: string; start: number; end: number; focused: boolean }> {
  return frame
    .locator(selector)
    .first()
    .evaluate((el) => {
      const field = el as HTMLTextAreaElement | HTMLInputElement;
      const root = field.getRootNode() as Document | ShadowRoot;
      return {
        value: field.value,
        start: field.selectionStart ?? -1,
        end: field.selectionEnd ?? -1,
        focused: root.activeElement === field,
      };
    });
}

/** The content script's running counts of work done in a frame (its `alongside-work` mark). */
export interface Work {
  scans: number;
  paragraphs: number;
  lines: number;
  kinds: number;
}

export const readWork = (frame: Frame | Page): Promise<Work> =>
  frame.evaluate(() => {
    const name =
      performance.getEntriesByType('mark').findLast((m) => m.name.startsWith('alongside-work '))
        ?.name ?? '';
    const count = (key: string) => Number(new RegExp(`${key}=(\\d+)`).exec(name)?.[1] ?? 0);
    return {
      scans: count('scans'),
      paragraphs: count('paragraphs'),
      lines: count('lines'),
      kinds: count('kinds'),
    };
  });
