// An editor that throws inside our apply step: CKEditor 5 with insertContent patched by the page
// to throw, and a contenteditable whose own beforeinput handler takes the replacement and throws.
// The text is left exactly as it was, the card opens again on the flag and says so in one line,
// and focus and caret stay where the clinician had them.
import { describe, expect, it } from 'vitest';
import { cardMessages } from '../../locales/card.ts';

const NOT_TAKEN = cardMessages('en-GB').notTaken;
import { useBrowserSession } from './browser-session.ts';
import { resetSettings } from './content-helpers.ts';
import { cardLocator, cardText, modelText } from './editor-scenario.ts';
import {
  APPLIED,
  LETTER,
  applyClaimsByMouse,
  caretIn,
  focusInField,
  hostile,
  openWithLetter,
} from './hostile-pages.ts';

const env = useBrowserSession(resetSettings);

describe('an editor that throws when a suggestion is applied', () => {
  it('CKEditor 5: the text is as it was, the card says so, and it applies once the editor works', async () => {
    await env.withPage(async (page) => {
      const frame = await openWithLetter(page, `${env.server.url}/hostile-ckeditor.html`);
      await hostile(page, 'breakInsertContent');
      await applyClaimsByMouse(page, frame);
      await expect.poll(() => cardText(frame)).toContain(NOT_TAKEN);
      expect(await cardText(frame)).toContain('“claims”');
      expect(await modelText(page)).toBe(LETTER);
      expect(await focusInField(frame)).toBe(true);
      // The caret is where the click on the flag put it, not over a selected "claims".
      expect(await caretIn(frame)).toMatchObject({ collapsed: true });
      expect(LETTER.startsWith((await caretIn(frame)).before)).toBe(true);

      // Mended, the editor takes the same choice from the card shown again, as one undo step.
      await hostile(page, 'restoreInsertContent');
      await (await cardLocator(frame, '[role="option"]')).first().click();
      await expect.poll(() => modelText(page)).toBe(APPLIED);
      expect(await cardText(frame)).toBeNull();
      await page.keyboard.press('Control+z');
      await expect.poll(() => modelText(page)).toBe(LETTER);
    });
  });

  it('CKEditor 5 by keyboard: Alt+Enter, Enter; the card comes back saying so, its keys still live', async () => {
    await env.withPage(async (page) => {
      const frame = await openWithLetter(page, `${env.server.url}/hostile-ckeditor.html`);
      await hostile(page, 'breakInsertContent');
      await frame.locator('[data-testid="field"]').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(frame)).toContain('“claims”');
      await page.keyboard.press('Enter');
      await expect.poll(() => cardText(frame)).toContain(NOT_TAKEN);
      expect(await cardText(frame)).toContain('Enter applies');
      expect(await modelText(page)).toBe(LETTER);
      expect(await focusInField(frame)).toBe(true);
      expect(await caretIn(frame)).toEqual({ before: LETTER, collapsed: true });
      await page.keyboard.press('Escape');
      await expect.poll(() => cardText(frame)).toBeNull();
      expect(await modelText(page)).toBe(LETTER);
    });
  });

  it('a contenteditable whose beforeinput handler throws: the text is as it was, and the card says so', async () => {
    await env.withPage(async (page) => {
      const frame = await openWithLetter(page, `${env.server.url}/hostile-editable.html`);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await hostile(page, 'throwOnBeforeInput');
      await applyClaimsByMouse(page, frame);
      await expect.poll(() => cardText(frame)).toContain(NOT_TAKEN);
      expect(await modelText(page)).toBe(LETTER);
      expect(await focusInField(frame)).toBe(true);
      expect(await caretIn(frame)).toMatchObject({ collapsed: true });
      // The page's handler did throw: the failure was real, not a route never tried.
      expect(errors).toEqual(['the editor failed to apply a replacement']);
    });
  });
});
