import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, defaultLexicon, previewReplacement } from '../../core/index.ts';
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
    const example = entry!.examples.flag[0]!;
    const sentence = typeof example === 'string' ? example : example.text;
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

  it('shows each finding’s sentence as it would read, following the alternative pointed at', async () => {
    const text = 'Seen today. He refused the injection. Review soon.';
    const refused = compile([defaultLexicon()]).find(text)[0]!;
    expect(refused.match).toBe('refused');
    const count = refused.suggestions.length;
    expect(count).toBeGreaterThanOrEqual(2);
    /** What the card should show for alternative `k`: the engine's own preview of it. */
    const expected = (k: number) => {
      const p = previewReplacement(text, refused.replacements[k]!);
      return { text: `After applying: ${p.before}${p.changed}${p.after}`, ins: [p.changed] };
    };
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/playground.html`);
    await page.getByLabel('Letter text').fill(text);
    const card = page.getByRole('article', { name: 'Suggestion for “refused”' });
    const preview = card.locator('.preview');
    const shown = async () => ({
      text: await preview.textContent(),
      ins: await preview.locator('ins').allTextContents(),
    });
    await expect.poll(shown).toEqual(expected(0));
    expect(expected(0).text).toBe('After applying: He declined the injection.');

    // The mouse, then the arrow keys on the focused list, move the preview along.
    const options = card.getByRole('option');
    await options.nth(1).hover();
    await expect.poll(shown).toEqual(expected(1));
    await card.getByRole('listbox', { name: 'Alternatives' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(shown).toEqual(expected(2 % count));
    expect(await options.nth(2 % count).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    await expect.poll(shown).toEqual(expected(1));
    await page.keyboard.press('ArrowUp');
    await expect.poll(shown).toEqual(expected(0));

    // An advice-only finding shows its example rewrite.
    await page
      .getByLabel('Letter text')
      .fill('He has not been taking his {medication} because it made him dizzy.');
    const gap = page.getByRole('article', { name: 'Suggestion for “{medication}”' });
    await expect.poll(() => gap.locator('.rewrite').textContent()).toMatch(/^For example: .+ → .+/);
    expect(await gap.locator('.preview').count()).toBe(0);
  });
});
