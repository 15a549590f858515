// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultBibliography, defaultLexicon, type Entry } from '../../core/index.ts';
import { SEVERITY_LABEL } from '../../components/card/severity-label.ts';

// WXT's storage reaches for the browser when first imported: give it the in-memory fake first.
// The fake has an in-memory `storage.managed` too, which `computePolicy` reads as the policy.
vi.stubGlobal('chrome', fakeBrowser);
const { Options } = await import('../../components/options/Options.tsx');
const { DEFAULT_SETTINGS } = await import('../../extension/settings.ts');

/** The page loads and re-renders asynchronously; the default lexicon is large. */
const WAIT = { timeout: 5_000 };
const BUILT_IN = defaultLexicon();
const M = BUILT_IN.entries.length;
const FIRST_SOURCE = Object.keys(defaultBibliography())[0]!;

// ---- Storage -------------------------------------------------------------------------------

const local = async (key: string): Promise<unknown> =>
  (await fakeBrowser.storage.local.get(key))[key];
const storedSettings = () => local('settings');
const storedPersonal = () => local('personalLexicon') as Promise<Record<string, unknown> | null>;

/** A policy as `storage.managed` gives it, and as the background stores what it read. */
async function setPolicy(policy: Record<string, unknown>): Promise<void> {
  await fakeBrowser.storage.managed.set(policy);
  await fakeBrowser.storage.local.set({ policy: { policy, problems: [] } });
}

// ---- The page, found as a user finds it -----------------------------------------------------

