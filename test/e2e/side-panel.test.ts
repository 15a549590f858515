// The prompt kit's side panel in real Chromium (opened as side-panel-driver.ts says), its Insert
// going the real way: panel → background → the content script of the frame whose field was
// focused last → the editor, as one undo step, with Tab through the scaffold's {gaps}.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { resetSettings, serviceWorker } from './content-helpers.ts';
import { SETTLE_MS, modelText, openFixture, selectedText } from './editor-scenario.ts';
import type { LoadedExtension } from './launch-extension.ts';
import { inPanel, openSidePanel } from './side-panel-driver.ts';

const FIRST = 'Thank you for seeing {name} today.';
const SECOND = 'We agreed {plan}.';
const SCAFFOLD = `${FIRST}\n\n${SECOND}`;
const ONE_LINE = 'What matters to you about {topic}?';

/** A kit of the test's own, as the clinician's personal layer, whatever the built-in kit holds. */
const PERSONAL = {
  name: 'Side panel test',
  version: '1',
  entries: [],
  disable: [],
  prompts: {
    sections: [{ id: 'e2e-letters', title: 'Test letters' }],
    items: [
      {
        id: 'e2e-two-paragraphs',
        section: 'e2e-letters',
        kind: 'scaffold',
        title: 'Two paragraphs',
        text: SCAFFOLD,
      },
      {
        id: 'e2e-one-line',
        section: 'e2e-letters',
        kind: 'question',
        title: 'One line',
        text: ONE_LINE,
      },
    ],
  },
};

/**
 * The scaffold as the editors store it: two paragraphs of their own, after "Dear Sam,". TinyMCE
 * puts pasted paragraphs before the empty one the caret was in, and keeps that one.
 */
const PARAGRAPHS =
  /<p>[^<]*Dear Sam,<\/p>\s*<p>Thank you for seeing \{name\} today\.<\/p>\s*<p>We agreed \{plan\}\.<\/p>(\s*<p>&nbsp;<\/p>)?$/;

type EditorWindow = Window & {
  editor: { getData(): string };
  tinymce: { activeEditor: { getContent(): string } };
};

let driver: Page | undefined;

async function prepare(ext: LoadedExtension): Promise<void> {
  await resetSettings(ext);
  const worker = await serviceWorker(ext);
  await worker.evaluate(
    (personalLexicon) =>
      (
        globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
      ).chrome.storage.local.set({ personalLexicon }),
    PERSONAL,
  );
  driver = await openSidePanel(ext, INSERT);
}

const env = useBrowserSession(prepare);

const INSERT = '[data-item="e2e-two-paragraphs"] [data-action="insert"]';

type PanelAsk = 'insert' | 'insert-one-line' | 'status' | 'print';

/** Something done in the side panel's own page. */
function ask(what: PanelAsk): Promise<unknown> {
  if (!driver) throw new Error('no driver tab');
  return inPanel(
    driver,
    (doc, { what, insert }) => {
      if (what !== 'status') {
        const button = {
          insert,
          'insert-one-line': '[data-item="e2e-one-line"] [data-action="insert"]',
          print: '[data-action="print-kit"]',
        }[what];
        doc.querySelector<HTMLButtonElement>(button)!.click();
        return true;
      }
      return doc.querySelector('.status')?.textContent ?? '';
    },
    { what, insert: INSERT },
  );
}

/**
 * Types a line into the fixture's field and a line break after it, inserts the scaffold from the
 * side panel, and checks it went in at the caret as paragraphs (lines in a textarea), its first
 * gap selected; Tab selects the second; one Ctrl+Z gives back exactly the text before.
 */
async function insertScaffold(
  page: Page,
  name: string,
  joined: string,
  html?: { read: () => string; holds: RegExp },
): Promise<void> {
  const frame = await openFixture(page, `${env.server.url}/${name}.html`);
  await frame.locator('[data-testid="field"]').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Dear Sam,');
  await page.keyboard.press('Enter');
  await expect.poll(() => modelText(page)).toContain('Dear Sam,');
  const before = await modelText(page);
  // The letter up to the empty line the caret is on (some editors' text counts that line).
  const letter = before.replace(/\n$/, '');
  // A person pauses before turning to the panel; editors that group by time end the step there.
  await page.waitForTimeout(SETTLE_MS[name] ?? 0);

  await ask('insert');
  await expect
    .poll(() => modelText(page), { timeout: 15_000 })
    .toBe(`${letter}\n${FIRST}${joined}${SECOND}`);
  await expect
    .poll(() => ask('status'))
    .toBe(
      'Inserted, with its first gap selected. Press F6 to go back to your letter; Tab moves to the next gap.',
    );
  await expect.poll(() => selectedText(frame)).toBe('{name}');
  // Paragraphs of the editor's own, not line breaks inside one.
  if (html) expect(await page.evaluate(html.read)).toMatch(html.holds);

  await page.keyboard.press('Tab');
  await expect.poll(() => selectedText(frame)).toBe('{plan}');
  expect(await modelText(page)).toBe(`${letter}\n${FIRST}${joined}${SECOND}`);

  await page.keyboard.press('Control+z');
  await expect.poll(() => modelText(page)).toBe(before);
}

