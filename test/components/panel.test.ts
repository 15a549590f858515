// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Lexicon } from '../../core/lexicon/schema.ts';

// WXT's storage reaches for the browser when first imported: give it the in-memory fake first.
vi.stubGlobal('chrome', fakeBrowser);
const { SidePanel } = await import('../../components/panel/SidePanel.tsx');
const { panelKitFrom } = await import('../../components/panel/panel-kit.ts');
const { favouritesItem } = await import('../../extension/panel/favourites.ts');
const { insertStatus } = await import('../../components/panel/insert-status.ts');

const SCAFFOLD =
  'Thank you for seeing {name} today.\n\nWe agreed {plan}, with their behaviour in mind.';

/** A built-in layer and a service layer of the test's own, whatever the real kit holds. */
const BUILT_IN: Lexicon = {
  name: 'Test built-in',
  version: '1',
  entries: [],
  bibliography: {
    'test-guide': {
      citation: 'A guide to writing letters',
      year: 2021,
      url: 'https://example.org/guide',
    },
  },
  prompts: {
    sections: [
      { id: 'opening', title: 'Opening', intro: 'Where a letter starts.' },
      { id: 'closing', title: 'Closing well' },
      { id: 'empty', title: 'Nothing in force here' },
    ],
    items: [
      {
        id: 'open-scaffold',
        section: 'opening',
        kind: 'scaffold',
        title: 'Two paragraphs',
        text: SCAFFOLD,
        note: 'For a first letter.',
        sources: ['test-guide'],
      },
      {
        id: 'open-question',
        section: 'opening',
        kind: 'question',
        title: 'What matters to them',
        text: 'What matters most to you about {topic}?',
      },
      {
        id: 'close-way-back',
        section: 'closing',
        kind: 'reminder',
        title: 'A way back in',
        text: 'Say how to get back in touch.',
        locales: { 'en-US': { text: 'Say how to reach us again.' } },
      },
    ],
  },
};
const SERVICE: Lexicon = {
  name: 'Test service',
  version: '1',
  entries: [],
  prompts: {
    items: [{ id: 'open-question', title: 'What matters to the person' }],
  },
};

const kit = (locale: 'en-GB' | 'en-US' = 'en-GB') => panelKitFrom([BUILT_IN, SERVICE], locale);

const flush = async () => {
  for (let k = 0; k < 5; k++) await new Promise((done) => setTimeout(done, 0));
};
const settle = () => new Promise((done) => setTimeout(done, 60));

async function show(locale: 'en-GB' | 'en-US' = 'en-GB') {
  document.body.innerHTML = '<div id="host"></div>';
  const loaded = kit(locale);
  render(
    h(SidePanel, { loadKit: () => Promise.resolve(loaded), watchKit: () => () => {} }),
    document.querySelector('#host')!,
  );
  await flush();
  return document.querySelector('.panel')!;
}

const titles = (root: ParentNode) =>
  [...root.querySelectorAll('.prompt-title')].map((t) => t.textContent);
const sectionTitles = (root: ParentNode) =>
  [...root.querySelectorAll('.section > h2')].map((t) => t.textContent);
const button = (id: string, action: string) =>
  document.querySelector<HTMLButtonElement>(`[data-item="${id}"] [data-action="${action}"]`)!;
const status = () => document.querySelector('.status')!.textContent;

function search(text: string) {
  const box = document.querySelector<HTMLInputElement>('.search')!;
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  render(null, document.querySelector('#host')!);
  vi.restoreAllMocks();
});