const text = (el: Element | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What a label says, without the text of the control it wraps. */
function labelText(label: HTMLLabelElement): string {
  const copy = label.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('input, select, textarea').forEach((c) => c.remove());
  return text(copy);
}

/** The one form control named `name` (by its label or aria-label) within `root`. */
function byLabel<T extends HTMLElement = HTMLSelectElement>(
  name: string,
  root: ParentNode = document,
): T {
  const found = new Set<HTMLElement>();
  for (const label of root.querySelectorAll('label')) {
    if (labelText(label) !== name) continue;
    const control = label.htmlFor
      ? document.getElementById(label.htmlFor)
      : label.querySelector<HTMLElement>('input, select, textarea');
    if (control) found.add(control);
  }
  root.querySelectorAll<HTMLElement>('[aria-label]').forEach((el) => {
    if (el.getAttribute('aria-label') === name) found.add(el);
  });
  if (found.size !== 1) throw new Error(`${found.size} controls labelled “${name}”`);
  return [...found][0] as T;
}

const buttons = (root: ParentNode = document) => [
  ...root.querySelectorAll<HTMLButtonElement>('button'),
];
const findButton = (name: string, root: ParentNode = document) =>
  buttons(root).find((b) => text(b) === name);
function button(name: string, root: ParentNode = document): HTMLButtonElement {
  const found = findButton(name, root);
  if (!found) throw new Error(`no button “${name}”`);
  return found;
}

/** A section (or form, or region) by the name its heading or aria-label gives it. */
function named(name: string): HTMLElement | undefined {
  for (const el of document.querySelectorAll<HTMLElement>('[aria-labelledby], [aria-label]')) {
    const by = el.getAttribute('aria-labelledby');
    const label = by ? text(document.getElementById(by)) : el.getAttribute('aria-label');
    if (label === name) return el;
  }
  return undefined;
}

const status = () => text(document.querySelector('[role="status"]'));
const countLine = () =>
  [...document.querySelectorAll('p')].map(text).find((t) => /^\d+ of \d+ entries$/.test(t));
const tableRows = () => [...document.querySelectorAll<HTMLTableRowElement>('table tbody tr')];
/** The ids of the rows shown, read from each row's "Level of …" select. */
const shownIds = () =>
  tableRows().map((tr) =>
    tr.querySelector('select[aria-label^="Level of "]')!.getAttribute('aria-label')!.slice(9),
  );
/** The row whose header names the entry `id` (under its phrases). */
const rowFor = (id: string) =>
  [...document.querySelectorAll('table tbody th')]
    .find((th) => [...th.querySelectorAll('*')].some((el) => text(el) === id))
    ?.closest('tr');

function choose(select: HTMLSelectElement, value: string): void {
  if (![...select.options].some((o) => o.value === value)) {
    throw new Error(`no option ${value} in ${select.id || select.getAttribute('aria-label')}`);
  }
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Types into a field, then lets Preact render, as between a user's keystrokes. */
async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
}
async function pick(select: HTMLSelectElement, value: string): Promise<void> {
  choose(select, value);
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function chooseFile(input: HTMLInputElement, name: string, contents: string): void {
  const transfer = new DataTransfer();
  transfer.items.add(new File([contents], name, { type: 'application/json' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function mount(): Promise<void> {
  document.body.innerHTML = '<div id="app"></div>';
  render(h(Options, {}), document.getElementById('app')!);
  await vi.waitFor(() => expect(countLine()).toBeDefined(), WAIT);
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  const app = document.getElementById('app');
  if (app) render(null, app);
  document.body.innerHTML = '';
});

// ---- Entries to store ----------------------------------------------------------------------

const OWN: Entry = {
  id: 'awkward-squad',
  category: 'labels',
  severity: 'info',
  phrases: ['awkward squad'],
  message: 'May read as a label for the people in it.',
  why: 'Naming people by how staff find them can follow them into every later record.',
  sources: [FIRST_SOURCE],
  alternatives: ['group we are still getting to know'],
  examples: {
    flag: [
      {
        text: 'He is one of the awkward squad.',
        corrections: ['He is one of the group we are still getting to know.'],
      },
    ],
    pass: ['The squad met on Tuesday.'],
  },
};

const personalLayer = (fields: Record<string, unknown>) => ({
  name: 'My changes',
  version: '1',
  entries: [],
  disable: [],
  ...fields,
});

// ---- Tests ---------------------------------------------------------------------------------

describe('Options page: settings', () => {
  it('stores the spelling chosen and says so', async () => {
    await mount();
    const locale = byLabel('Spelling');
    expect(locale.value).toBe('en-GB');
    expect(locale.disabled).toBe(false);
    choose(locale, 'en-US');
    await vi.waitFor(() => expect(status()).toBe('Spelling: American English (en-US).'), WAIT);
    expect(await storedSettings()).toEqual({ ...DEFAULT_SETTINGS, locale: 'en-US' });
    await vi.waitFor(() => expect(byLabel('Spelling').value).toBe('en-US'), WAIT);
  });

  it('stores the least level shown, and how an unlabelled field is read', async () => {
    await mount();
    choose(byLabel('Show flags from'), 'warn');
    await vi.waitFor(
      () => expect(status()).toBe(`Showing flags from “${SEVERITY_LABEL.warn}” up.`),
      WAIT,
    );
    expect(await storedSettings()).toEqual({ ...DEFAULT_SETTINGS, minSeverity: 'warn' });

    choose(byLabel('When a field does not say what it is, read it as'), 'letter-to-gp');
    await vi.waitFor(
      () =>
        expect(status()).toBe('Fields that do not say are read as a letter to a GP or colleague.'),
      WAIT,
    );
    expect(await storedSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      minSeverity: 'warn',
      whenUnsure: 'letter-to-gp',
    });
  });

  it('follows settings changed elsewhere (another tab, the popup)', async () => {
    await mount();
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, minSeverity: 'suggest', whenUnsure: 'letter-to-patient' },
    });
    await vi.waitFor(() => {
      expect(byLabel('Show flags from').value).toBe('suggest');
      expect(byLabel('When a field does not say what it is, read it as').value).toBe(
        'letter-to-patient',
      );
    }, WAIT);
  });

  it('lists the sites switched off and turns on exactly the one asked', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['a.example', 'b.example'] },
    });
    await mount();
    expect(findButton('Turn on again for b.example')).toBeDefined();
    button('Turn on again for a.example').click();
    await vi.waitFor(() => expect(status()).toBe('Alongside is on again for a.example.'), WAIT);
    expect(await storedSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['b.example'] });
    await vi.waitFor(() => expect(findButton('Turn on again for a.example')).toBeUndefined(), WAIT);
    expect(findButton('Turn on again for b.example')).toBeDefined();
  });

  it('lists the phrases ignored and stops ignoring exactly the one asked', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        ...DEFAULT_SETTINGS,
        disabledSites: ['a.example'],
        personalAllow: ['claims department', 'frequent flyer'],
      },
    });
    await mount();
    button('Stop ignoring “claims department”').click();
    await vi.waitFor(() => expect(status()).toBe('“claims department” is flagged again.'), WAIT);
    expect(await storedSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSites: ['a.example'],
      personalAllow: ['frequent flyer'],
    });
    await vi.waitFor(
      () => expect(findButton('Stop ignoring “claims department”')).toBeUndefined(),
      WAIT,
    );
    expect(findButton('Stop ignoring “frequent flyer”')).toBeDefined();
    expect(findButton('Turn on again for a.example')).toBeDefined();
  });

  it('says “None.” when nothing is switched off or ignored', async () => {
    await mount();
    const after = (heading: string) =>
      text(
        [...named('Settings')!.querySelectorAll('h3')].find((h3) => text(h3) === heading)
          ?.nextElementSibling,
      );
    expect(after('Sites where you switched Alongside off')).toBe('None.');
    expect(after('Phrases you ignore everywhere')).toBe(
      'None. “Ignore this phrase everywhere” in a card adds one here.',
    );
  });
});

