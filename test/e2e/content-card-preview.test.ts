// The card shows the sentence as it will read after applying the highlighted alternative, with the
// changed words marked, and it follows the arrow keys and the mouse; it still fits a small frame.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compile, defaultLexicon, previewReplacement } from '../../core/index.ts';
import { useBrowserSession } from './browser-session.ts';
import {
  cardState,
  flagCount,
  liveText,
  markBoxes,
  overlaps,
  rectOf,
  resetSettings,
} from './content-helpers.ts';
import { cardText, modelText, openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);

const FIELD = '[data-testid="field"]';
type Kind = 'textarea' | 'contenteditable';
const KINDS: Kind[] = ['textarea', 'contenteditable'];

const withPage = env.withPage;

/** Open a fixture, empty its field through the page's own script, click it and type `text`. */
async function startWith(page: Page, kind: Kind, text: string): Promise<void> {
  await openFixture(page, `${env.server.url}/${kind}.html`);
  await page.evaluate(() =>
    (window as unknown as { fixture: { setText(t: string): void } }).fixture.setText(''),
  );
  await page.locator(FIELD).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 0 });
  await expect.poll(() => modelText(page)).toBe(text);
}

/** The card's preview: its whole text and the words marked as changed. */
const preview = (page: Page) =>
  page.evaluate(() => {
    const p = document.querySelector('alongside-layer')?.shadowRoot?.querySelector('.preview');
    if (!p) return null;
    return {
      text: p.textContent,
      inserted: [...p.querySelectorAll('ins')].map((i) => i.textContent),
    };
  });

const selected = async (page: Page) =>
  (await cardState(page))!.options.map((o) => o.selected === 'true');

describe('the preview under the alternatives, in Chromium with the extension', () => {
  it.each(KINDS)('%s: follows ↑/↓ and the mouse, and is read out', async (kind) => {
    await withPage(async (page) => {
      const text = 'Seen in clinic. He refused the injection. Review in May.';
      const refused = compile([defaultLexicon()]).find(text)[0]!;
      const count = refused.suggestions.length;
      expect(count).toBeGreaterThanOrEqual(2);
      /** The sentence with alternative `k` in place, as the engine previews it. */
      const expected = (k: number) => {
        const p = previewReplacement(text, refused.replacements[k]!);
        return { text: `After applying: ${p.before}${p.changed}${p.after}`, inserted: [p.changed] };
      };
      const only = (k: number) => refused.suggestions.map((_, j) => j === k);

      await startWith(page, kind, text);
      await expect.poll(() => flagCount(page)).toBe(1);
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain('“refused”');
      expect((await cardState(page))!.options.map((o) => o.text)).toEqual(refused.suggestions);

      // Only the sentence holding the flag, with the first alternative in place.
      expect(await preview(page)).toEqual(expected(0));
      expect(expected(0).text).toBe('After applying: He declined the injection.');
      await expect.poll(() => liveText(page)).toContain(expected(0).text);

      await page.keyboard.press('ArrowDown');
      await expect.poll(() => preview(page)).toEqual(expected(1));
      await expect
        .poll(() => liveText(page))
        .toBe(`${refused.suggestions[1]}, 2 of ${count}. ${expected(1).text}`);

      // Pointing at the first alternative highlights it and previews it.
      await page.locator('alongside-layer .card [role="option"]').first().hover();
      await expect.poll(() => selected(page)).toEqual(only(0));
      expect(await preview(page)).toEqual(expected(0));

      // ↓ moves on from the hovered choice, and Enter applies what the preview showed.
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => preview(page)).toEqual(expected(1));
      expect(await selected(page)).toEqual(only(1));
      await page.keyboard.press('Enter');
      const r = refused.replacements[1]!;
      await expect
        .poll(() => modelText(page))
        .toBe(text.slice(0, r.start) + r.text + text.slice(r.end));
    });
  });

  it('textarea: a replacement wider than the flag reads as the whole new sentence', async () => {
    await withPage(async (page) => {
      const text = 'He is non-compliant with his tablets.\nBP fine.';
      const f = compile([defaultLexicon()]).find(text)[0]!;
      const r = f.replacements[0]!;
      // The first choice rewrites more than the flagged words ("is … his tablets").
      expect(r.start < f.start || r.end > f.end).toBe(true);
      await startWith(page, 'textarea', text);
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain(`“${f.match}”`);
      expect(await preview(page)).toEqual({
        text: `After applying: ${text.slice(0, r.start)}${r.text}${text.slice(r.end, text.indexOf('\n'))}`,
        inserted: [r.text],
      });
    });
  });

  it('textarea: a long sentence is cut to a glance around the change', async () => {
    await withPage(async (page) => {
      const lead = 'After a long discussion about the options available to him in the community, ';
      const tail = ', which we respected and wrote down in full for the team to read later on.';
      await startWith(page, 'textarea', `${lead}he refused the injection${tail}`);
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain('“refused”');
      const shown = (await preview(page))!.text!;
      expect(shown.startsWith('After applying: …')).toBe(true);
      expect(shown.endsWith('…')).toBe(true);
      expect(shown).toContain('he declined the injection, which');
      expect(shown.length).toBeLessThan(`After applying: ${lead}${tail}`.length);
    });
  });

  it('textarea: the card with its preview and kind line fits a small frame beside its flag', async () => {
    await withPage(async (page) => {
      await page.setViewportSize({ width: 360, height: 480 });
      await startWith(page, 'textarea', 'He is non-compliant with his tablets.');
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain('Read as:');
      const box = await rectOf(page, 'alongside-layer .card');
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(360);
      expect(box.bottom).toBeLessThanOrEqual(480);
      // It leaves the flag in view: the card shrinks to the room beside it and scrolls inside.
      const [mark] = await markBoxes(page);
      expect(mark!.width).toBeGreaterThan(0);
      expect(overlaps(box, mark!)).toBe(false);
      await page.locator('alongside-layer .card [role="option"]').first().click();
      await expect.poll(() => modelText(page)).toContain('has not been taking');
    });
  });

  it('textarea: where no side of the flag can hold its buttons, the card covers the flag instead', async () => {
    await withPage(async (page) => {
      await page.setViewportSize({ width: 360, height: 260 });
      await startWith(page, 'textarea', 'He is non-compliant with his tablets.');
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain('Read as:');
      const box = await rectOf(page, 'alongside-layer .card');
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(260);
      // The phrase, the preview and the buttons are all in view, the footer included.
      for (const part of ['.phrase', '.preview', 'footer']) {
        const r = await rectOf(page, `alongside-layer .card ${part}`);
        expect(r.height).toBeGreaterThan(0);
        expect(r.top).toBeGreaterThanOrEqual(box.top);
        expect(r.bottom).toBeLessThanOrEqual(box.bottom);
      }
      await page.locator('alongside-layer .card footer button').first().click();
      await expect.poll(() => cardText(page.mainFrame())).toBeNull();
    });
  });
});
