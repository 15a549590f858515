// The card by keyboard alone: a focus scope (Tab and Shift+Tab go round it), the alternatives in
// the Tab order, Escape back to the caret from anywhere in it, and "Why this matters" opening by
// click and by key, in a textarea and inside TinyMCE's frame (which cancels clicks and keys).
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { resetSettings } from './content-helpers.ts';
import { cardText, caretContext, flagCentre, modelText, openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);
const LETTER = 'She claims her pain is bad. He refused the injection.';

/** The text of what has focus inside our layer in `frame`, or null when focus is not in it. */
const focusedInCard = (frame: Frame) =>
  frame.evaluate(() => {
    const el = document.querySelector('alongside-layer')?.shadowRoot?.activeElement;
    return el ? (el.getAttribute('aria-label') ?? el.textContent) : null;
  });

const hint = (frame: Frame) =>
  frame.evaluate(
    () =>
      document.querySelector('alongside-layer')?.shadowRoot?.querySelector('.card .hint')
        ?.textContent ?? null,
  );

/** Everything Tab can reach in the open card, in order. */
const cardControls = (frame: Frame) =>
  frame.evaluate(() =>
    [
      ...(document
        .querySelector('alongside-layer')
        ?.shadowRoot?.querySelectorAll('.card [role="option"], .card button, .card a[href]') ?? []),
    ].map((el) => el.getAttribute('aria-label') ?? el.textContent),
  );

async function textareaWithLetter(page: Page) {
  await openFixture(page, `${env.server.url}/textarea.html`);
  const field = page.locator('[data-testid="field"]');
  await field.fill(LETTER);
  await field.press('End');
  const marks = () =>
    page.evaluate(
      () =>
        document.querySelector('alongside-layer')?.shadowRoot?.querySelectorAll('.mark').length ??
        0,
    );
  await expect.poll(marks).toBe(2);
  const caret = () =>
    field.evaluate((el) => [
      (el as HTMLTextAreaElement).selectionStart,
      (el as HTMLTextAreaElement).selectionEnd,
    ]);
  const fieldFocused = () => field.evaluate((el) => el.ownerDocument.activeElement === el);
  return { field, marks, caret, fieldFocused };
}

