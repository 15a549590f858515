import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface LaunchOptions {
  /**
   * Host names resolved to 127.0.0.1 (Chromium's --host-resolver-rules) and let through, so a
   * fixture can be served as plain http from a name that is not localhost: an intranet page,
   * which is not a secure context (no `navigator.clipboard`, say).
   */
  localHosts?: readonly string[];
}

export interface LoadedExtension {
  context: BrowserContext;
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
    args: [...chromiumArgs(EXTENSION_DIR), ...hostArgs(hosts)],
  });
  const local = ['localhost', '127\\.0\\.0\\.1', ...hosts.map(escape)].join('|');
  await context.route(new RegExp(`^(?!chrome-extension:|https?://(${local})[:/]).*`), (route) =>
    route.abort('blockedbyclient'),
  );
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
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
