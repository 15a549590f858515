import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { tabIdOf } from './content-helpers.ts';
import { EXTENSION_ID, launchExtension, type LoadedExtension } from './launch-extension.ts';

/** The extension API in the service worker; spelled out in each evaluated function, which runs there. */
type WithChrome = { chrome: typeof Browser };

const PAGES: Record<string, string> = {
  '/plain': '<!doctype html><title>Plain</title><p>A page with nothing to write in.</p>',
  '/flagged':
    '<!doctype html><title>Letter</title><label>Letter <textarea>She is a heartsink patient.</textarea></label>',
};

let ext: LoadedExtension;
let server: Server;
let origin: string;
let worker: Worker;
const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`);

beforeAll(async () => {
  server = createServer((request, response) => {
    const page = PAGES[request.url ?? ''];
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page ?? 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  ext = await launchExtension();
  worker =
    ext.context.serviceWorkers().find(ours) ??
    (await ext.context.waitForEvent('serviceworker', { predicate: ours }));
}, 60_000);

afterAll(async () => {
  await ext?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens a page of the test server and finds its tab id through the extension. */
async function openSitePage(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  const url = `${origin}${path}`;
  await page.goto(url);
  return { page, tabId: await tabIdOf(ext, url) };
}

async function openPopup(tabId?: number): Promise<Page> {
  const popup = await ext.context.newPage();
  const query = tabId === undefined ? '' : `?tab=${tabId}`;
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html${query}`);
  return popup;
}

/** Stops the extension's service worker, as the browser does when it idles. */
async function stopServiceWorker(): Promise<void> {
  const cdp = await ext.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${EXTENSION_ID}/`),
  );
  if (!target) throw new Error('The extension has no running service worker.');
  await cdp.send('Target.closeTarget', { targetId: target.targetId });
  await cdp.detach();
}

/** The service worker started again after `stopServiceWorker`, told apart by a global's absence. */
async function restartedWorker(): Promise<Worker> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    for (const candidate of ext.context.serviceWorkers().filter(ours)) {
      const fresh = await candidate
        .evaluate(() => !(globalThis as { beforeRestart?: boolean }).beforeRestart, undefined)
        .catch(() => false);
      if (fresh) return candidate;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The service worker did not start again.');
}

const storedSettings = () =>
  worker.evaluate(
    () =>
      (globalThis as unknown as WithChrome).chrome.storage.local
        .get('settings')
        .then((items) => items.settings as { disabledSites?: string[] } | undefined),
    undefined,
  );

describe('toolbar popup of the built extension, in Chromium', () => {
  it('switches Alongside off and on again for the tab’s site', async () => {
    const { tabId } = await openSitePage('/plain');
    const popup = await openPopup(tabId);

    await expect.poll(() => popup.locator('.host').textContent()).toBe('127.0.0.1');
    const state = popup.getByRole('status');
    await expect.poll(() => state.textContent()).toBe('Alongside is on for 127.0.0.1.');
    await expect
      .poll(() => popup.locator('.count').textContent())
      .toBe('No suggestions on this page');
    expect(await popup.locator('body').textContent()).toContain('never leaves the browser');

    const toggle = popup.getByRole('button', { name: 'Suggestions on this site' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    await toggle.click();
    await expect.poll(() => state.textContent()).toBe('Alongside is off for 127.0.0.1.');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(async () => (await storedSettings())?.disabledSites).toEqual(['127.0.0.1']);

    // The keyboard works the switch as well as the mouse.
    await toggle.focus();
    await popup.keyboard.press('Space');
    await expect.poll(() => state.textContent()).toBe('Alongside is on for 127.0.0.1.');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await storedSettings())?.disabledSites).toEqual([]);
  });

  it('says so on a page where Alongside does not run', async () => {
    // Opened as a tab without ?tab=, the popup describes the active tab: its own extension page.
    const popup = await openPopup();
    await expect
      .poll(() => popup.locator('main').textContent())
      .toContain('Alongside does not run on this page.');
    expect(await popup.getByRole('button', { name: 'Suggestions on this site' }).count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Open the playground' }).count()).toBe(1);
  });

  it('counts the flags a content script reports, on the badge and in the popup', async () => {
    const { page, tabId } = await openSitePage('/flagged');
    const badge = () =>
      worker.evaluate(
        (id) => (globalThis as unknown as WithChrome).chrome.action.getBadgeText({ tabId: id }),
        tabId,
      );
    await expect.poll(badge, { timeout: 10_000 }).toBe('1');

    // The browser stops idle service workers; the counts come back from storage.session.
    await worker.evaluate(() => {
      (globalThis as { beforeRestart?: boolean }).beforeRestart = true;
    }, undefined);
    await stopServiceWorker();
    const popup = await openPopup(tabId);
    await expect
      .poll(() => popup.locator('.count').textContent())
      .toBe('1 suggestion on this page');
    worker = await restartedWorker();
    expect(await badge()).toBe('1');

    // A new page in the tab starts from nothing.
    await page.goto(`${origin}/plain`);
    await expect.poll(badge).toBe('');
    await expect
      .poll(() => popup.locator('.count').textContent())
      .toBe('No suggestions on this page');
  });

  it('shows how each level of flag is underlined, drawn as the flags are', async () => {
    const { page, tabId } = await openSitePage('/flagged');
    const popup = await openPopup(tabId);
    const legend = popup.getByRole('list', { name: 'How flags are underlined' });
    await expect
      .poll(() => legend.getByRole('listitem').allTextContents())
      .toEqual(['Worth changing', 'Suggestion', 'Worth a thought']);
    const lines = await legend.locator('.sample').evaluateAll((samples) =>
      samples.map((el) => {
        const s = getComputedStyle(el);
        return `${s.textDecorationLine}:${s.textDecorationStyle}:${s.textDecorationThickness}`;
      }),
    );
    expect(lines).toEqual(['underline:solid:3px', 'underline:wavy:1.5px', 'underline:dotted:2px']);
    await popup.close();
    await page.close();
  });

  it('opens the prompt kit beside the page', async () => {
    const sidePanels = () =>
      worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: {
            runtime: {
              getContexts(f: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]>;
            };
          };
        };
        const found = await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
        return found.map((c) => new URL(c.documentUrl ?? '').pathname);
      });
    expect(await sidePanels()).toEqual([]);
    const { page, tabId } = await openSitePage('/flagged');
    const popup = await openPopup(tabId);
    await popup.getByRole('button', { name: 'Open the prompt kit' }).click();
    await expect.poll(sidePanels, { timeout: 15_000 }).toEqual(['/sidepanel.html']);
    await page.close();
  });
});
