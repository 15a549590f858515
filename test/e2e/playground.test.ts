import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, defaultLexicon } from '../../core/index.ts';
import { EXTENSION_ID, launchExtension, type LoadedExtension } from './launch-extension.ts';

let ext: LoadedExtension;
beforeAll(async () => {
  ext = await launchExtension();
}, 60_000);
afterAll(async () => {
  await ext?.close();
});

describe('playground page of the built extension, in Chromium', () => {
  it('flags the sample letter and updates as the educator types', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/playground.html`);
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ suggestions$/);
    const initial = Number((await status.textContent())!.split(' ')[0]);
    expect(initial).toBeGreaterThanOrEqual(8);

    const cards = page.locator('article.finding h2');
    expect(await cards.allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('claims'),
        expect.stringContaining('non-compliant'),
      ]),
    );

    const letter = page.getByLabel('Letter text');
    await letter.fill('She is a heartsink patient.');
    await expect.poll(() => status.textContent()).toBe('1 suggestion');
    expect(await page.locator('article.finding').first().getAttribute('aria-label')).toBe(
      'Suggestion for “heartsink”',
    );

    await letter.fill(
      'Thank you for referring this gentleman, whom I saw today with his daughter.',
    );
    await expect.poll(() => status.textContent()).toBe('No suggestions.');
  });

  it('switches suggestion wording to American English', async () => {
    // Any entry whose en-US alternatives differ will do; take its own example sentence.
    const entry = defaultLexicon().entries.find(
      (e) =>
        e.phrases &&
        e.locales?.['en-US']?.alternatives &&
        e.locales['en-US'].alternatives[0] !== e.alternatives[0],
    );
    expect(entry, 'an entry with American wording').toBeDefined();
    const sentence = entry!.examples.flag[0]!;
    const matcher = compile([defaultLexicon()], { locale: 'en-US' });
    const expected = matcher.find(sentence).find((f) => f.entryId === entry!.id)!.suggestions;

    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/playground.html`);
    await page.getByLabel('Letter text').fill(sentence);
    const suggestions = page.locator('.suggestions li');
    await page.getByLabel('Spelling').selectOption('en-US');
    await expect
      .poll(() => suggestions.allTextContents())
      .toEqual(expect.arrayContaining(expected));
  });
});
