import { describe, expect, it } from 'vitest';
import { validateLexicon, type Lexicon } from '../../core/index.ts';
import {
  asLexiconFile,
  layerView,
  searchRows,
  withEntryRestored,
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
