// Firefox's managed storage: a real policies.json beside Debian's Firefox ESR (its distribution
// folder, which every Firefox started from that installation reads) gives the extension its
// policy, as `3rdparty.Extensions.<add-on id>`, and the service lexicon and the severity floor
// in it take effect in a page.
import { existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX, FIREFOX_ADDON_ID, FIREFOX_INSTALL_HINT } from '../../scripts/firefox.ts';
import { startFixtureServer, type FixtureServer } from '../e2e/fixture-server.ts';
import { launchFirefox, type LoadedFirefox } from '../firefox/launch-firefox.ts';
import { serviceLexicon } from './policy-file.ts';

let policyFile = '';
let wrote = false;
let firefox: LoadedFirefox | undefined;
let server: FixtureServer | undefined;

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(FIREFOX_INSTALL_HINT);
  // /usr/bin/firefox-esr → /usr/lib/firefox-esr/firefox-esr: policies.json goes in distribution/.
  policyFile = join(dirname(realpathSync(FIREFOX)), 'distribution', 'policies.json');
  if (existsSync(policyFile)) {
    throw new Error(`${policyFile} already exists: the test will not replace a real policy`);
  }
  try {
    mkdirSync(dirname(policyFile), { recursive: true });
    writeFileSync(
      policyFile,
      JSON.stringify({
        policies: {
          '3rdparty': {
            Extensions: {
              [FIREFOX_ADDON_ID]: {
                minimumSeverity: 'suggest',
                serviceLexicon: serviceLexicon('2026.1'),
              },
            },
          },
        },
      }),
    );
    wrote = true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(
      `cannot write ${policyFile} (${code}): the policy tests set a real Firefox policy and need root; run them as root (sudo npm run test:policy)`,
    );
  }
  server = await startFixtureServer();
  firefox = await launchFirefox();
}, 60_000);
afterAll(async () => {
  await firefox?.close();
  await server?.close();
  if (wrote) rmSync(policyFile, { force: true });
});

type FixtureWindow = Window & { fixture?: { ready: Promise<void> | boolean; text(): string } };

/** The severity of each overlay mark over the textarea, in text order. */
const severities = (page: Page) =>
  page.evaluate(() => {
    const marks = [
      ...(document.querySelector('alongside-layer')?.shadowRoot?.querySelectorAll('.mark') ?? []),
    ];
    return marks
      .map((m) => ({ box: m.getBoundingClientRect(), classes: m.classList }))
      .sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left)
      .map(({ classes }) => ['info', 'suggest', 'warn'].find((s) => classes.contains(s)) ?? '');
  });

describe('a policies.json for Firefox', () => {
  it('puts the service lexicon and the severity floor in force', async () => {
    const page = await firefox!.browser.newPage();
    try {
      await page.goto(`${server!.url}/textarea.html`);
      await page.waitForFunction(() => (window as FixtureWindow).fixture !== undefined);
      await page.click('[data-testid="field"]');
      await page.keyboard.down('Control');
      await page.keyboard.press('End');
      await page.keyboard.up('Control');
      // Without the policy: "claims" is worth changing and "refused" a suggestion, and
      // "failed the programme" is not flagged. With it: the service lowers "claims" to info,
      // under the floor of suggest, and flags its own entry. One line each, so no flag wraps.
      for (const line of [
        'She claims her pain is bad.',
        'He refused it.',
        'She failed the programme.',
      ]) {
        await page.keyboard.press('Enter');
        await page.keyboard.type(line);
      }
      // The first check of a run waits for the background to compile the lexicon after install.
      await expect.poll(() => severities(page), { timeout: 20_000 }).toEqual(['suggest', 'warn']);
    } finally {
      await page.close();
    }
  }, 60_000);
});