describe('the card by keyboard alone, in Chromium with the extension', () => {
  it('Tab goes into the card and round it, alternatives first; Escape returns to the caret', async () => {
    await env.withPage(async (page) => {
      const frame = page.mainFrame();
      const { caret, fieldFocused } = await textareaWithLetter(page);
      const before = await caret();

      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(frame)).toContain('“refused”');
      expect(await hint(frame)).toBe(
        '↑↓ choose · Enter applies · Tab moves into the card · Esc closes',
      );
      const controls = await cardControls(frame);
      expect(controls[0]).toBe('declined');
      expect(controls.at(-1)).toBe('Close');

      // In: the highlighted alternative; then every control in turn, and round to the first.
      await page.keyboard.press('Tab');
      await expect.poll(() => focusedInCard(frame)).toBe(controls[0]);
      for (const next of [...controls.slice(1), controls[0]]) {
        await page.keyboard.press('Tab');
        await expect.poll(() => focusedInCard(frame)).toBe(next);
      }
      // Shift+Tab goes back round: from the first to the last (Close).
      await page.keyboard.press('Shift+Tab');
      await expect.poll(() => focusedInCard(frame)).toBe('Close');
      // Focus never left the card for the page.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('ALONGSIDE-LAYER');

      await page.keyboard.press('Escape');
      await expect.poll(() => cardText(frame)).toBeNull();
      expect(await fieldFocused()).toBe(true);
      expect(await caret()).toEqual(before);
      // Typing goes into the field at the caret.
      await page.keyboard.type(' Ok.');
      await expect.poll(() => modelText(page)).toBe(`${LETTER} Ok.`);
    });
  });

  it('an alternative reached by Tab is applied with Enter; ↑↓ move between alternatives', async () => {
    await env.withPage(async (page) => {
      const frame = page.mainFrame();
      const { fieldFocused } = await textareaWithLetter(page);
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(frame)).toContain('“refused”');
      const controls = await cardControls(frame);
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => focusedInCard(frame)).toBe(controls[1]);
      // The preview follows the alternative that has focus.
      expect(await cardText(frame)).toContain(`He ${controls[1]} the injection.`);
      await page.keyboard.press('Enter');
      await expect.poll(() => modelText(page)).toBe(LETTER.replace('refused', controls[1]!));
      expect(await fieldFocused()).toBe(true);
    });
  });

  it('a card opened by a click says so, and Tab still reaches it', async () => {
    await env.withPage(async (page) => {
      const frame = page.mainFrame();
      const { caret, fieldFocused } = await textareaWithLetter(page);
      const at = await flagCentre(page, frame, 'claims');
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => cardText(frame)).toContain('“claims”');
      expect(await hint(frame)).toBe('Click a choice, or Tab to reach it · Esc closes');
      const before = await caret();
      await page.keyboard.press('Tab');
      await expect.poll(() => focusedInCard(frame)).toBe((await cardControls(frame))[0]);
      await page.keyboard.press('Escape');
      await expect.poll(() => cardText(frame)).toBeNull();
      expect(await fieldFocused()).toBe(true);
      expect(await caret()).toEqual(before);
    });
  });

  it('Enter on a footer button acts, and focus comes back to the field', async () => {
    await env.withPage(async (page) => {
      const frame = page.mainFrame();
      const { field, marks, fieldFocused } = await textareaWithLetter(page);
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(frame)).toContain('“refused”');
      const controls = await cardControls(frame);
      await page.keyboard.press('Tab');
      for (let k = 0; k < controls.indexOf('Ignore here'); k++) await page.keyboard.press('Tab');
      await expect.poll(() => focusedInCard(frame)).toBe('Ignore here');
      await page.keyboard.press('Enter');
      await expect.poll(marks).toBe(1);
      expect(await field.inputValue()).toBe(LETTER);
      expect(await fieldFocused()).toBe(true);
    });
  });

  it('"Why this matters" opens in TinyMCE by click and by keyboard, with every source', async () => {
    await env.withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/tinymce-iframe.html`);
      await frame.locator('body').click();
      await page.keyboard.type(LETTER);
      await expect.poll(() => flagCentre(page, frame, 'claims').catch(() => null)).not.toBeNull();
      const why = frame.locator('alongside-layer .card .why-toggle');
      const body = frame.locator('alongside-layer .card .why-body');

      const at = await flagCentre(page, frame, 'claims');
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => cardText(frame)).toContain('“claims”');
      expect(await body.count()).toBe(0);
      await why.click();
      await expect.poll(() => body.count()).toBe(1);
      expect(await why.getAttribute('aria-expanded')).toBe('true');
      expect(await frame.locator('alongside-layer .card .sources li').count()).toBeGreaterThan(1);
      await why.click();
      await expect.poll(() => body.count()).toBe(0);

      // By keyboard: Tab to it, Enter opens it; Escape puts the caret back in the editor.
      const caret = await caretContext(frame);
      const controls = await cardControls(frame);
      await page.keyboard.press('Tab');
      for (let k = 0; k < controls.indexOf('Why this matters'); k++) {
        await page.keyboard.press('Tab');
      }
      await expect.poll(() => focusedInCard(frame)).toBe('Why this matters');
      await page.keyboard.press('Enter');
      await expect.poll(() => body.count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => cardText(frame)).toBeNull();
      expect(await caretContext(frame)).toEqual(caret);
      await page.keyboard.type('!');
      await expect
        .poll(() => caretContext(frame))
        .toMatchObject({
          before: `${caret.before}!`,
        });
    });
  });
});
