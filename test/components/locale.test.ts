// @vitest-environment happy-dom
// The UI's own words follow the locale in force: en-GB by default, en-US (American spelling,
// and the few wordings that differ) when the settings or the policy say so, or the playground's
// own choice. Each surface is rendered as a clinician sees it.
import { h, render, type ComponentChild } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compile, defaultLexicon } from '../../core/engine.ts';
import type { Locale } from '../../core/lexicon/schema.ts';
import type { LetterReply } from '../../extension/messages.ts';
import { cardProps } from '../fixtures/card-props.ts';

// WXT's storage reaches for the browser when first imported: give it the in-memory fake first.
vi.stubGlobal('chrome', fakeBrowser);
const { Popup } = await import('../../components/popup/Popup.tsx');
const { Options } = await import('../../components/options/Options.tsx');
const { SidePanel } = await import('../../components/panel/SidePanel.tsx');
const { panelKitFrom } = await import('../../components/panel/panel-kit.ts');
const { Playground } = await import('../../components/playground/Playground.tsx');
const { SuggestionCard } = await import('../../components/card/SuggestionCard.tsx');
const { renderKit } = await import('../../components/kit/render-kit.tsx');
const { mergeKits } = await import('../../core/kit/merge-kit.ts');
const { DEFAULT_SETTINGS } = await import('../../extension/settings.ts');

const WAIT = { timeout: 10_000 };
const text = (el: Element | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const page = () => text(document.body);
const lang = () => document.documentElement.lang;

function show(node: ComponentChild): void {
  document.body.innerHTML = '<div id="app"></div>';
  render(node, document.getElementById('app')!);
}

const setLocale = (locale: Locale) =>
  fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, locale } });

beforeEach(() => {
  fakeBrowser.reset();
  // No language until a page says one, so a page that sets none fails its check.
  document.documentElement.lang = '';
});
afterEach(() => {
  const app = document.getElementById('app');
  if (app) render(null, app);
  document.body.innerHTML = '';
});

describe('the toolbar popup', () => {
  /** The popup of a tab on a record system, with Alongside switched off everywhere. */
  async function showPopup(locale: Locale | undefined) {
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, enabled: false, ...(locale ? { locale } : {}) },
    });
    const tab = await fakeBrowser.tabs.create({ url: 'https://ehr.example.nhs.uk/letters' });
    show(h(Popup, { search: `?tab=${tab.id}` }));
  }

  it('speaks en-GB by default', async () => {
    await showPopup(undefined);
    await vi.waitFor(() => expect(page()).toContain('Alongside is switched off everywhere.'), WAIT);
    await vi.waitFor(() => expect(lang()).toBe('en-GB'), WAIT);
  });

  it('speaks en-US when the settings say so, and follows a change without reopening', async () => {
    await showPopup('en-US');
    await vi.waitFor(() => expect(page()).toContain('Alongside is turned off everywhere.'), WAIT);
    await vi.waitFor(() => expect(lang()).toBe('en-US'), WAIT);
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, enabled: false, locale: 'en-GB' },
    });
    await vi.waitFor(() => expect(page()).toContain('Alongside is switched off everywhere.'), WAIT);
    await vi.waitFor(() => expect(lang()).toBe('en-GB'), WAIT);
  });

  it('follows a locale the policy forces over the clinician’s own', async () => {
    await fakeBrowser.storage.local.set({
      policy: { policy: { locale: 'en-US' }, problems: [] },
    });
    await showPopup('en-GB');
    await vi.waitFor(() => expect(page()).toContain('Alongside is turned off everywhere.'), WAIT);
  });
});

describe('the suggestion card', () => {
  const finding = compile([defaultLexicon()]).find('He refused the injection.')[0]!;
  const kinds = () => [...document.querySelectorAll('.kinds button')].map((b) => text(b));

  it('names the kinds of document in the locale: the GP in en-GB, the primary care provider in en-US', () => {
    show(h(SuggestionCard, cardProps({ finding, kindOpen: true })));
    expect(kinds()).toContain('a letter to a GP or colleague');
    show(h(SuggestionCard, cardProps({ finding, kindOpen: true, locale: 'en-US' })));
    expect(kinds()).toContain('a letter to a primary care provider or colleague');
    expect(kinds()).not.toContain('a letter to a GP or colleague');
  });

  it('says what the field is read as in the locale, in the card of a field without flags', () => {
    const kind = { kind: 'letter-to-gp' as const, chosen: true };
    show(h(SuggestionCard, cardProps({ finding: undefined, kind, locale: 'en-US' })));
    expect(text(document.querySelector('#alongside-kind'))).toBe(
      'Read as: a letter to a primary care provider or colleague (your choice)',
    );
  });
});

