// The card's buttons (ignore here, ignore everywhere, turn off) are reachable without a mouse.
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { resetSettings } from './content-helpers.ts';
import { cardText, openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);
const LETTER = 'She claims her pain is bad. He refused the injection.';

describe('the card by keyboard alone, in Chromium with the extension', () => {
  it('Tab reaches its buttons, Escape returns to the caret, Enter on a button acts', async () => {
    await env.withPage(async (page) => {
      await openFixture(page, `${env.server.url}/textarea.html`);
      const field = page.locator('[data-testid="field"]');
      await field.fill(LETTER);
      await field.press('End');
      const caret = () =>
        field.evaluate((el) => [
          (el as HTMLTextAreaElement).selectionStart,
          (el as HTMLTextAreaElement).selectionEnd,
        ]);
      const focusedButton = () =>
        page.evaluate(
          () =>
            document.querySelector('alongside-layer')?.shadowRoot?.activeElement?.textContent ??
            null,
        );
      const fieldFocused = () => field.evaluate((el) => el.ownerDocument.activeElement === el);
      const marks = () =>
        page.evaluate(
          () =>
            document.querySelector('alongside-layer')?.shadowRoot?.querySelectorAll('.mark')
              .length ?? 0,
        );
      await expect.poll(marks).toBe(2);
      const before = await caret();

      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain('“refused”');
      await page.keyboard.press('Tab');
      await expect.poll(focusedButton).toBe('Ignore here');
      await page.keyboard.press('Tab');
      await expect.poll(focusedButton).toBe('Ignore this phrase everywhere');
      await page.keyboard.press('Escape');
      await expect.poll(() => cardText(page.mainFrame())).toBeNull();
      expect(await fieldFocused()).toBe(true);
      expect(await caret()).toEqual(before);

      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain('“refused”');
      await page.keyboard.press('Tab');
      await expect.poll(focusedButton).toBe('Ignore here');
      await page.keyboard.press('Enter');
      await expect.poll(marks).toBe(1);
      expect(await field.inputValue()).toBe(LETTER);
      expect(await fieldFocused()).toBe(true);
    });
  });
});
