// The prompt kit's side panel in real Chromium: the real side panel, opened by chrome.sidePanel.open
// as a click would (Playwright cannot click the toolbar), its Insert going the real way: panel →
// background → the content script of the frame whose field was focused last → the editor, as one
// undo step, with Tab through the scaffold's {gaps}. Playwright cannot reach into the side panel,
// so a tab of the extension's own (the options page) drives its page through the extension's
// views; the clicks there are the panel's own button handlers.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { resetSettings, serviceWorker } from './content-helpers.ts';
import { modelText, openFixture, selectedText } from './editor-scenario.ts';
import { EXTENSION_ID, type LoadedExtension } from './launch-extension.ts';

const FIRST = 'Thank you for seeing {name} today.';
const SECOND = 'We agreed {plan}.';
const SCAFFOLD = `${FIRST}\n\n${SECOND}`;

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
  // An extension tab to open the side panel from and to reach into it; pages opened after it are
  // the active tab beside the panel.
  driver = await ext.context.newPage();
  await driver.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  const cdp = await ext.context.newCDPSession(driver);
  // As a click on a button would: sidePanel.open needs a user gesture.
  await cdp.send('Runtime.evaluate', {
    expression: `chrome.windows.getCurrent().then((w) => chrome.sidePanel.open({ windowId: w.id }))`,
    awaitPromise: true,
    userGesture: true,
  });
  // The panel reads the kit in force as it opens (expect.poll is for tests, not hooks).
  for (let k = 0; k < 150 && (await inPanel('has-prompt')) !== true; k++) {
    await new Promise((done) => setTimeout(done, 100));
  }
}

const env = useBrowserSession(prepare);

type PanelAsk = 'has-prompt' | 'insert' | 'status';

/** Something done in the side panel's own page, found among the extension's views. */
function inPanel(ask: PanelAsk): Promise<unknown> {
  if (!driver) throw new Error('no driver tab');
  return driver.evaluate((ask) => {
    // The extension's own `chrome`: this runs in its options page, not in the test's Node.
    const { chrome } = globalThis as unknown as {
      chrome: { extension: { getViews(): globalThis.Window[] } };
    };
    const view = chrome.extension.getViews().find((w) => w.location.pathname === '/sidepanel.html');
    if (!view) return undefined;
    const doc = view.document;
    const insert = doc.querySelector<HTMLButtonElement>(
      '[data-item="e2e-two-paragraphs"] [data-action="insert"]',
    );
    switch (ask) {
      case 'has-prompt':
        return insert !== null;
      case 'insert':
        insert!.click();
        return true;
      case 'status':
        return doc.querySelector('.status')?.textContent ?? '';
    }
  }, ask);
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

  await inPanel('insert');
  await expect
    .poll(() => modelText(page), { timeout: 15_000 })
    .toBe(`${before}\n${FIRST}${joined}${SECOND}`);
  await expect
    .poll(() => inPanel('status'))
    .toBe(
      'Inserted, with its first gap selected. Press F6 to go back to your letter; Tab moves to the next gap.',
    );
  await expect.poll(() => selectedText(frame)).toBe('{name}');
  // Paragraphs of the editor's own, not line breaks inside one.
  if (html) expect(await page.evaluate(html.read)).toMatch(html.holds);

  await page.keyboard.press('Tab');
  await expect.poll(() => selectedText(frame)).toBe('{plan}');
  expect(await modelText(page)).toBe(`${before}\n${FIRST}${joined}${SECOND}`);

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

  it('says in one line when no field in the tab was focused', async () => {
    await env.withPage(async (page) => {
      await openFixture(page, `${env.server.url}/textarea.html`);
      await inPanel('insert');
      await expect
        .poll(() => inPanel('status'), { timeout: 15_000 })
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
      await inPanel('insert');
      await expect
        .poll(() => inPanel('status'), { timeout: 15_000 })
        .toBe('The field you were writing in is no longer there: click in it, then Insert again.');
    });
  });
});
