// Severity must read without colour: each level has its own line style and thickness, the same
// in the textarea overlay and in the ::highlight rules for rich editors (components/look.ts).
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { resetSettings } from './content-helpers.ts';
import { openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);

// One phrase per severity in the default lexicon: "complains of" (info), "refused" (suggest),
// "heartsink" (warn).
const LETTER = 'She complains of pain. He refused the injection. A heartsink patient.';

describe('severity without colour, in Chromium with the extension', () => {
  it('draws the textarea overlay with the same line styles as the highlights, wavy included', async () => {
    await env.withPage(async (page) => {
      await openFixture(page, `${env.server.url}/textarea.html`);
      await page.locator('[data-testid="field"]').fill(LETTER);
      const styles = async () =>
        page.evaluate(() => {
          const marks = document
            .querySelector('alongside-layer')
            ?.shadowRoot?.querySelectorAll<HTMLElement>('.mark');
          return [...(marks ?? [])].map((mark) => {
            const s = getComputedStyle(mark, '::after');
            return `${mark.classList[1]}:${s.textDecorationLine}:${s.textDecorationStyle}:${s.textDecorationThickness}`;
          });
        });
      await expect.poll(async () => (await styles()).length).toBe(3);
      expect(await styles()).toEqual([
        'info:underline:dotted:2px',
        'suggest:underline:wavy:1.5px',
        'warn:underline:solid:3px',
      ]);
      // And the line is really painted: the suggest mark's box holds pixels of its colour
      // (amber, rgb 176 104 0), under the word, where the field's own text is dark.
      const box = await page.evaluate(() => {
        const mark = document
          .querySelector('alongside-layer')!
          .shadowRoot!.querySelector<HTMLElement>('.mark.suggest')!;
        const r = mark.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height + 6 };
      });
      const png = await page.screenshot({ clip: box });
      const amber = await page.evaluate(async (data) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const canvas = new OffscreenCanvas(img.width, img.height);
        const g = canvas.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const px = g.getImageData(0, 0, img.width, img.height).data;
        let n = 0;
        for (let i = 0; i < px.length; i += 4) {
          if (px[i]! > 130 && px[i + 1]! > 60 && px[i + 1]! < 140 && px[i + 2]! < 60) n++;
        }
        return n;
      }, png.toString('base64'));
      expect(amber).toBeGreaterThan(20);
    });
  });

  it('gives each ::highlight level its own decoration style', async () => {
    await env.withPage(async (page) => {
      await openFixture(page, `${env.server.url}/contenteditable.html`);
      await page.locator('[data-testid="field"]').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(` ${LETTER}`);
      const sizes = () =>
        page.evaluate(() =>
          ['info', 'suggest', 'warn'].map((s) => CSS.highlights.get(`alongside-${s}`)?.size ?? 0),
        );
      await expect.poll(sizes).toEqual([1, 1, 1]);
      // The rules live in an adopted stylesheet (no element added to the page).
      const rules = await page.evaluate(() =>
        document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)),
      );
      const style = (level: string) =>
        rules.find((r) => r.includes(`::highlight(alongside-${level})`)) ?? '';
      expect(style('info')).toMatch(/dotted/);
      expect(style('suggest')).toMatch(/wavy/);
      // Solid is the default line style, so the serialised rule may leave it out.
      expect(style('warn')).not.toMatch(/dotted|wavy|dashed/);
      expect(style('warn')).toMatch(/3px/);
    });
  });

  it('takes the lighter lines on a dark page, read from the page’s colours', async () => {
    const DARK = `html, body, main { background: #15181f !important; color: #e8eaf0 !important; }
      [data-testid="field"] { background: #1f2330 !important; color: #e8eaf0 !important; }`;
    await env.withPage(async (page) => {
      await openFixture(page, `${env.server.url}/textarea.html`);
      await page.addStyleTag({ content: DARK });
      await page.locator('[data-testid="field"]').fill(LETTER);
      const colours = () =>
        page.evaluate(() =>
          [
            ...(document.querySelector('alongside-layer')?.shadowRoot?.querySelectorAll('.mark') ??
              []),
          ].map((mark) => getComputedStyle(mark, '::after').textDecorationColor),
        );
      await expect.poll(async () => (await colours()).length).toBe(3);
      // The dark variants declared in components/look.ts, not the light ones.
      expect(await colours()).toEqual([
        'rgb(130, 160, 235)',
        'rgb(235, 165, 60)',
        'rgb(255, 105, 120)',
      ]);
    });
    await env.withPage(async (page) => {
      await openFixture(page, `${env.server.url}/contenteditable.html`);
      await page.addStyleTag({ content: DARK });
      await page.locator('[data-testid="field"]').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(` ${LETTER}`);
      const sizes = () =>
        page.evaluate(() =>
          ['info', 'suggest', 'warn'].flatMap((s) => [
            CSS.highlights.get(`alongside-${s}`)?.size ?? 0,
            CSS.highlights.get(`alongside-${s}-dark`)?.size ?? 0,
          ]),
        );
      await expect.poll(sizes).toEqual([0, 1, 0, 1, 0, 1]);
    });
  });
});
