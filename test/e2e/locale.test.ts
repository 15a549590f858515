// The UI's own words follow the spelling chosen on the options page, in real Chromium: the open
// popup and the card in an open record page turn to en-US without a reload of either, or of the
// extension.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import {
  DEFAULTS,
  markBoxes,
  readStoredSettings,
  resetSettings,
  tabIdOf,
  writeStoredSettings,
} from './content-helpers.ts';
import { cardText, openFixture } from './editor-scenario.ts';
import { EXTENSION_ID } from './launch-extension.ts';

const env = useBrowserSession(resetSettings);

const FIELD = '[data-testid="field"]';
const card = (page: Page) => page.locator('alongside-layer .card');

/** Opens the card at the caret (Alt+Enter) and its kind choices, and gives their words. */
async function kindChoices(note: Page): Promise<string[]> {
  await note.locator(FIELD).click();
  await note.keyboard.press('Control+End');
  await note.keyboard.press('Alt+Enter');
  await expect.poll(() => cardText(note.mainFrame())).toContain('refused');
  await card(note)
    .locator('.kind button', { hasText: /^Change$/ })
    .click();
  const choices = await card(note).locator('.kinds button').allTextContents();
  await note.keyboard.press('Escape');
  await expect.poll(() => cardText(note.mainFrame())).toBeNull();
  return choices.map((c) => c.trim());
}

const popupState = (popup: Page) => popup.locator('.state').textContent();
const pageLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

// The locale change has the background compile the lexicon again (most of a second, more on a
// busy machine), and the record page starts its checks again after it.
describe('the spelling chosen on the options page', { timeout: 90_000 }, () => {
  it('turns the open popup and the card in an open page to en-US, with no reload', async () => {
    await env.withPage(async (note) => {
      const url = `${env.server.url}/textarea.html`;
      await openFixture(note, url);
      await note.locator(FIELD).click();
      await note.keyboard.press('Control+End');
      await note.keyboard.type(' He refused the injection.');
      await expect.poll(async () => (await markBoxes(note)).length).toBe(1);
      expect(await kindChoices(note)).toContain('a letter to a GP or colleague');

      // The popup of that tab, in the state whose words differ: switched off everywhere.
      await writeStoredSettings(env.ext, { ...DEFAULTS, enabled: false });
      const popup = await env.ext.context.newPage();
      const options = await env.ext.context.newPage();
      try {
        await popup.goto(
          `chrome-extension://${EXTENSION_ID}/popup.html?tab=${await tabIdOf(env.ext, url)}`,
        );
        await expect.poll(() => popupState(popup)).toBe('Alongside is switched off everywhere.');
        expect(await pageLang(popup)).toBe('en-GB');

        await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
        await options.getByLabel('Spelling', { exact: true }).selectOption('en-US');
        await expect
          .poll(() => options.locator('.status').textContent())
          .toBe('Spelling: American English (en-US).');
        expect((await readStoredSettings(env.ext))?.locale).toBe('en-US');

        // The popup, still open, follows.
        await expect.poll(() => popupState(popup)).toBe('Alongside is turned off everywhere.');
        await expect.poll(() => pageLang(popup)).toBe('en-US');
        await popup.getByRole('button', { name: 'Turn on everywhere' }).click();
        await expect.poll(() => popup.locator('.state').textContent()).toMatch(/is on for/);
      } finally {
        await popup.close();
        await options.close();
      }

      // The record page was never reloaded: its card now speaks en-US.
      await note.bringToFront();
      await expect.poll(async () => (await markBoxes(note)).length).toBe(1);
      const choices = await kindChoices(note);
      expect(choices).toContain('a letter to a primary care provider or colleague');
      expect(choices).not.toContain('a letter to a GP or colleague');
    });
    await resetSettings(env.ext);
  });
});
