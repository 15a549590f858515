// `npm start`: after the build, opens Chromium with the extension loaded on its playground.
// Without a display it says how to load the build by hand; `--screenshot FILE` runs headless and
// saves what the playground shows (handy on a server, and a quick check that the build works).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startFixtureServer } from '../test/e2e/fixture-server.ts';
import {
  CHROMIUM,
  EXTENSION_ID,
  INSTALL_HINT,
  chromiumArgs,
  chromiumInstalled,
} from './chromium.ts';

const extensionDir = resolve('.output/chrome-mv3');
const shotAt = process.argv.indexOf('--screenshot');
const screenshot = shotAt > 0 ? process.argv[shotAt + 1] : undefined;
const headless = Boolean(screenshot);

if (!chromiumInstalled()) {
  console.error(`alongside: ${INSTALL_HINT}`);
  console.error(
    `The extension is built in ${extensionDir}; load it in any Chromium-based browser.`,
  );
  process.exit(1);
}
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`Built the extension in ${extensionDir}.`);
  console.log(
    'No display here, so no browser window can open. On a desktop: chrome://extensions →',
  );
  console.log(
    'Developer mode → Load unpacked → choose that folder, then open the Alongside popup.',
  );
  console.log('Or run: npm start -- --screenshot playground.png');
  process.exit(0);
}

const profile = mkdtempSync(join(tmpdir(), 'alongside-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless,
  args: chromiumArgs(extensionDir),
  viewport: headless ? { width: 1000, height: 1400 } : null,
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${EXTENSION_ID}/playground.html`);
if (screenshot) {
  await page.getByRole('status').waitFor();
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`Saved ${screenshot}: ${await page.getByRole('status').textContent()}`);
  await context.close();
} else {
  // A second tab with real editors (CKEditor 5, TinyMCE, Quill, TipTap…) served from this machine.
  const editors = await startFixtureServer();
  const demo = await context.newPage();
  await demo.goto(`${editors.url}/index.html`);
  console.log('Alongside is loaded in Chromium: the playground, and a tab of editors to type in.');
  console.log('Close the window to finish.');
  await new Promise((done) => context.on('close', done));
  await editors.close();
}
