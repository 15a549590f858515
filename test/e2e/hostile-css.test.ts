// A record page whose styles fight everything (fixtures/hostile-css.css): `all: unset
// !important` over the page, odd fonts and spacing inherited from the root, a root that is
// zoomed and holds fixed boxes, fields in panes that are turned and scaled or zoomed, and rules
// aimed at our host element, its parts, popovers and our highlights' names. The flags still sit
// on the flagged words, and the card opens in view, in our own font and colours, and works.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CARD_WIDTH } from '../../components/card/card-styles.ts';
import { SEVERITY_LOOK, SURFACE } from '../../components/look.ts';
import { useBrowserSession } from './browser-session.ts';
import { flagCount, resetSettings, type Rect } from './content-helpers.ts';
import { cardLocator, cardText, openFixture } from './editor-scenario.ts';
import type { PlainRect } from './fixtures/hostile-css.ts';

const env = useBrowserSession(resetSettings);

const TEXT = 'She claims her pain is bad.';
/** Within this many pixels: the flag is drawn on the words, not near them. */
const CLOSE = 1;

type CssWindow = Window & {
  wordBoxes(testId: string, word: string): { word: PlainRect[]; twin: PlainRect; field: PlainRect };
};

async function openHostilePage(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1000, height: 900 });
  await openFixture(page, `${env.server.url}/hostile-css.html`);
  // Flags are drawn for the fields in view: the first two, at the top.
  await expect.poll(() => flagCount(page)).toBe(2);
}

/** Scrolls the field to the middle of the window (the root holds fixed boxes: they scroll too). */
const scrollTo = (page: Page, testId: string) =>
  page.evaluate((id) => {
    document.querySelector(`[data-testid="${id}"]`)!.scrollIntoView({ block: 'center' });
  }, testId);

/** The largest gap between two rectangles' edges. */
const offBy = (a: PlainRect, b: PlainRect) =>
  Math.max(
    Math.abs(a.left - b.left),
    Math.abs(a.top - b.top),
    Math.abs(a.right - b.right),
    Math.abs(a.bottom - b.bottom),
  );

/** Of every overlay mark, the one nearest `box`, and how far its edges are from the box's. */
const nearestMark = (page: Page, box: PlainRect) =>
  page.evaluate((box) => {
    const marks = [
      ...document.querySelector('alongside-layer')!.shadowRoot!.querySelectorAll('.mark'),
    ].map((m) => m.getBoundingClientRect());
    const off = (r: DOMRect) =>
      Math.max(
        Math.abs(r.left - box.left),
        Math.abs(r.top - box.top),
        Math.abs(r.right - box.right),
        Math.abs(r.bottom - box.bottom),
      );
    const best = marks.sort((a, b) => off(a) - off(b))[0]!;
    return { box: best.toJSON() as PlainRect, off: off(best) };
  }, box);

/**
 * The highlight over "claims" in an editable: its name, its rectangles and those of the word
 * itself, and the line its ::highlight style draws (the page tries to turn it off).
 */
const editableFlag = (page: Page, testId: string) =>
  page.evaluate((id) => {
    const field = document.querySelector(`[data-testid="${id}"]`)!;
    const plain = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const text = [...field.querySelectorAll('p')].map((p) => p.firstChild as Text)[0]!;
    const word = document.createRange();
    word.setStart(text, text.data.indexOf('claims'));
    word.setEnd(text, text.data.indexOf('claims') + 'claims'.length);
    for (const [name, highlight] of CSS.highlights) {
      for (const range of highlight as unknown as Set<Range>) {
        if (!field.contains(range.startContainer) || range.toString() !== 'claims') continue;
        const style = getComputedStyle(text.parentElement!, `::highlight(${name})`);
        return {
          name,
          flag: [...range.getClientRects()].map(plain),
          word: [...word.getClientRects()].map(plain),
          line: `${style.textDecorationLine} ${style.textDecorationStyle}`,
          colour: style.textDecorationColor,
        };
      }
    }
    return undefined;
  }, testId);

/** What the open card looks like: its box, its computed text style, and whether it is on top. */
const cardLook = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('alongside-layer')!.shadowRoot!;
    const host = root.querySelector('.card-host')!;
    const card = root.querySelector<HTMLElement>('.card')!;
    const style = getComputedStyle(card);
    const button = getComputedStyle(card.querySelector('footer button')!);
    const box = card.getBoundingClientRect();
    const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      open: host.matches(':popover-open'),
      visible: card.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
      box: box.toJSON() as Rect,
      viewport: { width: innerWidth, height: innerHeight },
      onTop: onTop?.localName,
      font: `${style.fontSize} ${style.fontStyle} ${style.letterSpacing} ${style.textTransform}`,
      colour: style.color,
      fill: style.webkitTextFillColor,
      background: style.backgroundColor,
      shadow: style.textShadow,
      button: `${button.fontSize} ${button.display}`,
    };
  });

