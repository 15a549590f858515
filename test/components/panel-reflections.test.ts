// @vitest-environment happy-dom
// The side panel's reflections on the letter beside it, as a component: the letter comes from a
// source of the test's own (the real one goes through the background to the content script,
// which test/e2e/panel-reflections.test.ts drives), the kit is the built-in one.
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LetterFlag, LetterReply, ShowFlagReply } from '../../extension/messages.ts';

vi.stubGlobal('chrome', fakeBrowser);
const { SidePanel, SAVED_KIT_NAME } = await import('../../components/panel/SidePanel.tsx');
const { panelKitFrom } = await import('../../components/panel/panel-kit.ts');
const { hiddenReflectionsItem } = await import('../../extension/panel/hidden-reflections.ts');
const { defaultLexicon } = await import('../../core/index.ts');

/** Written for this test: a letter to a GP with two flags, no way back in and no life context. */
const LETTER = [
  'Dear Dr Okafor,',
  '',
  'I reviewed Ms Reid in the shoulder clinic this morning. She claims the stiffness has lasted a year and she refused the steroid injection we discussed. Her range of movement is reduced in every direction and her strength is normal.',
  '',
  'Yours sincerely,',
].join('\n');

/** The flags the content script would send for LETTER (offsets worked out, not typed in). */
function flagsOf(text: string, words: [string, string][]): LetterFlag[] {
  return words.map(([match, category]) => {
    const start = text.indexOf(match);
    return { start, end: start + match.length, match, category };
  });
}
const FLAGS = flagsOf(LETTER, [
  ['claims', 'credibility'],
  ['refused', 'blame-adherence'],
]);

/** A letter source of the test's own: what it answers, who watches, what was asked to show. */
function fakeLetter(first: LetterReply | undefined) {
  let reply = first;
  const watchers = new Set<() => void>();
  const shown: LetterFlag[] = [];
  return {
    shown,
    change(next: LetterReply | undefined) {
      reply = next;
      for (const w of watchers) w();
    },
    get watching() {
      return watchers.size;
    },
    source: {
      read: () => Promise.resolve(reply),
      watch(onChange: () => void) {
        watchers.add(onChange);
        return () => watchers.delete(onChange);
      },
      show(flag: LetterFlag): Promise<ShowFlagReply> {
        shown.push(flag);
        return Promise.resolve({ outcome: 'shown' });
      },
    },
  };
}

const read = (text: string, flags: LetterFlag[] = [], page?: string): LetterReply => ({
  outcome: 'read',
  letter: { text, kind: 'letter-to-gp', chosen: false, flags, waiting: false },
  ...(page ? { page } : {}),
});

const flush = async () => {
  for (let k = 0; k < 8; k++) await new Promise((done) => setTimeout(done, 0));
};

async function show(letter: ReturnType<typeof fakeLetter>) {
  document.body.innerHTML = '<div id="host"></div>';
  const kit = panelKitFrom([defaultLexicon()], 'en-GB');
  render(
    h(SidePanel, {
      loadKit: () => Promise.resolve(kit),
      watchKit: () => () => {},
      letter: letter.source,
    }),
    document.querySelector('#host')!,
  );
  await flush();
}

const shownIds = () =>
  [...document.querySelectorAll<HTMLElement>('.reflection')].map((r) => r.dataset.reflection);
const message = (id: string) =>
  document.querySelector(`[data-reflection="${id}"] .reflection-message`)?.textContent;
const empty = () => document.querySelector('.reflections .empty')?.textContent;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  render(null, document.querySelector('#host')!);
  vi.restoreAllMocks();
});