describe('Options page: the lexicon table', () => {
  it('counts every built-in entry', async () => {
    await mount();
    expect(countLine()).toBe(`${M} of ${M} entries`);
    expect(tableRows()).toHaveLength(M);
  });

  it('narrows to the rows a search finds', async () => {
    await mount();
    const query = 'frequent flyer';
    // What the search reads: the id, phrases, message, why and each alternative's wording.
    const wording = (a: Entry['alternatives'][number]) =>
      typeof a === 'string' ? a : (Object.values(a.cases)[0] ?? a.otherwise ?? '');
    const expected = BUILT_IN.entries
      .filter((e) =>
        [e.id, ...(e.phrases ?? []), e.message, e.why, ...e.alternatives.map(wording)]
          .join('\n')
          .toLowerCase()
          .includes(query),
      )
      .map((e) => e.id);
    expect(expected).toContain('frequent-flyer');
    expect(expected.length).toBeLessThan(M);

    const search = byLabel<HTMLInputElement>('Search');
    await type(search, query);
    await vi.waitFor(() => expect(countLine()).toBe(`${expected.length} of ${M} entries`), WAIT);
    expect(shownIds().sort()).toEqual([...expected].sort());

    await type(search, '');
    await vi.waitFor(() => expect(countLine()).toBe(`${M} of ${M} entries`), WAIT);
  });

  it('shows only the level chosen', async () => {
    await mount();
    const expected = BUILT_IN.entries.filter((e) => e.severity === 'info').map((e) => e.id);
    expect(expected.length).toBeGreaterThan(0);
    choose(byLabel('Level'), 'info');
    await vi.waitFor(() => expect(countLine()).toBe(`${expected.length} of ${M} entries`), WAIT);
    expect(shownIds().sort()).toEqual([...expected].sort());
    for (const tr of tableRows()) {
      expect(tr.querySelector<HTMLSelectElement>('select[aria-label^="Level of "]')!.value).toBe(
        'info',
      );
    }
  });

  it('shows only the category chosen, among the categories of the lexicon', async () => {
    await mount();
    const categories = [...new Set(BUILT_IN.entries.map((e) => e.category))].sort();
    const select = byLabel('Category');
    expect([...select.options].map((o) => o.value)).toEqual(['', ...categories]);
    const expected = BUILT_IN.entries.filter((e) => e.category === 'nocebo').map((e) => e.id);
    choose(select, 'nocebo');
    await vi.waitFor(() => expect(countLine()).toBe(`${expected.length} of ${M} entries`), WAIT);
    expect(shownIds().sort()).toEqual([...expected].sort());
  });

  it('hides entries switched off when “Show entries switched off” is unticked', async () => {
    await fakeBrowser.storage.local.set({
      personalLexicon: personalLayer({ disable: ['claims'] }),
    });
    await mount();
    const row = rowFor('claims')!;
    expect(text(row)).toContain('switched off');
    expect(findButton('Switch on claims', row)).toBeDefined();
    expect(findButton('Switch off claims', row)).toBeUndefined();
    expect(countLine()).toBe(`${M} of ${M} entries`);

    const box = byLabel<HTMLInputElement>('Show entries switched off');
    expect(box.checked).toBe(true);
    box.click();
    await vi.waitFor(() => expect(countLine()).toBe(`${M - 1} of ${M} entries`), WAIT);
    expect(rowFor('claims')).toBeUndefined();
    expect(rowFor('refused')).toBeDefined();
  });
});

