import { describe, expect, it } from 'vitest';
import { compile, lexiconJsonSchema, parseLexicon, validateLexicon } from '../../core/index.ts';
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
        entries: {
          items: { anyOf: { required: string[]; properties: Record<string, unknown> }[] };
        };
      };
    };
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'version', 'entries']));
    // An item is a whole entry or a patch (its id and the fields it changes).
    const [whole, patch] = schema.properties.entries.items.anyOf;
    expect(whole!.required).toEqual(
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
    expect(patch!.required).toEqual(['id']);
    expect(Object.keys(whole!.properties)).toContain('context');
    expect(Object.keys(patch!.properties)).toContain('severity');
  });
});

/** A real entry, whose examples the engine can run. */
const claims = entry({
  id: 'claims',
  phrases: ['claims'],
  alternatives: ['reports', 'says'],
  examples: {
    flag: [
      {
        text: 'She claims it hurts.',
        corrections: ['She reports it hurts.', 'She says it hurts.'],
      },
    ],
    pass: ['She reports pain.'],
  },
});
const base = lexicon([claims, entry({ id: 'degenerative-to-patient', phrases: ['degenerative'] })]);
const layer = (extra: Record<string, unknown>) => ({
  name: 'ours',
  version: '1',
  entries: [],
  ...extra,
});
const layerErrors = (input: unknown, examples = false) => {
  const result = validateLexicon(input, { below: [base], examples });
  return result.ok ? [] : result.errors;
};

describe('sources, allow and context phrases that could never work', () => {
  const withUrl = (url: string) =>
    lexicon([entry({ id: 'a', phrases: ['a'], sources: [{ citation: 'x', year: 2020, url }] })]);

  it('accepts only https source addresses', () => {
    expect(errorsOf(withUrl('https://example.org/guide'))).toEqual([]);
    for (const url of ['javascript:alert(1)', 'http://example.org/guide', 'ftp://example.org/x']) {
      expect(errorsOf(withUrl(url))).toEqual([
        'entries[0].sources[0].url: expected a full web address starting with https://',
      ]);
    }
  });

  it('refuses an allow phrase with punctuation the tokenizer drops', () => {
    expect(errorsOf(lexicon([], { allow: ['Dr. Jones claims', 'claims department'] }))).toEqual([
      'allow[0]: never matches: "Dr. Jones claims" contains ".", which never joins words in text; use only words, spaces, hyphens and apostrophes',
    ]);
  });

  it('refuses a 2,000-word phrase, allow phrase or context phrase, and takes 20 words', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(errorsOf(lexicon([entry({ id: 'a', phrases: [words(20)] })]))).toEqual([]);
    expect(errorsOf(lexicon([entry({ id: 'a', phrases: [words(2000)] })]))).toEqual([
      'entries[0].phrases[0]: "w0 w1 w2 w3 w4 w5 …" has 2,000 words; a phrase ([context] words included) may have at most 20',
    ]);
    expect(errorsOf(lexicon([], { allow: [words(2000)] }))).toEqual([
      'allow[0]: "w0 w1 w2 w3 w4 w5 …" has 2,000 words; an allow phrase may have at most 20',
    ]);
    const ctx = (rule: string, n: number) =>
      errorsOf(lexicon([entry({ id: 'a', phrases: ['a'], context: { [rule]: [words(n)] } })]));
    expect(ctx('notFollowedBy', 2000)).toEqual([
      'entries[0].context.notFollowedBy[0]: "w0 w1 w2 w3 w4 w5 …" has 2,000 words; a notFollowedBy phrase may have at most 20',
    ]);
  });

  it('refuses a phrase before the match longer than the matcher looks back, whatever the window', () => {
    const ctx = (rule: string, phrase: string, window = 12) =>
      errorsOf(
        lexicon([entry({ id: 'a', phrases: ['a'], context: { [rule]: [phrase], window } })]),
      );
    const eight = 'one two three four five six seven eight';
    expect(ctx('notPrecededBy', eight)).toEqual([]);
    expect(ctx('onlyPrecededBy', eight, 1)).toEqual([]);
    expect(ctx('notPrecededBy', `${eight} nine`)).toEqual([
      'entries[0].context.notPrecededBy[0]: "one two three four five six …" has 9 words; a notPrecededBy phrase may have at most 8, as the matcher looks no further back, so it would never match',
    ]);
    // After the match there is no such limit: the phrase only has to start within the window.
    expect(ctx('onlyFollowedBy', `${eight} nine`, 1)).toEqual([]);
  });

  it('proves those limits against the engine: 8 words back match, 9 never do', () => {
    const eight = 'one two three four five six seven eight';
    for (const [phrase, matches] of [
      [eight, true],
      [`zero ${eight}`, false],
    ] as const) {
      const m = compile([
        lexicon([entry({ id: 'a', phrases: ['claims'], context: { notPrecededBy: [phrase] } })]),
      ]);
      // notPrecededBy matching means the entry stays quiet.
      expect(m.find(`${phrase} claims it.`).length === 0).toBe(matches);
    }
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = JSON.stringify(lexicon([])).replace('"test"', `"${'x'.repeat(2_000_001)}"`);
    expect(parseLexicon(big)).toEqual({
      ok: false,
      errors: [
        `is ${big.length.toLocaleString('en-GB')} characters; a lexicon file may have at most 2,000,000 (about 2 MB): split it into layers`,
      ],
    });
  });
});

