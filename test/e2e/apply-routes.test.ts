// A replacement wider than the flagged words, over formatted text, in the editors with their own
// model: the new text takes the formatting where the replaced words start (bold here, plain
// there), no link or word is left behind or written twice, and one Ctrl+Z gives the exact
// original back. Also the generic route for editors that take `beforeinput` themselves.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser-session.ts';
import { flagCount, resetSettings } from './content-helpers.ts';
import {
  NON_COMPLIANT,
  WITH_GAPS,
  cardText,
  modelText,
  openFixture,
  selectedText,
} from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);

const LINK = 'http://127.0.0.1/medicines';
/** The replaced range ("is non-compliant with his medication") starts in a bold word. */
const STARTS_BOLD = `<p>He <strong>is non-compliant</strong> with <a href="${LINK}">his medication</a>.</p>`;
/** Here it starts in plain text, before the bold word. */
const STARTS_PLAIN = `<p>He is <strong>non-compliant</strong> with <a href="${LINK}">his medication</a>.</p>`;

type EditorWindow = Window & {
  editor: {
    setData(html: string): void;
    getData(): string;
    model: {
      document: {
        getRoot(): {
          getChild(i: number): {
            getChildren(): Iterable<{
              data?: string;
              getAttributes(): Iterable<[string, unknown]>;
            }>;
          };
        };
      };
    };
  };
  tiptap: {
    commands: { setContent(html: string): void };
    getHTML(): string;
    getJSON(): { content: { content?: { text: string; marks?: { type: string }[] }[] }[] };
  };
  tinymce: { activeEditor: { setContent(html: string): void; getContent(): string } };
};

/** Applies the first suggestion for the flag by keyboard, as a clinician would. */
async function applyFirst(page: Page, frame: Frame): Promise<void> {
  await frame.locator('[data-testid="field"]').first().click();
  await page.keyboard.press('Control+End');
  // The card opens on a flag: wait for it to be drawn (the lexicon arrives asynchronously).
  await expect.poll(() => flagCount(frame)).toBeGreaterThan(0);
  await page.keyboard.press('Alt+Enter');
  await expect.poll(() => cardText(frame)).toContain('non-compliant');
  await page.keyboard.press('Enter');
  await expect.poll(() => modelText(page)).toBe(WITH_GAPS);
  expect(await selectedText(frame)).toBe('{medication}');
}

const BOLD_RESULT = `<p>He <strong>${WITH_GAPS.slice(3, -1)}</strong>.</p>`;
const PLAIN_RESULT = `<p>${WITH_GAPS}</p>`;