describe('Options page: changing built-in entries', () => {
  it('switches an entry off in the personal layer, and on again', async () => {
    await mount();
    button('Switch off claims').click();
    await vi.waitFor(() => expect(status()).toBe('“claims” is switched off.'), WAIT);
    expect(await storedPersonal()).toEqual(personalLayer({ disable: ['claims'] }));
    await vi.waitFor(() => expect(findButton('Switch on claims')).toBeDefined(), WAIT);
    expect(text(rowFor('claims'))).toContain('switched off');
    expect(text(rowFor('claims'))).toContain('changed by yours');
    expect(countLine()).toBe(`${M} of ${M} entries`);

    button('Switch on claims').click();
    await vi.waitFor(() => expect(status()).toBe('“claims” is on again.'), WAIT);
    expect(await storedPersonal()).toEqual(personalLayer({ disable: [] }));
    await vi.waitFor(() => expect(findButton('Switch off claims')).toBeDefined(), WAIT);
    expect(text(rowFor('claims'))).not.toContain('switched off');
  });

  it('keeps both of two changes made before the page is drawn again', async () => {
    await mount();
    button('Switch off claims').click();
    button('Switch off refused').click();
    await vi.waitFor(() => expect(status()).toBe('“refused” is switched off.'), WAIT);
    expect(await storedPersonal()).toEqual(personalLayer({ disable: ['claims', 'refused'] }));
  });

  it('says, before the browser would refuse it, that a change does not fit in storage', async () => {
    const local = fakeBrowser.storage.local as unknown as {
      QUOTA_BYTES: number;
      getBytesInUse?: (keys: string | null) => Promise<number>;
    };
    // Nearly full with other things: 10 bytes left, the personal layer holding none of it.
    local.getBytesInUse = vi.fn(async (keys) => (keys === null ? local.QUOTA_BYTES - 10 : 0));
    try {
      await mount();
      button('Switch off claims').click();
      await vi.waitFor(() => expect(status()).toMatch(/^Not saved: /), WAIT);
      expect(status()).toBe(
        "Not saved: your changes would take 1 KB, and the browser's storage for Alongside has room for 1 KB; export them, then remove some.",
      );
      expect(await storedPersonal()).toBeUndefined();
    } finally {
      delete local.getBytesInUse;
    }
  });

  it('saves a change beside an older one whose examples no longer read as they did', async () => {
    // Stored when the built-in lexicon read differently: whole, but its correction is stale.
    const stale = {
      id: 'claims',
      alternatives: ['reports'],
      examples: { flag: [{ text: 'She claims it hurts.', corrections: ['She says it hurts.'] }] },
    };
    await fakeBrowser.storage.local.set({ personalLexicon: personalLayer({ entries: [stale] }) });
    await mount();
    await vi.waitFor(() => expect(findButton('Restore claims')).toBeDefined(), WAIT);
    button('Switch off refused').click();
    await vi.waitFor(() => expect(status()).toBe('“refused” is switched off.'), WAIT);
    expect(await storedPersonal()).toEqual(
      personalLayer({ entries: [stale], disable: ['refused'] }),
    );
  });

  it('changes a level as a patch, and Restore takes the patch away', async () => {
    await mount();
    expect(BUILT_IN.entries.find((e) => e.id === 'claims')!.severity).toBe('warn');
    const level = byLabel('Level of claims');
    expect(level.value).toBe('warn');
    expect(text(rowFor('claims'))).not.toContain('changed by yours');
    choose(level, 'info');
    await vi.waitFor(
      () => expect(status()).toBe(`“claims” is now “${SEVERITY_LABEL.info}”.`),
      WAIT,
    );
    expect(await storedPersonal()).toEqual(
      personalLayer({ entries: [{ id: 'claims', severity: 'info' }] }),
    );
    await vi.waitFor(() => expect(findButton('Restore claims')).toBeDefined(), WAIT);
    expect(text(rowFor('claims'))).toContain('changed by yours');
    expect(byLabel('Level of claims').value).toBe('info');
    // Still on, so it can still be switched off.
    expect(findButton('Switch off claims')).toBeDefined();

    button('Restore claims').click();
    await vi.waitFor(
      () => expect(status()).toBe('“claims” is as the built-in lexicon has it again.'),
      WAIT,
    );
    expect(await storedPersonal()).toEqual(personalLayer({}));
    await vi.waitFor(() => expect(findButton('Restore claims')).toBeUndefined(), WAIT);
    expect(byLabel('Level of claims').value).toBe('warn');
    expect(text(rowFor('claims'))).not.toContain('changed by yours');
  });
});

