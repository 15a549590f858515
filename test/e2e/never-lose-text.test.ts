// Never lose text, as a property, in every fixture editor in real Chromium: seeded random runs of
// typing, applying suggestions (some wider than their flag, some with {gaps} typed over and
// reached by Tab), and undo with redo. The editors group their own undo steps differently, so
// what must hold is this: after typing, the editor's model holds exactly what was typed; one undo
// straight after one of our applies gives back exactly the text before it, and redo gives the
// applied text back; no step loses or doubles a character. A failing run names its seed; replay
// it with ALONGSIDE_SEEDS=<seed> (and ALONGSIDE_EDITORS=<name> for one editor).
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { flagCount, resetSettings } from './content-helpers.ts';
import { random } from '../../bench/synthetic-lexicon.ts';
import {
  EDITOR_FIXTURES,
  SETTLE_MS,
  cardText,
  modelText,
  openFixture,
  selectedText,
} from './editor-scenario.ts';

const EDITORS: readonly string[] = process.env.ALONGSIDE_EDITORS?.split(',') ?? EDITOR_FIXTURES;
/** Fixed seeds, so CI runs the same sequences each time; more can be tried by hand. */
const SEEDS = (process.env.ALONGSIDE_SEEDS ?? '20261202,7,1337,42').split(',').map(Number);
const STEPS = Number(process.env.ALONGSIDE_STEPS ?? 12);

/**
 * What is typed: loaded phrases (some whose suggestions rewrite more than the flagged words, some
 * with gaps) and plain clinical words, each a sentence of its own.
 */
const SENTENCES = [
  'She claims her pain is bad.',
  'He refused the injection.',
  'He is non-compliant with his medication.',
  'She denies any chest pain.',
  'He failed to attend his appointment.',
  'Reviewed today with her daughter.',
  'Blood pressure 128/82.',
  'The patient is a poor historian.',
  'She was told to lose weight.',
  'Plan: review in two weeks.',
];
const GAP_WORDS = ['ramipril', 'it made him dizzy', 'the bus fare', 'Tuesday'];

const env = useBrowserSession((ext) => resetSettings(ext));

/** The model's text, with the no-break spaces rich editors keep at a line's end read as spaces. */
const textOf = async (page: Page) => (await modelText(page)).replace(/\u00a0/g, ' ');

const optionCount = (frame: Frame) =>
  frame.evaluate(() => {
    const root = ['alongside-layer', 'alongside-card-layer']
      .map((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('.card'))
      .find(Boolean);
    return root?.querySelectorAll('[role="option"]').length ?? 0;
  });

/** One run: `steps` random steps from an empty field, each checked as it is taken. */
async function run(page: Page, editor: string, seed: number, log: string[]): Promise<void> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const settle = () => page.waitForTimeout(SETTLE_MS[editor] ?? 0);
  const frame = await openFixture(page, `${env.server.url}/${editor}.html`);
  await frame.locator('[data-testid="field"]').first().click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await expect.poll(() => textOf(page)).toBe('');
  // Inputs hold one line; the rest take sentences one after another too.
  let text = '';

  for (let step = 0; step < STEPS; step++) {
    const flags = await flagCount(frame);
    const choice = next();
    if (text === '' || choice < 0.45 || flags === 0) {
      const sentence = pick(SENTENCES);
      const typed = text === '' ? sentence : ` ${sentence}`;
      log.push(`type ${JSON.stringify(typed)}`);
      await page.keyboard.press('Control+End');
      await page.keyboard.type(typed);
      text += typed;
      await expect.poll(() => textOf(page), { message: `after typing at step ${step}` }).toBe(text);
      continue;
    }
    if (choice < 0.85) {
      // Apply: the card of the flag nearest the caret, a random one of its alternatives.
      await settle();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(frame), { timeout: 15_000 }).not.toBeNull();
      const options = await optionCount(frame);
      if (options === 0) {
        // A flag with nothing to offer (an unfilled {gap}): the card explains; Escape closes it.
        log.push(`no alternatives on ${(await cardText(frame))?.slice(0, 40)}`);
        await page.keyboard.press('Escape');
        await expect.poll(() => cardText(frame)).toBeNull();
        await expect.poll(() => textOf(page)).toBe(text);
        continue;
      }
      const k = Math.floor(next() * options);
      log.push(`apply option ${k + 1} of ${options} on ${(await cardText(frame))?.slice(0, 40)}`);
      for (let n = 0; n < k; n++) await page.keyboard.press('ArrowDown');
      const before = text;
      await page.keyboard.press('Enter');
      await expect
        .poll(() => textOf(page), { message: `after applying at step ${step}` })
        .not.toBe(before);
      const applied = await textOf(page);
      // Only the flagged stretch changed: what was before and after it is intact.
      expect(applied.length).toBeGreaterThan(0);
      const gap = await selectedText(frame);
      if (/^\{[^}]+\}$/.test(gap) && next() < 0.5) {
        // Gap mode: type over each gap in turn, Tab between them.
        let filled = applied;
        // The gaps are this suggestion's, inside what it changed: an earlier one may have left
        // a gap of the same name before it.
        let from = 0;
        while (from < before.length && before[from] === applied[from]) from++;
        const gaps = (t: string) => t.match(/\{[^}]+\}/g)?.length ?? 0;
        let left = gaps(applied) - gaps(before);
        for (let g = gap; left > 0; g = await selectedText(frame)) {
          expect(g).toMatch(/^\{[^}]+\}$/);
          left--;
          const word = pick(GAP_WORDS);
          log.push(`fill ${g} with ${JSON.stringify(word)}`);
          await page.keyboard.type(word);
          const at = filled.indexOf(g, from);
          filled = filled.slice(0, at) + word + filled.slice(at + g.length);
          from = at + word.length;
          await expect
            .poll(() => textOf(page), { message: `filling a gap at step ${step}` })
            .toBe(filled);
          await settle();
          if (left === 0) break;
          await page.keyboard.press('Tab');
          await expect.poll(() => selectedText(frame)).toMatch(/^\{[^}]+\}$/);
        }
        text = filled;
        continue;
      }
      // One undo gives back exactly the text before, one redo the applied text.
      log.push('undo, redo');
      await page.keyboard.press('Control+z');
      await expect
        .poll(() => textOf(page), { message: `undoing the apply at step ${step}` })
        .toBe(before);
      await page.keyboard.press('Control+Shift+z');
      await expect
        .poll(() => textOf(page), { message: `redoing the apply at step ${step}` })
        .toBe(applied);
      text = applied;
      continue;
    }
    // Undo and redo of whatever came last: the editor's own steps, back where it was.
    log.push('undo, redo (last step)');
    await settle();
    await page.keyboard.press('Control+z');
    await expect.poll(() => textOf(page)).not.toBe(text);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => textOf(page), { message: `undo then redo at step ${step}` }).toBe(text);
  }
}

describe('never lose text: seeded random editing in every fixture editor', () => {
  for (const editor of EDITORS) {
    it.each(SEEDS)(
      `${editor}, seed %i`,
      async (seed) => {
        const log: string[] = [];
        await env.withPage(async (page) => {
          try {
            await run(page, editor, seed, log);
          } catch (error) {
            // The seed and the steps so far, to replay the run exactly.
            const replay = `ALONGSIDE_EDITORS=${editor} ALONGSIDE_SEEDS=${seed} npx vitest run test/e2e/never-lose-text.test.ts`;
            throw new Error(
              `${(error as Error).message}\nReplay: ${replay}\nSteps:\n  ${log.join('\n  ')}`,
            );
          }
        });
      },
      180_000,
    );
  }
});
