// The suggestion card in a textarea and a contenteditable div: placeholders after applying,
// stale flags, keys while the card is open, accessibility, the three "ignore" actions and
// never scrolling the page.
import type { Frame, Page } from 'playwright-core';
import { useBrowserSession } from './browser-session.ts';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cardState,
  controlState,
  flagCount,
  highlightedTexts,
  liveText,
  markBoxes,
  readStoredSettings,
  readWork,
  resetSettings,
  writeStoredSettings,
  DEFAULTS,
} from './content-helpers.ts';
import { LETTER, caretContext, cardText, modelText, openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);
afterEach(async () => {
  await resetSettings(env.ext);
});

const FIELD = '[data-testid="field"]';
type Kind = 'textarea' | 'contenteditable';
const KINDS: Kind[] = ['textarea', 'contenteditable'];

const withPage = env.withPage;

/** Open a fixture, empty its field through the page's own script, click it and type `text`. */
async function startWith(page: Page, kind: Kind, text: string): Promise<Frame> {
  const frame = await openFixture(page, `${env.server.url}/${kind}.html`);
  await page.evaluate(() =>
    (window as unknown as { fixture: { setText(t: string): void } }).fixture.setText(''),
  );
  await page.locator(FIELD).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 0 });
  await expect.poll(() => modelText(page)).toBe(text);
  return frame;
}

/** Flags drawn in the page: overlay marks for the textarea, highlight ranges for contenteditable. */
const flags = (page: Page) => flagCount(page);

/** The field's selected text (textarea: by selectionStart/End; contenteditable: the selection). */
const selectedText = (page: Page) =>
  page.evaluate((selector) => {
    const field = document.querySelector(selector)!;
    if (field instanceof HTMLTextAreaElement)
      return field.value.slice(field.selectionStart, field.selectionEnd);
    return getSelection()!.toString();
  }, FIELD);

/** Select the first occurrence of `phrase` in the field by script (or put the caret after it). */
async function selectPhrase(page: Page, phrase: string, collapseToEnd = false): Promise<void> {
  await page.evaluate(
    ({ selector, phrase, collapseToEnd }) => {
      const field = document.querySelector(selector) as HTMLElement;
      field.focus();
      if (field instanceof HTMLTextAreaElement) {
        const at = field.value.indexOf(phrase);
        if (at < 0) throw new Error(`no ${phrase}`);
        const end = at + phrase.length;
        field.setSelectionRange(collapseToEnd ? end : at, end);
        return;
      }
      const walker = document.createTreeWalker(field, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(phrase);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, collapseToEnd ? at + phrase.length : at);
        range.setEnd(node, at + phrase.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`no ${phrase}`);
    },
    { selector: FIELD, phrase, collapseToEnd },
  );
}

/** An edit made by the page's own script through the editing commands (fires input events). */
const insertTextByScript = (page: Page, text: string) =>
  page.evaluate((text) => document.execCommand('insertText', false, text), text);

const openCard = async (page: Page, phrase: string) => {
  await page.keyboard.press('Alt+Enter');
  await expect.poll(() => cardText(page.mainFrame())).toContain(`“${phrase}”`);
};