describe('Options page: an entry of your own', () => {
  async function fill(form: HTMLElement, id: string): Promise<void> {
    await type(byLabel<HTMLInputElement>('Id (lower case and hyphens)', form), id);
    await pick(byLabel('Category', form), 'labels');
    await pick(byLabel('Level', form), 'info');
    await type(byLabel<HTMLTextAreaElement>('Phrases to flag (one a line)', form), 'awkward squad');
    await type(byLabel<HTMLInputElement>('Message (one short, calm line)', form), OWN.message);
    await type(byLabel<HTMLTextAreaElement>('Why it may land badly', form), OWN.why);
    await type(
      byLabel<HTMLTextAreaElement>('Alternatives (one a line)', form),
      'group we are still getting to know',
    );
    await pick(byLabel('Source', form), FIRST_SOURCE);
    await type(
      byLabel<HTMLInputElement>('A sentence it should flag', form),
      'He is one of the awkward squad.',
    );
    await type(
      byLabel<HTMLInputElement>('A sentence it should leave alone', form),
      'The squad met on Tuesday.',
    );
  }

  it('refuses an invalid id, then saves a valid entry that the table lists as yours', async () => {
    await mount();
    button('Add an entry of your own').click();
    await vi.waitFor(() => expect(named('A new entry')).toBeDefined(), WAIT);
    const form = named('A new entry')!;
    expect(findButton('Add an entry of your own')).toBeUndefined();

    await fill(form, 'Awkward-Squad');
    // The live test, before saving: what it flags and the sentence the alternative leaves.
    const trials = [...form.querySelectorAll('li')].map(text);
    expect(trials).toContainEqual(
      expect.stringMatching(/^Flag example: flags “awkward squad” \(as it should\)/),
    );
    expect(trials).toContain('He is one of the group we are still getting to know.');
    expect(trials).toContain('Pass example: nothing flagged (as it should)');

    button('Save', form).click();
    await vi.waitFor(() => expect(status()).toMatch(/^Not saved: /), WAIT);
    expect(status()).toBe(
      'Not saved: “Awkward-Squad”: id: use lower-case letters, digits and single hyphens, e.g. "claims-credibility"',
    );
    expect(await storedPersonal()).toBeUndefined();
    expect(named('A new entry')).toBe(form);

    await type(byLabel<HTMLInputElement>('Id (lower case and hyphens)', form), OWN.id);
    button('Save', form).click();
    await vi.waitFor(() => expect(status()).toBe('“awkward-squad” is saved.'), WAIT);
    expect(await storedPersonal()).toEqual(personalLayer({ entries: [OWN] }));
    await vi.waitFor(() => expect(countLine()).toBe(`${M + 1} of ${M + 1} entries`), WAIT);
    expect(named('A new entry')).toBeUndefined();

    const row = rowFor(OWN.id)!;
    expect(text(row)).toContain(OWN.message);
    expect(text(row)).toContain('Yours');
    expect(byLabel('Level of awkward-squad').value).toBe('info');
    // Your own entry is deleted, not switched off.
    expect(findButton('Switch off awkward-squad')).toBeUndefined();
    expect(findButton('Delete awkward-squad')).toBeDefined();

    choose(byLabel('Layer'), 'personal');
    await vi.waitFor(() => expect(countLine()).toBe(`1 of ${M + 1} entries`), WAIT);
    expect(shownIds()).toEqual([OWN.id]);
  });

  it('tries any sentence typed in the live test', async () => {
    await mount();
    button('Add an entry of your own').click();
    await vi.waitFor(() => expect(named('A new entry')).toBeDefined(), WAIT);
    const form = named('A new entry')!;
    await fill(form, OWN.id);
    await type(byLabel<HTMLInputElement>('Any sentence', form), 'Not the Awkward Squad again.');
    const trials = [...form.querySelectorAll('li')].map(text);
    expect(trials).toContainEqual(expect.stringMatching(/^Your sentence: flags “Awkward Squad”/));
    expect(trials).toContain('Not the group we are still getting to know again.');

    button('Cancel', form).click();
    await vi.waitFor(() => expect(named('A new entry')).toBeUndefined(), WAIT);
    expect(await storedPersonal()).toBeUndefined();
  });
});

