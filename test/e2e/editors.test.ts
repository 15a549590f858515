import type { Page } from 'playwright-core';
import { useBrowserSession } from './browser-session.ts';
import { describe, expect, it } from 'vitest';
import { EDITOR_FIXTURES, runScenario } from './editor-scenario.ts';
import { serviceWorker } from './content-helpers.ts';

const EDITORS = EDITOR_FIXTURES;

const env = useBrowserSession();

/** Errors logged while `page` lives: the page's and its frames' (content scripts included). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message} ${error.stack ?? ''}`));
  return errors;
}

describe('the shared scenario, in every fixture editor, in Chromium with the extension', () => {
  it.each(EDITORS)(
    '%s',
    async (name) => {
      const worker = await serviceWorker(env.ext);
      const workerErrors: string[] = [];
      const onWorkerConsole = (message: { type(): string; text(): string }) => {
        if (message.type() === 'error') workerErrors.push(message.text());
      };
      worker.on('console', onWorkerConsole);
      try {
        await env.withPage(async (page) => {
          const errors = collectErrors(page);
          await runScenario(page, `${env.server.url}/${name}.html`, name);
          // Typing, the card, applying, undo and redo, gaps: not one error from any of it.
          expect(errors).toEqual([]);
        });
        expect(workerErrors).toEqual([]);
      } finally {
        worker.off('console', onWorkerConsole);
      }
    },
    60_000,
  );
});