/** The card is drawn whole in the window, on top, in our own font, size and colours. */
async function expectOurCard(page: Page, flag: PlainRect): Promise<void> {
  const look = await cardLook(page);
  expect(look).toMatchObject({
    open: true,
    visible: true,
    onTop: 'alongside-layer',
    font: '14px normal normal none',
    colour: 'rgb(29, 35, 48)',
    fill: 'rgb(29, 35, 48)',
    background: 'rgb(255, 255, 255)',
    shadow: 'none',
    button: '12px block',
  });
  expect(SURFACE.light.text).toBe('#1d2330');
  const { box, viewport } = look;
  // Its own width, not one that grew with the page's 31px root font.
  expect(box.width).toBeGreaterThan(300);
  expect(box.width).toBeLessThanOrEqual(CARD_WIDTH + 0.5);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(viewport.width);
  expect(box.bottom).toBeLessThanOrEqual(viewport.height);
  // Beside its flag where the flag is on the screen: just below it, or just above.
  const below = box.top - flag.bottom;
  const above = flag.top - box.bottom;
  expect(Math.min(Math.abs(below - 6), Math.abs(above - 6))).toBeLessThan(1.5);
}

describe('on a page with hostile styles', () => {
  for (const [testId, how] of [
    ['field', 'turned and scaled'],
    ['zoomed-textarea', 'zoomed'],
  ] as const) {
    it(`a textarea ${how}: the flag's underline sits on the flagged word`, async () => {
      await env.withPage(async (page) => {
        await openHostilePage(page);
        await scrollTo(page, testId);
        const measure = () =>
          page.evaluate((id) => (window as unknown as CssWindow).wordBoxes(id, 'claims'), testId);
        const { word, twin, field } = await measure();
        // The measuring twin lies over the field, so its word is where the field's is.
        expect(offBy(twin, field)).toBeLessThan(3);
        expect(word).toHaveLength(1);
        // Placed in the frame after the scroll: poll until the mark has followed.
        await expect
          .poll(async () => (await nearestMark(page, (await measure()).word[0]!)).off, {
            timeout: 15_000,
          })
          .toBeLessThan(CLOSE);
      });
    });
  }

  for (const [testId, how] of [
    ['turned-editable', 'turned and scaled'],
    ['zoomed-editable', 'zoomed'],
  ] as const) {
    it(`an editable ${how}: the flag is on the flagged word, drawn in our style`, async () => {
      await env.withPage(async (page) => {
        await openHostilePage(page);
        await scrollTo(page, testId);
        await expect.poll(() => editableFlag(page, testId)).toBeDefined();
        const flag = (await editableFlag(page, testId))!;
        expect(flag.flag).toHaveLength(1);
        expect(offBy(flag.flag[0]!, flag.word[0]!)).toBeLessThan(CLOSE);
        // The page's `::highlight(alongside-…) { text-decoration: none !important }` lost.
        expect(flag.name).toBe('alongside-warn');
        expect(flag.line).toBe('underline solid');
        expect(flag.colour).toBe(SEVERITY_LOOK.warn.colour.replace(/ /g, ', '));
      });
    });
  }

  it('the card of a turned, scaled textarea opens in view, in our style, and applies', async () => {
    await env.withPage(async (page) => {
      await openHostilePage(page);
      await scrollTo(page, 'field');
      const word = async () =>
        (await page.evaluate(() => (window as unknown as CssWindow).wordBoxes('field', 'claims')))
          .word[0]!;
      await expect
        .poll(async () => (await nearestMark(page, await word())).off, { timeout: 15_000 })
        .toBeLessThan(CLOSE);
      const flag = (await nearestMark(page, await word())).box;
      await page.mouse.click((flag.left + flag.right) / 2, (flag.top + flag.bottom) / 2);
      await expect.poll(() => cardText(page.mainFrame())).toContain('“claims”');
      await expectOurCard(page, flag);
      await (await cardLocator(page.mainFrame(), '[role="option"]')).first().click();
      await expect
        .poll(() =>
          page.evaluate(
            () => document.querySelector<HTMLTextAreaElement>('[data-testid="field"]')!.value,
          ),
        )
        .toBe(TEXT.replace('claims', 'reports'));
      expect(await cardText(page.mainFrame())).toBeNull();
    });
  });

  it('the card of a zoomed editable opens in view, in our style, and its buttons work', async () => {
    await env.withPage(async (page) => {
      await openHostilePage(page);
      await scrollTo(page, 'zoomed-editable');
      await expect.poll(() => editableFlag(page, 'zoomed-editable')).toBeDefined();
      const flag = (await editableFlag(page, 'zoomed-editable'))!.flag[0]!;
      await page.mouse.click((flag.left + flag.right) / 2, (flag.top + flag.bottom) / 2);
      await expect.poll(() => cardText(page.mainFrame())).toContain('“claims”');
      await expectOurCard(page, flag);
      // "Why this matters" opens the reasoning; "Ignore here" takes this flag away.
      const why = await cardLocator(page.mainFrame(), '.why-toggle');
      await why.click();
      await expect.poll(() => why.getAttribute('aria-expanded')).toBe('true');
      await (await cardLocator(page.mainFrame(), 'footer button')).first().click();
      await expect.poll(() => editableFlag(page, 'zoomed-editable')).toBeUndefined();
      // Only this flag: the other editable's (in view too) is still there.
      expect(await editableFlag(page, 'turned-editable')).toBeDefined();
      expect(await cardText(page.mainFrame())).toBeNull();
    });
  });
});