describe('Options page: importing a file', () => {
  const importInput = () =>
    byLabel<HTMLInputElement>('Import my changes from a file (JSON or CSV)');
  const preview = () => named('What the import would change');

  it('shows what is wrong with a broken file and changes nothing', async () => {
    const before = personalLayer({ disable: ['claims'] });
    await fakeBrowser.storage.local.set({ personalLexicon: before });
    await mount();
    chooseFile(importInput(), 'mine.json', '{ "name": "My changes", ');
    await vi.waitFor(() => expect(preview()).toBeDefined(), WAIT);
    expect(text(preview())).toContain('Nothing was changed. The file needs these fixes first:');
    const errors = [...preview()!.querySelectorAll('li')].map(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^not valid JSON at line 1, column \d+/);
    expect(findButton('Apply the import')).toBeUndefined();
    expect(await storedPersonal()).toEqual(before);

    button('Close', preview()).click();
    await vi.waitFor(() => expect(preview()).toBeUndefined(), WAIT);

    // Valid JSON, not a valid layer: the field and the problem are named.
    chooseFile(
      importInput(),
      'mine.json',
      JSON.stringify(personalLayer({ entries: [{ id: 'not-below', severity: 'info' }] })),
    );
    await vi.waitFor(() => expect(preview()).toBeDefined(), WAIT);
    expect([...preview()!.querySelectorAll('li')].map(text)).toEqual([
      expect.stringMatching(/^entries\[0\]\.id: there is no entry "not-below" in the layers below/),
    ]);
    expect(await storedPersonal()).toEqual(before);
    expect(rowFor('claims') && text(rowFor('claims'))).toContain('switched off');
  });

  it('previews what a good file adds, changes and removes, and applies it only when asked', async () => {
    const before = personalLayer({
      entries: [OWN, { id: 'claims', severity: 'info' }, { id: 'refusing', severity: 'info' }],
    });
    await fakeBrowser.storage.local.set({ personalLexicon: before });
    await mount();
    expect(rowFor(OWN.id)).toBeDefined();
    const file = personalLayer({
      entries: [
        { id: 'claims', severity: 'suggest' },
        { id: 'refusing', severity: 'info' },
        { id: 'refused', severity: 'info' },
      ],
    });
    chooseFile(importInput(), 'my-changes.json', JSON.stringify(file));
    await vi.waitFor(() => expect(preview()).toBeDefined(), WAIT);
    const region = preview()!;
    expect(text(region.querySelector('h3'))).toBe('my-changes.json');
    expect(text(region)).toContain(
      '1 added, 1 changed, 1 removed. Your changes will be replaced by the file’s.',
    );
    expect([...region.querySelectorAll('li')].map(text)).toEqual([
      'Added: refused',
      'Changed: claims',
      'Removed: awkward-squad',
    ]);
    // Nothing is stored before the import is confirmed.
    expect(await storedPersonal()).toEqual(before);

    button('Apply the import', region).click();
    await vi.waitFor(() => expect(status()).toBe('The import is applied.'), WAIT);
    expect(await storedPersonal()).toEqual(file);
    await vi.waitFor(() => expect(preview()).toBeUndefined(), WAIT);
    await vi.waitFor(() => expect(rowFor(OWN.id)).toBeUndefined(), WAIT);
    expect(countLine()).toBe(`${M} of ${M} entries`);
    expect(byLabel('Level of claims').value).toBe('suggest');
    expect(byLabel('Level of refused').value).toBe('info');
  });

  it('keeps the personal layer when an import is cancelled', async () => {
    await mount();
    chooseFile(
      importInput(),
      'my-changes.json',
      JSON.stringify(personalLayer({ disable: ['claims'] })),
    );
    await vi.waitFor(() => expect(findButton('Apply the import')).toBeDefined(), WAIT);
    button('Cancel', preview()).click();
    await vi.waitFor(() => expect(preview()).toBeUndefined(), WAIT);
    expect(await storedPersonal()).toBeUndefined();
    expect(findButton('Switch off claims')).toBeDefined();
  });
});

