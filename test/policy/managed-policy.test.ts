// A trust's policy set through the real policy file, read by the real Chromium: the file applies
// to every Chromium on the machine, so these tests run on their own, after the other browser
// tests (`npm run test:policy`, the last step of `npm test`), and remove their file afterwards.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../e2e/fixture-server.ts';
import { EXTENSION_ID, launchExtension, type LoadedExtension } from '../e2e/launch-extension.ts';
import { LINK_WORKER, removePolicy, serviceLexicon, writePolicy } from './policy-file.ts';
import { inPanel, openSidePanel } from '../e2e/side-panel-driver.ts';
import {
  DEFAULTS,
  highlightedTexts,
  markBoxes,
  writeStoredSettings,
} from '../e2e/content-helpers.ts';
import { openFixture } from '../e2e/editor-scenario.ts';

const POLICY = {
  serviceLexicon: serviceLexicon('2026.1'),
  sitesDisabled: ['127.0.0.1'],
  minimumSeverity: 'suggest',
  allowPersonalChanges: false,
};

let ext: LoadedExtension | undefined;
let server: FixtureServer | undefined;
beforeAll(async () => {
  writePolicy(POLICY);
  server = await startFixtureServer();
  ext = await launchExtension();
}, 60_000);
afterAll(async () => {
  await ext?.close();
  await server?.close();
  removePolicy();
});

async function withPage(run: (page: Page) => Promise<void>) {
  const page = await ext!.context.newPage();
  try {
    await run(page);
  } finally {
    await page.close();
  }
}

describe('a managed policy from the real policy file', () => {
  it('arrives whole in storage.managed, the service lexicon with every nested field', async () => {
    const worker = ext!.context.serviceWorkers()[0]!;
    const managed = await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
      ).chrome.storage.managed.get(),
    );
    expect(managed).toEqual(POLICY);
    // The background read it: nothing it could not use.
    const stored = await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
      ).chrome.storage.local.get('policy'),
    );
    expect(stored.policy).toMatchObject({
      problems: [],
      serviceLexicon: expect.stringMatching(/^Riverside Pain Service 2026\.1 [0-9a-f]{16}$/),
    });
  });

  it('flags the service entry, and the patched entry falls below the severity floor', async () => {
    await withPage(async (page) => {
      const url = server!.url.replace('127.0.0.1', 'localhost');
      const frame = await openFixture(page, `${url}/textarea.html`);
      await frame.locator('textarea').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' She claims she failed the programme.');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);
      await page.keyboard.press('Alt+Enter');
      await expect
        .poll(() =>
          page.evaluate(
            () => document.querySelector('alongside-layer')?.shadowRoot?.textContent ?? '',
          ),
        )
        .toContain('did not find the programme a fit for now');
    });
  });

  it('keeps the personal allow-list from silencing service entries when personal changes are off', async () => {
    await writeStoredSettings(ext!, {
      ...DEFAULTS,
      personalAllow: ['failed the programme', 'heartsink'],
    });
    try {
      await withPage(async (page) => {
        const url = server!.url.replace('127.0.0.1', 'localhost');
        const frame = await openFixture(page, `${url}/contenteditable.html`);
        await frame.locator('[contenteditable]').first().click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type(' She failed the programme. A heartsink patient.');
        // The built-in "heartsink" is silenced; the service's own entry is not. (A new allow-list
        // is compiled first: most of a second, more on a busy machine.)
        await expect
          .poll(() => highlightedTexts(page), { timeout: 15_000 })
          .toEqual(['failed the programme']);
      });
    } finally {
      await writeStoredSettings(ext!, DEFAULTS);
    }
  });

  it('shows the options page locked and the managed settings marked', async () => {
    await withPage(async (page) => {
      await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
      await expect
        .poll(() => page.locator('main').textContent())
        .toContain('Your organisation manages the lexicon: entries cannot be changed here.');
      expect(await page.locator('main').textContent()).toContain(
        'Your organisation shows nothing below “Suggestion”',
      );
      // The service's own entry is listed as the service's; nothing can be switched or edited.
      const row = page.locator('tr[data-entry="riverside-failed-programme"]');
      expect(await row.locator('td').nth(3).textContent()).toContain('Your service');
      expect(await page.getByRole('button', { name: /^Switch off / }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Add an entry of your own' }).count()).toBe(0);
      // Who manages what: the policy's settings in plain words, the service lexicon by name.
      const managed = page.getByRole('region', { name: 'Managed by your organisation' });
      await expect
        .poll(() => managed.locator('dt').allTextContents())
        .toEqual([
          'Service lexicon',
          'Alongside never runs on',
          'Your own changes to the lexicon',
          'Flags shown from at least',
        ]);
      expect(await managed.locator('dd').first().textContent()).toBe(
        '“Riverside Pain Service”, version 2026.1, given in the policy itself',
      );
      // The level below the floor cannot be chosen.
      expect(
        await page
          .locator('#min-severity option[value="info"]')
          .evaluate((o) => (o as HTMLOptionElement).disabled),
      ).toBe(true);
    });
  });

  it("puts the service's own prompts in the side panel, and leaves out what it switched off", async () => {
    const driver = await openSidePanel(ext!, '[data-item="local-link-worker"]');
    try {
      const panel = await inPanel(
        driver,
        (doc) => ({
          linkWorker: doc.querySelector('[data-item="local-link-worker"] .prompt-text')
            ?.textContent,
          practical: doc.querySelector('[data-item="local-practical-help"]') !== null,
          others: doc.querySelectorAll('[data-item]').length,
        }),
        null,
      );
      expect(panel).toEqual({
        linkWorker: LINK_WORKER,
        practical: false,
        others: expect.any(Number),
      });
      expect(panel!.others).toBeGreaterThan(40);
    } finally {
      await driver.close();
    }
  });

  it('never runs on a site the policy disables', async () => {
    await withPage(async (page) => {
      const frame = await openFixture(page, `${server!.url}/contenteditable.html`);
      await frame.locator('[contenteditable]').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' She failed the programme.');
      // The same page on localhost is checked: give the content script the time that takes.
      await page.waitForTimeout(1_000);
      expect(await highlightedTexts(page)).toEqual([]);
      expect(
        await page.evaluate(() => performance.getEntriesByName('alongside-checking').length),
      ).toBe(0);
    });
  });
});
