import { describe, expect, it } from 'vitest';
import { lexiconJsonSchema, parseLexicon, validateLexicon } from '../../core/index.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

const errorsOf = (input: unknown) => {
  const result = validateLexicon(input);
  return result.ok ? [] : result.errors;
};

describe('validateLexicon', () => {
  it('accepts a complete lexicon', () => {
    expect(errorsOf(lexicon([entry({ id: 'claims', phrases: ['claims'] })]))).toEqual([]);
  });

  it('names the path and the expected type', () => {
    const bad = lexicon([
      entry({ id: 'a', phrases: ['a'] }),
      entry({ id: 'b', phrases: ['b'] }),
      entry({ id: 'c', phrases: ['c'] }),
      { ...entry({ id: 'd', phrases: ['d'] }), alternatives: 'reports' as unknown as string[] },
    ]);
    expect(errorsOf(bad)).toEqual(['entries[3].alternatives: expected an array of alternatives']);
  });

  it('says which required field is missing', () => {
    const { why: _why, ...noWhy } = entry({ id: 'a', phrases: ['a'] });
    expect(errorsOf(lexicon([noWhy as never]))).toEqual([
      'entries[0].why: required field is missing (expected why as a string)',
    ]);
  });

  it('suggests the field that was meant', () => {
    const { phrases: _p, ...rest } = entry({ id: 'a' });
    expect(errorsOf(lexicon([{ ...rest, phrase: ['claims'] } as never]))).toEqual([
      'entries[0].phrase: unknown field "phrase"; did you mean "phrases"?',
      'entries[0].phrases: give at least one phrase to match (or a "detect" detector)',
    ]);
  });

  it('accepts a label before a colon as context, and still rejects a colon inside a phrase', () => {
    const labelled = entry({
      id: 'a',
      phrases: ['self-management'],
      context: { onlyPrecededBy: ['outcome:', '^'], onlyFollowedBy: [': (3|4) year old', '$'] },
    });
    expect(errorsOf(lexicon([labelled]))).toEqual([]);
    const inside = entry({ id: 'b', phrases: ['b'], context: { notPrecededBy: ['out:come'] } });
    expect(errorsOf(lexicon([inside]))).toEqual([
      'entries[0].context.notPrecededBy[0]: "out:come" contains ":", which never joins words in text; use only words, spaces, hyphens and apostrophes',
    ]);
  });

  it('takes "&" inside a word ("A&E") and asks for "and" in place of a lone one', () => {
    expect(errorsOf(lexicon([entry({ id: 'a', phrases: ['uses A&E as a GP'] })]))).toEqual([]);
    expect(errorsOf(lexicon([entry({ id: 'b', phrases: ['wear & tear'] })]))).toEqual([
      'entries[0].phrases[0]: "wear & tear" has a lone "&": write "and", which also matches "&" in text',
    ]);
  });

  it('takes a window per rule, and names a rule that does not exist', () => {
    const perRule = (window: unknown) =>
      lexicon([
        entry({ id: 'a', phrases: ['a'], context: { notPrecededBy: ['b'], window: window as 1 } }),
      ]);
    expect(errorsOf(perRule({ notPrecededBy: 2, onlyFollowedBy: 12 }))).toEqual([]);
    expect(errorsOf(perRule({ before: 2 }))[0]).toMatch(/^entries\[0\]\.context\.window/);
    expect(errorsOf(perRule(13))[0]).toMatch(/window must be at most 12 words/);
  });

  it('rejects duplicate ids and the same phrase in two entries', () => {
    const errors = errorsOf(
      lexicon([
        entry({ id: 'claims', phrases: ['claims'] }),
        entry({ id: 'claims', phrases: ['insists'] }),
        entry({ id: 'noncompliant', phrases: ['non-compliant'] }),
        entry({ id: 'noncompliant-2', phrases: ['noncompliant'] }),
      ]),
    );
    expect(errors).toEqual([
      'entries[1].id: duplicate id "claims" (also entries[0]); give each entry its own id',
    ]);
    const phraseErrors = errorsOf(
      lexicon([
        entry({ id: 'a', phrases: ['non-compliant'] }),
        entry({ id: 'b', phrases: ['noncompliant'] }),
      ]),
    );
    expect(phraseErrors).toEqual([
      'entries[1].phrases[0]: "noncompliant" also matches "noncompliant", already matched by entries[0] ("non-compliant", id "a"); keep each phrase in one entry, or say where the second applies (onlyPrecededBy or onlyFollowedBy)',
    ]);
    // A second entry that says where it applies may share the phrase.
    const contextual = lexicon([
      entry({ id: 'a', phrases: ['self-management'], severity: 'info' }),
      entry({ id: 'b', phrases: ['self-management'], context: { onlyPrecededBy: ['outcome:'] } }),
    ]);
    expect(errorsOf(contextual)).toEqual([]);
  });

  it('rejects a phrase that could never match', () => {
    expect(errorsOf(lexicon([entry({ id: 'a', phrases: ['A+E'] })]))[0]).toMatch(
      /^entries\[0\]\.phrases\[0\]: "A\+E" contains "\+"/,
    );
  });

  it('requires an alternative or advice, and a source', () => {
    expect(errorsOf(lexicon([entry({ id: 'a', phrases: ['a'], alternatives: [] })]))).toEqual([
      'entries[0].alternatives: give at least one alternative, or "advice" on removing the phrase',
    ]);
    expect(errorsOf(lexicon([entry({ id: 'a', phrases: ['a'], sources: [] })]))).toEqual([
      'entries[0].sources: give at least one source',
    ]);
  });
});

describe('parseLexicon', () => {
  it('reports where JSON is broken', () => {
    const result = parseLexicon('{\n  "name": "x",\n  "entries": [,]\n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(
      /^not valid JSON at line 3, column 15: a value was expected/,
    );
  });

  it('accepts a leading byte-order mark', () => {
    const result = parseLexicon('\ufeff' + JSON.stringify(lexicon([])));
    expect(result.ok).toBe(true);
  });
});

describe('lexiconJsonSchema', () => {
  it('is generated from the zod schema and describes entries', () => {
    const schema = lexiconJsonSchema() as {
      required: string[];
      properties: {
        entries: { items: { required: string[]; properties: Record<string, unknown> } };
      };
    };
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'version', 'entries']));
    expect(schema.properties.entries.items.required).toEqual(
      expect.arrayContaining([
        'id',
        'category',
        'severity',
        'why',
        'sources',
        'alternatives',
        'examples',
      ]),
    );
    expect(Object.keys(schema.properties.entries.items.properties)).toContain('context');
  });
});
