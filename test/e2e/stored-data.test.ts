// Stored data in real Chromium: the background brings older settings to the current version when
// it wakes, and a broken personal layer gives way to its last good copy, set aside rather than
// lost, with the options page offering it for download.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { DEFAULTS, markBoxes, resetSettings, serviceWorker } from './content-helpers.ts';
import { openFixture } from './editor-scenario.ts';
import { EXTENSION_ID } from './launch-extension.ts';

type WithChrome = { chrome: typeof import('wxt/browser').browser };

const PERSONAL_KEYS = [
  'personalLexicon',
  'personalLexiconLastGood',
  'personalLexiconSetAside',
  'storageProblems',
];

const env = useBrowserSession(async (ext) => {
  await resetSettings(ext);
  const sw = await serviceWorker(ext);
  await sw.evaluate(
    (keys) => (globalThis as unknown as WithChrome).chrome.storage.local.remove(keys),
    PERSONAL_KEYS,
  );
});

const OPTIONS = `chrome-extension://${EXTENSION_ID}/options.html`;

const stored = async (keys: string[]) =>
  (await serviceWorker(env.ext)).evaluate(
    (k) => (globalThis as unknown as WithChrome).chrome.storage.local.get(k),
    keys,
  );

const store = async (items: Record<string, unknown>) =>
  (await serviceWorker(env.ext)).evaluate(
    (i) => (globalThis as unknown as WithChrome).chrome.storage.local.set(i),
    items,
  );

/** Stops the service worker, as the browser does when it has been idle. */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await env.ext.context.newCDPSession(page);
  const workers = async () =>
    (
      (await cdp.send('Target.getTargets')) as {
        targetInfos: { type: string; targetId: string; url: string }[];
      }
    ).targetInfos.filter(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${EXTENSION_ID}/`),
    );
  const [worker] = await workers();
  expect(worker).toBeDefined();
  await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
  await expect.poll(async () => (await workers()).length).toBe(0);
  await cdp.detach();
}

async function typeNote(page: Page, text: string) {
  const frame = await openFixture(page, `${env.server.url}/textarea.html`);
  await frame.locator('textarea').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  return frame;
}

describe('stored data', { timeout: 60_000 }, () => {
  it('is brought to the current version by the background when it wakes', async () => {
    await env.withPage(async (page) => {
      // As a version 1 build left it: no version mark, one phrase listed twice, found by a
      // worker that starts.
      await stopWorker(page);
      const writer = await env.ext.context.newPage();
      await writer.goto(OPTIONS);
      await writer.evaluate(
        async (value) => {
          const { chrome } = globalThis as unknown as WithChrome;
          await chrome.storage.local.remove('settings$');
          await chrome.storage.local.set({ settings: value });
        },
        { ...DEFAULTS, personalAllow: ['isn’t coping', "isn't coping"] },
      );
      await writer.close();
      // The write, or the typing, wakes the worker; it migrates as it starts.
      await typeNote(page, ' Her knee is sore and she isn’t coping. She claims it hurts.');
      await expect
        .poll(() => stored(['settings', 'settings$']), { timeout: 15_000 })
        .toEqual({
          settings: { ...DEFAULTS, personalAllow: ["isn't coping"] },
          settings$: { v: 2 },
        });
      // The ignored phrase stays unflagged; "claims" is still flagged.
      await expect.poll(async () => (await markBoxes(page)).length, { timeout: 15_000 }).toBe(1);
    });
  });

  it('puts the last good personal layer back in place of a broken one, and keeps the broken one', async () => {
    const good = { name: 'My changes', version: '1', entries: [], disable: ['claims'] };
    const broken = { name: 'My changes', version: '1', entries: 'claims' };
    await store({ personalLexicon: good });
    await expect
      .poll(async () => (await stored(['personalLexiconLastGood'])).personalLexiconLastGood, {
        timeout: 15_000,
      })
      .toEqual(good);
    // Another program, or a half-finished write, leaves something that is not a lexicon.
    await store({ personalLexicon: broken });
    await expect
      .poll(() => stored(['personalLexicon', 'personalLexiconSetAside']), { timeout: 15_000 })
      .toEqual({ personalLexicon: good, personalLexiconSetAside: broken });

    await env.withPage(async (page) => {
      // The good layer is in force: "claims" stays switched off, "refused" is flagged.
      await typeNote(page, ' She claims it hurts. He refused the scan.');
      await expect.poll(async () => (await markBoxes(page)).length, { timeout: 15_000 }).toBe(1);

      const options = await env.ext.context.newPage();
      try {
        await options.goto(OPTIONS);
        const putRight = options.locator('section.problems', { hasText: 'Put right' });
        await expect
          .poll(() => putRight.textContent())
          .toContain('your own lexicon changes could not be used (entries: ');
        const [file] = await Promise.all([
          options.waitForEvent('download'),
          putRight.getByRole('button', { name: 'Download them' }).click(),
        ]);
        expect(file.suggestedFilename()).toBe('alongside-changes-set-aside.json');
        await putRight.getByRole('button', { name: 'Discard them' }).click();
        await expect
          .poll(async () => (await stored(['personalLexiconSetAside'])).personalLexiconSetAside)
          .toBeUndefined();
        await expect.poll(() => putRight.getByRole('button').count()).toBe(0);
      } finally {
        await options.close();
      }
    });
  });
});