describe('the options page', () => {
  /** The page with a policy that keeps Alongside off one site, in the clinician's locale. */
  async function showOptions(locale: Locale) {
    await setLocale(locale);
    const policy = { sitesDisabled: ['mail.example.nhs.uk'] };
    await fakeBrowser.storage.managed.set(policy);
    await fakeBrowser.storage.local.set({ policy: { policy, problems: [] } });
    show(h(Options, {}));
    await vi.waitFor(() => expect(page()).toMatch(/\d+ of \d+ entries/), WAIT);
  }

  it('speaks en-GB by default: the organisation, switched off', async () => {
    await showOptions('en-GB');
    expect(page()).toContain('Managed by your organisation');
    expect(page()).toContain('Your organisation never runs Alongside on mail.example.nhs.uk.');
    expect(page()).toContain('Sites where you switched Alongside off');
    await vi.waitFor(() => expect(lang()).toBe('en-GB'), WAIT);
  });

  it('speaks en-US: the organization, turned off', async () => {
    await showOptions('en-US');
    expect(page()).toContain('Managed by your organization');
    expect(page()).toContain('Your organization never runs Alongside on mail.example.nhs.uk.');
    expect(page()).toContain('Sites where you turned Alongside off');
    expect(page()).not.toMatch(/organisation/);
    await vi.waitFor(() => expect(lang()).toBe('en-US'), WAIT);
  });

  it('changes its own words at once when the spelling is chosen there', async () => {
    await showOptions('en-GB');
    const select = document.querySelector<HTMLSelectElement>('#locale')!;
    select.value = 'en-US';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(page()).toContain('Managed by your organization'), WAIT);
    expect(text(document.querySelector('.status'))).toBe('Spelling: American English (en-US).');
  });
});

describe('the side panel', () => {
  const letter: LetterReply = {
    outcome: 'read',
    letter: {
      text: 'Dear Dr Shah,',
      kind: 'letter-to-gp',
      chosen: false,
      flags: [],
      waiting: false,
    },
  };
  async function showPanel(locale: Locale) {
    const kit = panelKitFrom([defaultLexicon()], locale);
    show(
      h(SidePanel, {
        loadKit: () => Promise.resolve(kit),
        watchKit: () => () => {},
        letter: {
          read: () => Promise.resolve(letter),
          watch: () => () => {},
          show: () => Promise.resolve({ outcome: 'shown' as const }),
        },
      }),
    );
    await vi.waitFor(() => expect(document.querySelector('.letter-where')).not.toBeNull(), WAIT);
  }
  const starTitle = () => document.querySelector('.star')?.getAttribute('title');

  it('speaks en-GB by default: favourites, the GP', async () => {
    await showPanel('en-GB');
    expect(starTitle()).toBe('Add to favourites');
    expect(text(document.querySelector('.letter-where'))).toBe(
      'Read as a letter to a GP or colleague.',
    );
    await vi.waitFor(() => expect(lang()).toBe('en-GB'), WAIT);
  });

  it('speaks en-US: favorites, the primary care provider', async () => {
    await showPanel('en-US');
    expect(starTitle()).toBe('Add to favorites');
    expect(text(document.querySelector('.letter-where'))).toBe(
      'Read as a letter to a primary care provider or colleague.',
    );
    await vi.waitFor(() => expect(lang()).toBe('en-US'), WAIT);
  });
});

describe('the playground', () => {
  // happy-dom's document is not an instance of its global Document, which the playground's
  // checking (the content script's own code) tests for: give it the document's own class.
  const happyDocument = globalThis.Document;
  beforeEach(() => {
    const own = Object.getPrototypeOf(Object.getPrototypeOf(document)) as {
      constructor: typeof Document;
    };
    globalThis.Document = own.constructor;
  });
  afterEach(() => {
    globalThis.Document = happyDocument;
  });
  const keepLabel = () => text(document.querySelector('label.keep'));

  it('speaks en-GB until its own spelling choice says en-US', async () => {
    show(h(Playground, { store: undefined }));
    expect(keepLabel()).toContain('off unless you tick it');
    await vi.waitFor(() => expect(lang()).toBe('en-GB'), WAIT);
    const spelling = [...document.querySelectorAll<HTMLSelectElement>('.controls select')].find(
      (s) => [...s.options].some((o) => o.value === 'en-US'),
    )!;
    spelling.value = 'en-US';
    spelling.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(keepLabel()).toContain('off unless you check the box'), WAIT);
    await vi.waitFor(() => expect(lang()).toBe('en-US'), WAIT);
    // The first sample is a letter to a GP (read as one, as the playground chooses for its
    // samples): the reflections beside it say so in en-US words.
    await vi.waitFor(
      () =>
        expect(text(document.querySelector('.letter-where'))).toBe(
          'Read as a letter to a primary care provider or colleague (your choice).',
        ),
      WAIT,
    );
  });
});

describe('the prompt kit page', () => {
  it('says how to print it in the locale’s words', () => {
    const { kit } = mergeKits([defaultLexicon().prompts]);
    const page = (locale: Locale) => renderKit(kit, {}, { format: 'html', locale });
    expect(page('en-GB')).toContain('Tick “Pocket card” first');
    expect(page('en-US')).toContain('Check “Pocket card” first');
  });
});
