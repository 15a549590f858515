// The per-site switch end to end: what the popup writes to storage turns the content script off
// and on in open pages, and the toolbar badge follows.
import type { Page } from 'playwright-core';
import { useBrowserSession } from './browser-session.ts';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULTS,
  badgeText,
  flagCount,
  highlightedTexts,
  markBoxes,
  readStoredSettings,
  resetSettings,
  tabIdOf,
  writeStoredSettings,
} from './content-helpers.ts';
import { LETTER, modelText, openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);
afterEach(async () => {
  await resetSettings(env.ext);
});

const FIELD = '[data-testid="field"]';

const withPage = env.withPage;

async function typeLetter(page: Page): Promise<void> {
  await page.locator(FIELD).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(` ${LETTER}`);
  await expect.poll(() => modelText(page)).toContain(LETTER);
}

describe('the per-site switch, in Chromium with the extension', () => {
  it('turning the site off clears flags and the badge; turning it on brings them back', async () => {
    await withPage(async (page) => {
      const url = `${env.server.url}/textarea.html`;
      await openFixture(page, url);
      const tabId = await tabIdOf(env.ext, url);
      await typeLetter(page);
      await expect.poll(async () => (await markBoxes(page)).length).toBe(2);
      await expect.poll(() => badgeText(env.ext, tabId), { timeout: 5_000 }).toBe('2');

      // What the popup's switch writes.
      const settings = (await readStoredSettings(env.ext)) ?? DEFAULTS;
      await writeStoredSettings(env.ext, { ...settings, disabledSites: ['127.0.0.1'] });
      await expect.poll(() => flagCount(page)).toBe(0);
      await expect.poll(() => badgeText(env.ext, tabId), { timeout: 5_000 }).toBe('');
      expect(await page.locator('alongside-layer').count()).toBe(0);

      // Off means off: new text is not checked either.
      await page.keyboard.type(' He is non-compliant.');
      await page.waitForTimeout(500);
      expect(await flagCount(page)).toBe(0);
      expect(await badgeText(env.ext, tabId)).toBe('');

      await writeStoredSettings(env.ext, { ...settings, disabledSites: [] });
      await expect.poll(async () => (await markBoxes(page)).length).toBe(3);
      await expect.poll(() => badgeText(env.ext, tabId), { timeout: 5_000 }).toBe('3');
    });
  });

  it('switching another site off leaves this one alone', async () => {
    await withPage(async (page) => {
      const url = `${env.server.url}/contenteditable.html`;
      await openFixture(page, url);
      const tabId = await tabIdOf(env.ext, url);
      await typeLetter(page);
      await expect.poll(() => highlightedTexts(page)).toEqual(['claims', 'refused']);
      await expect.poll(() => badgeText(env.ext, tabId), { timeout: 5_000 }).toBe('2');

      await writeStoredSettings(env.ext, { ...DEFAULTS, disabledSites: ['example.org'] });
      await page.waitForTimeout(500);
      expect(await highlightedTexts(page)).toEqual(['claims', 'refused']);
      expect(await badgeText(env.ext, tabId)).toBe('2');
    });
  });

  it('the badge stops counting a flagged field the page removes', async () => {
    await withPage(async (page) => {
      const url = `${env.server.url}/dynamic.html`;
      await openFixture(page, url);
      const tabId = await tabIdOf(env.ext, url);
      await page.evaluate(() => {
        const extra = document.createElement('textarea');
        extra.setAttribute('data-testid', 'extra');
        extra.value = 'She is a heartsink patient.';
        document.getElementById('app')!.append(extra);
      });
      await typeLetter(page);
      await expect.poll(async () => (await markBoxes(page)).length).toBe(3);
      await expect.poll(() => badgeText(env.ext, tabId), { timeout: 5_000 }).toBe('3');

      // A single-page app closes the panel holding the extra field.
      await page.evaluate(() => document.querySelector('[data-testid="extra"]')!.remove());
      await expect.poll(async () => (await markBoxes(page)).length).toBe(2);
      // The next check of the remaining field reports the page's count again.
      await page.keyboard.type(' Seen.');
      await expect.poll(() => badgeText(env.ext, tabId), { timeout: 5_000 }).toBe('2');
    });
  });
});