describe('JSONC', () => {
  it('accepts comments and trailing commas', () => {
    const result = parseLexicon(`{
      // Our service's additions: why the list is what it is goes here.
      "name": "ours", /* inline */ "version": "1",
      "entries": [],
      "allow": ["claims department",],
    }`);
    expect(result.ok && result.lexicon.allow).toEqual(['claims department']);
  });

  it('keeps the line and column of a syntax error, and names a comment left open', () => {
    expect(parseLexicon('{\n  // fine\n  "name": "x",\n  "entries": [,]\n}')).toEqual({
      ok: false,
      errors: ['not valid JSON at line 4, column 15: a value was expected'],
    });
    expect(parseLexicon('{ "name": "x" /* open')).toEqual({
      ok: false,
      errors: ['not valid JSON at line 1, column 15: a comment is not closed (a /* needs its */)'],
    });
  });

  it('reports a field given twice, and reads "__proto__" as an ordinary field', () => {
    expect(parseLexicon('{ "name": "a",\n "name": "b", "version": "1", "entries": [] }')).toEqual({
      ok: false,
      errors: ['"name" is given twice in one object (again at line 2, column 2); keep one'],
    });
    const proto = parseLexicon('{ "name": "a", "version": "1", "entries": [], "__proto__": {} }');
    expect(proto.ok ? [] : proto.errors).toEqual([
      '__proto__: unknown field "__proto__"; allowed here: $schema, name, version, locale, description, bibliography, entries, disable, allow, prompts',
    ]);
  });
});

