// Which fields the content script finds and checks: fields in an about:blank iframe inside a
// shadow root and in a shadow root of the top document, fields a page adds after load, and the
// fields it must leave alone (password, disabled, read-only, hidden, opted out).
import type { Frame, Page } from 'playwright-core';
import { useBrowserSession } from './browser-session.ts';
import { describe, expect, it } from 'vitest';
import {
  cardState,
  controlState,
  flagCount,
  highlightedTexts,
  markBoxes,
  overlaps,
  rectOf,
  resetSettings,
  type Rect,
} from './content-helpers.ts';
import { cardText, modelText, openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);

const withPage = env.withPage;

/** Click a field, put the caret at its end and type. */
async function typeAtEnd(page: Page, frame: Frame, selector: string, text: string) {
  await frame.locator(selector).first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

const inside = (box: Rect, field: Rect) =>
  box.left >= field.left - 1 &&
  box.right <= field.right + 1 &&
  box.top >= field.top - 1 &&
  box.bottom <= field.bottom + 1;

const textOf = (page: Page, testId: string) =>
  page.evaluate(
    (id) =>
      (window as unknown as { fixture: { textOf(testId: string): string } }).fixture.textOf(id),
    testId,
  );

/** Give the content script time to do something it must not do. */
const settle = (page: Page) => page.waitForTimeout(400);

describe('fields the content script checks, in Chromium with the extension', () => {
  it('checks a textarea in an about:blank iframe inside a shadow root, and one in a shadow root', async () => {
    await withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/iframe-shadow.html`);
      expect(frame).not.toBe(page.mainFrame());
      expect(frame.url()).toBe('about:blank');

      // 1. Inside the iframe: the overlay lives in the iframe's own document.
      await typeAtEnd(page, frame, '[data-testid="field"]', ' He is non-compliant.');
      await expect.poll(() => modelText(page)).toContain('He is non-compliant.');
      await expect.poll(async () => (await markBoxes(frame)).length).toBe(1);
      const framedField = await rectOf(frame, '[data-testid="field"]');
      const [framedMark] = await markBoxes(frame);
      expect(framedMark!.severity).toBe('warn');
      expect(inside(framedMark!, framedField)).toBe(true);

      // 2. In the top document's shadow root: the top document's layer draws it.
      const shadow = '[data-testid="shadow-field"]';
      const before = (await controlState(page, shadow)).value;
      await typeAtEnd(page, page.mainFrame(), shadow, ' He is non-compliant.');
      const typed = `${before} He is non-compliant.`;
      await expect.poll(async () => (await controlState(page, shadow)).value).toBe(typed);
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      const shadowField = await rectOf(page, shadow);
      expect(inside((await markBoxes(page))[0]!, shadowField)).toBe(true);
      // The framed field's flag is not drawn twice (once in the frame, once in the top page).
      expect((await markBoxes(frame)).length).toBe(1);

      // Apply the first alternative by keyboard, then undo it in one step.
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain('“non-compliant”');
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await controlState(page, shadow)).value)
        .toBe(`${before} He has not been taking {treatment} because {reason}.`);
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await controlState(page, shadow)).value).toBe(typed);
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
    });
  });

  it('starts no checks in a frame with nothing to write in, until a field appears', async () => {
    await env.withPage(async (page) => {
      await page.goto(`${env.server.url}/no-fields.html`);
      const marks = () =>
        page.evaluate(() =>
          ['alongside-waiting', 'alongside-checking'].map(
            (name) => performance.getEntriesByName(name).length,
          ),
        );
      // The content script is running and waiting for a field; it has asked the background nothing.
      await expect.poll(marks).toEqual([1, 0]);
      await page.evaluate(() => {
        const field = document.createElement('textarea');
        field.value = 'He claims the pain is worse.';
        document.querySelector('main')!.append(field);
      });
      await expect.poll(marks).toEqual([1, 1]);
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
    });
  });

  it('checks fields a single-page app adds after load', async () => {
    await withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/dynamic.html`);
      await typeAtEnd(page, frame, '[data-testid="field"]', ' He claims it hurts.');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      const field = await rectOf(page, '[data-testid="field"]');
      expect(inside((await markBoxes(page))[0]!, field)).toBe(true);

      await typeAtEnd(page, frame, '[data-testid="field-ce"]', ' He refused the scan.');
      await expect.poll(() => highlightedTexts(page)).toEqual(['refused']);

      // A field added later still, never focused: found by watching the page, not by focus.
      await page.evaluate(() => {
        const late = document.createElement('textarea');
        late.setAttribute('data-testid', 'late');
        late.value = 'She is a heartsink patient.';
        document.getElementById('app')!.append(late);
      });
      await expect.poll(async () => (await markBoxes(page)).length).toBe(2);
      const late = await rectOf(page, '[data-testid="late"]');
      expect((await markBoxes(page)).filter((m) => inside(m, late))).toHaveLength(1);
    });
  });

  it('never reads, marks or touches a password field', async () => {
    await withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/password.html`);
      const password = '[data-testid="password"]';
      const secret = 'He claims non-compliant heartsink';
      expect((await controlState(page, password)).value).toBe(secret);

      await typeAtEnd(page, frame, '[data-testid="field"]', ' He claims');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      const passwordRect = await rectOf(page, password);
      const textRect = await rectOf(page, '[data-testid="field"]');
      for (const mark of await markBoxes(page)) {
        expect(overlaps(mark, passwordRect)).toBe(false);
        expect(inside(mark, textRect)).toBe(true);
      }

      // Alt+Enter in the password field opens nothing and changes nothing.
      await page.locator(password).click();
      await page.keyboard.press('End');
      await page.keyboard.press('Alt+Enter');
      await settle(page);
      expect(await cardState(page)).toBeNull();
      expect((await controlState(page, password)).value).toBe(secret);
      expect((await markBoxes(page)).length).toBe(1);
      expect(await highlightedTexts(page)).toEqual([]);
    });
  });

  it('never marks disabled, read-only or hidden fields, but does mark the ordinary one', async () => {
    await withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/readonly.html`);
      // The fixture's other fields all hold loaded phrasing; the ordinary one holds none.
      const loaded = 'He claims the pain is unbearable.';
      for (const id of ['disabled', 'readonly', 'hidden-input', 'hidden', 'not-editable']) {
        expect((await textOf(page, id)).trim(), id).toBe(loaded);
      }

      // Focusing the read-only field and asking for a card does nothing either.
      await page.locator('[data-testid="readonly"]').click();
      await page.keyboard.press('Alt+Enter');

      await typeAtEnd(page, frame, '[data-testid="field"]', ' He claims it hurts.');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      await settle(page);
      const marks = await markBoxes(page);
      expect(marks).toHaveLength(1);
      expect(inside(marks[0]!, await rectOf(page, '[data-testid="field"]'))).toBe(true);
      expect(await highlightedTexts(page)).toEqual([]);
      expect(await cardState(page)).toBeNull();
    });
  });

  it('stops marking a field the page makes read-only or disables after it was checked', async () => {
    await withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/readonly.html`);
      const field = '[data-testid="field"]';
      await typeAtEnd(page, frame, field, ' He claims it hurts.');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);

      // The note is signed and locked, as record systems do: the field becomes read-only.
      await page.locator(field).evaluate((el) => el.setAttribute('readonly', ''));
      await expect.poll(async () => (await markBoxes(page)).length, { timeout: 2_000 }).toBe(0);
      await page.locator(field).click();
      await page.keyboard.press('Alt+Enter');
      await settle(page);
      expect(await cardState(page)).toBeNull();

      // Unlocked again: checked again.
      await page.locator(field).evaluate((el) => el.removeAttribute('readonly'));
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);

      // Disabled: the same.
      await page.locator(field).evaluate((el) => el.setAttribute('disabled', ''));
      await expect.poll(async () => (await markBoxes(page)).length, { timeout: 2_000 }).toBe(0);
    });
  });

  it('honours data-gramm="false" and data-alongside="off", but not spellcheck="false"', async () => {
    await withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/opt-out.html`);
      await typeAtEnd(page, frame, '[data-testid="gramm-off"]', ' He refused the scan.');
      await page.keyboard.press('Alt+Enter');
      await typeAtEnd(page, frame, '[data-testid="alongside-off"]', ' He refused the scan.');
      await page.keyboard.press('Alt+Enter');
      await settle(page);
      expect(await flagCount(page)).toBe(0);
      expect(await cardState(page)).toBeNull();

      await typeAtEnd(page, frame, '[data-testid="field"]', ' He claims it hurts.');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      await settle(page);
      const marks = await markBoxes(page);
      expect(marks).toHaveLength(1);
      expect(inside(marks[0]!, await rectOf(page, '[data-testid="field"]'))).toBe(true);
    });
  });
});
