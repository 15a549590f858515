// Flags read without colour and stand out from the field behind them (WCAG 1.4.11, 3:1), in real
// Chromium: over a textarea (our overlay marks) and in a rich editor (CSS highlights), on light
// and dark fields of the colours records use. The colours are read from what the page draws: the
// marks' computed style, and the ::highlight rules in force for the highlight each flag is in.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { resetSettings } from './content-helpers.ts';
import { modelText, openFixture } from './editor-scenario.ts';

const env = useBrowserSession((ext) => resetSettings(ext));

/** One phrase of each severity: info, suggest and warn. */
const TEXT =
  'She complains of pain at night. He refused the scan. He has been non-compliant with his medication.';

/** Field backgrounds seen in records, with a text colour that reads on each. */
const FIELDS = [
  { name: 'white', background: '#ffffff', text: '#111111' },
  { name: 'light grey', background: '#f0f0f0', text: '#111111' },
  { name: 'cream', background: '#fff8e1', text: '#222222' },
  { name: 'grey', background: '#e0e0e0', text: '#111111' },
  { name: 'near black', background: '#1e1e1e', text: '#eeeeee' },
  { name: 'black', background: '#000000', text: '#ffffff' },
  { name: 'navy', background: '#0b1d33', text: '#f0f0f0' },
  { name: 'dark grey', background: '#333333', text: '#ffffff' },
];

interface Drawn {
  severity: string;
  colour: string;
  line: string;
}

const rgb = (colour: string): [number, number, number] => {
  const parts = colour.match(/[\d.]+/g);
  if (!parts || parts.length < 3) throw new Error(`not an rgb colour: ${colour}`);
  return [Number(parts[0]), Number(parts[1]), Number(parts[2])];
};

/** WCAG's relative luminance and contrast ratio. */
const luminance = ([r, g, b]: [number, number, number]) => {
  const f = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

/** The overlay marks over a textarea: their underline as computed. */
const overlayLines = (frame: Frame | Page): Promise<Drawn[]> =>
  frame.evaluate(() => {
    const layer = document.querySelector('alongside-layer');
    return [...(layer?.shadowRoot?.querySelectorAll<HTMLElement>('.mark') ?? [])].map((mark) => {
      const line = getComputedStyle(mark, '::after');
      return {
        severity: ['info', 'suggest', 'warn'].find((s) => mark.classList.contains(s)) ?? '',
        colour: line.textDecorationColor,
        line: line.textDecorationStyle,
      };
    });
  });

/** The highlights holding ranges, each with the ::highlight rule in force for its name. */
const highlightLines = (frame: Frame | Page): Promise<Drawn[]> =>
  frame.evaluate(() => {
    const rules = [...document.adoptedStyleSheets, ...document.styleSheets].flatMap((sheet) => [
      ...sheet.cssRules,
    ]) as CSSStyleRule[];
    const drawn: Drawn[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('alongside-') || highlight.size === 0) continue;
      // The last rule for the name wins, as the cascade would pick it (ours are !important).
      const rule = rules.filter((r) => r.selectorText === `::highlight(${name})`).at(-1);
      drawn.push({
        severity: name.split('-')[1] ?? '',
        colour: rule?.style.textDecorationColor ?? '',
        line: rule?.style.textDecorationStyle ?? '',
      });
    }
    return drawn;
  });

async function drawnOn(
  page: Page,
  fixture: 'textarea' | 'contenteditable',
  field: (typeof FIELDS)[number],
): Promise<{ drawn: Drawn[]; background: string }> {
  const frame = await openFixture(page, `${env.server.url}/${fixture}.html`);
  await page.addStyleTag({
    content: `[data-testid="field"] { background: ${field.background} !important; color: ${field.text} !important; }`,
  });
  const box = frame.locator('[data-testid="field"]').first();
  await box.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(TEXT);
  await expect.poll(() => modelText(page)).toBe(TEXT);
  const read = fixture === 'textarea' ? overlayLines : highlightLines;
  await expect
    .poll(async () => new Set((await read(frame)).map((d) => d.severity)).size, {
      timeout: 15_000,
    })
    .toBe(3);
  const background = await box.evaluate((el) => getComputedStyle(el).backgroundColor);
  return { drawn: await read(frame), background };
}

describe('flag underlines', () => {
  for (const fixture of ['textarea', 'contenteditable'] as const) {
    it.each(FIELDS)(
      `in a ${fixture} on a $name field are at least 3:1 against it and differ by line, not only colour`,
      async (field) => {
        await env.withPage(async (page) => {
          const { drawn, background } = await drawnOn(page, fixture, field);
          const ratios = drawn.map((d) => ({
            severity: d.severity,
            enough: contrast(d.colour, background) >= 3,
            ratio: Number(contrast(d.colour, background).toFixed(2)),
          }));
          expect(ratios.filter((r) => !r.enough)).toEqual([]);
          // Without colour: each severity has a line of its own (dotted, wavy, solid).
          const lineOf = new Map(drawn.map((d) => [d.severity, d.line]));
          expect(lineOf.size).toBe(3);
          expect(new Set(lineOf.values()).size).toBe(3);
          expect([...lineOf.values()].every((l) => ['dotted', 'wavy', 'solid'].includes(l))).toBe(
            true,
          );
        });
      },
      60_000,
    );
  }
});
