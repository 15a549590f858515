// `npm run build:demo`: the playground as one static page, opened from file:// in a Chromium
// with no extension at all. It flags the sample letter with the extension's own card, and no
// request leaves the page (the engine, the lexicon, scripts and styles are all inside it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, defaultLexicon } from '../../core/index.ts';
import { SAMPLE_LETTERS } from '../../components/playground/sample-letters.ts';
import { BASE_ARGS, CHROMIUM, INSTALL_HINT, chromiumInstalled } from '../../scripts/chromium.ts';
import { buildDemo } from '../../scripts/build-demo.ts';
import { markBoxes } from './content-helpers.ts';
import { cardText } from './editor-scenario.ts';

let browser: Browser;
let page: string;
beforeAll(async () => {
  if (!chromiumInstalled()) throw new Error(INSTALL_HINT);
  page = await buildDemo(mkdtempSync(join(tmpdir(), 'alongside-static-')));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: BASE_ARGS });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  if (page) rmSync(dirname(page), { recursive: true, force: true });
});

describe('the static playground, opened from file://', () => {
  it('flags the sample letter with the real card, and makes no request', async () => {
    const context = await browser.newContext();
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    const url = pathToFileURL(page).href;
    await tab.goto(url);
    const expected = compile([defaultLexicon()]).find(SAMPLE_LETTERS[0]!.before);
    await expect
      .poll(() => tab.locator('p.count').textContent(), { timeout: 15_000 })
      .toBe(`${expected.length} suggestions`);
    const [first] = await markBoxes(tab);
    await tab.mouse.click(first!.left + first!.width / 2, first!.top + first!.height / 2);
    await expect.poll(() => cardText(tab.mainFrame())).toContain(`“${expected[0]!.match}”`);
    await tab.waitForLoadState('networkidle');
    expect(requested).toEqual([url]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