describe('the side panel', () => {
  it('lists the sections in force in order, each prompt with its title, text, gaps, note and sources', async () => {
    const panel = await show();
    expect(sectionTitles(panel)).toEqual(['Opening', 'Closing well']);
    expect(panel.querySelector('.section-intro')?.textContent).toBe('Where a letter starts.');
    // The service's wording of a built-in prompt is the one in force.
    expect(titles(panel)).toEqual([
      'Two paragraphs',
      'What matters to the person',
      'A way back in',
    ]);
    const scaffold = panel.querySelector('[data-item="open-scaffold"]')!;
    expect([...scaffold.querySelectorAll('.prompt-text p')].map((p) => p.textContent)).toEqual([
      'Thank you for seeing {name} today.',
      'We agreed {plan}, with their behaviour in mind.',
    ]);
    expect([...scaffold.querySelectorAll('.gap')].map((g) => g.textContent)).toEqual([
      '{name}',
      '{plan}',
    ]);
    expect(scaffold.querySelector('.prompt-meta')?.textContent).toBe('Scaffold');
    expect(scaffold.querySelector('.prompt-note')?.textContent).toBe('For a first letter.');
    const source = scaffold.querySelector('.prompt-sources a')!;
    expect(source.textContent).toBe('A guide to writing letters');
    expect(source.getAttribute('href')).toBe('https://example.org/guide');
  });

  it('gives every control a name that says which prompt it acts on', async () => {
    await show();
    expect(button('open-scaffold', 'insert').getAttribute('aria-label')).toBe(
      'Insert Two paragraphs',
    );
    expect(button('open-scaffold', 'copy').getAttribute('aria-label')).toBe('Copy Two paragraphs');
    expect(button('open-scaffold', 'favourite').getAttribute('aria-label')).toBe(
      'Favourite: Two paragraphs',
    );
    expect(button('open-scaffold', 'favourite').getAttribute('aria-pressed')).toBe('false');
    expect(document.querySelector('.search')?.getAttribute('aria-label')).toBe(
      'Search the prompts',
    );
    expect(document.querySelector('.status')?.getAttribute('role')).toBe('status');
  });

  it('narrows to the prompts whose title, text or note hold every word searched for', async () => {
    const panel = await show();
    search('first letter');
    await flush();
    expect(titles(panel)).toEqual(['Two paragraphs']);
    search('MATTERS person');
    await flush();
    expect(titles(panel)).toEqual(['What matters to the person']);
    expect(sectionTitles(panel)).toEqual(['Opening']);
    search('touch');
    await flush();
    expect(sectionTitles(panel)).toEqual(['Closing well']);
    search('nothing like this');
    await flush();
    expect(titles(panel)).toEqual([]);
    expect(panel.querySelector('.prompts .empty')?.textContent).toBe(
      'No prompt matches “nothing like this”.',
    );
    // Escape in the box clears the search.
    document
      .querySelector('.search')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect(titles(panel)).toHaveLength(3);
  });

  it('pins a starred prompt at the top, keeps focus on its star, and stores it', async () => {
    const panel = await show();
    button('close-way-back', 'favourite').click();
    await flush();
    expect(sectionTitles(panel)).toEqual(['Favourites', 'Opening']);
    expect(titles(panel)).toEqual([
      'A way back in',
      'Two paragraphs',
      'What matters to the person',
    ]);
    // Pinned, it says which section it is from.
    expect(panel.querySelector('[data-item="close-way-back"] .prompt-meta')?.textContent).toBe(
      'Reminder · Closing well',
    );
    expect(button('close-way-back', 'favourite').getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement).toBe(button('close-way-back', 'favourite'));
    expect(await favouritesItem.getValue()).toEqual(['close-way-back']);

    // A new panel (the next time it opens) reads them back.
    render(null, document.querySelector('#host')!);
    const again = await show();
    expect(titles(again)[0]).toBe('A way back in');

    // Unstarred, it goes back to its section.
    button('close-way-back', 'favourite').click();
    await flush();
    expect(sectionTitles(again)).toEqual(['Opening', 'Closing well']);
    expect(await favouritesItem.getValue()).toEqual([]);
  });

  it('copies exactly the prompt text', async () => {
    await show();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    button('open-scaffold', 'copy').click();
    await flush();
    await settle();
    expect(writeText).toHaveBeenCalledExactlyOnceWith(SCAFFOLD);
    expect(status()).toBe('Copied “Two paragraphs”.');
  });

  it('sends exactly the prompt to insert, for the tab beside the panel, and says what happened', async () => {
    await show();
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 7 } as never);
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ outcome: 'inserted', gaps: 2 } as never);
    button('open-scaffold', 'insert').click();
    await flush();
    await settle();
    expect(send).toHaveBeenCalledExactlyOnceWith({
      kind: 'insert-prompt',
      text: SCAFFOLD,
      windowId: 7,
    });
    expect(status()).toBe(
      'Inserted, with its first gap selected. Press F6 to go back to your letter; Tab moves to the next gap.',
    );

    send.mockResolvedValue({ outcome: 'no-field' } as never);
    button('close-way-back', 'insert').click();
    await flush();
    await settle();
    expect(send).toHaveBeenLastCalledWith({
      kind: 'insert-prompt',
      text: 'Say how to get back in touch.',
      windowId: 7,
    });
    expect(status()).toBe(
      'No field to insert into: click where you are writing, then Insert again.',
    );
  });

  it('moves with ↓ from the search box to the first prompt, and ↑/↓ between prompts', async () => {
    await show();
    const box = document.querySelector<HTMLInputElement>('.search')!;
    box.focus();
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(button('open-scaffold', 'insert'));
    const down = () =>
      document.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }),
      );
    down();
    expect(document.activeElement).toBe(button('open-question', 'insert'));
    button('open-question', 'copy').focus();
    down();
    expect(document.activeElement).toBe(button('close-way-back', 'copy'));
    document.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }),
    );
    expect(document.activeElement).toBe(button('open-question', 'copy'));
    // In reading order for Tab: the star, then Insert, then Copy, prompt by prompt.
    const order = [
      ...document.querySelectorAll(
        '[data-item="open-scaffold"] button, [data-item="open-scaffold"] summary',
      ),
    ].map((b) => (b as HTMLElement).dataset.action ?? b.localName);
    expect(order).toEqual(['favourite', 'summary', 'insert', 'copy']);
  });

  it('speaks en-US where the settings say so: spelling derived, or the wording given', async () => {
    const panel = await show('en-US');
    expect(panel.querySelector('.search')?.getAttribute('aria-label')).toBe('Search the prompts');
    expect(panel.querySelector('[data-item="open-scaffold"] .prompt-text')?.textContent).toContain(
      'with their behavior in mind',
    );
    expect(panel.querySelector('[data-item="close-way-back"] .prompt-text')?.textContent).toBe(
      'Say how to reach us again.',
    );
    button('open-scaffold', 'favourite').click();
    await flush();
    expect(sectionTitles(panel)[0]).toBe('Favorites');
  });
});

describe('insertStatus', () => {
  it('says in one line what became of each insertion', () => {
    expect(insertStatus({ outcome: 'inserted' })).toBe(
      'Inserted. Press F6 to go back to your letter.',
    );
    expect(insertStatus({ outcome: 'gone' })).toBe(
      'The field you were writing in is no longer there: click in it, then Insert again.',
    );
    expect(insertStatus({ outcome: 'too-long' })).toBe(
      'That is longer than the field allows; nothing was inserted.',
    );
    expect(insertStatus({ outcome: 'moved' })).toBe(
      'The text changed since you left it: click where this should go, then Insert again.',
    );
    expect(insertStatus(undefined)).toBe(
      'Alongside could not reach the page: reload it, then Insert again.',
    );
  });
});
