// The card is always fully visible and operable: in TinyMCE's classic editor frame (320 px for
// the whole editor, so the frame itself is smaller still) and in a textarea at 200% zoom (a
// 640×400 viewport at device scale 2), every control of the card is inside the frame's viewport
// and is what a click at its centre would hit; the page does not scroll to show it.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { resetSettings } from './content-helpers.ts';
import {
  LETTER,
  cardFrame,
  cardLocator,
  cardText,
  flagCentre,
  modelText,
  openFixture,
} from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);

/** Each control of the open card: inside the viewport, and hit by a click at its centre. */
const controlsReachable = (frame: Frame) =>
  frame.evaluate(() => {
    const root = document.querySelector('alongside-layer')!.shadowRoot!;
    const controls = [...root.querySelectorAll<HTMLElement>('.card [role="option"], .card button')];
    return controls.map((el) => {
      // The list of choices may scroll inside the card: a choice is reachable once scrolled to.
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      const inside = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
      const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return {
        name: el.textContent,
        inside,
        hit: hit === el || el.contains(hit),
      };
    });
  });

const scrolled = (frame: Frame) =>
  frame.evaluate(() => [scrollX, scrollY, document.scrollingElement?.scrollTop ?? 0]);

async function expectFullyOperable(page: Page, frame: Frame) {
  const controls = await controlsReachable(frame);
  expect(controls.length).toBeGreaterThan(5);
  expect(controls.filter((c) => !c.inside || !c.hit)).toEqual([]);
  // The phrase, the preview and the footer are in view together, with no scrolling of the list.
  const shown = await frame.evaluate(() => {
    const root = document.querySelector('alongside-layer')!.shadowRoot!;
    const within = (sel: string) => {
      const el = root.querySelector(sel);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
    };
    return {
      phrase: within('.card .phrase'),
      preview: within('.card .preview'),
      footer: within('.card footer'),
    };
  });
  expect(shown).toEqual({ phrase: true, preview: true, footer: true });
  void page;
}

