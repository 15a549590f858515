// An update under open pages, in real Chromium: the extension is loaded again over itself while
// a letter is open in a textarea and in CKEditor 5. The old content script takes its flags down,
// the open tabs get the new one (Chromium does not put it there itself), the text is exactly as
// typed, the new flags come, and a suggestion applied afterwards is one undo step in the rich
// editor: the new bridge answers the new script, and the old bridge stays out of it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { flagCount, resetSettings, serviceWorker } from './content-helpers.ts';
import { cardText, modelText, openFixture } from './editor-scenario.ts';
import { updateExtension } from './launch-extension.ts';

const env = useBrowserSession((ext) => resetSettings(ext), { extensionDebugging: true });

const TYPED = 'She claims her pain is bad.';
const MORE = ' He refused the scan.';

/** How many layers of ours the page holds (one per content script drawing in it). */
const layers = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('alongside-layer').length);

async function write(page: Page, fixture: string): Promise<void> {
  await openFixture(page, `${env.server.url}/${fixture}.html`);
  await page.locator('[data-testid="field"]').first().click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(TYPED);
  await expect.poll(() => flagCount(page), { timeout: 15_000 }).toBe(1);
}

describe('an update while pages are open', () => {
  it('the open tabs get the new content script and keep working, with nothing typed lost', async () => {
    const plain = await env.ext.context.newPage();
    const rich = await env.ext.context.newPage();
    try {
      await write(plain, 'textarea');
      await write(rich, 'ckeditor5');
      // The old script's layer, marked so its going can be seen.
      await plain.evaluate(() =>
        document.querySelector('alongside-layer')?.setAttribute('data-old', ''),
      );
      const before = await serviceWorker(env.ext);

      await updateExtension(env.ext);
      // The new build's worker is another one.
      await expect
        .poll(() => env.ext.context.serviceWorkers().some((w) => w !== before), {
          timeout: 30_000,
        })
        .toBe(true);

      for (const page of [plain, rich]) {
        // Back to the tab, as the clinician would come back to it.
        await page.bringToFront();
        expect(await modelText(page)).toBe(TYPED);
        // The new script draws the flag again, and the old one took its own down: over a textarea
        // one layer of marks, not two (a rich editor's flags are highlights of the document).
        await expect.poll(() => flagCount(page), { timeout: 15_000 }).toBe(1);
        expect(await layers(page)).toBeLessThanOrEqual(1);
        // Typing on is checked by the new script.
        await page.locator('[data-testid="field"]').first().click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type(MORE);
        await expect.poll(() => modelText(page)).toBe(TYPED + MORE);
        await expect.poll(() => flagCount(page), { timeout: 15_000 }).toBe(2);
      }
      expect(
        await plain.evaluate(() => document.querySelectorAll('alongside-layer[data-old]').length),
      ).toBe(0);
      expect(await layers(plain)).toBe(1);

      // In CKEditor 5 the suggestion goes through the page-world bridge: one undo step.
      await rich.bringToFront();
      await rich.keyboard.press('Control+End');
      await rich.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(rich.mainFrame())).toContain('“refused”');
      await rich.keyboard.press('Enter');
      await expect.poll(() => modelText(rich)).toBe(TYPED + ' He declined the scan.');
      await rich.keyboard.press('Control+z');
      await expect.poll(() => modelText(rich)).toBe(TYPED + MORE);
    } finally {
      await plain.close();
      await rich.close();
    }
  }, 120_000);
});
