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

export interface LoadedExtension {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Debian's Chromium in new headless mode with the built extension loaded, every request that is
 * not to localhost or the extension itself blocked. Fails loudly, never skips, when a part is missing.
 */
export async function launchExtension(): Promise<LoadedExtension> {
  if (!chromiumInstalled()) throw new Error(INSTALL_HINT);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'alongside-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(EXTENSION_DIR),
  });
  await context.route(/^(?!chrome-extension:|https?:\/\/(localhost|127\.0\.0\.1)[:/]).*/, (route) =>
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