describe('the card fits where it is drawn, in Chromium with the extension', () => {
  it('in TinyMCE classic mode, inside its small editor frame', async () => {
    await env.withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/tinymce-iframe.html`);
      const height = await frame.evaluate(() => innerHeight);
      expect(height).toBeLessThan(320);
      await frame.locator('body').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(` ${LETTER}`);
      await expect.poll(() => flagCentre(page, frame, 'claims').catch(() => null)).not.toBeNull();
      const before = await scrolled(frame);
      const at = await flagCentre(page, frame, 'claims');
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => cardText(frame)).toContain('“claims”');
      await expectFullyOperable(page, frame);
      expect(await scrolled(frame)).toEqual(before);
      // And it works: the second choice, clicked where it is drawn, is applied.
      const option = frame.locator('alongside-layer .card [role="option"]').nth(1);
      const name = await option.textContent();
      await option.click();
      await expect.poll(() => modelText(page)).toContain(`She ${name} her pain`);
    });
  });

  it('in a textarea at 200% zoom (640×400 at device scale 2)', async () => {
    await env.withPage(async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', {
        width: 640,
        height: 400,
        deviceScaleFactor: 2,
        mobile: false,
      });
      const frame = await openFixture(page, `${env.server.url}/textarea.html`);
      const field = page.locator('[data-testid="field"]');
      await field.fill(LETTER);
      await field.press('End');
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              document.querySelector('alongside-layer')?.shadowRoot?.querySelectorAll('.mark')
                .length ?? 0,
          ),
        )
        .toBe(2);
      const before = await scrolled(frame);
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(frame)).toContain('“refused”');
      await expectFullyOperable(page, frame);
      expect(await scrolled(frame)).toEqual(before);
      // Tab reaches every control, each in view when it has focus.
      const count = (await controlsReachable(frame)).length;
      for (let k = 0; k < count; k++) {
        await page.keyboard.press('Tab');
        // Polled: the card's list scrolls the focused control into view after the focus moves.
        const inView = () =>
          frame.evaluate(() => {
            const el = document.querySelector('alongside-layer')!.shadowRoot!.activeElement;
            if (!el) return false;
            const r = el.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight;
          });
        await expect.poll(inView).toBe(true);
      }
    });
  });

  it('in a small frame from another origin, where Tab stays in the card and Escape returns the caret', async () => {
    await env.withPage(async (page) => {
      const frame = await openFixture(
        page,
        `${env.server.url}/cross-origin.html?frame-origin=${env.server.otherUrl}`,
      );
      expect(new URL(frame.url()).origin).toBe(env.server.otherUrl);
      expect(new URL(frame.url()).origin).not.toBe(new URL(page.url()).origin);
      const height = await frame.evaluate(() => innerHeight);
      expect(height).toBeLessThan(240);
      const field = frame.locator('[data-testid="field"]');
      await field.fill(LETTER);
      await field.press('End');
      const frameText = () => field.inputValue();
      await expect
        .poll(() =>
          frame.evaluate(
            () =>
              document.querySelector('alongside-layer')?.shadowRoot?.querySelectorAll('.mark')
                .length ?? 0,
          ),
        )
        .toBe(2);
      const caret = () =>
        field.evaluate((el) => [
          (el as HTMLTextAreaElement).selectionStart,
          (el as HTMLTextAreaElement).selectionEnd,
        ]);
      const before = await caret();
      const outerScroll = await scrolled(page.mainFrame());
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(frame)).toContain('“refused”');
      await expectFullyOperable(page, frame);
      expect(await scrolled(frame)).toEqual([0, 0, 0]);
      expect(await scrolled(page.mainFrame())).toEqual(outerScroll);
      // The card is drawn in the widget's own frame: nothing of it reaches the record's page.
      expect(await page.evaluate(() => document.querySelector('alongside-layer .card'))).toBeNull();

      // Tab goes round the card and never out to the record page; Escape puts the caret back.
      const count = (await controlsReachable(frame)).length;
      for (let k = 0; k <= count; k++) {
        await page.keyboard.press('Tab');
        expect(
          await frame.evaluate(
            () => document.querySelector('alongside-layer')!.shadowRoot!.activeElement !== null,
          ),
        ).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => cardText(frame)).toBeNull();
      expect(await field.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
      expect(await caret()).toEqual(before);
      await page.keyboard.type(' Ok.');
      await expect.poll(frameText).toBe(`${LETTER} Ok.`);

      // And a choice clicked where it is drawn is applied in the widget's field.
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(frame)).toContain('“refused”');
      const option = frame.locator('alongside-layer .card [role="option"]').first();
      const name = await option.textContent();
      await option.click();
      await expect.poll(frameText).toContain(`He ${name}`);
    });
  });

  it('for a same-origin frame too small for it, on the page around the frame, over its flag', async () => {
    await env.withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/iframe-shadow.html`);
      expect(await frame.evaluate(() => innerHeight)).toBeLessThan(200);
      const field = frame.locator('[data-testid="field"]');
      await field.fill(LETTER);
      await field.press('End');
      const caret = () =>
        field.evaluate((el) => [
          (el as HTMLTextAreaElement).selectionStart,
          (el as HTMLTextAreaElement).selectionEnd,
        ]);
      await expect
        .poll(async () => (await flagCentre(page, frame, 'refused').catch(() => null)) !== null)
        .toBe(true);
      const before = await caret();
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(frame)).toContain('“refused”');
      // Drawn on the record's page (our own layer there), not in the small frame.
      const top = await cardFrame(frame);
      expect(top).toBe(page.mainFrame());
      expect(
        await frame.evaluate(
          () => !!document.querySelector('alongside-layer')?.shadowRoot?.querySelector('.card'),
        ),
      ).toBe(false);
      const controls = await top.evaluate(() => {
        const root = document.querySelector('alongside-card-layer')!.shadowRoot!;
        return [...root.querySelectorAll<HTMLElement>('.card [role="option"], .card button')].map(
          (el) => {
            el.scrollIntoView({ block: 'nearest' });
            const r = el.getBoundingClientRect();
            const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return {
              inside: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
              hit: hit === el || el.contains(hit),
            };
          },
        );
      });
      expect(controls.length).toBeGreaterThan(5);
      expect(controls.filter((c) => !c.inside || !c.hit)).toEqual([]);
      // Next to its flag: the card's top edge is within a line or two of the flag.
      const flag = await flagCentre(page, frame, 'refused');
      const card = await (await cardLocator(frame)).boundingBox();
      expect(Math.abs(card!.y - flag.y)).toBeLessThan(60);

      // The keyboard works there as in the frame: Tab goes round, Escape puts the caret back.
      for (let k = 0; k <= controls.length; k++) {
        await page.keyboard.press('Tab');
        expect(
          await top.evaluate(
            () =>
              document.querySelector('alongside-card-layer')!.shadowRoot!.activeElement !== null,
          ),
        ).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => cardText(frame)).toBeNull();
      expect(await field.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
      expect(await caret()).toEqual(before);
      // A choice clicked on the page around the frame is applied in the frame's field.
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(frame)).toContain('“refused”');
      const option = (await cardLocator(frame, '[role="option"]')).first();
      const name = await option.textContent();
      await option.click();
      await expect.poll(() => field.inputValue()).toContain(`He ${name}`);
    });
  });

  it('never on the page of another origin: a tiny cross-origin frame keeps the card inside', async () => {
    await env.withPage(async (page) => {
      const frame = await openFixture(
        page,
        `${env.server.url}/cross-origin.html?frame-origin=${env.server.otherUrl}&frame-height=150`,
      );
      const field = frame.locator('[data-testid="field"]');
      await field.fill(LETTER);
      await field.press('End');
      await expect
        .poll(async () => (await flagCentre(page, frame, 'refused').catch(() => null)) !== null)
        .toBe(true);
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(frame)).toContain('“refused”');
      expect(await cardFrame(frame)).toBe(frame);
      expect(await page.evaluate(() => document.querySelector('alongside-card-layer'))).toBeNull();
      // Within the frame, with the buttons a click away once scrolled to.
      const footer = frame.locator('alongside-layer .card footer button').first();
      await footer.click();
      await expect.poll(() => cardText(frame)).toBeNull();
    });
  });
});
