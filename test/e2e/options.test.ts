// The options page in real Chromium: the lexicon in force as a searchable table, switching an
// entry off and on from it, and the personal allow-list, each reaching an already-open tab
// without a reload.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../core/index.ts';
import { useBrowserSession } from './browser-session.ts';
import {
  DEFAULTS,
  markBoxes,
  readStoredSettings,
  resetSettings,
  writeStoredSettings,
} from './content-helpers.ts';
import { cardText, openFixture } from './editor-scenario.ts';
import { EXTENSION_ID } from './launch-extension.ts';

const env = useBrowserSession(async (ext) => {
  await resetSettings(ext);
  const sw = ext.context.serviceWorkers()[0]!;
  await sw.evaluate(() =>
    (
      globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
    ).chrome.storage.local.remove('personalLexicon'),
  );
});

const OPTIONS = `chrome-extension://${EXTENSION_ID}/options.html`;

/** Takes the personal layer away, as the session starts: a test that changes it cleans up. */
const forgetPersonalLayer = () =>
  env.ext.context
    .serviceWorkers()[0]!
    .evaluate(() =>
      (
        globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
      ).chrome.storage.local.remove('personalLexicon'),
    );

/** A tab with a flagged note open, typed into as a clinician would. */
async function openNote(page: Page, text: string) {
  const frame = await openFixture(page, `${env.server.url}/textarea.html`);
  await frame.locator('textarea').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

// Each change is compiled by the background (most of a second, more on a busy machine), and a
// test makes several.
describe('the options page', { timeout: 60_000 }, () => {
  it('switches an entry off and on again, and an open tab follows without a reload', async () => {
    await env.withPage(async (note) => {
      await openNote(note, ' She claims it hurts.');
      await expect.poll(async () => (await markBoxes(note)).length).toBe(1);

      const options = await env.ext.context.newPage();
      try {
        await options.goto(OPTIONS);
        await options.getByLabel('Search', { exact: true }).fill('claims doubting');
        const row = options.locator('tr[data-entry="claims"]');
        await expect.poll(() => row.count()).toBe(1);
        expect(await row.locator('td').nth(3).textContent()).toContain('Built-in');

        await row.getByRole('button', { name: 'Switch off claims' }).click();
        await expect
          .poll(() => options.getByRole('status').textContent())
          .toBe('“claims” is switched off.');
        await expect.poll(() => row.textContent()).toContain('switched off');
        // The open note loses its flag: the background compiled the new layer.
        await expect.poll(async () => (await markBoxes(note)).length, { timeout: 15_000 }).toBe(0);

        await row.getByRole('button', { name: 'Switch on claims' }).click();
        await expect.poll(async () => (await markBoxes(note)).length, { timeout: 15_000 }).toBe(1);
        await expect.poll(() => row.textContent()).not.toContain('switched off');
      } finally {
        await options.close();
      }
    });
  });

  it('shows the phrases ignored everywhere, and stops ignoring one', async () => {
    await writeStoredSettings(env.ext, { ...DEFAULTS, personalAllow: ['refused'] });
    try {
      await env.withPage(async (note) => {
        await openNote(note, ' He refused the scan.');
        const options = await env.ext.context.newPage();
        try {
          await options.goto(OPTIONS);
          const button = options.getByRole('button', { name: 'Stop ignoring “refused”' });
          await expect.poll(() => button.count()).toBe(1);
          expect(await markBoxes(note)).toHaveLength(0);
          await button.click();
          await expect
            .poll(async () => (await markBoxes(note)).length, { timeout: 15_000 })
            .toBe(1);
          await expect
            .poll(() => options.getByRole('status').textContent())
            .toBe('“refused” is flagged again.');
          // The kind assumed for a field that does not say, as a setting of its own.
          await options
            .getByLabel('When a field does not say what it is, read it as')
            .selectOption('letter-to-patient');
          await expect
            .poll(async () => (await readStoredSettings(env.ext))?.whenUnsure)
            .toBe('letter-to-patient');
        } finally {
          await options.close();
        }
      });
    } finally {
      await writeStoredSettings(env.ext, DEFAULTS);
    }
  });

  it('adds an entry of one’s own, tried live before saving, and an open tab flags it', async () => {
    await env.withPage(async (note) => {
      await openNote(note, ' She failed the programme.');
      const options = await env.ext.context.newPage();
      try {
        await options.goto(OPTIONS);
        await options.getByRole('button', { name: 'Add an entry of your own' }).click();
        await options.getByLabel('Id (lower case and hyphens)').fill('mine-failed-programme');
        await options.getByLabel('Phrases to flag (one a line)').fill('failed the programme');
        await options
          .getByLabel('Alternatives (one a line)')
          .fill('did not find the programme a fit');
        await options.getByLabel('A sentence it should flag').fill('He failed the programme.');
        await options
          .getByLabel('A sentence it should leave alone')
          .fill('He finished the programme.');
        // The live test shows what it flags and the sentence the alternative leaves.
        const trials = options.locator('.trials');
        await expect
          .poll(() => trials.textContent())
          .toContain('Flag example: flags “failed the programme” (as it should)');
        expect(await trials.locator('.corrected').first().textContent()).toBe(
          'He did not find the programme a fit.',
        );
        // Not saved without a message: the status names the field.
        await options.getByRole('button', { name: 'Save' }).click();
        await expect
          .poll(() => options.getByRole('status').textContent())
          .toBe('Not saved: “mine-failed-programme”: message must not be empty');
        await expect.poll(async () => (await markBoxes(note)).length).toBe(0);

        await options
          .getByLabel('Message (one short, calm line)')
          .fill('May put the outcome on the person.');
        await options
          .getByLabel('Why it may land badly')
          .fill('Failing a programme puts the outcome on the person.');
        await options.getByLabel('Source', { exact: true }).selectOption('aomrc-please-write-2018');
        await options.getByRole('button', { name: 'Save' }).click();
        await expect
          .poll(() => options.getByRole('status').textContent())
          .toBe('“mine-failed-programme” is saved.');
        await expect.poll(async () => (await markBoxes(note)).length, { timeout: 15_000 }).toBe(1);
        const row = options.locator('tr[data-entry="mine-failed-programme"]');
        expect(await row.locator('td').nth(3).textContent()).toContain('Yours');

        await row.getByRole('button', { name: 'Delete mine-failed-programme' }).click();
        await expect.poll(async () => (await markBoxes(note)).length, { timeout: 15_000 }).toBe(0);
      } finally {
        await options.close();
      }
    });
  });

  it('imports a layer from a file after showing what it changes, and refuses a broken one whole', async () => {
    const layer = {
      name: 'Imported',
      version: '1',
      entries: [
        { id: 'claims', severity: 'info' },
        {
          id: 'mine-ward-regular',
          category: 'credibility',
          severity: 'warn',
          phrases: ['[is a] ward seven regular'],
          message: 'A label for someone who comes often, not their need.',
          why: 'Local shorthand for a person who comes often names them by their visits, not by what they need.',
          sources: ['aomrc-please-write-2018'],
          alternatives: ['has come to us often'],
          examples: {
            flag: [
              {
                text: 'He is a ward seven regular.',
                corrections: ['He has come to us often.'],
              },
            ],
            pass: ['He is on ward seven.'],
          },
        },
      ],
    };
    await env.withPage(async (note) => {
      await openNote(note, ' She is a ward seven regular.');
      const options = await env.ext.context.newPage();
      try {
        await options.goto(OPTIONS);
        const input = options.getByLabel('Import my changes from a file (JSON or CSV)');

        // A broken sheet: every problem with its row and column, and nothing changed.
        await input.setInputFiles({
          name: 'ours.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from('id,severity\n#name,Ours\n#version,1\nclaims,high\n'),
        });
        const preview = options.getByRole('region', { name: 'What the import would change' });
        await expect
          .poll(() => preview.locator('.errors').textContent())
          .toContain('row 4, severity: expected one of "info", "suggest" or "warn", not "high"');
        await preview.getByRole('button', { name: 'Close' }).click();

        await input.setInputFiles({
          name: 'ours.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(layer)),
        });
        await expect
          .poll(() => preview.locator('.summary').textContent())
          .toMatch(/^2 added, 0 changed, 0 removed\./);
        // Nothing is stored before the import is applied.
        expect(await markBoxes(note)).toHaveLength(0);
        await preview.getByRole('button', { name: 'Apply the import' }).click();
        await expect
          .poll(() => options.getByRole('status').textContent())
          .toBe('The import is applied.');
        await expect.poll(async () => (await markBoxes(note)).length, { timeout: 15_000 }).toBe(1);
        const row = options.locator('tr[data-entry="mine-ward-regular"]');
        await expect.poll(() => row.count()).toBe(1);
        await row.getByRole('button', { name: 'Delete mine-ward-regular' }).click();
        await expect.poll(async () => (await markBoxes(note)).length, { timeout: 15_000 }).toBe(0);
      } finally {
        await options.close();
      }
    });
  });

  it('shows what an imported file holds as text, never as markup', async () => {
    const hostile = '<img src=x onerror="document.title=1">';
    const layer = {
      name: hostile,
      version: '1',
      entries: [{ id: 'claims', severity: 'info', message: `${hostile} javascript:alert(1)` }],
    };
    const options = await env.ext.context.newPage();
    try {
      await options.goto(OPTIONS);
      const input = options.getByLabel('Import my changes from a file (JSON or CSV)');
      await input.setInputFiles({
        name: `${hostile}.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(layer)),
      });
      const preview = options.getByRole('region', { name: 'What the import would change' });
      await expect.poll(() => preview.locator('h3').textContent()).toBe(`${hostile}.json`);
      await preview.getByRole('button', { name: 'Apply the import' }).click();
      const row = options.locator('tr[data-entry="claims"]');
      await expect.poll(() => row.locator('td').nth(1).textContent()).toContain(hostile);
      expect(await options.locator('main img').count()).toBe(0);
      expect(await options.title()).toBe('Alongside options');
      await row.getByRole('button', { name: 'Restore claims' }).click();
      await expect.poll(() => row.locator('td').nth(1).textContent()).not.toContain(hostile);
    } finally {
      await options.close();
    }
  });

  it('shows what an imported spreadsheet holds as text, never as markup', async () => {
    const hostile = '<img src=x onerror="document.title=1">';
    const csv = [
      'id,severity,message,why',
      `#name,"${hostile.replace(/"/g, '""')}"`,
      '#version,1',
      `claims,info,"${hostile.replace(/"/g, '""')} javascript:alert(1)","<b>Why</b> javascript:alert(2)"`,
    ].join('\n');
    const options = await env.ext.context.newPage();
    try {
      await options.goto(OPTIONS);
      const input = options.getByLabel('Import my changes from a file (JSON or CSV)');
      await input.setInputFiles({
        name: 'hostile.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      const preview = options.getByRole('region', { name: 'What the import would change' });
      // Added to the personal layer: a patch of the built-in entry of that id.
      await expect.poll(() => preview.textContent()).toMatch(/1 added, 0 changed/);
      await preview.getByRole('button', { name: 'Apply the import' }).click();
      const row = options.locator('tr[data-entry="claims"]');
      await expect.poll(() => row.locator('td').nth(1).textContent()).toContain(hostile);
      // The preview and the table show it as written; no element of it was made.
      expect(await options.locator('main img, main b').count()).toBe(0);
      expect(await options.title()).toBe('Alongside options');
      await row.getByRole('button', { name: 'Restore claims' }).click();
      await expect.poll(() => row.locator('td').nth(1).textContent()).not.toContain(hostile);
    } finally {
      await options.close();
    }
  });

  it('puts the last good settings back when a stored value is corrupted, and says so', async () => {
    await writeStoredSettings(env.ext, { ...DEFAULTS, minSeverity: 'warn' });
    await expect
      .poll(() =>
        env.ext.context.serviceWorkers()[0]!.evaluate(async () => {
          const chrome = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser })
            .chrome;
          return (await chrome.storage.local.get('settingsLastGood')).settingsLastGood;
        }),
      )
      .toEqual({ ...DEFAULTS, minSeverity: 'warn' });
    // Another program (or a broken sync) writes something that is not settings.
    await env.ext.context
      .serviceWorkers()[0]!
      .evaluate(() =>
        (
          globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
        ).chrome.storage.local.set({ settings: { enabled: 'perhaps', minSeverity: 'loud' } }),
      );
    await expect
      .poll(async () => readStoredSettings(env.ext))
      .toEqual({ ...DEFAULTS, minSeverity: 'warn' });
    const options = await env.ext.context.newPage();
    try {
      await options.goto(OPTIONS);
      await expect
        .poll(() => options.locator('section.problems').textContent())
        .toContain('the stored settings were not valid (enabled: ');
    } finally {
      await options.close();
      await writeStoredSettings(env.ext, DEFAULTS);
    }
  });
  it('changes a built-in entry’s message, and the card in an open tab says it at once', async () => {
    const claims = defaultLexicon().entries.find((e) => e.id === 'claims')!;
    const mine = 'May sound as though you doubt what she told you.';
    /** The card Alt+Enter opens on the note's flag, read and closed again. */
    const cardOnce = async (note: Page) => {
      await note.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(note.mainFrame())).toContain('“claims”');
      const text = await cardText(note.mainFrame());
      await note.keyboard.press('Escape');
      return text;
    };
    try {
      await env.withPage(async (note) => {
        await openNote(note, ' She claims it hurts.');
        await expect.poll(async () => (await markBoxes(note)).length).toBe(1);
        expect(await cardOnce(note)).toContain(claims.message);

        const options = await env.ext.context.newPage();
        try {
          await options.goto(OPTIONS);
          const row = options.locator('tr[data-entry="claims"]');
          await row.getByRole('button', { name: 'Change wording of claims' }).click();
          const form = options.getByRole('form', { name: 'Wording of “claims”' });
          const message = form.getByLabel('Message (one short, calm line)');
          expect(await message.inputValue()).toBe(claims.message);
          await message.fill(mine);
          await form.getByRole('button', { name: 'Save' }).click();
          await expect
            .poll(() => options.getByRole('status').textContent())
            .toBe('“claims” has your wording now.');
          await expect.poll(() => row.locator('td').nth(1).textContent()).toBe(mine);

          // The open note was not reloaded: its card reads the new message once compiled.
          await expect.poll(() => cardOnce(note), { timeout: 15_000 }).toContain(mine);

          await row.getByRole('button', { name: 'Restore claims' }).click();
          await expect.poll(() => row.locator('td').nth(1).textContent()).toBe(claims.message);
          await expect.poll(() => cardOnce(note), { timeout: 15_000 }).toContain(claims.message);
        } finally {
          await options.close();
        }
      });
    } finally {
      await forgetPersonalLayer();
    }
  });

  it('filters the table by category, and counts what it shows', async () => {
    const entries = defaultLexicon().entries;
    const category = 'credibility';
    const expected = entries.filter((e) => e.category === category).map((e) => e.id);
    expect(expected.length).toBeGreaterThan(0);
    const options = await env.ext.context.newPage();
    try {
      await options.goto(OPTIONS);
      const count = options.locator('p.count');
      await expect
        .poll(() => count.textContent())
        .toBe(`${entries.length} of ${entries.length} entries`);
      await options.getByLabel('Category').selectOption(category);
      await expect
        .poll(() => count.textContent())
        .toBe(`${expected.length} of ${entries.length} entries`);
      // Every row shown is of that category, and every entry of it is shown.
      const shown = await options
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry')));
      expect(shown.sort()).toEqual([...expected].sort());
    } finally {
      await options.close();
    }
  });
});
