// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManagedSummary } from '../../components/options/ManagedSummary.tsx';
import { StoredProblems } from '../../components/options/StoredProblems.tsx';

const host = () => {
  document.body.innerHTML = '<div id="host"></div>';
  return document.querySelector('#host')!;
};
afterEach(() => render(null, document.querySelector('#host')!));

/** Each term and its description, as a reader of the list meets them. */
const terms = () =>
  [...document.querySelectorAll('dl > div')].map((d) => [
    d.querySelector('dt')!.textContent,
    d.querySelector('dd')!.textContent,
  ]);

const service = {
  name: 'Riverside Pain Service',
  version: '2026.1',
  description: 'Agreed by the pain team, March 2026.',
  entries: [],
};

describe('ManagedSummary', () => {
  it('says nothing where no policy is set', () => {
    render(
      h(ManagedSummary, {
        stored: { policy: {}, problems: [] },
        service: undefined,
        fetched: null,
      }),
      host(),
    );
    expect(document.querySelector('section')).toBeNull();
  });

  it('names each managed setting in plain words, and the service lexicon by its own name', () => {
    render(
      h(ManagedSummary, {
        stored: {
          policy: {
            minimumSeverity: 'suggest',
            allowPersonalChanges: false,
            sitesEnabled: ['*.example.nhs.uk', 'records.example'],
            locale: 'en-US',
          },
          problems: [],
        },
        service,
        fetched: null,
      }),
      host(),
    );
    expect(document.querySelector('h2')!.textContent).toBe('Managed by your organisation');
    expect(terms()).toEqual([
      [
        'Service lexicon',
        '“Riverside Pain Service”, version 2026.1, given in the policy itselfAgreed by the pain team, March 2026.',
      ],
      ['Alongside runs only on', '*.example.nhs.uk, records.example'],
      [
        'Your own changes to the lexicon',
        'not allowed: the lexicon is as your organisation sets it',
      ],
      ['Flags shown from at least', '“Suggestion”'],
      ['Spelling', 'American English (en-US)'],
    ]);
  });

  it('says when a service lexicon was fetched from its address', () => {
    const url = 'https://intranet.example.nhs.uk/lexicon.json';
    const fetchedAt = Date.UTC(2026, 10, 30, 9, 15);
    render(
      h(ManagedSummary, {
        stored: { policy: { serviceLexiconUrl: url }, problems: [] },
        service: { ...service, description: undefined },
        fetched: { url, text: '{}', fetchedAt, triedAt: fetchedAt },
      }),
      host(),
    );
    const when = new Date(fetchedAt).toLocaleString('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    expect(terms()).toEqual([
      ['Service lexicon', `“Riverside Pain Service”, version 2026.1, fetched ${when}`],
      ['Service lexicon fetched from', url],
    ]);
  });

  it('shows a lexicon name as text, never as markup', () => {
    render(
      h(ManagedSummary, {
        stored: { policy: {}, problems: [] },
        service: { ...service, name: '<img src=x onerror="window.__x=1">' },
        fetched: null,
      }),
      host(),
    );
    expect(document.querySelector('img')).toBeNull();
    expect(terms()[0]![1]).toContain('“<img src=x onerror="window.__x=1">”');
  });
});

describe('StoredProblems', () => {
  it('lists each kind of problem under its own heading, and nothing when there is none', () => {
    render(
      h(StoredProblems, {
        policy: [],
        personal: [],
        putRight: [],
        setAside: null,
        onDiscardSetAside: vi.fn(),
      }),
      host(),
    );
    expect(document.querySelectorAll('section')).toHaveLength(0);
    render(
      h(StoredProblems, {
        policy: ['minimumSeverity: expected one of "info", "suggest" or "warn"'],
        personal: ['your own changes are not in force: entries[0].id: unknown id "clams"'],
        putRight: [],
        setAside: null,
        onDiscardSetAside: vi.fn(),
      }),
      host(),
    );
    expect([...document.querySelectorAll('section')].map((s) => s.textContent)).toEqual([
      'From your organisation’s policyminimumSeverity: expected one of "info", "suggest" or "warn"',
      'Your own changesyour own changes are not in force: entries[0].id: unknown id "clams"',
    ]);
  });

  it('offers the set-aside changes for download, as the JSON they were, then to discard', async () => {
    const made: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      made.push(blob as Blob);
      return 'blob:set-aside';
    });
    const onDiscardSetAside = vi.fn();
    const setAside = { name: 'My changes', version: '1', entries: 'claims' };
    render(
      h(StoredProblems, {
        policy: [],
        personal: [],
        putRight: ['your own lexicon changes could not be used (…)'],
        setAside,
        onDiscardSetAside,
      }),
      host(),
    );
    const button = (name: string) =>
      [...document.querySelectorAll('button')].find((b) => b.textContent === name)!;
    button('Download them').click();
    expect(made).toHaveLength(1);
    expect(JSON.parse(await made[0]!.text())).toEqual(setAside);
    expect(onDiscardSetAside).not.toHaveBeenCalled();
    button('Discard them').click();
    expect(onDiscardSetAside).toHaveBeenCalledTimes(1);
  });
});
