// Our own pages pass axe-core's checks in real Chromium, in the light and the dark scheme: no
// serious or critical violation (contrast, names, roles). The card is checked in its own tests.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { EXTENSION_ID } from './launch-extension.ts';

const env = useBrowserSession();

/** Each page, and what shows it is drawn (the kit, the lexicon, the letter's flags). */
const PAGES = [
  { page: 'popup.html', ready: 'main' },
  { page: 'options.html', ready: 'section[aria-labelledby="kit-heading"]' },
  { page: 'sidepanel.html', ready: '.prompt' },
  { page: 'playground.html', ready: '.reflection' },
];

const CASES = PAGES.flatMap((p) =>
  (['light', 'dark'] as const).map((scheme) => ({ ...p, scheme })),
);

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
}

describe('our pages, checked by axe-core', () => {
  it.each(CASES)(
    '$page in the $scheme scheme has no serious or critical violation',
    async ({ page: name, ready, scheme }) => {
      await env.withPage(async (page) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`chrome-extension://${EXTENSION_ID}/${name}`);
        await page.locator(ready).first().waitFor({ timeout: 15_000 });
        expect(await violations(page)).toEqual([]);
      });
    },
    // axe reads every node: the options page lists the whole lexicon, hundreds of rows.
    180_000,
  );
});
