import { describe, expect, it } from 'vitest';
import { validateLexicon, type Lexicon } from '../../core/index.ts';
import {
  asLexiconFile,
  entryBelow,
  layerView,
  personalEntry,
  searchRows,
  withEntryPatched,
  withEntryRestored,
  withEntrySeverity,
  withEntrySwitched,
} from '../../core/lexicon/layer-view.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

const builtIn = lexicon([
  entry({ id: 'claims', phrases: ['claims'], message: 'May read as doubt.' }),
  entry({ id: 'heartsink', phrases: ['heartsink'], category: 'labels', alternatives: ['x'] }),
  entry({ id: 'refused', phrases: ['refused'], alternatives: ['declined'] }),
]);

/** A layer as the options page stores it, validated as the background does. */
const layer = (file: unknown, below: Lexicon[]): Lexicon => {
  const v = validateLexicon(file, { below });
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return v.lexicon;
};

describe('the effective lexicon as the options page lists it', () => {
  const service = layer(
    {
      name: 'S',
      version: '1',
      entries: [{ id: 'claims', severity: 'info' }],
      disable: ['refused'],
    },
    [builtIn],
  );
  const personal = layer(
    {
      name: 'P',
      version: '1',
      entries: [{ id: 'claims', severity: 'warn' }],
      disable: ['heartsink'],
    },
    [builtIn, service],
  );
  const rows = layerView([
    { name: 'built-in', lexicon: builtIn },
    { name: 'service', lexicon: service },
    { name: 'personal', lexicon: personal },
  ]);
  const row = (id: string) => rows.find((r) => r.id === id)!;

  it('says where each entry comes from, which later layers changed it, and whether it is on', () => {
    expect(rows.map((r) => [r.id, r.from, r.changedBy, r.enabled, r.personal])).toEqual([
      ['heartsink', 'built-in', ['personal'], false, 'off'],
      ['refused', 'built-in', ['service'], false, 'none'],
      ['claims', 'built-in', ['service', 'personal'], true, 'changed'],
    ]);
    expect(row('claims').severity).toBe('warn');
  });

  it('finds rows by every word of a search, over phrases, message, why and alternatives', () => {
    expect(searchRows(rows, 'DOUBT claims').map((r) => r.id)).toEqual(['claims']);
    expect(searchRows(rows, 'declined').map((r) => r.id)).toEqual(['refused']);
    expect(searchRows(rows, '  ').length).toBe(3);
  });

  it('switches an entry off and on, and restores one, in the personal layer', () => {
    const off = withEntrySwitched(personal, 'refused', false);
    expect(off.disable).toEqual(['heartsink', 'refused']);
    expect(withEntrySwitched(off, 'refused', true).disable).toEqual(['heartsink']);
    const restored = withEntryRestored(personal, 'claims');
    expect(asLexiconFile(restored)).toEqual({
      name: 'P',
      version: '1',
      entries: [],
      disable: ['heartsink'],
    });
    // What is stored is a lexicon file again: it validates over the same layers.
    expect(validateLexicon(asLexiconFile(off), { below: [builtIn, service] }).ok).toBe(true);
  });
});

