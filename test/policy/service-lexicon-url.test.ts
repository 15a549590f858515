// `serviceLexiconUrl`: the background fetches the service lexicon from the address the policy
// gives (here a server on localhost), and a fetch that fails or brings an invalid file keeps the
// last good copy and says why.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markBoxes } from '../e2e/content-helpers.ts';
import { openFixture } from '../e2e/editor-scenario.ts';
import { startFixtureServer, type FixtureServer } from '../e2e/fixture-server.ts';
import { launchExtension, type LoadedExtension } from '../e2e/launch-extension.ts';
import { removePolicy, serviceLexicon, writePolicy } from './policy-file.ts';

type Chrome = typeof import('wxt/browser').browser;

let body = JSON.stringify(serviceLexicon('2026.1', 'file'));
const requests: string[] = [];
let lexiconServer: Server | undefined;
let ext: LoadedExtension | undefined;
let fixtures: FixtureServer | undefined;

beforeAll(async () => {
  lexiconServer = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((done) => lexiconServer!.listen(0, '127.0.0.1', done));
  const port = (lexiconServer.address() as AddressInfo).port;
  writePolicy({ serviceLexiconUrl: `http://localhost:${port}/lexicon.json` });
  fixtures = await startFixtureServer();
  ext = await launchExtension();
}, 60_000);
afterAll(async () => {
  await ext?.close();
  await fixtures?.close();
  lexiconServer?.close();
  removePolicy();
});

const worker = () => ext!.context.serviceWorkers()[0]!;
const storedPolicy = () =>
  worker().evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    return (await chrome.storage.local.get('policy')).policy as {
      problems: string[];
      serviceLexicon?: string;
    };
  });

describe('a service lexicon fetched from the policy’s address', () => {
  it('is fetched at start, flagged in pages, and kept when a later fetch brings a broken file', async () => {
    await expect.poll(() => requests.length).toBeGreaterThanOrEqual(1);
    await expect
      .poll(async () => (await storedPolicy()).serviceLexicon ?? '', { timeout: 10_000 })
      .toMatch(/^Riverside Pain Service 2026\.1 /);
    expect((await storedPolicy()).problems).toEqual([]);

    const page = await ext!.context.newPage();
    const frame = await openFixture(page, `${fixtures!.url}/textarea.html`);
    await frame.locator('textarea').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' She failed the programme.');
    await expect.poll(async () => (await markBoxes(page)).length).toBe(1);

    // The next day's fetch brings a broken file: the good copy stays, and the reason is kept.
    body = '{ "name": "Riverside Pain Service", "entries": [ ';
    const before = requests.length;
    await worker().evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.alarms.create('service-lexicon', {
        when: Date.now() + 100,
      }),
    );
    await expect.poll(() => requests.length, { timeout: 10_000 }).toBeGreaterThan(before);
    await expect
      .poll(async () => (await storedPolicy()).problems[0] ?? '', { timeout: 5_000 })
      .toMatch(
        /^serviceLexiconUrl: the latest fetch failed \(the file is not a valid lexicon: not valid JSON at line 1, column \d+: .*\); using the copy fetched \d{4}-/,
      );
    expect((await storedPolicy()).serviceLexicon).toMatch(/^Riverside Pain Service 2026\.1 /);
    await page.keyboard.type(' He failed the programme too.');
    await expect.poll(async () => (await markBoxes(page)).length).toBe(2);
    await page.close();
  });
});