describe('the side panel, in Chromium with the extension', () => {
  it('inserts a two-paragraph scaffold into a textarea as lines, Tab to its second gap, one undo', async () => {
    await env.withPage((page) => insertScaffold(page, 'textarea', '\n\n'));
  });

  it('inserts it into CKEditor 5 as two paragraphs, Tab to its second gap, one undo', async () => {
    await env.withPage((page) =>
      insertScaffold(page, 'ckeditor5', '\n', {
        read: () => (window as unknown as EditorWindow).editor.getData(),
        holds: PARAGRAPHS,
      }),
    );
  });

  it('inserts it into TinyMCE (iframe) as two paragraphs, Tab to its second gap, one undo', async () => {
    await env.withPage((page) =>
      insertScaffold(page, 'tinymce-iframe', '\n', {
        read: () => (window as unknown as EditorWindow).tinymce.activeEditor.getContent(),
        holds: PARAGRAPHS,
      }),
    );
  });

  // The other editors Alongside supports, each through its own model: paragraphs of its own.
  it.each(['contenteditable', 'tinymce-inline', 'quill', 'tiptap'])(
    'inserts it into %s as paragraphs, Tab to its second gap, one undo',
    async (name) => {
      await env.withPage((page) => insertScaffold(page, name, '\n'));
    },
  );

  it('inserts it into a React-controlled text box as lines, Tab to its second gap, one undo', async () => {
    await env.withPage((page) => insertScaffold(page, 'react', '\n\n'));
  });

  // One paragraph goes in as a suggestion is applied: on the empty line the caret is on.
  it.each(['contenteditable', 'ckeditor5', 'quill', 'tiptap'])(
    'inserts a one-line prompt into %s on the empty line after Enter, one undo',
    async (name) => {
      await env.withPage(async (page) => {
        const frame = await openFixture(page, `${env.server.url}/${name}.html`);
        await frame.locator('[data-testid="field"]').first().click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type(' Dear Sam,');
        await page.keyboard.press('Enter');
        await expect.poll(() => modelText(page)).toContain('Dear Sam,');
        const before = await modelText(page);
        await page.waitForTimeout(SETTLE_MS[name] ?? 0);
        await ask('insert-one-line');
        await expect
          .poll(() => modelText(page), { timeout: 15_000 })
          .toBe(`${before.replace(/\n$/, '')}\n${ONE_LINE}`);
        await expect.poll(() => selectedText(frame)).toBe('{topic}');
        await page.keyboard.press('Control+z');
        await expect.poll(() => modelText(page)).toBe(before);
      });
    },
  );

  it('inserts it into a one-line input as one line, Tab to its second gap, one undo', async () => {
    await env.withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/input.html`);
      await frame.locator('[data-testid="field"]').click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Seen today.');
      const before = await modelText(page);
      await ask('insert');
      await expect
        .poll(() => modelText(page), { timeout: 15_000 })
        .toBe(`${before}${FIRST} ${SECOND}`);
      await expect.poll(() => selectedText(frame)).toBe('{name}');
      await page.keyboard.press('Tab');
      await expect.poll(() => selectedText(frame)).toBe('{plan}');
      await page.keyboard.press('Control+z');
      await expect.poll(() => modelText(page)).toBe(before);
    });
  });

  it('says in one line when no field in the tab was focused', async () => {
    await env.withPage(async (page) => {
      await openFixture(page, `${env.server.url}/textarea.html`);
      await ask('insert');
      await expect
        .poll(() => ask('status'), { timeout: 15_000 })
        .toBe('No field to insert into: click where you are writing, then Insert again.');
    });
  });

  it('says in one line when the field is gone', async () => {
    await env.withPage(async (page) => {
      await openFixture(page, `${env.server.url}/textarea.html`);
      const field = page.locator('[data-testid="field"]');
      await field.click();
      await page.keyboard.type(' Seen.');
      await field.evaluate((el) => el.remove());
      await ask('insert');
      await expect
        .poll(() => ask('status'), { timeout: 15_000 })
        .toBe('The field you were writing in is no longer there: click in it, then Insert again.');
    });
  });

  it('opens the kit in force as a page to print, its own prompt in it, loading nothing', async () => {
    // Every request in the browser from the click on, the page's own load included.
    const requested: string[] = [];
    const note = (request: { url(): string }) => requested.push(request.url());
    env.ext.context.on('request', note);
    const opened = env.ext.context.waitForEvent('page');
    await ask('print');
    const page = await opened;
    try {
      await page.waitForLoadState('load');
      expect(page.url()).toMatch(/^blob:chrome-extension:\/\//);
      expect(await page.locator('h1').first().textContent()).toBe('Alongside prompt kit');
      // The clinician's own prompt, with its gaps, in the full kit.
      await expect.poll(() => page.getByText('Two paragraphs').count()).toBeGreaterThan(0);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(requested.filter((url) => url !== page.url())).toEqual([]);
      expect(await ask('status')).toBe(
        'The kit is open as a page in a new tab: print it from there.',
      );
    } finally {
      env.ext.context.off('request', note);
      await page.close();
    }
  });
});
