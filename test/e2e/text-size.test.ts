// Our own pages render their text at the size their styles give it. Chromium's style for
// extension pages sets body text to 75%, so a size set on :root alone came out at 10.5 px in the
// popup and 12 px in the playground; each page's base size is set on body (palette.css).
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { EXTENSION_ID } from './launch-extension.ts';

const env = useBrowserSession();

/** Each page, a selector for ordinary text on it, and the size that text should be. */
const PAGES = [
  { page: 'popup.html', text: 'body', size: '14px' },
  { page: 'playground.html', text: 'header p', size: '16px' },
  { page: 'options.html', text: 'main p', size: '16px' },
  { page: 'sidepanel.html', text: '.prompt-text p', size: '14px' },
];

describe('text on our own pages', () => {
  it.each(PAGES)('is at its intended size on $page', async ({ page: name, text, size }) => {
    await env.withPage(async (page) => {
      await page.goto(`chrome-extension://${EXTENSION_ID}/${name}`);
      const element = page.locator(text).first();
      await element.waitFor({ state: 'attached', timeout: 15_000 });
      expect(await element.evaluate((el) => getComputedStyle(el).fontSize)).toBe(size);
    });
  });
});