describe('changing the wording of an entry below by a patch in the personal layer', () => {
  // Real examples, so what is stored can be validated as the options page validates it.
  const below = [
    lexicon([
      entry({
        id: 'claims',
        phrases: ['claims'],
        message: 'May read as doubt.',
        why: 'Casts the account as an assertion.',
        // A table of cases and a plain wording: the form lists only the plain one.
        alternatives: [{ group: 0, cases: { claims: 'reports' } }, 'says'],
        examples: {
          flag: [
            {
              text: 'She claims it hurts.',
              corrections: ['She reports it hurts.', 'She says it hurts.'],
            },
          ],
          pass: ['She reports it hurts.'],
        },
        locales: { 'en-US': { why: 'Casts the account as an assertion (en-US).' } },
      }),
      entry({
        id: 'refused',
        phrases: ['refused'],
        alternatives: ['declined'],
        examples: {
          flag: [
            {
              text: 'He refused the scan.',
              corrections: ['He declined the scan.'],
              'en-US': ['He turned down the scan.'],
            },
          ],
          pass: ['He declined the scan.'],
        },
        locales: { 'en-US': { alternatives: ['turned down'] } },
      }),
    ]),
  ];
  const claims = entryBelow(below, 'claims')!;
  const refused = entryBelow(below, 'refused')!;
  const empty: Lexicon = { name: 'P', version: '1', entries: [] };
  const levelled = withEntrySeverity(empty, 'claims', 'info');
  /** What the options page stores, after checking it as it does (examples run). */
  const stored = (next: Lexicon) => {
    const file = asLexiconFile(next);
    const validated = validateLexicon(file, { below, examples: true });
    expect(validated.ok ? [] : validated.errors).toEqual([]);
    return file;
  };

  it('keeps only the fields that differ, merged with the level already changed', () => {
    const next = withEntryPatched(levelled, claims, {
      message: 'May read as doubt.',
      why: 'Casts their behaviour as a claim to be tested.',
    });
    // The entry's own en-US why would hide the new one there: it follows, in US spelling.
    expect(stored(next)).toEqual({
      name: 'P',
      version: '1',
      entries: [
        {
          id: 'claims',
          severity: 'info',
          why: 'Casts their behaviour as a claim to be tested.',
          locales: { 'en-US': { why: 'Casts their behavior as a claim to be tested.' } },
        },
      ],
    });
    const row = layerView([
      { name: 'built-in', lexicon: below[0]! },
      { name: 'personal', lexicon: next },
    ]).find((r) => r.id === 'claims')!;
    expect([row.severity, row.why, row.personal]).toEqual([
      'info',
      'Casts their behaviour as a claim to be tested.',
      'changed',
    ]);
    // Restore takes the whole patch away, the level with it.
    expect(asLexiconFile(withEntryRestored(next, 'claims')).entries).toEqual([]);
  });

  it('changes nothing when nothing differs, and leaves no empty patch behind', () => {
    const same = { message: claims.message, why: claims.why };
    expect(withEntryPatched(levelled, claims, same)).toBe(levelled);
    expect(withEntryPatched(empty, claims, same)).toBe(empty);
    const changed = withEntryPatched(levelled, claims, { message: 'Reads as doubt.' });
    expect(withEntryPatched(changed, claims, same).patches).toEqual([
      { id: 'claims', severity: 'info' },
    ]);
    const mine = withEntryPatched(empty, claims, { message: 'Reads as doubt.' });
    expect(withEntryPatched(mine, claims, same).patches).toEqual([]);
  });

  it('replaces the alternatives whole, with flag examples carrying the sentences the new ones leave', () => {
    const next = withEntryPatched(empty, claims, { alternatives: ['tells us', 'says'] });
    expect(stored(next).entries).toEqual([
      {
        id: 'claims',
        alternatives: ['tells us', 'says'],
        examples: {
          flag: [
            {
              text: 'She claims it hurts.',
              corrections: ['She tells us it hurts.', 'She says it hurts.'],
            },
          ],
        },
      },
    ]);
    // The pass examples below still apply (examples are merged field by field).
    expect(personalEntry(next, claims).examples.pass).toEqual(['She reports it hurts.']);
    // Back to the alternatives below: their own examples fit again, and the patch goes.
    const back = withEntryPatched(next, claims, { alternatives: claims.alternatives });
    expect(back.patches).toEqual([]);
  });

  it('gives en-US wording and corrections too where the entry has en-US alternatives of its own', () => {
    const next = withEntryPatched(empty, refused, { alternatives: ['chose not to have'] });
    expect(stored(next).entries).toEqual([
      {
        id: 'refused',
        alternatives: ['chose not to have'],
        locales: { 'en-US': { alternatives: ['chose not to have'] } },
        examples: {
          flag: [
            {
              text: 'He refused the scan.',
              corrections: ['He chose not to have the scan.'],
              'en-US': ['He chose not to have the scan.'],
            },
          ],
        },
      },
    ]);
  });

  it('changes an entry the personal layer replaced whole in place, not by a patch', () => {
    const own = { ...claims, sources: claims.sources, message: 'Mine.' };
    const personal: Lexicon = { ...empty, entries: [own] };
    const next = withEntryPatched(personal, claims, { message: 'Mine again.' });
    expect(next.patches).toBeUndefined();
    expect(next.entries).toEqual([{ ...own, message: 'Mine again.' }]);
    stored(next);
  });
});