describe('Options page: what the organisation manages', () => {
  it('offers no way to change entries when the policy allows no personal changes', async () => {
    await setPolicy({ allowPersonalChanges: false });
    // A personal layer stored before the policy came is not in force.
    await fakeBrowser.storage.local.set({
      personalLexicon: personalLayer({ disable: ['claims'] }),
    });
    await mount();
    expect(text(named('The lexicon in force'))).toContain(
      'Your organisation manages the lexicon: entries cannot be changed here.',
    );
    expect(countLine()).toBe(`${M} of ${M} entries`);
    const names = buttons().map(text);
    expect(names.filter((n) => /^(Switch off|Switch on|Restore|Duplicate) /.test(n))).toEqual([]);
    expect(names).not.toContain('Add an entry of your own');
    expect(names.filter((n) => n.startsWith('Export my changes'))).toEqual([]);
    expect(names).toContain('Export the lexicon in force (JSON)');
    expect(document.querySelectorAll('select[aria-label^="Level of "]')).toHaveLength(0);
    expect(document.querySelectorAll('input[type="file"]')).toHaveLength(0);
    const claims = rowFor('claims')!;
    expect(text(claims)).toContain(SEVERITY_LABEL.warn);
    expect(text(claims)).not.toContain('switched off');
  });

  it('shows a managed spelling as set by the organisation, and the select disabled', async () => {
    await setPolicy({ locale: 'en-US' });
    await mount();
    const locale = byLabel('Spelling');
    expect(locale.disabled).toBe(true);
    expect(locale.value).toBe('en-US');
    // The page itself now speaks the managed locale.
    expect(text(locale.parentElement)).toContain('Set by your organization');
    // Personal changes are still allowed.
    expect(findButton('Add an entry of your own')).toBeDefined();
    expect(await storedSettings()).toBeUndefined();
  });

  it('keeps levels under a managed minimum out of reach', async () => {
    await setPolicy({ minimumSeverity: 'suggest' });
    await mount();
    const select = byLabel('Show flags from');
    expect(select.value).toBe('suggest');
    expect([...select.options].filter((o) => o.disabled).map((o) => o.value)).toEqual(['info']);
    expect(text(named('Settings'))).toContain(
      `Your organisation shows nothing below “${SEVERITY_LABEL.suggest}”`,
    );
    expect(text(named('Settings'))).not.toContain('Set by your organisation');
  });

  it('lists what in the policy could not be used', async () => {
    await fakeBrowser.storage.managed.set({ colour: 'blue', locale: 'fr-FR' });
    await mount();
    const items = [...document.querySelectorAll('li')].map(text);
    expect(items).toContain('colour: not a setting Alongside knows; it is ignored');
    expect(items).toContainEqual(expect.stringMatching(/^locale: .+; it is ignored$/));
    // The rest of the policy still applies, and the page still offers changes.
    expect(byLabel('Spelling').disabled).toBe(false);
    expect(findButton('Add an entry of your own')).toBeDefined();
  });

  it('shows stored data the background put right, as it arrives', async () => {
    const problem = 'the stored settings were not valid; the last good ones are back in place';
    const items = () => [...document.querySelectorAll('li')].map(text);
    await mount();
    expect(items()).not.toContain(problem);
    await fakeBrowser.storage.local.set({ storageProblems: [problem] });
    await vi.waitFor(() => expect(items()).toContain(problem), WAIT);
  });
});

describe('Options page: text from storage and files', () => {
  const markup = '<img src=x onerror="window.__x=1">';
  afterEach(() => {
    delete (window as { __x?: number }).__x;
  });

  it('shows a stored message as text, never as markup', async () => {
    await fakeBrowser.storage.local.set({
      personalLexicon: personalLayer({ entries: [{ ...OWN, message: markup }] }),
    });
    await mount();
    const row = rowFor(OWN.id)!;
    expect([...row.querySelectorAll('td')].map(text)).toContain(markup);
    expect(document.querySelector('img')).toBeNull();
    expect((window as { __x?: number }).__x).toBeUndefined();
  });

  it('shows an imported file’s name and errors as text, never as markup', async () => {
    await mount();
    chooseFile(
      byLabel<HTMLInputElement>('Import my changes from a file (JSON or CSV)'),
      `${markup}.json`,
      JSON.stringify(personalLayer({ entries: [{ id: markup, severity: 'info' }] })),
    );
    await vi.waitFor(() => expect(named('What the import would change')).toBeDefined(), WAIT);
    const region = named('What the import would change')!;
    expect(text(region.querySelector('h3'))).toBe(`${markup}.json`);
    expect(text(region)).toContain('Nothing was changed.');
    expect(document.querySelector('img')).toBeNull();
    expect((window as { __x?: number }).__x).toBeUndefined();
  });
});
