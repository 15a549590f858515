// What kind of document a field holds decides the letter-only flags ("degenerative" is worth a
// thought in a letter the person reads, not in a radiology report). The kind is guessed per field
// as the text grows, named in the card, and can be changed there for that field until a reload.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import {
  DEFAULTS,
  controlState,
  flagCount,
  liveText,
  readWork,
  resetSettings,
  writeStoredSettings,
} from './content-helpers.ts';
import { cardText, modelText, openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);

const FIELD = '[data-testid="field"]';

const LETTER = [
  'Dear Mrs Whitfield,',
  '',
  'Thank you for coming to see me in the clinic with your husband. Your scan shows degenerative changes in the lower back, which are very common at your age.',
  '',
  'Yours sincerely,',
  'Dr A Khan',
].join('\n');

const REPORT = [
  'MRI LUMBAR SPINE',
  '',
  'FINDINGS:',
  'Mild degenerative changes at L4-5 and L5-S1. No nerve root compression.',
  '',
  'IMPRESSION:',
  'Degenerative changes in the lower lumbar spine.',
].join('\n');

const withPage = env.withPage;

/** Put `text` in the fixture's textarea as the page's own script would (one input event). */
async function startWith(page: Page, text: string): Promise<void> {
  await openFixture(page, `${env.server.url}/textarea.html`);
  await page.evaluate(
    (text) =>
      (window as unknown as { fixture: { setText(t: string): void } }).fixture.setText(text),
    text,
  );
  await page.locator(FIELD).click();
  await page.keyboard.press('Control+End');
  await expect.poll(() => modelText(page)).toBe(text);
}

const card = (page: Page) => page.locator('alongside-layer .card');
const kindLine = async (page: Page) =>
  (await card(page).locator('.kind #alongside-kind').textContent())?.trim();
const shadowFocus = (page: Page) =>
  page.evaluate(
    () => document.querySelector('alongside-layer')?.shadowRoot?.activeElement?.textContent,
  );

async function chooseKind(page: Page, label: string): Promise<void> {
  await card(page).locator('.kind button', { hasText: 'Change' }).click();
  await card(page).locator('.kinds button', { hasText: label }).click();
}

