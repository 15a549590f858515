// `npm start` (after the build): serves the demo record and the static playground on this
// machine, prints where, and opens Chromium on the record with a fresh profile and the extension
// loaded. Where no Chromium or no display is found it says so in one line and keeps serving.
// Ctrl+C (or closing the browser) stops everything it started and removes the profile.
//
//   npm start                  on 127.0.0.1, a free port
//   npm start -- --port 8080   a port of your own
//   npm start -- --host        reachable from other machines too (0.0.0.0)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startFixtureServer } from '../test/e2e/fixture-server.ts';
import { buildDemo } from './build-demo.ts';
import { CHROMIUM, EXTENSION_ID, chromiumArgs, chromiumInstalled } from './chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
// Where `npm run build` put the extension (ALONGSIDE_OUT_DIR moves it, as in wxt.config.ts).
const outDir = resolve(ROOT, process.env.ALONGSIDE_OUT_DIR || '.output');
const extensionDir = join(outDir, 'chrome-mv3');
const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args[portAt + 1]) : 0;
const host = args.includes('--host') ? '0.0.0.0' : '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`alongside: --port needs a port number, not "${args[portAt + 1] ?? ''}"`);
  process.exit(2);
}

/** Branded Chrome ignores --load-extension (since Chrome 137): only Chromium can load it here. */
const CHROME = [
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

const playground = await buildDemo(join(outDir, 'demo'));
const server = await startFixtureServer({
  root: join(ROOT, 'demo/record'),
  host,
  port,
  files: { '/playground.html': playground },
});
const record = `${server.url}/`;
console.log(`Alongside demo record: ${record}   (playground: ${server.url}/playground.html)`);
if (host === '0.0.0.0') console.log('Reachable from other machines on this port too.');

let profile: string | undefined;
let context: BrowserContext | undefined;
let stopping: Promise<never> | undefined;
/** Stops everything started, once: closing the browser fires its own "close", which waits here. */
function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    await context?.close().catch(() => {});
    await server.close().catch(() => {});
    if (profile) rmSync(profile, { recursive: true, force: true });
    process.exit(code);
  })();
  return stopping;
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!chromiumInstalled()) {
  const chrome = CHROME.find((path) => existsSync(path));
  console.log(
    chrome
      ? `Only Google Chrome is here, which cannot load the build from the command line: in chrome://extensions turn on Developer mode, "Load unpacked" ${extensionDir}, then open ${record}. Serving until Ctrl+C.`
      : `No Chromium found at ${CHROMIUM} (sudo apt-get install -y chromium), so no browser opens: load ${extensionDir} by hand in a Chromium-based browser and open ${record}. Serving until Ctrl+C.`,
  );
} else if (!display) {
  console.log(
    `No display here, so no browser opens: load ${extensionDir} in a Chromium-based browser elsewhere and open ${record}. Serving until Ctrl+C.`,
  );
} else {
  profile = mkdtempSync(join(tmpdir(), 'alongside-demo-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    args: chromiumArgs(extensionDir),
    viewport: null,
    // Ctrl+C is ours: the browser is closed first, then the profile removed (Playwright's own
    // handler would end the process before that).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(record);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${EXTENSION_ID}/playground.html`);
  await page.bringToFront();
  console.log('Chromium is open on the demo record with Alongside loaded. Ctrl+C to stop.');
  // Closing the browser ends the demo as Ctrl+C does.
  context.on('close', () => void stop(0));
}
