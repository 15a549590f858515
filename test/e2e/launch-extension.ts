import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import {
  CHROMIUM,
  EXTENSION_ID,
  INSTALL_HINT,
  chromiumArgs,
  chromiumInstalled,
} from '../../scripts/chromium.ts';

export { EXTENSION_ID };
// ALONGSIDE_OUT_DIR moves the build (wxt.config.ts), so parallel work can test its own build.
export const EXTENSION_DIR = resolve(process.env.ALONGSIDE_OUT_DIR || '.output', 'chrome-mv3');

export interface LaunchOptions {
  /**
   * Host names resolved to 127.0.0.1 (Chromium's --host-resolver-rules) and let through, so a
   * fixture can be served as plain http from a name that is not localhost: an intranet page,
   * which is not a secure context (no `navigator.clipboard`, say).
   */
  localHosts?: readonly string[];
  /**
   * Also opens DevTools' port (beside Playwright's pipe), so a recorder of our own can attach to
   * every target of the browser, the extension's service worker included (Playwright's pages
   * cannot see the worker's requests).
   */
  devtools?: boolean;
  /** Lets the DevTools protocol load the extension again, as an update would (`updateExtension`). */
  extensionDebugging?: boolean;
}

export interface LoadedExtension {
  context: BrowserContext;
  /** The browser's DevTools WebSocket address, when launched with `devtools`. */
  devtoolsUrl?: string;
  close(): Promise<void>;
}

/**
 * Debian's Chromium in new headless mode with the built extension loaded, every request that is
 * not to localhost or the extension itself blocked. Fails loudly, never skips, when a part is missing.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<LoadedExtension> {
  if (!chromiumInstalled()) throw new Error(INSTALL_HINT);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const hosts = options.localHosts ?? [];
  const profile = mkdtempSync(join(tmpdir(), 'alongside-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...chromiumArgs(EXTENSION_DIR),
      ...hostArgs(hosts),
      ...(options.devtools ? ['--remote-debugging-port=0'] : []),
      ...(options.extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
    ],
  });
  const devtoolsUrl = options.devtools ? await devtoolsAddress(profile) : undefined;
  const local = ['localhost', '127\\.0\\.0\\.1', ...hosts.map(escape)].join('|');
  await context.route(new RegExp(`^(?!chrome-extension:|https?://(${local})[:/]).*`), (route) =>
    route.abort('blockedbyclient'),
  );
  await lexiconCompiled(context);
  return {
    context,
    ...(devtoolsUrl ? { devtoolsUrl } : {}),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the background has compiled the lexicon, as it does when the extension is installed:
 * a clinician's first field comes long after, and tests that start typing at once should not race
 * the compilation (most of a second, more on a busy machine).
 */
async function lexiconCompiled(context: BrowserContext): Promise<void> {
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  // No deadline of our own: the session's beforeAll timeout ends a wait that never ends.
  for (;;) {
    const stored = await worker.evaluate(async () => {
      // The worker's own `chrome`: this runs in the extension, not in the test's Node.
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser })
        .chrome;
      const { compiledLexicon } = await api.storage.session.get('compiledLexicon');
      return compiledLexicon !== undefined && compiledLexicon !== null;
    });
    if (stored) return;
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Loads the built extension again over the running one, as the browser does when an update
 * arrives: the same id, a new service worker, and tabs left as they were (launched with
 * `extensionDebugging`).
 */
export async function updateExtension(ext: LoadedExtension): Promise<void> {
  const browser = ext.context.browser();
  if (!browser) throw new Error('no browser to send the update through');
  const cdp = await browser.newBrowserCDPSession();
  try {
    // Not in Playwright's protocol types yet: Chromium 126+.
    await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never);
  } finally {
    await cdp.detach();
  }
}

/** Chromium writes the port it chose, and the browser target's path, into the profile. */
async function devtoolsAddress(profile: string): Promise<string> {
  const file = join(profile, 'DevToolsActivePort');
  for (let k = 0; k < 300 && !existsSync(file); k++) {
    await new Promise((done) => setTimeout(done, 100));
  }
  const [port, path] = readFileSync(file, 'utf8').split('\n');
  return `ws://127.0.0.1:${port}${path}`;
}

const escape = (host: string) => host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Map each host to this machine, and keep Chromium from trying https first on those names. */
function hostArgs(hosts: readonly string[]): string[] {
  if (hosts.length === 0) return [];
  return [
    `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
    '--disable-features=HttpsUpgrades',
  ];
}
