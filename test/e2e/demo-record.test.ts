// The demo record a trainer shows, loaded in Chromium with the extension: the sample letters in a
// plain text box, CKEditor 5 and TinyMCE are each flagged where the clinician writes, and so is
// the notes tab; the clinic list changes the letter. Served as `npm start` serves it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_LETTERS } from '../../components/playground/sample-letters.ts';
import { compile, defaultLexicon } from '../../core/index.ts';
import { buildDemo } from '../../scripts/build-demo.ts';
import { useBrowserSession } from './browser-session.ts';
import { flagCount, highlightedTexts } from './content-helpers.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const env = useBrowserSession();
const dir = mkdtempSync(join(tmpdir(), 'alongside-record-'));
let record: FixtureServer;
beforeAll(async () => {
  const playground = await buildDemo(dir);
  record = await startFixtureServer({
    root: join(ROOT, 'demo/record'),
    files: { '/playground.html': playground },
  });
}, 60_000);
afterAll(async () => {
  await record?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openRecord(page: Page): Promise<void> {
  await page.goto(`${record.url}/`);
  await page.waitForFunction(() => (window as Window & { demoReady?: unknown }).demoReady);
  await page.evaluate(() => (window as Window & { demoReady?: Promise<void> }).demoReady);
}

const matcher = compile([defaultLexicon()]);

describe('the demo record, in Chromium with the extension', () => {
  it('flags the letter in the plain text box, and the note in the notes tab', async () => {
    await env.withPage(async (page) => {
      await openRecord(page);
      expect(await page.locator('#letter-textarea').inputValue()).toBe(SAMPLE_LETTERS[0]!.before);
      await expect.poll(() => flagCount(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
      await page.getByRole('tab', { name: 'Notes' }).click();
      await expect.poll(() => page.locator('#notes').isVisible()).toBe(true);
      // The clinic list: another person, another letter and note.
      await page.getByRole('button', { name: /Darren Holloway/ }).click();
      await expect
        .poll(() => page.locator('#notes').inputValue())
        .toContain('Does not fit our criteria');
      await page.locator('#notes').click();
      // Only the note's flags are drawn now: the letter's tab is hidden.
      const note = await page.locator('#notes').inputValue();
      const expected = matcher.find(note).length;
      expect(expected).toBeGreaterThan(0);
      await expect.poll(() => flagCount(page), { timeout: 15_000 }).toBe(expected);
    });
  });

  it('flags the letter in CKEditor 5, in the editor itself', async () => {
    await env.withPage(async (page) => {
      await openRecord(page);
      await page.locator('#editor-choice').selectOption('ckeditor5');
      const expected = matcher
        .find(SAMPLE_LETTERS[0]!.before, { documentKind: 'letter-to-gp' })
        .map((f) => f.match);
      await expect
        .poll(() => highlightedTexts(page), { timeout: 15_000 })
        .toEqual(expect.arrayContaining(expected.filter((m) => !m.includes('\n')).slice(0, 2)));
    });
  });

  it('flags the letter in TinyMCE, inside its frame', async () => {
    await env.withPage(async (page) => {
      await openRecord(page);
      await page.locator('#editor-choice').selectOption('tinymce');
      const frame: Frame = (await (await page
        .locator('#letter-tinymce_ifr')
        .elementHandle())!.contentFrame())!;
      await expect.poll(() => flagCount(frame), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    });
  });

  it('shows the rewritten letter, and links the playground, which runs on its own', async () => {
    await env.withPage(async (page) => {
      await openRecord(page);
      await page.getByRole('button', { name: 'Show the letter rewritten' }).click();
      expect(await page.locator('#after-text').textContent()).toBe(SAMPLE_LETTERS[0]!.after);
      await page.getByRole('link', { name: 'Open the playground' }).click();
      await expect
        .poll(() => page.locator('p.count').textContent(), { timeout: 15_000 })
        .toMatch(/^\d+ suggestions$/);
    });
  });
});