describe('document kinds per field, in Chromium with the extension', () => {
  it('a letter to the patient flags "degenerative"; the card says how it read the field', async () => {
    await withPage(async (page) => {
      await startWith(page, LETTER);
      await expect.poll(() => flagCount(page)).toBe(1);
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain('“degenerative”');
      expect(await kindLine(page)).toBe('Read as: a letter to the patient');

      // Read as a clinical note instead: the letter-only flag goes at once, and so does its card
      // (the card of a field without flags stays, so the choice can be undone from it).
      await chooseKind(page, 'a clinical note');
      await expect.poll(() => flagCount(page)).toBe(0);
      await expect.poll(() => cardText(page.mainFrame())).toContain('No suggestions in this field');
      expect(await kindLine(page)).toBe('Read as: a clinical note (your choice)');
      await expect
        .poll(() => liveText(page))
        .toBe('Read as a clinical note. No suggestions in this field.');
      expect(await modelText(page)).toBe(LETTER);

      await chooseKind(page, 'Guess from the text');
      await expect.poll(() => flagCount(page)).toBe(1);
      await expect.poll(() => cardText(page.mainFrame())).toContain('“degenerative”');
      expect(await kindLine(page)).toBe('Read as: a letter to the patient');
    });
  });

  it('the same words in a FINDINGS/IMPRESSION report are not flagged, until it is read as a letter', async () => {
    await withPage(async (page) => {
      await startWith(page, REPORT);
      await expect.poll(async () => (await readWork(page)).scans).toBeGreaterThanOrEqual(1);
      expect(await flagCount(page)).toBe(0);

      // Alt+Enter in a field without flags says so, and what the field is read as.
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain('No suggestions in this field');
      expect(await kindLine(page)).toBe('Read as: a clinical note');

      await chooseKind(page, 'a letter to the patient');
      await expect.poll(() => flagCount(page)).toBe(2);
      // The card moves to the flag nearest the caret (the caret is at the end: the last one).
      await expect.poll(() => cardText(page.mainFrame())).toContain('“Degenerative”');
      expect(await kindLine(page)).toBe('Read as: a letter to the patient (your choice)');
      await expect
        .poll(() => liveText(page))
        .toBe('Read as a letter to the patient. 2 suggestions in this field.');

      // The choice stands while the clinician types on (no guessing meanwhile)...
      await page.keyboard.press('Escape');
      const guesses = (await readWork(page)).kinds;
      await page.keyboard.type('\nNo further imaging needed.');
      await expect.poll(() => modelText(page)).toBe(`${REPORT}\nNo further imaging needed.`);
      // Past the pause after which a guessed kind would be guessed again.
      await page.evaluate(() => new Promise((done) => setTimeout(done, 1200)));
      expect(await flagCount(page)).toBe(2);
      expect((await readWork(page)).kinds).toBe(guesses);

      // ...and through a restart of the checks (a settings change for another site)...
      await writeStoredSettings(env.ext, { ...DEFAULTS, disabledSites: ['example.org'] });
      await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
      expect(await flagCount(page)).toBe(2);
      await resetSettings(env.ext);

      // ...until the page is reloaded.
      await openFixture(page, page.url());
      await page.evaluate(
        (text) =>
          (window as unknown as { fixture: { setText(t: string): void } }).fixture.setText(text),
        REPORT,
      );
      await expect.poll(() => modelText(page)).toBe(REPORT);
      await expect.poll(async () => (await readWork(page)).scans).toBeGreaterThanOrEqual(1);
      await page.locator(FIELD).click();
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => kindLine(page)).toBe('Read as: a clinical note');
      expect(await flagCount(page)).toBe(0);
    });
  });

  it('the kind can be changed from the keyboard alone, and focus stays in the card', async () => {
    await withPage(async (page) => {
      await startWith(page, REPORT);
      // Checked once (the lexicon arrives asynchronously), so Alt+Enter has a field to speak of.
      await expect.poll(async () => (await readWork(page)).scans).toBeGreaterThanOrEqual(1);
      const before = await controlState(page, FIELD);
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain('No suggestions in this field');
      await page.keyboard.press('Tab');
      await expect.poll(() => shadowFocus(page)).toBe('Change');
      await page.keyboard.press('Enter');
      expect(await card(page).locator('.kind .change').getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Tab');
      await expect.poll(() => shadowFocus(page)).toBe('a letter to the patient');
      await page.keyboard.press('Enter');
      await expect.poll(() => flagCount(page)).toBe(2);
      // The choices fold away and focus returns to "Change", in the card of the flag now shown.
      await expect.poll(() => shadowFocus(page)).toBe('Change');
      expect(await card(page).locator('.kinds').count()).toBe(0);
      expect(await cardText(page.mainFrame())).toContain('“Degenerative”');

      // Escape returns to the field with the caret where it was, the text unchanged.
      await page.keyboard.press('Escape');
      await expect.poll(() => cardText(page.mainFrame())).toBeNull();
      expect(await controlState(page, FIELD)).toEqual(before);
    });
  });

  it('the kind is guessed again as a letter is typed, and when typing pauses', async () => {
    await withPage(async (page) => {
      // Typed from scratch: once the salutation is there, the letter-only phrase is flagged.
      await startWith(page, '');
      await page.keyboard.type('Dear Mrs Whitfield,\n\nYour scan shows degenerative changes.');
      await expect.poll(() => flagCount(page)).toBe(1);

      // A note that reads as unsure; a salutation added at the top keeps the length within the
      // same step, so the new guess comes when typing pauses.
      const note =
        'The scan shows degenerative changes in the lower back, common at this age. Physiotherapy and a review in three months.';
      await page.evaluate(
        (text) =>
          (window as unknown as { fixture: { setText(t: string): void } }).fixture.setText(text),
        note,
      );
      await expect.poll(() => modelText(page)).toBe(note);
      await expect.poll(() => flagCount(page)).toBe(0);
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('Dear Mrs Whitfield,\n');
      await expect.poll(() => flagCount(page), { timeout: 5000 }).toBe(1);
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain('“degenerative”');
      expect(await kindLine(page)).toBe('Read as: a letter to the patient');
    });
  });

  it('reads a field whose text does not say what it is as the options page says', async () => {
    const unsure = 'The scan shows degenerative changes.';
    await withPage(async (page) => {
      await startWith(page, unsure);
      await expect.poll(async () => (await readWork(page)).scans).toBeGreaterThanOrEqual(1);
      expect(await flagCount(page)).toBe(0);
    });
    await writeStoredSettings(env.ext, { ...DEFAULTS, whenUnsure: 'letter-to-patient' });
    try {
      await withPage(async (page) => {
        await startWith(page, unsure);
        await expect.poll(() => flagCount(page)).toBe(1);
        await page.keyboard.press('Alt+Enter');
        expect(await kindLine(page)).toBe('Read as: a letter to the patient');
      });
    } finally {
      await writeStoredSettings(env.ext, DEFAULTS);
    }
  });
});
