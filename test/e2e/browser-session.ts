import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { launchExtension, type LaunchOptions, type LoadedExtension } from './launch-extension.ts';

export interface BrowserSession {
  readonly ext: LoadedExtension;
  readonly server: FixtureServer;
  /** Runs `run` in a new tab of the session's browser, closing the tab however it ends. */
  withPage(run: (page: Page) => Promise<void>): Promise<void>;
}

/**
 * One Chromium with the built extension and one fixture server for a whole test file, started
 * before its tests and closed after them (or a describe block's, when called inside one).
 * `prepare` runs once both are up (e.g. reset settings); `options` go to the browser's launch.
 */
export function useBrowserSession(
  prepare?: (ext: LoadedExtension) => Promise<void>,
  options?: LaunchOptions,
): BrowserSession {
  let ext: LoadedExtension | undefined;
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchExtension(options);
    await prepare?.(ext);
  }, 60_000);
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });
  const session: BrowserSession = {
    get ext() {
      if (!ext) throw new Error('the browser is not started yet');
      return ext;
    },
    async withPage(run) {
      const page = await session.ext.context.newPage();
      try {
        await run(page);
      } finally {
        await page.close();
      }
    },
    get server() {
      if (!server) throw new Error('the fixture server is not started yet');
      return server;
    },
  };
  return session;
}