describe('a wide replacement over formatting, in Chromium with the extension', () => {
  for (const [start, html, result] of [
    ['bold', STARTS_BOLD, BOLD_RESULT],
    ['plain', STARTS_PLAIN, PLAIN_RESULT],
  ] as const) {
    it(`CKEditor 5: starting in ${start} text, the new text is ${start}; one Ctrl+Z restores it`, async () => {
      await env.withPage(async (page) => {
        const frame = await openFixture(page, `${env.server.url}/ckeditor5.html`);
        await page.evaluate((h) => (window as unknown as EditorWindow).editor.setData(h), html);
        const data = () =>
          page.evaluate(() => (window as unknown as EditorWindow).editor.getData());
        const original = await data();
        expect(original).toBe(html);
        await applyFirst(page, frame);
        expect(await data()).toBe(result);
        // The model: one text node per run of formatting, the link gone with the words it was on.
        const runs = await page.evaluate(() => {
          const root = (window as unknown as EditorWindow).editor.model.document.getRoot();
          return [...root.getChild(0).getChildren()].map((node) => ({
            text: node.data,
            attributes: Object.fromEntries(node.getAttributes()),
          }));
        });
        expect(runs).toEqual(
          start === 'bold'
            ? [
                { text: 'He ', attributes: {} },
                { text: WITH_GAPS.slice(3, -1), attributes: { bold: true } },
                { text: '.', attributes: {} },
              ]
            : [{ text: WITH_GAPS, attributes: {} }],
        );
        await page.keyboard.press('Control+z');
        await expect.poll(data).toBe(original);
        expect(await modelText(page)).toBe(NON_COMPLIANT);
      });
    });

    it(`TipTap: starting in ${start} text, the new text is ${start}; one Ctrl+Z restores it`, async () => {
      await env.withPage(async (page) => {
        const frame = await openFixture(page, `${env.server.url}/tiptap.html`);
        await page.evaluate(
          (h) => (window as unknown as EditorWindow).tiptap.commands.setContent(h),
          html,
        );
        const read = () =>
          page.evaluate(() => (window as unknown as EditorWindow).tiptap.getHTML());
        const original = await read();
        // TipTap's link mark adds its own attributes; the words and marks are as given.
        expect(original.replace(/ (target|rel)="[^"]*"/g, '')).toBe(html);
        await applyFirst(page, frame);
        expect(await read()).toBe(result);
        const runs = await page.evaluate(() =>
          (window as unknown as EditorWindow).tiptap.getJSON().content[0]!.content!.map((n) => ({
            text: n.text,
            marks: (n.marks ?? []).map((m) => m.type),
          })),
        );
        expect(runs).toEqual(
          start === 'bold'
            ? [
                { text: 'He ', marks: [] },
                { text: WITH_GAPS.slice(3, -1), marks: ['bold'] },
                { text: '.', marks: [] },
              ]
            : [{ text: WITH_GAPS, marks: [] }],
        );
        await page.keyboard.press('Control+z');
        await expect.poll(read).toBe(original);
        expect(await modelText(page)).toBe(NON_COMPLIANT);
      });
    });

    it(`TinyMCE (inline): starting in ${start} text, the new text is ${start}; one Ctrl+Z restores it`, async () => {
      await env.withPage(async (page) => {
        const frame = await openFixture(page, `${env.server.url}/tinymce-inline.html`);
        await page.evaluate(
          (h) => (window as unknown as EditorWindow).tinymce.activeEditor.setContent(h),
          html,
        );
        const read = () =>
          page.evaluate(() =>
            (window as unknown as EditorWindow).tinymce.activeEditor.getContent(),
          );
        const original = await read();
        expect(original).toBe(html);
        await applyFirst(page, frame);
        expect(await read()).toBe(result);
        await page.keyboard.press('Control+z');
        await expect.poll(read).toBe(original);
      });
    });
  }

  it('an editor that takes beforeinput itself is offered the whole range and the new text', async () => {
    await env.withPage(async (page) => {
      const frame = await openFixture(page, `${env.server.url}/contenteditable.html`);
      // A small editor of the Slate or Lexical kind: it cancels beforeinput and edits its DOM.
      await page.evaluate((text) => {
        const field = document.querySelector<HTMLElement>('[data-testid="field"]')!;
        field.innerHTML = `<p>${text}</p>`;
        const seen: { type: string; data: string | null; ranges: string[] }[] = [];
        (window as Window & { seen?: typeof seen }).seen = seen;
        field.addEventListener('beforeinput', (event) => {
          if (event.inputType !== 'insertReplacementText') return;
          event.preventDefault();
          const ranges = event.getTargetRanges().map((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            return range;
          });
          seen.push({ type: event.inputType, data: event.data, ranges: ranges.map(String) });
          ranges[0]!.deleteContents();
          ranges[0]!.insertNode(document.createTextNode(event.data ?? ''));
          field.normalize();
        });
      }, NON_COMPLIANT);
      await applyFirst(page, frame);
      const seen = await page.evaluate(() => (window as Window & { seen?: unknown }).seen);
      expect(seen).toEqual([
        {
          type: 'insertReplacementText',
          data: WITH_GAPS.slice(3, -1),
          ranges: ['is non-compliant with his medication'],
        },
      ]);
      // It took the edit: nothing was written a second time by execCommand.
      expect(await modelText(page)).toBe(WITH_GAPS);
    });
  });
});
