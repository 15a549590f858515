// Where the overlay marks of a textarea fall: under the flagged characters, clipped to the field,
// following the field's scroll, its size and the page's scroll.
import type { Page } from 'playwright-core';
import { useBrowserSession } from './browser-session.ts';
import { describe, expect, it } from 'vitest';
import { clips, markBoxes, resetSettings, type Rect } from './content-helpers.ts';
import { modelText, openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);

const FIELD = '[data-testid="field"]';
const LINE = 24;
const PAD = { top: 10, left: 12 };
const BORDER = 3;
const STYLE = `
  ${FIELD} {
    font: 16px/${LINE}px monospace !important;
    padding: ${PAD.top}px ${PAD.left}px !important;
    border: ${BORDER}px solid #333 !important;
    width: 600px !important;
    height: 200px !important;
    min-height: 0 !important;
    box-sizing: border-box !important;
    resize: none;
  }`;

const withPage = env.withPage;

/** The textarea with a known monospace font, padding and border, holding `text`. */
async function styledField(page: Page, text: string): Promise<void> {
  await openFixture(page, `${env.server.url}/textarea.html`);
  await page.addStyleTag({ content: STYLE });
  await page.evaluate(
    (text) =>
      (window as unknown as { fixture: { setText(t: string): void } }).fixture.setText(text),
    text,
  );
  await expect.poll(() => modelText(page)).toBe(text);
}

interface FieldGeometry {
  rect: Rect;
  clientWidth: number;
  clientHeight: number;
  scrollTop: number;
  /** Width of one character of the field's font, measured in the page. */
  charWidth: number;
  ascent: number;
  descent: number;
}

const geometry = (page: Page) =>
  page.locator(FIELD).evaluate((el): FieldGeometry => {
    const field = el as HTMLTextAreaElement;
    const r = field.getBoundingClientRect();
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = getComputedStyle(field).font;
    const metrics = context.measureText('claims');
    return {
      rect: {
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
        width: r.width,
        height: r.height,
      },
      clientWidth: field.clientWidth,
      clientHeight: field.clientHeight,
      scrollTop: field.scrollTop,
      charWidth: metrics.width / 'claims'.length,
      ascent: metrics.fontBoundingBoxAscent,
      descent: metrics.fontBoundingBoxDescent,
    };
  });

/** Wait for two animation frames: scroll-driven re-placing happens in the next frame. */
const frames = (page: Page) =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );

