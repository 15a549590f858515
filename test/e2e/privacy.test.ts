// Privacy, proven in real Chromium: while the extension runs across every fixture page, the popup,
// the options page, the side panel and the playground, a DevTools recorder attached to every
// target (the service worker from its first moment included) sees no request to anywhere but the
// local fixture server. After a letter with names no lexicon holds has been typed, checked,
// applied and read by the side panel, none of its words is in any storage area, the extension's
// IndexedDB, localStorage or caches, the page's own storage, or any console message or error.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { recordBrowser, type BrowserRecorder, type RecordedRequest } from './browser-recorder.ts';
import { readStoredSettings, resetSettings, serviceWorker } from './content-helpers.ts';
import {
  EDITOR_FIXTURES,
  cardLocator,
  flagCentre,
  modelText,
  openFixture,
  runScenario,
} from './editor-scenario.ts';
import { EXTENSION_ID, type LoadedExtension } from './launch-extension.ts';
import { inPanel, openSidePanel } from './side-panel-driver.ts';

type WithChrome = { chrome: typeof import('wxt/browser').browser };

const EDITORS = EDITOR_FIXTURES;
/** The other fixture pages: frames, shadow roots, fields added later, a large note, opt-outs. */
const OTHER_PAGES = [
  'index',
  'password',
  'iframe-shadow',
  'cross-origin',
  'framed-note',
  'dynamic',
  'large-note',
  'opt-out',
  'readonly',
  'no-fields',
];
const STATIC_PAGES = ['index', 'no-fields'];
const EXTENSION_PAGES = ['popup', 'options', 'playground'];

/**
 * Words of the letter no lexicon, kit or fixture holds (made up for this test), so finding any of
 * them anywhere can only mean the letter's text was kept or sent.
 */
const PRIVATE_WORDS = ['Zephyrine', 'Quobble', 'Larchmere', 'Okonkwo-Tarrant', 'Vellacott'];
const PRIVATE_LETTER = [
  'Dear Dr Okonkwo-Tarrant,',
  'I saw Zephyrine Quobble at Larchmere Surgery today. She claims the pain is worse at night and she refused the scan.',
  'Her neighbour, Mrs Vellacott, drives her to appointments.',
].join('\n');

let recorder: BrowserRecorder | undefined;

const env = useBrowserSession(
  async (ext) => {
    await resetSettings(ext);
    recorder = await recordBrowser(ext.devtoolsUrl!);
    await restartWorker(ext, recorder);
  },
  { devtools: true },
);

/**
 * Stops the extension's service worker and wakes it again with the recorder listening, so its
 * start (and anything it would fetch as it starts) is seen from its first line: new targets
 * wait for the recorder before they run.
 */
async function restartWorker(ext: LoadedExtension, rec: BrowserRecorder): Promise<void> {
  const ours = (t: { type: string; url: string }) =>
    t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${EXTENSION_ID}/`);
  const { targetInfos } = (await rec.command('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const worker = targetInfos.find(ours);
  if (!worker) throw new Error('the extension has no service worker to restart');
  await rec.command('Target.closeTarget', { targetId: worker.targetId });
  const before = rec.targets.filter(ours).length;
  const page = await ext.context.newPage();
  try {
    // The popup asks the worker for the tab's counts: that wakes it.
    await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    for (let k = 0; k < 300 && rec.targets.filter(ours).length === before; k++) {
      await new Promise((done) => setTimeout(done, 100));
    }
    if (rec.targets.filter(ours).length === before) {
      throw new Error('the service worker did not start again');
    }
  } finally {
    await page.close();
  }
}

/** Chromium's own pages (its headless shell draws a few) are the browser's, not ours. */
const BROWSER_OWN = /^(chrome|chrome-untrusted|devtools):/;

/** Requests to anywhere but the fixture server, our own files and in-memory data. */
function offMachine(requests: readonly RecordedRequest[]): string[] {
  const allowed = [
    `${env.server.url}/`,
    `${env.server.otherUrl}/`,
    `chrome-extension://${EXTENSION_ID}/`,
  ];
  return requests
    .filter((r) => !BROWSER_OWN.test(r.document) && !BROWSER_OWN.test(r.target.url))
    .filter((r) => !/^(data|blob):/.test(r.url))
    .filter((r) => !allowed.some((prefix) => r.url.startsWith(prefix)))
    .map((r) => `${r.url} (from ${r.target.type} ${r.document || r.target.url})`);
}

