// Gap mode in real editors: while a suggestion's {gaps} are being filled in, Tab is ours (no list
// indent, no tab character, no next table cell, no focus leaving); once it ends, Tab is the
// editor's again. It ends at the last gap, on Escape, and when the caret leaves the inserted text.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { flagCount, liveText, resetSettings } from './content-helpers.ts';
import {
  NON_COMPLIANT,
  WITH_GAPS,
  cardText,
  modelText,
  openFixture,
  selectedText,
} from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);

type EditorWindow = Window & {
  editor: { setData(html: string): void; getData(): string };
  tiptap: { commands: { setContent(html: string): void }; getHTML(): string };
  tinymce: { activeEditor: { setContent(html: string): void; getContent(): string } };
  quill: { setText(text: string): void };
};

/** Opens a fixture, puts `html` in through the editor's own API, and applies the suggestion. */
async function applyIn(
  page: Page,
  name: string,
  set: (html: string) => void,
  html: string,
): Promise<Frame> {
  const frame = await openFixture(page, `${env.server.url}/${name}.html`);
  await page.evaluate(set, html);
  await frame.locator('[data-testid="field"]').first().click();
  await page.keyboard.press('Control+End');
  // The card opens on a flag: wait for it to be drawn (the lexicon arrives asynchronously).
  await expect.poll(() => flagCount(frame)).toBeGreaterThan(0);
  await page.keyboard.press('Alt+Enter');
  await expect.poll(() => cardText(frame)).toContain('non-compliant');
  await page.keyboard.press('Enter');
  await expect.poll(() => selectedText(frame)).toBe('{medication}');
  return frame;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const inPage = <T>(page: Page, read: () => T) => page.evaluate(read);

describe('gap mode, in Chromium with the extension', () => {
  it('TipTap: Tab in a list item moves between gaps without indenting; after the last, Tab indents', async () => {
    await env.withPage(async (page) => {
      const html = () => (window as unknown as EditorWindow).tiptap.getHTML();
      const frame = await applyIn(
        page,
        'tiptap',
        (h) => (window as unknown as EditorWindow).tiptap.commands.setContent(h),
        `<ul><li><p>First item.</p></li><li><p>${NON_COMPLIANT}</p></li></ul>`,
      );
      // TipTap keeps an empty paragraph after a list at the end: the HTML as applied, kept.
      const applied = await inPage(page, html);
      expect(applied).toContain(`<ul><li><p>First item.</p></li><li><p>${WITH_GAPS}</p></li></ul>`);

      await page.keyboard.press('Tab');
      await expect.poll(() => selectedText(frame)).toBe('{reason}');
      expect(await inPage(page, html)).toBe(applied);
      // Shift+Tab goes back (and does not lift the item out of the list either).
      await page.keyboard.press('Shift+Tab');
      await expect.poll(() => selectedText(frame)).toBe('{medication}');
      await page.keyboard.press('Tab');
      await expect.poll(() => selectedText(frame)).toBe('{reason}');

      // Tab at the last gap: the caret after the inserted text, gap mode over.
      await page.keyboard.press('Tab');
      await expect.poll(() => liveText(frame)).toBe('End of the suggestion.');
      expect(await selectedText(frame)).toBe('');
      expect(await inPage(page, html)).toBe(applied);
      await page.keyboard.type('!');
      await expect
        .poll(() => inPage(page, html))
        .toContain(`<li><p>${WITH_GAPS.replace('}.', '}!.')}</p></li></ul>`);

      // Now Tab is TipTap's: the item is sunk into a nested list.
      await page.keyboard.press('Tab');
      await expect.poll(() => inPage(page, html)).toContain('<li><p>First item.</p><ul><li>');
    });
  });

  it('CKEditor 5: Tab in a list item takes no indent while gaps last; Escape ends them', async () => {
    await env.withPage(async (page) => {
      const data = () => (window as unknown as EditorWindow).editor.getData();
      const frame = await applyIn(
        page,
        'ckeditor5',
        (h) => (window as unknown as EditorWindow).editor.setData(h),
        `<ul><li>First item.</li><li>${NON_COMPLIANT}</li></ul>`,
      );
      // CKEditor's list items carry ids: the data as applied, kept.
      const applied = await inPage(page, data);
      expect(applied).toMatch(
        new RegExp(`>First item\\.</li><li [^>]+>${escape(WITH_GAPS)}</li></ul>$`),
      );
      await page.keyboard.press('Tab');
      await expect.poll(() => selectedText(frame)).toBe('{reason}');
      expect(await inPage(page, data)).toBe(applied);

      await page.keyboard.press('Escape');
      await expect.poll(() => liveText(frame)).toBe('Left the gaps.');
      expect(await selectedText(frame)).toBe('{reason}');
      // Gap mode is over: Tab indents the item, as CKEditor does.
      await page.keyboard.press('Tab');
      await expect.poll(() => inPage(page, data)).toMatch(/>First item\.<ul><li /);
    });
  });

  it('CKEditor 5: an arrow key out of the inserted text ends gap mode', async () => {
    await env.withPage(async (page) => {
      const data = () => (window as unknown as EditorWindow).editor.getData();
      const frame = await applyIn(
        page,
        'ckeditor5',
        (h) => (window as unknown as EditorWindow).editor.setData(h),
        `<ul><li>First item.</li><li>${NON_COMPLIANT}</li></ul>`,
      );
      // Inside the inserted text the arrows change nothing: from the caret left of
      // "{medication}", Tab selects that gap, then the next.
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => selectedText(frame)).toBe('');
      await page.keyboard.press('Tab');
      await expect.poll(() => selectedText(frame)).toBe('{medication}');
      await page.keyboard.press('Tab');
      await expect.poll(() => selectedText(frame)).toBe('{reason}');
      // Past its end (the full stop is the page's own text), Tab is CKEditor's again.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
      await expect.poll(() => inPage(page, data)).toMatch(/>First item\.<ul><li /);
    });
  });

  it('TinyMCE (iframe): Tab in a table cell stays in the cell while gaps last, then moves on', async () => {
    await env.withPage(async (page) => {
      const content = () => (window as unknown as EditorWindow).tinymce.activeEditor.getContent();
      const frame = await applyIn(
        page,
        'tinymce-iframe',
        (h) => (window as unknown as EditorWindow).tinymce.activeEditor.setContent(h),
        `<table><tbody><tr><td>${NON_COMPLIANT}</td><td>Next cell</td></tr></tbody></table>`,
      );
      const cell = () =>
        frame.evaluate(() => getSelection()?.anchorNode?.parentElement?.closest('td')?.textContent);
      await page.keyboard.press('Tab');
      await expect.poll(() => selectedText(frame)).toBe('{reason}');
      expect(await cell()).toBe(WITH_GAPS);
      await page.keyboard.press('Tab');
      await expect.poll(() => liveText(frame)).toBe('End of the suggestion.');
      expect(await cell()).toBe(WITH_GAPS);
      expect(await inPage(page, content)).toMatch(
        new RegExp(`<td>${escape(WITH_GAPS)}</td>\\s*<td>Next cell</td>`),
      );

      await page.keyboard.press('Tab');
      await expect.poll(cell).toBe('Next cell');
    });
  });

  it('Quill: Tab types no tab character while gaps last; afterwards it does', async () => {
    await env.withPage(async (page) => {
      const frame = await applyIn(
        page,
        'quill',
        (text) => (window as unknown as EditorWindow).quill.setText(text),
        NON_COMPLIANT,
      );
      await page.keyboard.press('Tab');
      await expect.poll(() => selectedText(frame)).toBe('{reason}');
      await page.keyboard.press('Tab');
      await expect.poll(() => liveText(frame)).toBe('End of the suggestion.');
      expect(await modelText(page)).toBe(WITH_GAPS);
      await page.keyboard.press('Tab');
      await expect.poll(() => modelText(page)).toBe(WITH_GAPS.replace('}.', '}\t.'));
    });
  });

  it('textarea: a click elsewhere ends gap mode, and Tab then leaves the field', async () => {
    await env.withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/textarea.html`);
      const field = page.locator('[data-testid="field"]');
      await field.fill(NON_COMPLIANT);
      await field.press('End');
      await expect.poll(() => flagCount(frame)).toBeGreaterThan(0);
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => cardText(frame)).toContain('non-compliant');
      await page.keyboard.press('Enter');
      await expect.poll(() => selectedText(frame)).toBe('{medication}');
      const focused = () => field.evaluate((el) => el.ownerDocument.activeElement === el);

      // While gap mode lasts, Tab keeps focus in the field.
      await page.keyboard.press('Tab');
      await expect.poll(() => selectedText(frame)).toBe('{reason}');
      expect(await focused()).toBe(true);

      // A click on the page's heading: focus leaves, gap mode ends. Back in the field, on
      // "{reason}" itself, Tab is the browser's and moves focus on.
      await page.locator('h1').click();
      await expect.poll(focused).toBe(false);
      await field.evaluate((el) => {
        const area = el as HTMLTextAreaElement;
        area.focus();
        const at = area.value.indexOf('{reason}');
        area.setSelectionRange(at, at + '{reason}'.length);
      });
      await page.keyboard.press('Tab');
      await expect.poll(focused).toBe(false);
      expect(await field.inputValue()).toBe(WITH_GAPS);
    });
  });
});
