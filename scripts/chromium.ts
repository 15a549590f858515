// Shared by `npm start` and the browser tests: where Debian's Chromium lives and how to start it.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_ID = 'dfpbfdieoppbjiagbgpiahdcamamaemi';
export const INSTALL_HINT = `Chromium is needed at ${CHROMIUM}: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH).`;

/** Quiet flags for a closed network: no background connections that would be refused. */
export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...BASE_ARGS,
  ];
}

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM);
}