const rec = () => {
  if (!recorder) throw new Error('the recorder is not attached');
  return recorder;
};

/** The private words found in `value` once written out as JSON. */
const privateWordsIn = (value: unknown): string[] => {
  const text = JSON.stringify(value) ?? '';
  return PRIVATE_WORDS.filter((w) => text.includes(w));
};

/** Everything an extension page can read of its origin's own storage. */
async function extensionOriginStores(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const { chrome } = globalThis as unknown as WithChrome;
    const idb: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      for (const store of db.objectStoreNames) {
        idb[`${info.name}/${store}`] = await new Promise((done, fail) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => done(all.result);
          all.onerror = () => fail(all.error);
        });
      }
      db.close();
    }
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        cached.push(request.url, await (await cache.match(request))!.text());
      }
    }
    return {
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
      session: await chrome.storage.session.get(null),
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
      indexedDB: idb,
      caches: cached,
      cookies: document.cookie,
    };
  });
}

/** The page's own storage, which our content script must never write to. */
const pageOriginStores = (page: Page) =>
  page.evaluate(async () => ({
    localStorage: { ...localStorage },
    sessionStorage: { ...sessionStorage },
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    cookies: document.cookie,
  }));

describe('privacy: nothing leaves the browser', () => {
  it('typing, flags, cards, applying, undo and gaps in every fixture editor request nothing off this machine', async () => {
    for (const name of EDITORS) {
      await env.withPage((page) => runScenario(page, `${env.server.url}/${name}.html`, name));
    }
    for (const name of OTHER_PAGES) {
      await env.withPage(async (page) => {
        // Pages without a script of their own have no `fixture.ready` to wait for.
        if (STATIC_PAGES.includes(name)) await page.goto(`${env.server.url}/${name}.html`);
        else await openFixture(page, `${env.server.url}/${name}.html`);
        const field = page.locator('[data-testid="field"]').first();
        // Pages with a field of their own to write in get a sentence typed into it.
        if ((await page.locator('[data-testid="field"]').count()) > 0) {
          await field.click();
          await page.keyboard.type(' He refused the scan.');
        }
        await page.waitForLoadState('networkidle');
      });
    }
    // The recorder saw the pages: each fixture page was a target it listened to.
    const seen = rec().targets.map((t) => t.url);
    for (const name of EDITORS) expect(seen).toContain(`${env.server.url}/${name}.html`);
    expect(offMachine(rec().requests)).toEqual([]);
  }, 300_000);

  it('the popup, options page, side panel and playground request nothing off this machine', async () => {
    for (const name of EXTENSION_PAGES) {
      await env.withPage(async (page) => {
        await page.goto(`chrome-extension://${EXTENSION_ID}/${name}.html`);
        await page.waitForLoadState('networkidle');
        if (name === 'playground') {
          await page.locator('#letter').fill('She claims it hurts and refused the scan.');
          await expect
            .poll(() => page.locator('p.count').textContent(), { timeout: 15_000 })
            .toMatch(/2 suggestions/);
        }
      });
    }
    const driver = await openSidePanel(env.ext, '.reflections');
    await driver.close();
    const documents = rec().requests.map((r) => r.document);
    for (const name of [...EXTENSION_PAGES, 'sidepanel']) {
      expect(documents).toContain(`chrome-extension://${EXTENSION_ID}/${name}.html`);
    }
    expect(offMachine(rec().requests)).toEqual([]);
  }, 120_000);

  it('keeps no word of a letter in storage, the page, logs or errors; only the phrase chosen to ignore is kept', async () => {
    const driver = await openSidePanel(env.ext, '.reflections');
    const letter = await env.ext.context.newPage();
    try {
      // Typed into a plain field and a rich editor, checked, read by the side panel, a card
      // opened, a suggestion applied and the other phrase ignored everywhere.
      for (const fixture of ['textarea', 'ckeditor5']) {
        const frame = await openFixture(letter, `${env.server.url}/${fixture}.html`);
        await frame.locator('[data-testid="field"]').first().click();
        await letter.keyboard.press('Control+a');
        await letter.keyboard.press('Delete');
        for (const [k, line] of PRIVATE_LETTER.split('\n').entries()) {
          if (k > 0) await letter.keyboard.press('Enter');
          await letter.keyboard.type(line);
        }
        await expect.poll(() => modelText(letter)).toContain('Mrs Vellacott');
        await expect
          .poll(
            async () =>
              (await inPanel(driver, (doc) => doc.querySelectorAll('.flag-link').length, null)) ??
              0,
            { timeout: 15_000 },
          )
          .toBeGreaterThanOrEqual(2);
        const at = await flagCentre(letter, frame, 'claims');
        await letter.mouse.click(at.x, at.y);
        await (await cardLocator(frame, '[role="option"]')).first().click();
        await expect.poll(() => modelText(letter)).not.toContain('claims');
      }
      const at = await flagCentre(letter, letter.mainFrame(), 'refused');
      await letter.mouse.click(at.x, at.y);
      await (
        await cardLocator(letter.mainFrame())
      )
        .locator('button', { hasText: 'Ignore this phrase everywhere' })
        .click();
      await expect
        .poll(async () => (await readStoredSettings(env.ext))?.personalAllow)
        .toEqual(['refused']);

      // What the clinician chose to keep is kept: the inspection does reach local storage.
      const inspector = await env.ext.context.newPage();
      try {
        await inspector.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
        const stores = await extensionOriginStores(inspector);
        expect(JSON.stringify(stores.local)).toContain('"personalAllow":["refused"]');
        for (const [area, value] of Object.entries(stores)) {
          expect({ area, found: privateWordsIn(value) }).toEqual({ area, found: [] });
        }
      } finally {
        await inspector.close();
      }
      // The worker's own view of its storage and databases (the same origin, its own globals).
      const worker = await serviceWorker(env.ext);
      const fromWorker = await worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as WithChrome;
        return {
          local: await chrome.storage.local.get(null),
          session: await chrome.storage.session.get(null),
          databases: await indexedDB.databases(),
          caches: await caches.keys(),
        };
      });
      expect(privateWordsIn(fromWorker)).toEqual([]);
      // The page's own storage: untouched by the content script.
      expect(privateWordsIn(await pageOriginStores(letter))).toEqual([]);
      // (TinyMCE keeps its colour choices there; nothing of ours is.)
      const page = await pageOriginStores(letter);
      const keys = [
        ...Object.keys(page.localStorage),
        ...Object.keys(page.sessionStorage),
        ...page.indexedDB,
      ];
      expect(keys.filter((k) => /alongside/i.test(k ?? ''))).toEqual([]);
      expect(page.cookies).toBe('');
    } finally {
      await letter.close();
      await driver.close();
      await resetSettings(env.ext);
    }
    // Nothing any page, frame, content script or worker logged or threw holds a word of it.
    const said = rec().messages.filter((m) => PRIVATE_WORDS.some((w) => m.text.includes(w)));
    expect(said).toEqual([]);
    expect(offMachine(rec().requests)).toEqual([]);
  }, 180_000);

  it('the recorder would have seen a request from the service worker or a page', async () => {
    // The check above is only worth something if these are seen: one from the worker, one
    // from an extension page. The .invalid name never resolves, so nothing leaves.
    const worker = await serviceWorker(env.ext);
    await worker.evaluate(() => fetch('https://example.invalid/from-worker').catch(() => null));
    await env.withPage(async (page) => {
      await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
      await page.evaluate(() => fetch('https://example.invalid/from-page').catch(() => null));
    });
    await expect
      .poll(() => offMachine(rec().requests))
      .toEqual([
        expect.stringMatching(/^https:\/\/example\.invalid\/from-worker \(from service_worker /),
        expect.stringMatching(/^https:\/\/example\.invalid\/from-page \(from page /),
      ]);
    const logged = 'A probe message for the recorder';
    await worker.evaluate((text) => console.warn(text), logged);
    await expect
      .poll(() =>
        rec().messages.some((m) => m.text === logged && m.target.type === 'service_worker'),
      )
      .toBe(true);
  });
});
