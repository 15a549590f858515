// `alongside kit` writes a page that works on its own: opened from file:// in real Chromium it
// makes no request at all (no font, script, image or style from anywhere), shows every section
// of the kit in force with a service's own prompt among them, and prints on A4.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../core/index.ts';
import { BASE_ARGS, CHROMIUM, INSTALL_HINT, chromiumInstalled } from '../../scripts/chromium.ts';
import { runCli } from '../cli/run-cli.ts';

const SERVICE = {
  name: 'Riverside Pain Service',
  version: '2026.1',
  entries: [],
  prompts: {
    items: [
      {
        id: 'riverside-peer-group',
        section: 'community-routes',
        kind: 'reminder',
        title: 'Riverside peer group',
        text: 'The Tuesday pain peer group at Riverside Library, 2–4 pm: ask at reception.',
      },
    ],
  },
};

let browser: Browser;
let dir: string;
beforeAll(async () => {
  if (!chromiumInstalled()) throw new Error(INSTALL_HINT);
  dir = mkdtempSync(join(tmpdir(), 'alongside-kit-'));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: BASE_ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('alongside kit, opened from file://', () => {
  it('makes no request, and shows the kit with a service’s own prompt', async () => {
    const service = join(dir, 'service.json');
    writeFileSync(service, JSON.stringify(SERVICE));
    const out = join(dir, 'kit.html');
    const run = await runCli(['kit', '--lexicon', service, '--out', out]);
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });

    const context = await browser.newContext();
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await context.newPage();
    const url = pathToFileURL(out).href;
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    expect(requested).toEqual([url]);

    const sections = (defaultLexicon().prompts!.sections ?? []) as { title: string }[];
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(sections.map((s) => s.title)),
    );
    // In the full kit, and on the pocket card (a short reminder is on it in full).
    const own = page.getByText('The Tuesday pain peer group at Riverside Library');
    expect(await own.count()).toBe(2);
    // Printing makes no request either (a print stylesheet with no remote font).
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(requested).toEqual([url]);
    await context.close();
  });
});
