// The frames' text is checked in the background, which holds the one matcher: a frame holds no
// lexicon. The MV3 worker is stopped when idle; the next check wakes it, and it reads the lexicon
// it kept in session storage rather than compiling it again.
import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { markBoxes, resetSettings } from './content-helpers.ts';
import { openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);

const marks = (worker: Worker) =>
  worker.evaluate(() =>
    ['alongside-lexicon-restored', 'alongside-lexicon-compiled'].map(
      (name) => performance.getEntriesByName(name).length,
    ),
  );

describe('checking in the background', () => {
  it('goes on after the service worker is stopped, from the lexicon it kept', async () => {
    await env.withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/textarea.html`);
      const field = frame.locator('textarea').first();
      await field.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' She claims it hurts.');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(1);

      expect((await marks(env.ext.context.serviceWorkers()[0]!))[1]).toBe(1);
      // Stop the worker, as the browser does after it has been idle.
      const cdp = await env.ext.context.newCDPSession(page);
      const targets = async () =>
        (
          (await cdp.send('Target.getTargets')) as {
            targetInfos: { type: string; targetId: string }[];
          }
        ).targetInfos.filter((t) => t.type === 'service_worker');
      const [worker] = await targets();
      expect(worker).toBeDefined();
      await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
      await expect.poll(async () => (await targets()).length).toBe(0);

      // Typing on wakes it: the new flag comes from a worker that restored the lexicon.
      await page.keyboard.type(' He refused the scan.');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(2);
      expect(await targets()).toHaveLength(1);
      // The worker that answered read the stored lexicon and compiled nothing (the first one
      // compiled it, when the extension was installed).
      expect(await marks(env.ext.context.serviceWorkers().at(-1)!)).toEqual([1, 0]);
    });
  });
});
