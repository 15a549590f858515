// The prompt kit customised in the options page, in real Chromium: a prompt worded anew there is
// what the side panel's page shows, without a reload; Restore brings the built-in wording back.
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../core/index.ts';
import { useBrowserSession } from './browser-session.ts';
import { resetSettings, serviceWorker } from './content-helpers.ts';
import { EXTENSION_ID } from './launch-extension.ts';

const env = useBrowserSession(async (ext) => {
  await resetSettings(ext);
  await (
    await serviceWorker(ext)
  ).evaluate(() =>
    (
      globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
    ).chrome.storage.local.remove('personalLexicon'),
  );
});

const first = defaultLexicon().prompts!.items![0] as { id: string; title: string; text: string };
const page = (name: string) => `chrome-extension://${EXTENSION_ID}/${name}.html`;

describe('the prompt kit in the options page', { timeout: 60_000 }, () => {
  it('words a prompt anew, and the side panel shows it at once', async () => {
    const panel = await env.ext.context.newPage();
    const options = await env.ext.context.newPage();
    try {
      await panel.goto(page('sidepanel'));
      const shown = panel.getByText(first.text.split('\n')[0]!, { exact: false });
      await expect.poll(() => shown.count()).toBeGreaterThan(0);

      await options.goto(page('options'));
      const kit = options.getByRole('region', { name: 'The prompt kit' });
      await kit.getByRole('button', { name: `Change wording of “${first.title}”` }).click();
      const form = kit.getByRole('form', { name: `Wording of “${first.title}”` });
      await form.getByLabel('Text', { exact: false }).fill('Ask what would help today feel safe.');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => options.getByRole('status').textContent())
        .toBe(`“${first.title}” has your wording now.`);

      // The panel, already open, follows.
      await expect
        .poll(() => panel.getByText('Ask what would help today feel safe.').count(), {
          timeout: 15_000,
        })
        .toBe(1);
      await kit.getByRole('button', { name: `Restore “${first.title}”` }).click();
      await expect
        .poll(() => panel.getByText('Ask what would help today feel safe.').count(), {
          timeout: 15_000,
        })
        .toBe(0);
    } finally {
      await options.close();
      await panel.close();
    }
  });
});
