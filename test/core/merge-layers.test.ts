import { describe, expect, it } from 'vitest';
import { compile, validateLexicon, type Entry, type EntryPatch } from '../../core/index.ts';
import { applyPatch, mergeLayers } from '../../core/lexicon/merge-layers.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

const claims = entry({
  id: 'claims',
  phrases: ['claims', 'alleges'],
  context: {
    notPrecededBy: ['insurance', 'the department'],
    notFollowedBy: ['department'],
    window: 2,
  },
  locales: { 'en-US': { message: 'US message.' } },
  tags: ['doubt'],
});
const base = lexicon([claims, entry({ id: 'insists', phrases: ['insists'] })]);
const patched = (...patches: EntryPatch[]) => lexicon([], { patches });

describe('applyPatch', () => {
  it('replaces the values it gives and keeps the rest', () => {
    const out = applyPatch(claims, { id: 'claims', severity: 'info', message: 'New.' });
    expect(out).toEqual({ ...claims, severity: 'info', message: 'New.' });
  });

  it('replaces an array whole rather than appending to it', () => {
    expect(applyPatch(claims, { id: 'claims', phrases: ['asserts'] }).phrases).toEqual(['asserts']);
    expect(applyPatch(claims, { id: 'claims', tags: [] }).tags).toEqual([]);
  });

  it('merges objects field by field, so a context window changes without copying the lists', () => {
    const out = applyPatch(claims, { id: 'claims', context: { window: 3 } });
    expect(out.context).toEqual({ ...claims.context, window: 3 });
    const lists = applyPatch(claims, { id: 'claims', context: { notFollowedBy: ['dept'] } });
    expect(lists.context?.notFollowedBy).toEqual(['dept']);
    expect(lists.context?.notPrecededBy).toEqual(claims.context?.notPrecededBy);
    const us = applyPatch(claims, { id: 'claims', locales: { 'en-US': { why: 'US why.' } } });
    expect(us.locales?.['en-US']).toEqual({ message: 'US message.', why: 'US why.' });
  });

  it('leaves the entry below as it was', () => {
    const before = structuredClone(claims);
    applyPatch(claims, { id: 'claims', severity: 'warn', context: { window: 1 } });
    expect(claims).toEqual(before);
  });
});

describe('mergeLayers with patches', () => {
  const entriesOf = (...layers: Parameters<typeof mergeLayers>[0]) =>
    mergeLayers(layers).entries.map(({ entry: e, layer }) => [e.id, e.severity, layer]);

  it('patches the entry below, in the patching layer', () => {
    expect(entriesOf(base, patched({ id: 'claims', severity: 'info' }))).toEqual([
      ['insists', 'suggest', 0],
      ['claims', 'info', 1],
    ]);
  });

  it('patches a patched entry again, latest layer last', () => {
    const service = patched({ id: 'claims', severity: 'info', message: 'Service.' });
    const personal = patched({ id: 'claims', severity: 'warn' });
    const merged = mergeLayers([base, service, personal]);
    const found = merged.entries.find((e) => e.entry.id === 'claims')!;
    expect([found.entry.severity, found.entry.message, found.layer]).toEqual([
      'warn',
      'Service.',
      2,
    ]);
  });

  it('switches an entry off with "enabled": false, and back on with true', () => {
    const off = patched({ id: 'claims', enabled: false });
    expect(entriesOf(base, off)).toEqual([['insists', 'suggest', 0]]);
    expect(entriesOf(base, off, patched({ id: 'claims', enabled: true }))).toContainEqual([
      'claims',
      'suggest',
      2,
    ]);
    // Switched off by `disable`, a patch of something else keeps it off.
    const disabled = lexicon([], { disable: ['claims'] });
    expect(entriesOf(base, disabled, patched({ id: 'claims', severity: 'info' }))).toEqual([
      ['insists', 'suggest', 0],
    ]);
  });

  it('skips a patch of an entry no layer below has (validation reports it)', () => {
    expect(entriesOf(base, patched({ id: 'claim', severity: 'info' }))).toEqual([
      ['claims', 'suggest', 0],
      ['insists', 'suggest', 0],
    ]);
  });

  it('a whole entry with the same id still replaces the entry below, fields and all', () => {
    const whole = entry({ id: 'claims', phrases: ['claims'] });
    const merged = mergeLayers([base, lexicon([whole])]);
    const found = merged.entries.find((e) => e.entry.id === 'claims')!.entry;
    expect(found.context).toBeUndefined();
    expect(found.phrases).toEqual(['claims']);
  });
});

describe('the engine applies patches as validation does', () => {
  it('compiles a validated patch layer into the same entry validation checked', () => {
    const file = {
      name: 'ours',
      version: '1',
      entries: [{ id: 'claims', severity: 'info', context: { notPrecededBy: ['she'] } }],
    };
    const result = validateLexicon(file, { below: [base] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const m = compile([base, result.lexicon]);
    const inForce = m.entries.find((e) => e.id === 'claims') as Entry;
    expect(inForce).toEqual(applyPatch(claims, file.entries[0] as EntryPatch));
    expect(m.find('He claims it hurts.').map((f) => [f.entryId, f.severity])).toEqual([
      ['claims', 'info'],
    ]);
    // The patched context list replaced the one below: "she" now silences it, "insurance" no more.
    expect(m.find('She claims it hurts.')).toEqual([]);
    expect(m.find('Insurance claims rose.').map((f) => f.entryId)).toEqual(['claims']);
  });
});