describe('the suggestion card, in Chromium with the extension', () => {
  it.each(KINDS)(
    '%s: applying an alternative with placeholders selects the first placeholder',
    async (kind) => {
      await withPage(async (page) => {
        const typed = 'He is non-compliant with his tablets.';
        await startWith(page, kind, typed);
        await expect.poll(() => flags(page)).toBe(1);
        await openCard(page, 'non-compliant with his tablets');
        const first = (await cardState(page))!.options[0]!.text;
        expect(first).toBe('has not been taking his {medication} because {reason}');
        await page.keyboard.press('Enter');

        // The replacement starts before the flag: "is" goes with it.
        const applied = `He ${first}.`;
        await expect.poll(() => modelText(page)).toBe(applied);
        expect(await selectedText(page)).toBe('{medication}');

        await page.keyboard.type('tablets');
        await expect
          .poll(() => modelText(page))
          .toBe('He has not been taking his tablets because {reason}.');
      });
    },
  );

  it.each(KINDS)(
    '%s: a flag whose text changed under an open card is checked again, not applied',
    async (kind) => {
      await withPage(async (page) => {
        await startWith(page, kind, LETTER);
        await expect.poll(() => flags(page)).toBe(2);
        await openCard(page, 'refused');

        // The page's own script rewrites the flagged word while the card is open.
        await selectPhrase(page, 'refused');
        await insertTextByScript(page, 'declined');
        const edited = LETTER.replace('refused', 'declined');
        await expect.poll(() => modelText(page)).toBe(edited);

        // The card still shows the old flag; choosing it must check the text again.
        const option = page.locator('alongside-layer .card [role="option"]').first();
        await expect.poll(() => option.isVisible()).toBe(true);
        await option.click();
        await page.waitForTimeout(300);
        expect(await modelText(page)).toBe(edited);
        // A fresh scan: only "claims" is left.
        await expect.poll(() => flags(page)).toBe(1);
        if (kind === 'contenteditable') expect(await highlightedTexts(page)).toEqual(['claims']);
      });
    },
  );

  it('textarea: a flag moved by a script edit that fired no input event is not applied at its old place', async () => {
    await withPage(async (page) => {
      await startWith(page, 'textarea', LETTER);
      await expect.poll(() => flags(page)).toBe(2);
      await openCard(page, 'refused');

      // A framework restores a draft by assigning .value: no input event, the flag is now stale.
      const restored = `Seen today. ${LETTER} He refused it.`;
      await page.evaluate(
        ({ selector, text }) => {
          (document.querySelector(selector) as HTMLTextAreaElement).value = text;
        },
        { selector: FIELD, text: restored },
      );
      await page.locator('alongside-layer .card [role="option"]').first().click();
      await page.waitForTimeout(300);
      expect(await modelText(page)).toBe(restored);

      // Checked again: three flags, and the card now finds "refused" where it really is.
      await expect.poll(() => flags(page)).toBe(3);
      await page.keyboard.press('Control+End');
      await openCard(page, 'refused');
      await page.keyboard.press('Enter');
      await expect.poll(() => modelText(page)).toBe(`Seen today. ${LETTER} He declined it.`);
    });
  });

  it.each(KINDS)('%s: keys other than the card’s go to the field', async (kind) => {
    await withPage(async (page) => {
      const text = `Seen in clinic today.\n${LETTER}`;
      await startWith(page, kind, 'Seen in clinic today.');
      await page.keyboard.press('Enter');
      await page.keyboard.type(LETTER);
      await expect.poll(() => modelText(page)).toBe(text);
      await expect.poll(() => flags(page)).toBe(2);

      // Caret just after "refused", on the last line.
      await selectPhrase(page, 'refused', true);
      const caret = await caretContext(page.mainFrame());
      expect(caret.before.endsWith('He refused')).toBe(true);
      const start = kind === 'textarea' ? (await controlState(page, FIELD)).start : -1;

      await openCard(page, 'refused');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      expect(await cardState(page)).not.toBeNull();
      // Arrow keys chose an option (down, down, up: the second, however many there are), they
      // did not move the caret.
      const options = (await cardState(page))!.options;
      expect(options.length).toBeGreaterThanOrEqual(2);
      expect(options.map((o) => o.selected)).toEqual(options.map((_, k) => String(k === 1)));
      expect(await caretContext(page.mainFrame())).toEqual(caret);
      if (kind === 'textarea') {
        const state = await controlState(page, FIELD);
        expect([state.start, state.end]).toEqual([start, start]);
      }

      await page.keyboard.type('x');
      await expect.poll(() => cardState(page)).toBeNull();
      await expect.poll(() => modelText(page)).toBe(text.replace('refused', 'refusedx'));
      expect((await caretContext(page.mainFrame())).before.endsWith('He refusedx')).toBe(true);
    });
  });

  it.each(KINDS)(
    '%s: Escape closes the card and leaves focus and caret as they were',
    async (kind) => {
      await withPage(async (page) => {
        await startWith(page, kind, LETTER);
        await expect.poll(() => flags(page)).toBe(2);
        await selectPhrase(page, 'claims', true);
        const caret = await caretContext(page.mainFrame());
        const start = kind === 'textarea' ? (await controlState(page, FIELD)).start : -1;

        await openCard(page, 'claims');
        await page.keyboard.press('Escape');
        await expect.poll(() => cardState(page)).toBeNull();
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
          'field',
        );
        expect(await caretContext(page.mainFrame())).toEqual(caret);
        if (kind === 'textarea') expect((await controlState(page, FIELD)).start).toBe(start);
        expect(await modelText(page)).toBe(LETTER);
      });
    },
  );

  it.each(KINDS)('%s: the card and the live region speak to assistive technology', async (kind) => {
    await withPage(async (page) => {
      await startWith(page, kind, LETTER);
      await expect.poll(() => flags(page)).toBe(2);

      // Leave the field and come back: the live region counts its flags.
      await page.locator('h1').click();
      await page.locator(FIELD).focus();
      await expect.poll(() => liveText(page)).toBe('2 suggestions in this field');

      await page.keyboard.press('Control+End');
      await openCard(page, 'refused');
      const card = (await cardState(page))!;
      expect(card.role).toBe('dialog');
      expect(card.label).toBe('Suggestion for “refused”');
      expect(card.options.length).toBeGreaterThanOrEqual(2);
      expect(card.options.every((o) => o.role === 'option')).toBe(true);
      expect(card.options.map((o) => o.selected)).toEqual(
        card.options.map((_, k) => String(k === 0)),
      );

      await page.keyboard.press('ArrowDown');
      await expect
        .poll(async () => (await cardState(page))!.options.map((o) => o.selected))
        .toEqual(card.options.map((_, k) => String(k === 1)));
      await expect.poll(() => liveText(page)).toContain(card.options[1]!.text);
      expect(await page.locator('alongside-layer .live').getAttribute('role')).toBe('status');
      expect(await page.locator('alongside-layer .live').getAttribute('aria-live')).toBe('polite');
    });
  });

  it.each(KINDS)('%s: "Ignore here" hides that flag only', async (kind) => {
    await withPage(async (page) => {
      await startWith(page, kind, LETTER);
      await expect.poll(() => flags(page)).toBe(2);
      await page.keyboard.press('Control+Home');
      await openCard(page, 'claims');
      await page.locator('alongside-layer .card button', { hasText: 'Ignore here' }).click();

      await expect.poll(() => flags(page)).toBe(1);
      if (kind === 'contenteditable') expect(await highlightedTexts(page)).toEqual(['refused']);
      else expect(await markBoxes(page)).toHaveLength(1);
      expect(await modelText(page)).toBe(LETTER);
      await page.keyboard.press('Control+Home');
      await openCard(page, 'refused');
      await page.keyboard.press('Escape');
      expect(await modelText(page)).toBe(LETTER);
      expect((await readStoredSettings(env.ext))?.personalAllow ?? []).toEqual([]);
    });
  });

  it('"Ignore here" outlasts a settings change made for another site', async () => {
    await withPage(async (page) => {
      await startWith(page, 'contenteditable', LETTER);
      await expect.poll(() => highlightedTexts(page)).toEqual(['claims', 'refused']);
      await page.keyboard.press('Control+Home');
      await openCard(page, 'claims');
      await page.locator('alongside-layer .card button', { hasText: 'Ignore here' }).click();
      await expect.poll(() => highlightedTexts(page)).toEqual(['refused']);

      // In another tab, the clinician switches Alongside off for some other site.
      await writeStoredSettings(env.ext, { ...DEFAULTS, disabledSites: ['example.org'] });
      await page.waitForTimeout(500);
      expect(await highlightedTexts(page)).toEqual(['refused']);
      // And typing on (a fresh check of the same paragraph) keeps it ignored.
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Seen.');
      await expect.poll(() => modelText(page)).toBe(`${LETTER} Seen.`);
      await page.waitForTimeout(300);
      expect(await highlightedTexts(page)).toEqual(['refused']);
    });
  });

  it('"Ignore this phrase everywhere" allows the phrase in every field, on every page', async () => {
    const other = await env.ext.context.newPage();
    try {
      await startWith(other, 'contenteditable', 'She claims it hurts.');
      await expect.poll(() => highlightedTexts(other)).toEqual(['claims']);

      await withPage(async (page) => {
        await startWith(page, 'textarea', LETTER);
        await expect.poll(() => flags(page)).toBe(2);
        await page.keyboard.press('Control+Home');
        await openCard(page, 'claims');
        await page
          .locator('alongside-layer .card button', { hasText: 'Ignore this phrase everywhere' })
          .click();

        await expect
          .poll(async () => (await readStoredSettings(env.ext))?.personalAllow)
          .toEqual(['claims']);
        // The new allow-list is compiled first: most of a second, more on a busy machine.
        await expect.poll(() => flags(page), { timeout: 15_000 }).toBe(1);
        await page.keyboard.press('Control+Home');
        await openCard(page, 'refused');
        await page.keyboard.press('Escape');
        expect(await modelText(page)).toBe(LETTER);
      });
      await expect.poll(() => highlightedTexts(other), { timeout: 15_000 }).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('"Turn off for this site" clears every flag on the site until switched back on', async () => {
    const other = await env.ext.context.newPage();
    try {
      await startWith(other, 'contenteditable', 'She claims it hurts.');
      await expect.poll(() => highlightedTexts(other)).toEqual(['claims']);

      await withPage(async (page) => {
        await startWith(page, 'textarea', LETTER);
        await expect.poll(() => flags(page)).toBe(2);
        await openCard(page, 'refused');
        const card = page.locator('alongside-layer .card');
        await card.locator('button', { hasText: 'Turn off for this site' }).click();
        // It asks first, naming the site; "Keep checking" changes nothing.
        await expect
          .poll(() => card.locator('.confirm-off').textContent())
          .toContain('Stop checking every page on 127.0.0.1?');
        await card.locator('button', { hasText: 'Keep checking' }).click();
        await expect.poll(() => card.locator('.confirm-off').count()).toBe(0);
        expect((await readStoredSettings(env.ext))?.disabledSites ?? []).toEqual([]);
        expect(await flags(page)).toBe(2);
        await card.locator('button', { hasText: 'Turn off for this site' }).click();
        await card.locator('button', { hasText: 'Turn off on 127.0.0.1' }).click();

        await expect
          .poll(async () => (await readStoredSettings(env.ext))?.disabledSites)
          .toEqual(['127.0.0.1']);
        await expect.poll(() => flags(page)).toBe(0);
        await expect.poll(() => flags(other)).toBe(0);
        expect(await cardState(page)).toBeNull();
        expect(await modelText(page)).toBe(LETTER);
        // A notice says so, to screen readers too, with Undo; focus stayed in the field.
        const notice = page.locator('alongside-notice [role="status"]');
        await expect.poll(() => notice.textContent()).toBe('Alongside is off on 127.0.0.1.Undo');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
          'field',
        );

        // Typing while off checks nothing: no scan is counted, no flag drawn.
        const scans = (await readWork(page)).scans;
        await page.keyboard.type(' He is non-compliant.');
        expect((await readWork(page)).scans).toBe(scans);
        expect(await flags(page)).toBe(0);

        // Undo switches it back on for the whole site, and the notice goes.
        await notice.locator('button', { hasText: 'Undo' }).click();
        await expect
          .poll(async () => (await readStoredSettings(env.ext))?.disabledSites)
          .toEqual([]);
        await expect.poll(() => flags(page)).toBe(3);
        await expect.poll(() => highlightedTexts(other)).toEqual(['claims']);
        expect(await page.locator('alongside-notice').count()).toBe(0);
      });
    } finally {
      await other.close();
    }
  });

  it('turning off for the site by keyboard: confirm, then Undo has focus; Escape goes back', async () => {
    await withPage(async (page) => {
      await startWith(page, 'textarea', LETTER);
      await expect.poll(() => flags(page)).toBe(2);
      await page.locator(FIELD).press('End');
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(page.mainFrame())).toContain('“refused”');
      const focused = () =>
        page.evaluate(
          () =>
            (
              document.querySelector('alongside-layer')?.shadowRoot?.activeElement ??
              document.querySelector('alongside-notice')?.shadowRoot?.activeElement
            )?.textContent ?? null,
        );
      await page.keyboard.press('Tab');
      for (let k = 0; k < 12 && (await focused()) !== 'Turn off for this site'; k++) {
        await page.keyboard.press('Tab');
      }
      expect(await focused()).toBe('Turn off for this site');
      await page.keyboard.press('Enter');
      await expect.poll(focused).toBe('Turn off on 127.0.0.1');
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await readStoredSettings(env.ext))?.disabledSites)
        .toEqual(['127.0.0.1']);
      await expect.poll(focused).toBe('Undo');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('alongside-notice').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'field',
      );
      expect((await readStoredSettings(env.ext))?.disabledSites).toEqual(['127.0.0.1']);
      expect(await flags(page)).toBe(0);
    });
  });

  it('follows the page behind the field, not the system: light on a light record in dark mode', async () => {
    await withPage(async (page) => {
      const cardBackground = () =>
        page.evaluate(() => {
          const card = document
            .querySelector('alongside-layer')
            ?.shadowRoot?.querySelector('.card');
          return card ? getComputedStyle(card).backgroundColor : null;
        });
      await page.emulateMedia({ colorScheme: 'dark' });
      await startWith(page, 'textarea', LETTER);
      await expect.poll(() => flags(page)).toBe(2);
      await openCard(page, 'refused');
      expect(await cardBackground()).toBe('rgb(255, 255, 255)');
      await page.keyboard.press('Escape');

      // A dark record on a light system: the card is dark.
      await page.emulateMedia({ colorScheme: 'light' });
      await page.addStyleTag({
        content: 'body, textarea { background: #15171c !important; color: #e6e6e6 !important; }',
      });
      await openCard(page, 'refused');
      expect(await cardBackground()).toBe('rgb(31, 35, 48)');
    });
  });

  it('opening the card never scrolls the page, and the card sits in the top layer', async () => {
    await withPage(async (page) => {
      await openFixture(page, `${env.server.url}/textarea.html`);
      await page.addStyleTag({ content: 'body { padding-top: 1500px; padding-bottom: 3000px; }' });
      await page.locator(FIELD).scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 200));
      await page.locator(FIELD).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(` ${LETTER}`);
      await expect.poll(() => flags(page)).toBe(2);
      const scrollY = await page.evaluate(() => window.scrollY);
      expect(scrollY).toBeGreaterThan(1000);

      await openCard(page, 'refused');
      const card = (await cardState(page))!;
      expect(card.popoverOpen).toBe(true);
      expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
      // Within the viewport.
      const box = await page.locator('alongside-layer .card').boundingBox();
      const viewport = page.viewportSize()!;
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);

      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
    });
  });

  it('scrolling the page while the card is open keeps the chosen alternative', async () => {
    await withPage(async (page) => {
      await openFixture(page, `${env.server.url}/textarea.html`);
      await page.addStyleTag({ content: 'body { padding-bottom: 3000px; }' });
      await page.locator(FIELD).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(` ${LETTER}`);
      await expect.poll(() => flags(page)).toBe(2);

      await openCard(page, 'refused');
      const before = await page.locator('alongside-layer .card').boundingBox();
      await page.keyboard.press('ArrowDown');
      const chosen = (await cardState(page))!.options[1]!.text;
      expect(chosen).toBe('decided not to have');

      await page.evaluate(() => window.scrollBy(0, 40));
      // Two frames for the flags (and the card) to follow the scroll.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      const after = await page.locator('alongside-layer .card').boundingBox();
      expect(after!.y).toBeCloseTo(before!.y - 40, 0);
      const options = (await cardState(page))!.options;
      expect(options.map((o) => o.selected)).toEqual(options.map((_, k) => String(k === 1)));
      await page.keyboard.press('Enter');
      await expect.poll(() => modelText(page)).toContain('He decided not to have the injection.');
    });
  });
});