describe('overlay marks over a textarea, in Chromium with the extension', () => {
  it('lies under the flagged characters, on the baseline of their line', async () => {
    await withPage(async (page) => {
      // "claims" at column 14 of the second line (line index 1).
      await styledField(page, 'Seen today.\n0123456789 He claims it hurts.');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      const g = await geometry(page);
      const [mark] = await markBoxes(page);

      const contentLeft = g.rect.left + BORDER + PAD.left;
      expect(Math.abs(mark!.left - (contentLeft + 14 * g.charWidth))).toBeLessThanOrEqual(1.5);
      expect(Math.abs(mark!.width - 6 * g.charWidth)).toBeLessThanOrEqual(1.5);

      const lineTop = g.rect.top + BORDER + PAD.top + 1 * LINE;
      const baseline = lineTop + (LINE - (g.ascent + g.descent)) / 2 + g.ascent;
      // The underline sits at the bottom of the text, between the baseline and the descenders.
      expect(mark!.bottom).toBeGreaterThanOrEqual(baseline - 1);
      expect(mark!.bottom).toBeLessThanOrEqual(baseline + g.descent + 1.5);
      expect(mark!.top).toBeGreaterThanOrEqual(lineTop - 1);
      expect(mark!.bottom).toBeLessThanOrEqual(lineTop + LINE + 1);
    });
  });

  it('follows the textarea’s scroll and is clipped to its padding box', async () => {
    await withPage(async (page) => {
      const lines = ['He claims it hurts.'];
      for (let n = 1; n < 40; n++) lines.push(n === 20 ? 'She refused the scan.' : `Line ${n}.`);
      await styledField(page, lines.join('\n'));
      await expect.poll(async () => (await markBoxes(page)).length).toBe(2);

      const g = await geometry(page);
      const [{ clip, marks }] = (await clips(page)) as [{ clip: Rect; marks: Rect[] }];
      // The clip is the field's padding box (inside the border, without the scrollbar).
      expect(clip.left).toBeCloseTo(g.rect.left + BORDER, 1);
      expect(clip.top).toBeCloseTo(g.rect.top + BORDER, 1);
      expect(clip.width).toBeCloseTo(g.clientWidth, 1);
      expect(clip.height).toBeCloseTo(g.clientHeight, 1);
      expect(
        await page.evaluate(() => {
          const el = document.querySelector('alongside-layer')!.shadowRoot!.querySelector('.clip')!;
          return getComputedStyle(el).overflow;
        }),
      ).toBe('hidden');

      const within = (m: Rect) => m.top >= clip.top - 0.5 && m.bottom <= clip.bottom + 0.5;
      const [claims, refused] = marks as [Rect, Rect];
      expect(within(claims)).toBe(true);
      const line20 = g.rect.top + BORDER + PAD.top + 20 * LINE;
      expect(refused.top).toBeGreaterThanOrEqual(line20 - 1);
      expect(refused.bottom).toBeLessThanOrEqual(line20 + LINE + 1);
      expect(within(refused)).toBe(false);

      // Scroll the field by 100 px: "claims" moves up by 100 and out of the clip.
      await page.locator(FIELD).evaluate((el) => (el.scrollTop = 100));
      await expect
        .poll(async () => (await clips(page))[0]!.marks[0]!.top)
        .toBeCloseTo(claims.top - 100, 1);
      let now = (await clips(page))[0]!.marks as [Rect, Rect];
      expect(within(now[0])).toBe(false);
      expect(now[1].top).toBeCloseTo(refused.top - 100, 1);

      // Scroll further: "refused" comes into view.
      await page.locator(FIELD).evaluate((el) => (el.scrollTop = 400));
      await expect
        .poll(async () => (await clips(page))[0]!.marks[1]!.top)
        .toBeCloseTo(refused.top - 400, 1);
      now = (await clips(page))[0]!.marks as [Rect, Rect];
      expect(within(now[1])).toBe(true);
      expect(within(now[0])).toBe(false);
    });
  });

  it('measures again when the textarea is resized, so a wrapped flag moves', async () => {
    await withPage(async (page) => {
      const text = 'Seen today with her partner and her daughter; she claims it hurts.';
      await styledField(page, text);
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      const g = await geometry(page);
      const [wide] = await markBoxes(page);
      const firstLine = g.rect.top + BORDER + PAD.top;
      expect(wide!.top).toBeGreaterThanOrEqual(firstLine - 1);
      expect(wide!.bottom).toBeLessThanOrEqual(firstLine + LINE + 1);

      await page.locator(FIELD).evaluate((el) => {
        el.style.setProperty('width', '300px', 'important');
      });
      await expect
        .poll(async () => (await markBoxes(page))[0]?.top ?? 0)
        .toBeGreaterThanOrEqual(firstLine + LINE - 1);
      const [narrow] = await markBoxes(page);
      const g2 = await geometry(page);
      // Still on a line of its own within the field, under the same characters as the browser
      // wraps them: the mirror wraps where the field does.
      const lineIndex = Math.round((narrow!.top - firstLine) / LINE);
      const wrapped = await page.locator(FIELD).evaluate((el, at) => {
        // Where the browser puts "claims": a caret rectangle via a mirror-free probe.
        const field = el as HTMLTextAreaElement;
        const probe = document.createElement('div');
        const style = getComputedStyle(field);
        probe.style.cssText = `position:absolute; visibility:hidden; white-space:pre-wrap; overflow-wrap:break-word;
          font:${style.font}; width:${field.clientWidth - 2 * 12}px; padding:0; border:0;`;
        probe.textContent = field.value.slice(0, at);
        const marker = document.createElement('span');
        marker.textContent = 'claims';
        probe.append(marker);
        document.body.append(probe);
        const top = marker.getBoundingClientRect().top - probe.getBoundingClientRect().top;
        probe.remove();
        return Math.round(top / 24);
      }, text.indexOf('claims'));
      expect(lineIndex).toBe(wrapped);
      expect(lineIndex).toBeGreaterThanOrEqual(1);
      expect(narrow!.right).toBeLessThanOrEqual(g2.rect.left + BORDER + g2.clientWidth + 0.5);
    });
  });

  it('follows the field when the page’s layout moves it, without any scroll', async () => {
    await withPage(async (page) => {
      await styledField(page, 'He claims it hurts.');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      await frames(page);
      const [before] = await markBoxes(page);
      const fieldBefore = (await geometry(page)).rect;

      // A banner appears above the field, as single-page apps do: the field moves down.
      await page.evaluate(() => {
        const banner = document.createElement('div');
        banner.style.height = '100px';
        banner.textContent = 'Saved.';
        document.querySelector('h1')!.after(banner);
      });
      const moved = (await geometry(page)).rect.top - fieldBefore.top;
      expect(moved).toBeGreaterThanOrEqual(100);
      await expect
        .poll(async () => (await markBoxes(page))[0]!.top, { timeout: 2_000 })
        .toBeCloseTo(before!.top + moved, 1);
    });
  });

  it('measures a textarea that does not wrap (wrap="off") on its own line, scrolled sideways', async () => {
    await withPage(async (page) => {
      const long = `${'x'.repeat(70)} He claims it hurts.`;
      await styledField(page, `Seen today.\n${long}`);
      await page.locator(FIELD).evaluate((el) => el.setAttribute('wrap', 'off'));
      // A change the content script sees, so it measures with the new wrapping.
      await page.locator(FIELD).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Ok.');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      const g = await geometry(page);
      expect(await page.locator(FIELD).evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(
        true,
      );

      const column = long.indexOf('claims');
      const secondLine = g.rect.top + BORDER + PAD.top + LINE;
      const scrollLeft = await page.locator(FIELD).evaluate((el) => el.scrollLeft);
      const [mark] = await markBoxes(page);
      // On the second line (no wrapping), at its column, shifted by the field's sideways scroll.
      expect(mark!.top).toBeGreaterThanOrEqual(secondLine - 1);
      expect(mark!.bottom).toBeLessThanOrEqual(secondLine + LINE + 1);
      const expected = g.rect.left + BORDER + PAD.left + column * g.charWidth - scrollLeft;
      expect(Math.abs(mark!.left - expected)).toBeLessThanOrEqual(1.5);
    });
  });

  it('moves with the field when the page scrolls', async () => {
    await withPage(async (page) => {
      await styledField(page, 'He claims it hurts.');
      await page.addStyleTag({ content: 'body { padding-bottom: 3000px; }' });
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      await frames(page);
      const [before] = await markBoxes(page);
      const fieldBefore = (await geometry(page)).rect;

      await page.evaluate(() => window.scrollBy(0, 150));
      await frames(page);
      const fieldAfter = (await geometry(page)).rect;
      expect(fieldAfter.top).toBeCloseTo(fieldBefore.top - 150, 0);
      await expect
        .poll(async () => (await markBoxes(page))[0]!.top)
        .toBeCloseTo(before!.top - 150, 1);
      const [after] = await markBoxes(page);
      expect(after!.left).toBeCloseTo(before!.left, 1);
      expect(after!.top - fieldAfter.top).toBeCloseTo(before!.top - fieldBefore.top, 1);
    });
  });
});

describe('typing in a flagged textarea keeps the browser undo step', () => {
  it('one Ctrl+Z undoes a run of typing on a line with a flag, as it would without Alongside', async () => {
    await withPage(async (page) => {
      await styledField(page, 'She claims the pain is worse.');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      await page.locator(FIELD).evaluate((el) => {
        const field = el as HTMLTextAreaElement;
        field.focus();
        field.setSelectionRange(field.value.length, field.value.length);
      });
      // Typed key by key, with the flags redrawn after each one.
      for (const key of ' Seen with her sister') await page.keyboard.type(key);
      await expect
        .poll(() => modelText(page))
        .toBe('She claims the pain is worse. Seen with her sister');
      await page.keyboard.press('Control+z');
      await expect.poll(() => modelText(page)).toBe('She claims the pain is worse.');
      expect((await markBoxes(page)).length).toBe(1);
    });
  });

  it('measures and moves the marks in the keystroke’s frame, never in its input task', async () => {
    await withPage(async (page) => {
      await styledField(page, 'She claims the pain is worse.');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      // Frames counted, not timed. The page numbers each frame (its callback runs first in the
      // frame, asked for before ours) and looks, as each frame starts, for a redraw (the content
      // script's performance mark) since the key went down; its own input listener, which runs
      // after ours, looks too, so a redraw in the input task itself is seen there.
      await page.locator(FIELD).evaluate((el) => {
        type Entry = { key: number; since: number; inInput?: boolean; drawn?: number };
        const w = window as unknown as { frame: number; order: Entry[] };
        const lastDrawn = () =>
          performance.getEntriesByName('alongside-drawn').at(-1)?.startTime ?? -1;
        w.frame = 0;
        w.order = [];
        const count = () => {
          w.frame++;
          const last = w.order.at(-1);
          // Seen as this frame starts: drawn in the frame before.
          if (last && last.drawn === undefined && lastDrawn() !== last.since)
            last.drawn = w.frame - 1;
          requestAnimationFrame(count);
        };
        requestAnimationFrame(count);
        el.addEventListener('keydown', () => w.order.push({ key: w.frame, since: lastDrawn() }));
        el.addEventListener('input', () => {
          const last = w.order.at(-1)!;
          last.inInput = lastDrawn() !== last.since;
        });
        const field = el as HTMLTextAreaElement;
        field.focus();
        field.setSelectionRange(4, 4);
      });
      for (const key of 'now ') {
        await page.keyboard.type(key);
        await page.waitForFunction(() => {
          const w = window as unknown as { order: { drawn?: number }[] };
          return w.order.at(-1)?.drawn !== undefined;
        });
      }
      const order = await page.evaluate(
        () =>
          (window as unknown as { order: { key: number; inInput: boolean; drawn: number }[] })
            .order,
      );
      expect(order).toHaveLength(4);
      // Redrawn in the very next frame, not in the input task, nor a frame late.
      for (const { key, inInput, drawn } of order) {
        expect(inInput).toBe(false);
        expect(drawn).toBe(key + 1);
      }
      // The marks still end up under the flagged word, moved along by the typing.
      expect(
        await page.evaluate(() => performance.getEntriesByName('alongside-drawn').length),
      ).toBe(1);
      expect((await markBoxes(page)).length).toBe(1);
    });
  });
});
