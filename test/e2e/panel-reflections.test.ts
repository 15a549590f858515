// The side panel's reflections on the letter beside it, in real Chromium with the built-in
// lexicon and kit: worked out from the field last written in (read through the background from
// that frame's content script), changing as the letter changes and as another field is focused,
// each hideable, and the flag summary's buttons showing each flag in its field with its card.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { cardText, caretContext, modelText, openFixture } from './editor-scenario.ts';
import { resetSettings, serviceWorker } from './content-helpers.ts';
import { inPanel, openSidePanel } from './side-panel-driver.ts';

const TO_GP = [
  'Dear Dr Patel,',
  '',
  'Thank you for referring Mr Jones, whom I saw in clinic today. He claims the pain began in March, and he has been non-compliant with his exercises. We talked through his scan results and agreed that he will try a lower dose of his medication.',
  '',
  'Yours sincerely,',
  'Dr Lee',
].join('\n');

const NOTE =
  'Reviewed in clinic. Low back pain for six weeks, worse on bending and after long drives. He claims the exercises make it worse. Plan: continue the current medication and review in four weeks.';

const WAY_BACK = ' He can contact us on 01632 960000 if things change.';

let driver: Page | undefined;

const env = useBrowserSession(async (ext) => {
  await resetSettings(ext);
  driver = await openSidePanel(ext, '.reflections');
});

interface PanelLetter {
  /** The reflections shown, by id, in order. */
  shown: string[];
  /** The flag summary's buttons, by their words. */
  flags: string[];
  where: string;
  empty: string;
  status: string;
}

const panel = (): Promise<PanelLetter | undefined> =>
  inPanel(
    driver!,
    (doc) => ({
      shown: [...doc.querySelectorAll<HTMLElement>('.reflection')].map(
        (li) => li.dataset.reflection ?? '',
      ),
      flags: [...doc.querySelectorAll('.flag-link')].map((b) => b.textContent ?? ''),
      where: doc.querySelector('.letter-where')?.textContent ?? '',
      empty: doc.querySelector('.reflections .empty')?.textContent ?? '',
      status: doc.querySelector('.status')?.textContent ?? '',
    }),
    null,
  );

/** Clicks a button in the panel found by a selector and, optionally, its text. */
const click = (selector: string, text?: string) =>
  inPanel(
    driver!,
    (doc, { selector, text }) => {
      const button = [...doc.querySelectorAll<HTMLButtonElement>(selector)].find(
        (b) => text === undefined || b.textContent === text,
      );
      button?.click();
      return button !== undefined;
    },
    { selector, text },
  );

/** Opens a fixture and writes `text` into its field (typing it, as a clinician would). */
async function write(page: Page, fixture: string, text: string): Promise<Frame> {
  const frame = await openFixture(page, `${env.server.url}/${fixture}.html`);
  await frame.locator('[data-testid="field"]').first().click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  for (const [k, line] of text.split('\n').entries()) {
    if (k > 0) await page.keyboard.press('Enter');
    if (line) await page.keyboard.insertText(line);
  }
  return frame;
}

