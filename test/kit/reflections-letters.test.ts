// The reflections on sample letters written for the project by an independent author, from the
// reflections' definitions only (test/fixtures/letters/README.md), never seen while the
// reflections' rules and cue words were written. Each reflection must fire on the letters where
// what it looks for is missing, and stay silent on the rest, including the kinds it does not fit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, defaultLexicon } from '../../core/index.ts';
import { mergeKits } from '../../core/kit/merge-kit.ts';
import { compileReflections, reflect } from '../../core/kit/reflect.ts';
import type { DocumentKind } from '../../core/lexicon/schema.ts';

const DIR = join(import.meta.dirname, '../fixtures/letters');
interface Expected {
  file: string;
  kind: DocumentKind;
  reflections: Record<'way-back-in' | 'social-context' | 'written-to-person', boolean>;
  why?: string;
}
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Expected[];
const lexicon = defaultLexicon();
const kit = compileReflections(mergeKits([lexicon.prompts]).kit);
const matcher = compile([lexicon]);

/**
 * Where the reflections and the author still disagree, and why: each is asserted as it is, so a
 * change in either direction is seen (and this list shrinks). First run, before any change:
 * way-back-in 39/39, written-to-person 39/39, social-context 36/39. Two misses were general
 * gaps and are mended (a "third-floor flat" is housing; a relative's illness is family medical
 * history, not support); this one is left, as no cue could catch it without being written for it.
 */
const KNOWN_MISSES: Record<string, string> = {
  'social-context 01-pain-clinic-you-ring-clinic.txt':
    'work is described, never named ("the lifting you used to do at the garden centre", "three days a week there")',
};

const shown = (e: Expected) => {
  const text = readFileSync(join(DIR, e.file), 'utf8');
  const findings = matcher.find(text, { documentKind: e.kind });
  return new Set(reflect(text, { kind: e.kind, kit, findings }).map((r) => r.id));
};

describe('the reflections on letters by an independent author', () => {
  it('has enough letters of each outcome to mean something', () => {
    expect(expected.length).toBeGreaterThanOrEqual(20);
    for (const id of ['way-back-in', 'social-context', 'written-to-person'] as const) {
      expect(expected.filter((e) => e.reflections[id]).length).toBeGreaterThanOrEqual(6);
      expect(expected.filter((e) => !e.reflections[id]).length).toBeGreaterThanOrEqual(6);
    }
  });

  for (const id of ['way-back-in', 'social-context', 'written-to-person'] as const) {
    it.each(expected.map((e) => [e.file, e] as const))(`${id}: %s`, (_file, e) => {
      const miss = KNOWN_MISSES[`${id} ${e.file}`];
      expect(shown(e).has(id), miss ?? e.why).toBe(miss ? !e.reflections[id] : e.reflections[id]);
    });
  }

  it('summarises the flags of a letter that has any, and only then', () => {
    for (const e of expected) {
      const text = readFileSync(join(DIR, e.file), 'utf8');
      const findings = matcher.find(text, { documentKind: e.kind });
      expect(shown(e).has('flag-summary'), e.file).toBe(findings.length > 0);
    }
  });
});
