// Our pages by keyboard alone, with reduced motion, and at 200% zoom, in real Chromium: Tab
// reaches every control in order and each shows where the focus is; with reduced motion asked
// for nothing moves; at 200% (half as many CSS pixels, each drawn twice as large) nothing spills
// sideways, no control is cut off or covers another, and the controls still work.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { movingIn } from './a11y-checks.ts';
import { useBrowserSession } from './browser-session.ts';
import { readStoredSettings, resetSettings, tabIdOf } from './content-helpers.ts';
import { openFixture } from './editor-scenario.ts';
import { EXTENSION_ID } from './launch-extension.ts';

const env = useBrowserSession((ext) => resetSettings(ext));

/**
 * Each page with what shows it is drawn, and its size at 100% in CSS pixels: the popup as
 * Chromium caps it, the side panel at a usual width, the full pages in a laptop window.
 */
const PAGES = [
  // Chromium's cap for a popup, 800×600 device pixels: at 200% it has half as many CSS pixels.
  { name: 'popup', ready: 'main', width: 800, height: 600 },
  { name: 'options', ready: 'section[aria-labelledby="kit-heading"]', width: 1280, height: 800 },
  { name: 'sidepanel', ready: '.prompt', width: 400, height: 800 },
  { name: 'playground', ready: '.reflection', width: 1280, height: 800 },
];

/** Enough Tab presses to go round the popup, the side panel and the playground, and well into the options page's lexicon. */
const MAX_STOPS = 260;

const FOCUSABLE =
  'button:not([disabled]), a[href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

async function open(page: Page, name: string, ready: string, query = ''): Promise<void> {
  await page.goto(`chrome-extension://${EXTENSION_ID}/${name}.html${query}`);
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
}

/** Numbers every control a person can see, in document order (the order Tab should follow). */
const numberControls = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const shown = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') return false;
      const style = getComputedStyle(el);
      return el.getClientRects().length > 0 && style.visibility !== 'hidden';
    });
    shown.forEach((el, k) => (el.dataset.a11yOrder = String(k)));
    return shown.length;
  }, selector);

interface Stop {
  order: number;
  what: string;
  /** Whether something shows where the focus is: an outline or a focus shadow. */
  visible: boolean;
}

const focusStop = (page: Page): Promise<Stop | null> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    return {
      order: Number(el.dataset.a11yOrder ?? -1),
      what: `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}”`,
      visible: outline || style.boxShadow !== 'none',
    };
  });

describe('by keyboard alone', () => {
  it.each(PAGES)(
    '$name: Tab reaches every control in document order, each with a visible focus',
    async ({ name, ready }) => {
      await env.withPage(async (page) => {
        await open(page, name, ready);
        const controls = await numberControls(page, FOCUSABLE);
        expect(controls).toBeGreaterThan(0);
        const stops: Stop[] = [];
        for (let k = 0; k < Math.min(MAX_STOPS, controls); k++) {
          await page.keyboard.press('Tab');
          const stop = await focusStop(page);
          if (stop) stops.push(stop);
        }
        // Sequential focus follows the page: 0, 1, 2, … with nothing skipped and nothing out of reach.
        expect(stops.map((s) => s.order)).toEqual(stops.map((_, k) => k));
        expect(stops.length).toBe(Math.min(MAX_STOPS, controls));
        expect(stops.filter((s) => !s.visible).map((s) => s.what)).toEqual([]);
      });
    },
    120_000,
  );

  it('the popup’s site switch turns Alongside off and on with the keyboard', async () => {
    await env.withPage(async (site) => {
      await openFixture(site, `${env.server.url}/textarea.html`);
      const tabId = await tabIdOf(env.ext, `${env.server.url}/textarea.html`);
      await env.withPage(async (popup) => {
        await open(popup, 'popup', 'main', `?tab=${tabId}`);
        const toggle = popup.locator('button.switch');
        await toggle.waitFor();
        await popup.keyboard.press('Tab');
        expect(await popup.evaluate(() => document.activeElement?.className)).toContain('switch');
        await popup.keyboard.press('Space');
        await expect
          .poll(async () => (await readStoredSettings(env.ext))?.disabledSites)
          .toEqual([new URL(env.server.url).hostname]);
        await popup.keyboard.press('Enter');
        await expect
          .poll(async () => (await readStoredSettings(env.ext))?.disabledSites)
          .toEqual([]);
      });
    });
    await resetSettings(env.ext);
  });
});

describe('with reduced motion', () => {
  const moving = (page: Page) => movingIn(page);

  it.each(PAGES)('$name moves nothing', async ({ name, ready }) => {
    await env.withPage(async (page) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await open(page, name, ready);
      expect(await moving(page)).toEqual([]);
    });
  });

  it('the check sees motion where there is some: the popup’s switch, without the preference', async () => {
    await env.withPage(async (site) => {
      await openFixture(site, `${env.server.url}/textarea.html`);
      const tabId = await tabIdOf(env.ext, `${env.server.url}/textarea.html`);
      await env.withPage(async (page) => {
        await page.emulateMedia({ reducedMotion: 'no-preference' });
        await open(page, 'popup', 'button.switch', `?tab=${tabId}`);
        expect((await moving(page)).length).toBeGreaterThan(0);
        await page.emulateMedia({ reducedMotion: 'reduce' });
        expect(await moving(page)).toEqual([]);
      });
    });
  });
});

describe('at 200% zoom', () => {
  /** What does not fit: sideways overflow, controls cut off or outside the page, controls on top of each other. */
  const misfits = (page: Page, selector: string) =>
    page.evaluate((selector) => {
      const problems: string[] = [];
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth + 1) {
        problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
      }
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}”`;
      const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter(
        (el) => el.getClientRects().length > 0 && !el.closest('details:not([open])'),
      );
      const boxes = controls.map((el) => ({ el, box: el.getBoundingClientRect() }));
      for (const { el, box } of boxes) {
        if (box.left < -1 || box.right > root.clientWidth + 1)
          problems.push(`${name(el)} is outside the page`);
        // A control whose own text is cut off by its box.
        if (
          el.scrollWidth > el.clientWidth + 2 &&
          getComputedStyle(el).overflowX !== 'visible' &&
          el.tagName !== 'SELECT' &&
          el.tagName !== 'INPUT' &&
          el.tagName !== 'TEXTAREA'
        ) {
          problems.push(`${name(el)} cuts off its text`);
        }
      }
      // Only the first few hundred: the options page lists the whole lexicon.
      const some = boxes.slice(0, 300);
      for (let i = 0; i < some.length; i++) {
        for (let j = i + 1; j < some.length; j++) {
          const a = some[i]!;
          const b = some[j]!;
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const overlapX = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const overlapY = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (overlapX > 2 && overlapY > 2) problems.push(`${name(a.el)} covers ${name(b.el)}`);
        }
      }
      return problems;
    }, selector);

  it.each(PAGES)(
    '$name fits at 200%: nothing sideways, cut off or overlapping',
    async ({ name, ready, width, height }) => {
      await env.withPage(async (page) => {
        const cdp = await env.ext.context.newCDPSession(page);
        // As the browser's zoom does: half the CSS pixels across, each drawn twice as large.
        await cdp.send('Emulation.setDeviceMetricsOverride', {
          width: Math.round(width / 2),
          height: Math.round(height / 2),
          deviceScaleFactor: 2,
          mobile: false,
        });
        await open(page, name, ready);
        expect(await page.evaluate(() => window.innerWidth)).toBe(Math.round(width / 2));
        expect(await misfits(page, FOCUSABLE)).toEqual([]);
      });
    },
    120_000,
  );
});