describe('the side panel’s reflections', () => {
  it('reflects on the letter beside it, saying where it is and what it is read as', async () => {
    const letter = fakeLetter(read(LETTER, FLAGS, 'Clinic letter – Demo record'));
    await show(letter);
    expect(shownIds()).toEqual(['way-back-in', 'social-context', 'flag-summary']);
    expect(document.querySelector('.letter-where')?.textContent).toBe(
      'In “Clinic letter – Demo record”, read as a letter to a GP or colleague.',
    );
    expect(message('flag-summary')).toBe(
      'Flags in this text: 2 (credibility 1, blame-adherence 1).',
    );
    // Each reflection says why, with its sources.
    const why = document.querySelector('[data-reflection="way-back-in"] .reflection-why')!;
    expect(why.querySelector('p')?.textContent).toMatch(/\w/);
    expect(why.querySelectorAll('.source-list li').length).toBeGreaterThan(0);
  });

  it('follows the letter as it changes', async () => {
    const letter = fakeLetter(read(LETTER, FLAGS));
    await show(letter);
    expect(letter.watching).toBe(1);
    letter.change(
      read(
        `${LETTER}\n\nShe lives alone and cares for her father. Please contact us if it worsens.`,
      ),
    );
    await flush();
    expect(shownIds()).toEqual([]);
    expect(empty()).toBe('Nothing to reflect on in this letter.');
  });

  it('lists each flag by category; a click asks for it to be shown and says so', async () => {
    const letter = fakeLetter(read(LETTER, FLAGS));
    await show(letter);
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('.flag-link')];
    expect(buttons.map((b) => b.textContent)).toEqual(['“claims”', '“refused”']);
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Show “claims” in the letter (credibility, 1 of 1)',
      'Show “refused” in the letter (blame adherence, 1 of 1)',
    ]);
    expect([...document.querySelectorAll('.flag-category')].map((c) => c.textContent)).toEqual([
      'Credibility (1)',
      'Blame adherence (1)',
    ]);
    buttons[1]!.click();
    await flush();
    await new Promise((done) => setTimeout(done, 60));
    expect(letter.shown).toEqual([FLAGS[1]]);
    expect(document.querySelector('.status')?.textContent).toBe(
      'Shown in your letter, with its card. Press F6 to go back to the letter.',
    );
  });

  it('hides a reflection, stores only its id, and shows it again on request', async () => {
    const letter = fakeLetter(read(LETTER, FLAGS));
    await show(letter);
    document
      .querySelector<HTMLButtonElement>(
        '[data-reflection="social-context"] [data-action="hide-reflection"]',
      )!
      .click();
    await flush();
    expect(shownIds()).toEqual(['way-back-in', 'flag-summary']);
    expect(await hiddenReflectionsItem.getValue()).toEqual(['social-context']);
    expect(document.querySelector('.hidden-note')?.textContent).toBe(
      '1 hidden here. Show the hidden reflection again',
    );
    document.querySelector<HTMLButtonElement>('.hidden-note button')!.click();
    await flush();
    expect(shownIds()).toEqual(['way-back-in', 'social-context', 'flag-summary']);
    expect(await hiddenReflectionsItem.getValue()).toEqual([]);
  });

  it('says plainly when there is no letter to reflect on', async () => {
    const letter = fakeLetter({ outcome: 'no-field' });
    await show(letter);
    expect(empty()).toBe('Click in the letter you are writing, and reflections on it appear here.');
    letter.change({ outcome: 'gone' });
    await flush();
    expect(empty()).toBe(
      'The field you were writing in is no longer there: click in the letter you are writing.',
    );
    letter.change(undefined);
    await flush();
    expect(empty()).toBe(
      'Alongside is not checking the page beside the panel, so there is nothing to reflect on.',
    );
    letter.change(read(''));
    await flush();
    expect(empty()).toBe('Reflections appear here as you write.');
  });

  it('saves the kit in force as a page of its own', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    await show(fakeLetter({ outcome: 'no-field' }));
    document.querySelector<HTMLButtonElement>('[data-action="save-kit"]')!.click();
    expect(clicked).toEqual([SAVED_KIT_NAME]);
    const page = await blobs[0]!.text();
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('What matters to you?');
    expect(document.querySelector('.status')?.textContent).toBe('');
    await new Promise((done) => setTimeout(done, 60));
    expect(document.querySelector('.status')?.textContent).toBe(
      `Saved the kit as ${SAVED_KIT_NAME}.`,
    );
  });
});
