// Proves the fixture pages are real, working editors: Chromium WITHOUT the extension, real
// keyboard typing, each editor's own undo, and not one request beyond localhost.
import { request as httpRequest } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, INSTALL_HINT, chromiumInstalled } from '../../scripts/chromium.ts';
import { EDITOR_FIXTURES } from './editor-scenario.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import type { FixtureWindow } from './fixtures/lib/fixture.ts';

const TYPED = 'She claims it hurts.';

/** Every page with one main field, and the kind its window.fixture reports. */
const FIXTURES = [
  ...EDITOR_FIXTURES,
  'password',
  'iframe-shadow',
  'dynamic',
  'large-note',
  'opt-out',
  'readonly',
] as const;

/**
 * Most editors take back the typed sentence with one Ctrl+Z. CKEditor 5 cuts typing into undo
 * steps of 20 characters. A React-controlled textarea resets its defaultValue on every render,
 * which makes Chromium keep one undo step per keystroke.
 */
const UNDO_PRESSES: Partial<Record<(typeof FIXTURES)[number], number>> = {
  ckeditor5: 3,
  react: TYPED.length + 2,
};

let server: FixtureServer;
let browser: Browser;
let context: BrowserContext;
const requested: string[] = [];
const failed: string[] = [];

beforeAll(async () => {
  if (!chromiumInstalled()) throw new Error(INSTALL_HINT);
  server = await startFixtureServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  context = await browser.newContext();
  context.on('request', (req) => requested.push(req.url()));
  context.on('response', (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
  });
  await context.route(/^(?!https?:\/\/(localhost|127\.0\.0\.1)[:/]).*/, (route) =>
    route.abort('blockedbyclient'),
  );
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Open a fixture page and wait for its editor; returns the page and the fixture's frame, if any. */
async function openFixture(name: string): Promise<{ page: Page; frame: string | undefined }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/${name}.html`);
  await page.waitForFunction(() => (window as FixtureWindow).fixture !== undefined);
  await page.evaluate(async () => {
    await (window as FixtureWindow).fixture!.ready;
  });
  const info = await page.evaluate(() => {
    const f = (window as FixtureWindow).fixture!;
    return { kind: f.kind, frame: f.frame };
  });
  expect(errors).toEqual([]);
  expect(info.kind).toBe(name);
  return { page, frame: info.frame };
}

function fieldOf(page: Page, frame: string | undefined) {
  return frame ? page.frameLocator(frame).getByTestId('field') : page.getByTestId('field');
}

function textOf(page: Page): Promise<string> {
  return page.evaluate(() => (window as FixtureWindow).fixture!.text());
}

describe('fixture pages in Chromium without the extension', () => {
  for (const name of FIXTURES) {
    it(`${name}: real typing reaches the editor's model and its undo takes it back`, async () => {
      const { page, frame } = await openFixture(name);
      const before = await textOf(page);
      expect(before.length).toBeGreaterThan(0);
      expect(before).toBe(before.trim());
      expect(before).not.toContain(TYPED);

      const field = fieldOf(page, frame);
      await field.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(` ${TYPED}`);
      await expect.poll(() => textOf(page)).toContain(TYPED);
      const typed = await textOf(page);
      expect(typed.startsWith(before.replace(/\n$/, ''))).toBe(true);

      // Ctrl+Z until the text is back, each press taking something away. The cap is what each
      // editor needs, plus one for a slow machine splitting the typing into two undo steps.
      const cap = UNDO_PRESSES[name] ?? 2;
      let presses = 0;
      while (presses < cap && (await textOf(page)) !== before) {
        const current = await textOf(page);
        await page.keyboard.press('Control+z');
        presses++;
        await expect.poll(() => textOf(page)).not.toBe(current);
        expect((await textOf(page)).length).toBeLessThan(current.length);
      }
      expect(await textOf(page)).toBe(before);
      await page.close();
    });
  }

  for (const name of FIXTURES) {
    it(`${name}: setText() and undo() go through the editor's own API`, async () => {
      const { page, frame } = await openFixture(name);
      const singleLine = name === 'input' || name === 'password';
      const content = singleLine ? 'First line. He claims.' : 'First line.\nHe claims.';
      await page.evaluate((text) => (window as FixtureWindow).fixture!.setText!(text), content);
      await expect.poll(() => textOf(page)).toBe(content);

      await fieldOf(page, frame).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(` ${TYPED}`);
      await expect.poll(() => textOf(page)).toContain(TYPED);
      const cap = UNDO_PRESSES[name] ?? 2;
      for (let i = 0; i < cap && (await textOf(page)) !== content; i++) {
        await page.evaluate(() => (window as FixtureWindow).fixture!.undo!());
      }
      expect(await textOf(page)).toBe(content);
      await page.close();
    });
  }

  it('react: React state matches the textarea after typing, across re-renders', async () => {
    const { page } = await openFixture('react');
    await page.getByTestId('field').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(` ${TYPED}`);
    const ticks = Number(await page.locator('#react-ticks').textContent());
    await expect
      .poll(async () => Number(await page.locator('#react-ticks').textContent()))
      .toBeGreaterThan(ticks);
    const dom = await page.getByTestId('field').inputValue();
    expect(dom).toContain(TYPED);
    expect(await page.locator('#react-state').textContent()).toBe(dom);
    expect(await textOf(page)).toBe(dom);
    await page.close();
  });

  it('password: the password field keeps its value when the text field is typed into', async () => {
    const { page } = await openFixture('password');
    await page.getByTestId('field').click();
    await page.keyboard.type(TYPED);
    expect(await page.getByTestId('password').inputValue()).toBe(
      'He claims non-compliant heartsink',
    );
    expect(await page.getByTestId('password').getAttribute('type')).toBe('password');
    await page.close();
  });

  it('iframe-shadow: the textarea in the top-level shadow root takes typing too', async () => {
    const { page } = await openFixture('iframe-shadow');
    const shadowField = page.getByTestId('shadow-field');
    await shadowField.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(` ${TYPED}`);
    const read = () =>
      page.evaluate(() => (window as FixtureWindow).fixture!.textOf!('shadow-field'));
    expect(await read()).toContain(TYPED);
    // The framed field sits in a same-origin about:blank document inside a shadow root.
    const framed = await page.evaluate(() => {
      const host = document.querySelector('alongside-frame-host');
      const iframe = host?.shadowRoot?.querySelector('iframe');
      return { url: iframe?.contentWindow?.location.href, sameOrigin: !!iframe?.contentDocument };
    });
    expect(framed).toEqual({ url: 'about:blank', sameOrigin: true });
    await page.close();
  });

  it('dynamic: the fields appear about 500 ms after load, the contenteditable one works', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/dynamic.html`);
    expect(await page.getByTestId('field').count()).toBe(0);
    await page.evaluate(async () => {
      await (window as FixtureWindow).fixture!.ready;
    });
    const ce = page.getByTestId('field-ce');
    await ce.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(` ${TYPED}`);
    const read = () => page.evaluate(() => (window as FixtureWindow).fixture!.textOf!('field-ce'));
    expect(await read()).toBe(`Review in two weeks. ${TYPED}`);
    await page.close();
  });

  it('large-note: about 200 KB of letter text with loaded phrases in it', async () => {
    const { page } = await openFixture('large-note');
    const text = await textOf(page);
    expect(text.length).toBeGreaterThanOrEqual(195_000);
    expect(text.length).toBeLessThan(260_000);
    for (const phrase of ['He claims', 'non-compliant', 'heartsink'])
      expect(text).toContain(phrase);
    await page.close();
  });

  it('opt-out and readonly: the marked fields are as described', async () => {
    const { page } = await openFixture('opt-out');
    expect(await page.getByTestId('gramm-off').getAttribute('data-gramm')).toBe('false');
    expect(await page.getByTestId('alongside-off').getAttribute('data-alongside')).toBe('off');
    expect(await page.getByTestId('field').getAttribute('spellcheck')).toBe('false');
    await page.close();

    const { page: ro } = await openFixture('readonly');
    await expect.poll(() => ro.getByTestId('disabled').isDisabled()).toBe(true);
    expect(await ro.getByTestId('readonly').getAttribute('readonly')).not.toBeNull();
    expect(await ro.getByTestId('hidden').isVisible()).toBe(false);
    expect(await ro.getByTestId('hidden-input').getAttribute('type')).toBe('hidden');
    const readonlyBefore = await ro.getByTestId('readonly').inputValue();
    await ro.getByTestId('readonly').click();
    await ro.keyboard.type(TYPED);
    expect(await ro.getByTestId('readonly').inputValue()).toBe(readonlyBefore);
    await ro.close();
  });

  it('every asset the pages asked for was there', () => {
    expect(failed).toEqual([]);
  });

  it('made no request beyond localhost', () => {
    expect(requested.length).toBeGreaterThan(0);
    const outside = requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return false;
      return hostname !== '127.0.0.1' && hostname !== 'localhost';
    });
    expect(outside).toEqual([]);
  });
});

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise "..") */
function rawGet(url: string, path: string): Promise<{ status: number; type: string | undefined }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fixture server', () => {
  it('serves pages, bundles and whitelisted editor assets with the right types', async () => {
    const cases: [string, number, string][] = [
      ['/', 200, 'text/html'],
      ['/textarea.html', 200, 'text/html'],
      ['/fixture.css', 200, 'text/css'],
      ['/bundles/tiptap.js', 200, 'text/javascript'],
      ['/vendor/tinymce/tinymce.min.js', 200, 'text/javascript'],
      ['/vendor/ckeditor5/ckeditor5.css', 200, 'text/css'],
      ['/vendor/quill/quill.snow.css', 200, 'text/css'],
    ];
    for (const [path, status, type] of cases) {
      const res = await rawGet(server.url, path);
      expect(res.status, path).toBe(status);
      expect(res.type, path).toContain(type);
    }
  });

  it('refuses anything else, including attempts to leave the served folders', async () => {
    for (const path of [
      '/textarea.ts',
      '/lib/fixture.ts',
      '/fixture-server.ts',
      '/bundles/lib/fixture.js',
      '/bundles/nope.js',
      '/bundles/..%2Ffixture-server.js',
      '/vendor/react/index.js',
      '/vendor/tinymce/../../package.json',
      '/vendor/tinymce/%2e%2e/%2e%2e/package.json',
      '/vendor/tinymce/..%2f..%2fpackage.json',
      '/vendor/ckeditor5/../../package.json',
      '/vendor/tinymce/',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/fixture-server.ts',
      '/node_modules/tinymce/tinymce.js',
      '/vendor/tinymce/tinymce.min.js%00.css',
    ]) {
      const res = await rawGet(server.url, path);
      expect([400, 404], path).toContain(res.status);
    }
  });
});
