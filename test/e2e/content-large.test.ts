// A guard against freezing: in a ~200 KB letter in a textarea, typing costs the content script
// work in proportion to the edit, not the letter, and its flags are drawn and kept up to date.
import type { Page } from 'playwright-core';
import { useBrowserSession } from './browser-session.ts';
import { describe, expect, it } from 'vitest';
import { clips, markBoxes, readWork, resetSettings, type Rect } from './content-helpers.ts';
import { modelText, openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);

const FIELD = '[data-testid="field"]';
/** Thirty characters, no loaded phrasing. */
const INSERT = 'Reviewed again in clinic today';

/**
 * The content script's running totals of scans, paragraphs re-scanned, mirror lines rebuilt and
 * guesses at the document's kind.
 */
/** Input events on the field from now on, recorded before any listener on the field runs. */
const startCountingInputs = (page: Page) =>
  page.evaluate((selector) => {
    const field = document.querySelector(selector)!;
    const inputs: number[] = [];
    (window as unknown as { inputs: number[] }).inputs = inputs;
    window.addEventListener('input', (e) => e.target === field && inputs.push(e.timeStamp), true);
  }, FIELD);

const inputTimes = (page: Page) =>
  page.evaluate(() => (window as unknown as { inputs: number[] }).inputs);

/** When flags were last drawn (the content script's "alongside-drawn" performance mark). */
const lastDrawn = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('alongside-drawn').at(-1)?.startTime ?? -1);

describe('a 200 KB letter in a textarea, in Chromium with the extension', () => {
  it('re-checks only the paragraph typed in and keeps its flags up to date', async () => {
    await env.withPage(async (page) => {
      await openFixture(page, `${env.server.url}/large-note.html`);
      const original = await modelText(page);
      expect(original.length).toBeGreaterThan(190_000);

      // The initial check of the whole letter draws a flag for each loaded phrase.
      await expect
        .poll(async () => (await markBoxes(page)).length, { timeout: 15_000 })
        .toBeGreaterThan(100);
      await page.waitForTimeout(500);
      const initial = (await markBoxes(page)).length;

      // Caret in the middle of the letter, at the start of a paragraph.
      const at = original.indexOf('\n\n', original.length / 2) + 2;
      await page.locator(FIELD).evaluate((el, at) => {
        const field = el as HTMLTextAreaElement;
        field.focus();
        field.setSelectionRange(at, at);
      }, at);
      await startCountingInputs(page);
      const before = await readWork(page);
      for (const key of INSERT) await page.keyboard.type(key);
      const inputs = await inputTimes(page);
      expect(inputs).toHaveLength(INSERT.length);
      await expect
        .poll(() => modelText(page))
        .toBe(original.slice(0, at) + INSERT + original.slice(at));
      await expect.poll(() => lastDrawn(page)).toBeGreaterThanOrEqual(inputs.at(-1)!);
      expect((await markBoxes(page)).length).toBe(initial);

      // The work per keystroke does not grow with the letter (hundreds of paragraphs, thousands of
      // lines): each scan asks only for the paragraph typed in (then scans again, asking nothing,
      // when its findings arrive) and re-lays-out only its line. Counted, not timed, so a busy
      // machine cannot fail it and a whole-letter rescan cannot pass.
      const after = await readWork(page);
      const scans = after.scans - before.scans;
      expect(scans).toBeGreaterThanOrEqual(1);
      expect(scans).toBeLessThanOrEqual(2 * INSERT.length);
      const asked = after.paragraphs - before.paragraphs;
      expect(asked).toBeGreaterThanOrEqual(1);
      expect(asked).toBeLessThanOrEqual(INSERT.length);
      expect(after.lines - before.lines).toBeLessThanOrEqual(scans);
      // The letter's kind is not guessed again on each keystroke: at most once, when typing pauses.
      expect(after.kinds - before.kinds).toBeLessThanOrEqual(1);

      // Typing a loaded phrase at the end adds one flag, drawn in view at the bottom of the field.
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' He claims');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(initial + 1);
      const [{ clip, marks }] = (await clips(page)) as [{ clip: Rect; marks: Rect[] }];
      const visible = marks.filter((m) => m.top >= clip.top && m.bottom <= clip.bottom);
      expect(visible.length).toBeGreaterThanOrEqual(1);
      const last = marks.reduce((a, b) => (b.top > a.top ? b : a));
      expect(visible).toContainEqual(last);
    });
  }, 60_000);
});