describe('the side panel reflects on the letter beside it', () => {
  it('shows the reflections for a letter to the GP, and drops "way back in" once one is written', async () => {
    await env.withPage(async (page) => {
      const frame = await write(page, 'textarea', TO_GP);
      await expect.poll(panel, { timeout: 15_000 }).toMatchObject({
        shown: ['way-back-in', 'social-context', 'flag-summary'],
        flags: ['“claims”', '“non-compliant with”'],
      });
      expect((await panel())!.where).toMatch(/read as a letter to a GP or colleague\.$/);

      // The letter changes; the panel follows without being touched.
      await frame.locator('[data-testid="field"]').press('Control+End');
      await page.keyboard.insertText(WAY_BACK);
      await expect
        .poll(async () => (await panel())?.shown, { timeout: 15_000 })
        .toEqual(['social-context', 'flag-summary']);
    });
  });

  it('shows a flag from the summary in its field: caret at its start, its card open', async () => {
    await env.withPage(async (page) => {
      const frame = await write(page, 'textarea', TO_GP);
      await expect
        .poll(async () => (await panel())?.flags, { timeout: 15_000 })
        .toContain('“non-compliant with”');
      expect(await click('.flag-link', '“non-compliant with”')).toBe(true);
      await expect
        .poll(() => caretContext(frame))
        .toEqual({ before: expect.stringMatching(/he has been $/), collapsed: true });
      await expect.poll(() => cardText(frame)).toMatch(/./);
      expect((await panel())!.status).toBe(
        'Shown in your letter, with its card. Press F6 to go back to the letter.',
      );
      // Showing it changed nothing of the letter.
      expect(await modelText(page)).toBe(TO_GP);
    });
  });

  it('does the same in CKEditor 5', async () => {
    await env.withPage(async (page) => {
      const frame = await write(page, 'ckeditor5', TO_GP);
      await expect
        .poll(async () => (await panel())?.flags, { timeout: 15_000 })
        .toEqual(['“claims”', '“non-compliant with”']);
      expect(await click('.flag-link', '“claims”')).toBe(true);
      await expect
        .poll(() => caretContext(frame))
        .toEqual({ before: expect.stringMatching(/today\. He $/), collapsed: true });
      await expect.poll(() => cardText(frame)).toMatch(/./);
    });
  });

  it('leaves "way back in" out for a clinical note', async () => {
    await env.withPage(async (page) => {
      await write(page, 'textarea', NOTE);
      await expect
        .poll(panel, { timeout: 15_000 })
        .toMatchObject({ shown: ['social-context', 'flag-summary'], flags: ['“claims”'] });
      expect((await panel())!.where).toMatch(/read as a clinical note/);
    });
  });

  it('hides a reflection until it is shown again, keeping only its id', async () => {
    await env.withPage(async (page) => {
      await write(page, 'textarea', TO_GP);
      await expect
        .poll(async () => (await panel())?.shown, { timeout: 15_000 })
        .toEqual(['way-back-in', 'social-context', 'flag-summary']);
      expect(
        await click('[data-reflection="social-context"] [data-action="hide-reflection"]'),
      ).toBe(true);
      await expect
        .poll(async () => (await panel())?.shown)
        .toEqual(['way-back-in', 'flag-summary']);
      const worker = await serviceWorker(env.ext);
      const stored = await worker.evaluate(() =>
        (
          globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
        ).chrome.storage.local.get('hiddenReflections'),
      );
      expect(stored).toEqual({ hiddenReflections: ['social-context'] });

      expect(await click('.hidden-note button')).toBe(true);
      await expect
        .poll(async () => (await panel())?.shown)
        .toEqual(['way-back-in', 'social-context', 'flag-summary']);
    });
  });

  it('follows the tab shown beside it, and says when no field there was written in', async () => {
    await env.withPage(async (letter) => {
      await write(letter, 'textarea', TO_GP);
      await expect
        .poll(async () => (await panel())?.shown, { timeout: 15_000 })
        .toEqual(['way-back-in', 'social-context', 'flag-summary']);

      const other = await env.ext.context.newPage();
      try {
        await openFixture(other, `${env.server.url}/textarea.html`);
        await expect
          .poll(async () => (await panel())?.empty, { timeout: 15_000 })
          .toBe('Click in the letter you are writing, and reflections on it appear here.');
        await write(other, 'textarea', NOTE);
        await expect
          .poll(async () => (await panel())?.shown, { timeout: 15_000 })
          .toEqual(['social-context', 'flag-summary']);

        // Back to the letter's tab: the panel reads that letter again.
        await letter.bringToFront();
        await expect
          .poll(async () => (await panel())?.shown, { timeout: 15_000 })
          .toEqual(['way-back-in', 'social-context', 'flag-summary']);
      } finally {
        await other.close();
      }
    });
  });
});
