// The playground in real Chromium: the extension's own flags and card over the engine in the
// page, the sample letters and their rewritten versions, the reflections, workshop mode, a
// service lexicon file, and the letter kept only when the educator asks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, defaultLexicon } from '../../core/index.ts';
import { SAMPLE_LETTERS } from '../../components/playground/sample-letters.ts';
import { useBrowserSession } from './browser-session.ts';
import { markBoxes } from './content-helpers.ts';
import { cardText } from './editor-scenario.ts';
import { EXTENSION_ID } from './launch-extension.ts';

const env = useBrowserSession();
const dir = mkdtempSync(join(tmpdir(), 'alongside-playground-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const URL = `chrome-extension://${EXTENSION_ID}/playground.html`;

async function open(page: Page): Promise<void> {
  await page.goto(URL);
  await expect
    .poll(() => page.locator('p.count').textContent(), { timeout: 15_000 })
    .toMatch(/suggestion/);
}

const letter = (page: Page) => page.locator('#letter');
const status = (page: Page) => page.locator('p.count').textContent();

/** Writes `text` as the letter (as pasting would), then waits for its flags. */
async function write(page: Page, text: string): Promise<void> {
  await letter(page).fill(text);
}

/** Puts the caret inside `word` of the letter and opens its card with Alt+Enter. */
async function openCardAt(page: Page, word: string): Promise<void> {
  await letter(page).evaluate((box, word) => {
    const el = box as HTMLTextAreaElement;
    const at = el.value.indexOf(word) + 1;
    el.focus();
    el.setSelectionRange(at, at);
  }, word);
  await page.keyboard.press('Alt+Enter');
}

const flagged = (letterText: string) =>
  compile([defaultLexicon()])
    .find(letterText)
    .map((f) => f.match);

describe('the playground, in Chromium', () => {
  it('flags the first sample letter in the field itself, with the extension’s card', async () => {
    await env.withPage(async (page) => {
      await open(page);
      const sample = SAMPLE_LETTERS[0]!;
      expect(await letter(page).inputValue()).toBe(sample.before);
      const expected = flagged(sample.before);
      await expect.poll(() => status(page)).toBe(`${expected.length} suggestions`);
      // Underlines over the text box, one box per flag at least (a flag may wrap).
      expect((await markBoxes(page)).length).toBeGreaterThanOrEqual(expected.length);
      // The real card: a click on the first flag opens it, naming the words.
      const first = (await markBoxes(page))[0]!;
      await page.mouse.click(first.left + first.width / 2, first.top + first.height / 2);
      await expect.poll(() => cardText(page.mainFrame())).toContain(`“${expected[0]}”`);
      // The whole-letter reflections are beside it.
      await expect.poll(() => page.locator('.reflection').count()).toBeGreaterThan(0);
    });
  });

  it('applies a suggestion from the card as one undo step', async () => {
    await env.withPage(async (page) => {
      await open(page);
      // The educator's own letter: its kind is guessed from its text again, as in a record.
      await page.getByLabel('Sample letter').selectOption('');
      const sentence = 'He is non-compliant with his medication.';
      await write(page, sentence);
      await expect.poll(() => status(page)).toBe('1 suggestion');
      const [finding] = compile([defaultLexicon()]).find(sentence);
      await openCardAt(page, 'non-compliant');
      await expect.poll(() => cardText(page.mainFrame())).toContain(`“${finding!.match}”`);
      await page.keyboard.press('Enter');
      const r = finding!.replacements[0]!;
      const corrected = sentence.slice(0, r.start) + r.text + sentence.slice(r.end);
      await expect.poll(() => letter(page).inputValue()).toBe(corrected);
      await page.keyboard.press('Control+z');
      await expect.poll(() => letter(page).inputValue()).toBe(sentence);
    });
  });

  it('shows each sample letter rewritten beside it, and the rewritten one has no flag', async () => {
    await env.withPage(async (page) => {
      await open(page);
      for (const sample of SAMPLE_LETTERS) {
        await page.getByLabel('Sample letter').selectOption(sample.id);
        await expect.poll(() => letter(page).inputValue()).toBe(sample.before);
        await page.getByRole('button', { name: 'Show it rewritten, side by side' }).click();
        const after = page.getByLabel('The letter rewritten');
        expect((await after.locator('p').allTextContents()).join('\n\n')).toBe(sample.after);
        expect(flagged(sample.after)).toEqual([]);
      }
    });
  });

  it('hides the flags in workshop mode, then shows them beside the trainee’s marks', async () => {
    await env.withPage(async (page) => {
      await open(page);
      await page.getByLabel('Workshop mode').check();
      const text = await letter(page).inputValue();
      const expected = flagged(text);
      await expect.poll(() => markBoxes(page).then((m) => m.length)).toBe(0);
      expect(await letter(page).getAttribute('readonly')).not.toBeNull();

      // The trainee marks the first flagged words, and words Alongside does not flag.
      const mark = async (words: string) => {
        await letter(page).evaluate((box, words) => {
          const el = box as HTMLTextAreaElement;
          const at = el.value.indexOf(words);
          el.focus();
          el.setSelectionRange(at, at + words.length);
        }, words);
        await page.getByRole('button', { name: 'Mark the words selected' }).click();
      };
      await mark(expected[0]!);
      const unflagged = text.split(/\s+/).find((w) => /^[a-z]{6,}$/.test(w) && !flagged(w).length)!;
      await mark(unflagged);
      expect(await page.getByLabel('Your marks').locator('li').count()).toBe(2);
      await expect.poll(() => markBoxes(page).then((m) => m.length)).toBe(0);

      await page.getByRole('button', { name: 'Reveal Alongside’s flags' }).click();
      await expect
        .poll(() => markBoxes(page).then((m) => m.length))
        .toBeGreaterThanOrEqual(expected.length);
      const results = page.getByRole('region', { name: 'Your marks beside Alongside’s flags' });
      await expect
        .poll(() => results.locator('.summary').textContent())
        .toBe(`Found by both: 1. Only Alongside: ${expected.length - 1}. Only you: 1.`);
      expect(await results.locator('[data-group="both"] strong').allTextContents()).toEqual([
        `“${expected[0]}”`,
      ]);
      expect(await results.locator('[data-group="you"] li').allTextContents()).toEqual([
        `“${unflagged}”`,
      ]);
      // Each of Alongside's flags says why, with its sources.
      expect(
        await results.locator('[data-group="alongside"] li details .source-list li').count(),
      ).toBeGreaterThan(0);
    });
  });

  it('uses a service lexicon file, and leaves the lexicon as it was when a file is broken', async () => {
    await env.withPage(async (page) => {
      await open(page);
      const service = join(dir, 'riverside.json');
      writeFileSync(
        service,
        JSON.stringify({
          name: 'Riverside Pain Service',
          version: '1',
          entries: [
            {
              id: 'riverside-failed-programme',
              category: 'giving-up',
              severity: 'warn',
              phrases: ['failed the programme'],
              message: 'May read as the person failing, rather than the programme not fitting.',
              why: 'Saying a person "failed" a programme puts the whole outcome on them.',
              sources: ['aomrc-please-write-2018'],
              alternatives: ['did not find the programme a fit for now'],
              examples: {
                flag: [
                  {
                    text: 'She failed the programme.',
                    corrections: ['She did not find the programme a fit for now.'],
                  },
                ],
                pass: ['She finished the programme.'],
              },
            },
          ],
        }),
      );
      await write(page, 'She failed the programme last spring.');
      await expect.poll(() => status(page)).toBe('No suggestions.');
      await page.getByLabel('Try a service lexicon file (JSON or CSV)').setInputFiles(service);
      await expect.poll(() => status(page), { timeout: 15_000 }).toBe('1 suggestion');
      expect(await page.locator('.lexicon p').first().textContent()).toContain(
        '“Riverside Pain Service”',
      );

      const broken = join(dir, 'broken.json');
      writeFileSync(broken, '{ "name": "Broken", "entries": [ { "id": 3 } ] }');
      await page.getByLabel('Try a service lexicon file (JSON or CSV)').setInputFiles(broken);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toContain('broken.json was not used; the lexicon is as it was.');
      expect(await status(page)).toBe('1 suggestion');
    });
  });

  it('keeps the letter between visits only once asked to, and forgets it when unticked', async () => {
    await env.withPage(async (page) => {
      await open(page);
      await write(page, 'A practice letter of my own.');
      await page.reload();
      await open(page);
      expect(await letter(page).inputValue()).toBe(SAMPLE_LETTERS[0]!.before);

      const keep = page.getByRole('checkbox', { name: /Keep this letter in this browser/ });
      expect(await keep.isChecked()).toBe(false);
      await keep.check();
      await write(page, 'A practice letter of my own, kept.');
      await page.reload();
      await expect
        .poll(() => letter(page).inputValue(), { timeout: 15_000 })
        .toBe('A practice letter of my own, kept.');
      await page.getByRole('checkbox', { name: /Keep this letter in this browser/ }).uncheck();
      expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    });
  });

  it('switches to large text for a projector', async () => {
    await env.withPage(async (page) => {
      await open(page);
      const size = () => page.locator('header p').evaluate((p) => getComputedStyle(p).fontSize);
      expect(await size()).toBe('16px');
      await page.getByLabel('Large text for a projector').check();
      await expect.poll(size).toBe('22px');
    });
  });
});
