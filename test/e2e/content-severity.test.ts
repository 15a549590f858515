// Severity must read without colour: each level has its own line style and thickness, both in
// the textarea overlay and in the ::highlight rules for rich editors.
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { resetSettings } from './content-helpers.ts';
import { openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);

// One phrase per severity in the default lexicon: "complains of" (info), "refused" (suggest),
// "heartsink" (warn).
const LETTER = 'She complains of pain. He refused the injection. A heartsink patient.';

describe('severity without colour, in Chromium with the extension', () => {
  it('draws info, suggest and warn marks with different line styles and thicknesses', async () => {
    await env.withPage(async (page) => {
      await openFixture(page, `${env.server.url}/textarea.html`);
      await page.locator('[data-testid="field"]').fill(LETTER);
      const styles = async () =>
        page.evaluate(() => {
          const marks = document
            .querySelector('alongside-layer')
            ?.shadowRoot?.querySelectorAll<HTMLElement>('.mark');
          return [...(marks ?? [])].map((mark) => {
            const s = getComputedStyle(mark);
            return `${mark.classList[1]}:${s.borderBottomStyle}:${s.borderBottomWidth}`;
          });
        });
      await expect.poll(async () => (await styles()).length).toBe(3);
      const [info, suggest, warn] = await styles();
      expect(info).toMatch(/^info:dotted:/);
      expect(suggest).toMatch(/^suggest:dashed:/);
      expect(warn).toMatch(/^warn:solid:3px$/);
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
});