describe('a layer over the layers below', () => {
  it('takes a patch of only the fields it changes, validated as the whole patched entry', () => {
    const result = validateLexicon(layer({ entries: [{ id: 'claims', severity: 'info' }] }), {
      below: [base],
      examples: true,
    });
    expect(result.ok && result.lexicon).toMatchObject({
      entries: [],
      patches: [{ id: 'claims', severity: 'info' }],
    });
    expect(layerErrors(layer({ entries: [{ id: 'claims', enabled: false }] }))).toEqual([]);
    expect(layerErrors(layer({ entries: [{ id: 'claims', severity: 'loud' }] }))).toEqual([
      'entries[0].severity: expected one of "info", "suggest" or "warn"',
    ]);
    // The fields it keeps must still make a valid entry with the ones it changes.
    expect(
      layerErrors(
        layer({
          entries: [
            { id: 'claims', alternatives: [], examples: { flag: ['She claims.'], pass: ['x'] } },
          ],
        }),
      ),
    ).toEqual([
      'entries[0].alternatives: give at least one alternative, or "advice" on removing the phrase (in "claims" as patched)',
    ]);
  });

  it('says when a patch names no entry below, with the id that was meant', () => {
    expect(layerErrors(layer({ entries: [{ id: 'claim', severity: 'info' }] }))).toEqual([
      'entries[0].id: there is no entry "claim" in the layers below to patch; did you mean "claims"?',
    ]);
    expect(layerErrors(layer({ entries: [{ id: 'zzz-new', severity: 'info' }] }))).toEqual([
      'entries[0].id: there is no entry "zzz-new" in the layers below to patch, and a new entry needs every field (missing "category", "message", "why", "sources", "alternatives", "examples")',
    ]);
  });

  it('asks a patch that changes phrases or alternatives for its own examples and corrections', () => {
    expect(layerErrors(layer({ entries: [{ id: 'claims', phrases: ['alleges'] }] }))).toEqual([
      'entries[0].examples: this patch changes "phrases", so give its own "examples" ("flag" sentences with their "corrections", and "pass" ones); those of "claims" below were written for its old wording',
    ]);
    const newWording = { id: 'claims', alternatives: ['tells us'] };
    expect(
      layerErrors(
        layer({ entries: [{ ...newWording, examples: { flag: ['She claims it hurts.'] } }] }),
        true,
      ),
    ).toEqual([
      'entries[0].examples.flag[0]: give the sentence each alternative leaves, as { "text": "…", "corrections": ["She tells us it hurts."] }',
    ]);
    const corrected = {
      ...newWording,
      examples: {
        flag: [{ text: 'She claims it hurts.', corrections: ['She tells us it hurts.'] }],
      },
    };
    expect(layerErrors(layer({ entries: [corrected] }), true)).toEqual([]);
  });

  it('checks disable ids against the layers below, with the id that was meant', () => {
    expect(layerErrors(layer({ disable: ['degenerative-to-patient'] }))).toEqual([]);
    expect(layerErrors(layer({ disable: ['degeneration-to-patient', 'nothing-like-it'] }))).toEqual(
      [
        'disable[0]: there is no entry "degeneration-to-patient" in the layers below to switch off; did you mean "degenerative-to-patient"?',
        'disable[1]: there is no entry "nothing-like-it" in the layers below to switch off',
      ],
    );
  });

  it('without layers below, every entry must be whole', () => {
    expect(errorsOf(layer({ entries: [{ id: 'claims', severity: 'info' }] }))[0]).toBe(
      'entries[0].category: required field is missing (expected a string id)',
    );
  });
});

describe('examples run through the engine', () => {
  const run = (patch: Record<string, unknown>) =>
    layerErrors(
      layer({ entries: [{ ...claims, id: 'ours', phrases: ['alleges'], ...patch }] }),
      true,
    );

  it('says what happened to a flag example that is not flagged', () => {
    expect(
      run({
        examples: {
          flag: [
            { text: 'She claims it hurts.', corrections: ['She reports it hurts.'] },
            { text: 'She is well.', corrections: ['She is well.'] },
          ],
          pass: ['She reports pain.'],
        },
      }),
    ).toEqual([
      'entries[0].examples.flag[0]: "She claims it hurts." is not flagged by "ours"; it flags "claims" by "claims" instead',
      'entries[0].examples.flag[1]: "She is well." is not flagged by "ours"; nothing in it is flagged',
    ]);
  });

  it('checks the match the example names as "flagged", or else the first', () => {
    const flag = (example: Record<string, unknown>) =>
      run({
        examples: { flag: [{ corrections: ['x'], ...example }], pass: ['y'] },
        alternatives: ['x'],
      });
    const twice = 'He alleges pain and alleges fatigue.';
    expect(
      flag({ text: twice, flagged: 'alleges', corrections: ['He x pain and alleges fatigue.'] }),
    ).toEqual([]);
    expect(
      flag({
        text: twice,
        flagged: 'alleges pain',
        corrections: ['He x pain and alleges fatigue.'],
      }),
    ).toEqual([
      'entries[0].examples.flag[0]: "He alleges pain and alleges fatigue." is flagged at "alleges", "alleges", not at "alleges pain"',
    ]);
    // Where it fires is pinned by the corrected sentence: the first match, not the second.
    expect(flag({ text: twice, corrections: ['He alleges pain and x fatigue.'] })).toEqual([
      'entries[0].examples.flag[0].corrections[0]: alternative 1 leaves "He x pain and alleges fatigue.", not "He alleges pain and x fatigue."',
    ]);
  });

  it('names what a pass example flags', () => {
    expect(
      run({
        examples: {
          flag: [{ text: 'He alleges pain.', corrections: ['He reports pain.', 'He says pain.'] }],
          pass: ['He alleges nothing.'],
        },
      }),
    ).toEqual([
      'entries[0].examples.pass[0]: "He alleges nothing." should not be flagged by "ours", but it flags "alleges"',
    ]);
  });
});
