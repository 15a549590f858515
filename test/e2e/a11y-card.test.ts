// The suggestion card, as drawn over a real page in Chromium: axe-core finds no serious or
// critical violation in it on a light page or a dark one, nothing in it moves when reduced motion
// is asked for, and at 200% zoom it stays inside the window with nothing cut off.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { movingIn } from './a11y-checks.ts';
import { useBrowserSession } from './browser-session.ts';
import { flagCount, resetSettings } from './content-helpers.ts';
import { cardText, modelText, openFixture } from './editor-scenario.ts';

const env = useBrowserSession((ext) => resetSettings(ext));

const TEXT = 'He has been non-compliant with his medication and refused the scan.';

const DARK_PAGE = `
  html { color-scheme: dark; background: #121212; color: #eeeeee; }
  [data-testid="field"] { background: #1e1e1e !important; color: #eeeeee !important; }
`;

/** Types the letter and opens the card of the flag nearest the caret (Alt+Enter). */
async function openCard(page: Page, fixture: string, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await openFixture(page, `${env.server.url}/${fixture}.html`);
  if (scheme === 'dark') await page.addStyleTag({ content: DARK_PAGE });
  await page.locator('[data-testid="field"]').first().click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(TEXT);
  await expect.poll(() => modelText(page)).toBe(TEXT);
  await expect.poll(() => flagCount(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Alt+Enter');
  await expect.poll(() => cardText(page.mainFrame())).toContain('“refused”');
}

/**
 * Text in the card below WCAG's 4.5:1 (3:1 for large text) against the first opaque background
 * behind it, blending translucent ones over it as the browser paints them.
 */
const lowContrastText = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    type RGBA = [number, number, number, number];
    const parse = (c: string): RGBA => {
      const n = (c.match(/[\d.]+/g) ?? []).map(Number);
      return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 1];
    };
    const over = (top: RGBA, under: RGBA): RGBA => {
      const a = top[3];
      return [0, 1, 2].map((k) => top[k]! * a + under[k]! * (1 - a)).concat(1) as RGBA;
    };
    const lum = ([r, g, b]: RGBA) =>
      [r, g, b]
        .map((c) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        })
        .reduce((sum, c, k) => sum + c * [0.2126, 0.7152, 0.0722][k]!, 0);
    const backgroundOf = (el: Element | null): RGBA => {
      const layers: RGBA[] = [];
      for (let e = el; e; e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host ?? null) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      return layers.reduceRight<RGBA>((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const card = document.querySelector('alongside-layer')?.shadowRoot?.querySelector('.card');
    const failures: string[] = [];
    for (const el of card?.querySelectorAll('*') ?? []) {
      const hasText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
      );
      if (!hasText || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      const background = backgroundOf(el);
      const text = over(parse(style.color), background);
      const [hi, lo] = [lum(text), lum(background)].sort((a, b) => b - a);
      const ratio = (hi! + 0.05) / (lo! + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        failures.push(`${el.tagName.toLowerCase()}.${el.className} ${ratio.toFixed(2)}:1`);
      }
    }
    return failures;
  });

const CASES = ['textarea', 'contenteditable'].flatMap((fixture) =>
  (['light', 'dark'] as const).map((scheme) => ({ fixture, scheme })),
);

describe('the suggestion card', () => {
  it.each(CASES)(
    'over a $fixture on a $scheme page has no serious or critical axe violation and its text meets 4.5:1',
    async ({ fixture, scheme }) => {
      await env.withPage(async (page) => {
        await openCard(page, fixture, scheme);
        // Only the card: the fixture page is not ours to check.
        const results = await new AxeBuilder({ page }).include('alongside-layer').analyze();
        const found = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .flatMap((v) =>
            v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`),
          );
        expect(found).toEqual([]);
        // axe cannot tell the contrast of text in a layer drawn over the page ("incomplete"):
        // measured here instead, each text against the card's own surfaces behind it.
        expect(await lowContrastText(page)).toEqual([]);
        // axe did look inside the card: its controls were among the nodes it passed.
        const passedInCard = results.passes
          .flatMap((p) => p.nodes)
          .filter((n) => JSON.stringify(n.target).includes('.card'));
        expect(passedInCard.length).toBeGreaterThan(0);
      });
    },
    60_000,
  );

  it.each(['light', 'dark'] as const)(
    'shows where the focus is on every control Tab reaches, on a %s page',
    async (scheme) => {
      await env.withPage(async (page) => {
        await openCard(page, 'textarea', scheme);
        const focus = () =>
          page.evaluate(() => {
            const root = document.querySelector('alongside-layer')?.shadowRoot;
            const el = root?.activeElement as HTMLElement | null | undefined;
            if (!el) return null;
            const style = getComputedStyle(el);
            return {
              what: `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 30)}”`,
              visible:
                (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) ||
                style.boxShadow !== 'none',
            };
          });
        const controls = await page.evaluate(
          () =>
            document
              .querySelector('alongside-layer')
              ?.shadowRoot?.querySelectorAll('.card button, .card [role="option"], .card a[href]')
              .length ?? 0,
        );
        expect(controls).toBeGreaterThan(2);
        const seen: { what: string; visible: boolean }[] = [];
        for (let k = 0; k < controls; k++) {
          await page.keyboard.press('Tab');
          const now = await focus();
          expect(now).not.toBeNull();
          seen.push(now!);
        }
        expect(seen.filter((s) => !s.visible).map((s) => s.what)).toEqual([]);
      });
    },
  );

  it('moves nothing when reduced motion is asked for', async () => {
    await env.withPage(async (page) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openCard(page, 'textarea', 'light');
      const moving = await movingIn(page, 'alongside-layer');
      expect(moving).toEqual([]);
    });
  });

  it.each(['textarea', 'contenteditable'])(
    'over a %s at 200% zoom stays in the window with nothing cut off',
    async (fixture) => {
      await env.withPage(async (page) => {
        const cdp = await env.ext.context.newCDPSession(page);
        await cdp.send('Emulation.setDeviceMetricsOverride', {
          width: 640,
          height: 400,
          deviceScaleFactor: 2,
          mobile: false,
        });
        await openCard(page, fixture, 'light');
        const fit = await page.evaluate(() => {
          const card = document
            .querySelector('alongside-layer')
            ?.shadowRoot?.querySelector<HTMLElement>('.card');
          if (!card) return null;
          const box = card.getBoundingClientRect();
          const cut = [...card.querySelectorAll<HTMLElement>('*')]
            .filter((el) => el.scrollWidth > el.clientWidth + 2 && el.clientWidth > 0)
            .filter((el) => getComputedStyle(el).overflowX !== 'visible')
            .map((el) => el.className.toString());
          return {
            inside:
              box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
            cut,
            // Whatever does not fit in its height scrolls inside the card, not off the page.
            scrolls:
              card.scrollHeight <= card.clientHeight + 1 ||
              getComputedStyle(card).overflowY !== 'visible',
          };
        });
        expect(fit).toEqual({ inside: true, cut: [], scrolls: true });
      });
    },
    60_000,
  );
});
