import { describe, expect, it } from 'vitest';
import {
  applyReplacement,
  compile,
  previewReplacement,
  validateLexicon,
} from '../../core/index.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

/** The text after applying each suggestion of the first finding of `id`. */
function corrected(m: ReturnType<typeof compile>, text: string, id?: string): string[] {
  const f = m.find(text).find((x) => id === undefined || x.entryId === id);
  if (!f) throw new Error(`nothing flagged in "${text}"`);
  return f.replacements.map((r) => applyReplacement(text, r));
}

const tense = (present: string, past: string, none: string) => ({
  group: 1,
  cases: { is: present, 'has been': present, was: past, 'had been': past, '': none },
});

describe('replacements: the sentence a suggestion leaves', () => {
  const m = compile([
    lexicon([
      entry({
        id: 'non-compliant',
        phrases: [
          '[(is|was|has been|had been|)] non-compliant with (his|her|their) (medication|tablets)',
        ],
        alternatives: [
          tense(
            'has not been taking $2 {medication} because {reason}',
            'had not been taking $2 {medication} because {reason}',
            'not taking $2 $3',
          ),
        ],
      }),
      entry({
        id: 'addict',
        phrases: ['addict'],
        inflect: 'noun',
        alternatives: ['person who uses drugs', 'opioid user'],
      }),
      entry({
        id: 'claims',
        phrases: ['claim'],
        inflect: 'verb',
        alternatives: [
          {
            group: 0,
            cases: {
              claim: 'report',
              claims: 'reports',
              claimed: 'reported',
              claiming: 'reporting',
            },
          },
        ],
      }),
      entry({
        id: 'screen',
        phrases: ['(clean|dirty) (urine|drug) screen'],
        alternatives: [
          {
            group: 1,
            cases: {
              clean: '$2 screen negative for {substance}',
              dirty: '$2 screen positive for {substance}',
            },
          },
        ],
      }),
      entry({
        id: 'resistant',
        phrases: ['resistant to (attempts|offers)'],
        alternatives: ['has not yet taken up $1'],
      }),
      entry({
        id: 'not-for-us',
        phrases: ['[is] not for us'],
        alternatives: ['is not something our service can help with now'],
      }),
      entry({ id: 'supposedly', phrases: ['supposedly'], alternatives: [''] }),
    ]),
  ]);

  it('replaces the [context] words too, and keeps the flag on the loaded words', () => {
    const text = 'He is non-compliant with his medication.';
    const [f] = m.find(text);
    expect(f!.match).toBe('non-compliant with his medication');
    expect(text.slice(f!.replacements[0]!.start, f!.replacements[0]!.end)).toBe(
      'is non-compliant with his medication',
    );
    expect(corrected(m, text)).toEqual([
      'He has not been taking his {medication} because {reason}.',
    ]);
  });

  it('picks the wording for the tense that matched, and carries the pronoun over', () => {
    expect(corrected(m, 'She was non-compliant with her tablets before admission.')).toEqual([
      'She had not been taking her {medication} because {reason} before admission.',
    ]);
    expect(corrected(m, 'Non-compliant with their tablets.')).toEqual([
      'Not taking their tablets.',
    ]);
  });

  it('keeps a verb in the tense it was written in (group 0 is the matched word)', () => {
    expect(corrected(m, 'She claims it hurts.')).toEqual(['She reports it hurts.']);
    expect(corrected(m, 'Claimed he was fine.')).toEqual(['Reported he was fine.']);
  });

  it('never inverts a result: clean and dirty get their own wording', () => {
    expect(corrected(m, 'A dirty urine screen today.')).toEqual([
      'A urine screen positive for {substance} today.',
    ]);
    expect(corrected(m, 'A clean drug screen today.')).toEqual([
      'A drug screen negative for {substance} today.',
    ]);
  });

  it('makes "a"/"an" agree, the article before the match included', () => {
    expect(corrected(m, 'He is an addict.')).toEqual([
      'He is a person who uses drugs.',
      'He is an opioid user.',
    ]);
    expect(corrected(m, 'An addict was seen.')).toEqual([
      'A person who uses drugs was seen.',
      'An opioid user was seen.',
    ]);
  });

  it('lets words through inside a phrase and carries them with the group they precede', () => {
    const text = 'She has been resistant to all offers of help.';
    expect(m.find(text)[0]!.match).toBe('resistant to all offers');
    expect(corrected(m, text)).toEqual(['She has been has not yet taken up all offers of help.']);
    expect(corrected(m, 'He is really not for us.', 'not-for-us')).toEqual([
      'He is not something our service can help with now.',
    ]);
  });

  it('capitalises only at a sentence start', () => {
    expect(corrected(m, 'Plan: Claims the pain is worse.')).toEqual([
      'Plan: Reports the pain is worse.',
    ]);
    expect(corrected(m, 'Mr Shah claims the pain is worse.')).toEqual([
      'Mr Shah reports the pain is worse.',
    ]);
  });

  it('takes words out with their space, and hands a sentence start its capital', () => {
    expect(corrected(m, 'He supposedly takes it daily.')).toEqual(['He takes it daily.']);
    expect(corrected(m, 'Supposedly, he takes it daily.')).toEqual(['He takes it daily.']);
    expect(corrected(m, 'He takes it, supposedly.')).toEqual(['He takes it.']);
    expect(corrected(m, 'It is an supposedly new knee.')).toEqual(['It is a new knee.']);
  });

  it('never crosses a paragraph', () => {
    expect(m.find('He is\n\nnon-compliant with his tablets.')[0]!.replacements[0]!.start).toBe(7);
  });

  it('shifts replacements with their paragraph when scanning incrementally', async () => {
    const { createIncrementalScanner } = await import('../../core/index.ts');
    const scanner = createIncrementalScanner(m);
    const text = 'First paragraph.\n\nShe claims it hurts.';
    const [f] = scanner.scan(text);
    expect(applyReplacement(text, f!.replacements[0]!)).toBe(
      'First paragraph.\n\nShe reports it hurts.',
    );
  });

  it('previews the sentence around a replacement', () => {
    const text = 'Seen today. He is non-compliant with his tablets. Review in May.';
    const [f] = m.find(text);
    expect(previewReplacement(text, f!.replacements[0]!)).toEqual({
      before: 'He ',
      changed: 'has not been taking his {medication} because {reason}',
      after: '.',
    });
  });
});

describe('replacements: validation of alternatives against every phrase', () => {
  const errorsOf = (e: Parameters<typeof entry>[0]) => {
    const v = validateLexicon(lexicon([entry(e)]));
    return v.ok ? [] : v.errors;
  };

  it('names a back-reference to a group the phrase does not have', () => {
    expect(errorsOf({ id: 'a', phrases: ['(is|was) rude'], alternatives: ['$2 said'] })).toEqual([
      'entries[0].alternatives[0]: "$2" names group 2, but "(is|was) rude" has 1 group; number groups from $1',
    ]);
  });

  it('names every option a table has no wording for', () => {
    expect(
      errorsOf({
        id: 'a',
        phrases: ['[(is|was|has been)] rude'],
        alternatives: [{ group: 1, cases: { is: 'spoke sharply' } }],
      }),
    ).toEqual([
      'entries[0].alternatives[0]: no wording for "was", "has been" (group 1 of "[(is|was|has been)] rude"); add them to "cases" or give "otherwise"',
    ]);
  });

  it('checks group 0 tables against every inflected form', () => {
    expect(
      errorsOf({
        id: 'a',
        phrases: ['insist'],
        inflect: 'verb',
        alternatives: [{ group: 0, cases: { insist: 'say', insists: 'says' } }],
      }),
    ).toEqual([
      'entries[0].alternatives[0]: no wording for "insisted", "insisting" (group 0 of "insist"); add them to "cases" or give "otherwise"',
    ]);
  });

  it('refuses [context] words in the middle of a phrase', () => {
    expect(errorsOf({ id: 'a', phrases: ['not [for] us'] })[0]).toMatch(
      /\[context\] words go only at the start or the end/,
    );
  });
});

describe('sources', () => {
  it("come with the locale's own guidance first, the author's order otherwise kept", () => {
    const sources = [
      { citation: 'Dickinson JK et al. Diabetes Care 2017', year: 2017, region: 'US' as const },
      { citation: 'Park J et al. JAMA Netw Open 2021', year: 2021 },
      { citation: 'NHS England. Language Matters. 2018', year: 2018, region: 'UK' as const },
    ];
    const lex = [lexicon([entry({ id: 'a', phrases: ['poorly controlled'], sources })])];
    const first = (locale: 'en-GB' | 'en-US') =>
      compile(lex, { locale })
        .find('Poorly controlled.')[0]!
        .sources.map((s) => s.citation.split(' ')[0]);
    expect(first('en-GB')).toEqual(['NHS', 'Dickinson', 'Park']);
    expect(first('en-US')).toEqual(['Dickinson', 'Park', 'NHS']);
  });
});

describe('words let through', () => {
  it('are let through even where another phrase goes on with the same word', () => {
    const m = compile([
      lexicon([
        entry({
          id: 'fragile',
          phrases: ['(back|spine) is (fragile|weak)'],
          alternatives: ['$1 is sore'],
        }),
        entry({
          id: 'very-stiff',
          phrases: ['back is very stiff'],
          alternatives: ['back is stiff'],
        }),
      ]),
    ]);
    expect(m.find('Your back is very fragile.').map((f) => [f.entryId, f.match])).toEqual([
      ['fragile', 'back is very fragile'],
    ]);
    expect(m.find('Your back is very stiff.').map((f) => f.entryId)).toEqual(['very-stiff']);
  });
});

describe('replacements: a group moved from the start of a sentence', () => {
  const m = compile([
    lexicon([
      entry({
        id: 'will-not',
        phrases: ['(i|we|he) will not be prescribing'],
        alternatives: ['because of {reason}, $1 will not be prescribing'],
      }),
    ]),
  ]);

  it('lowers its capital, except the pronoun "I"', () => {
    expect(corrected(m, 'We will not be prescribing more.')).toEqual([
      'Because of {reason}, we will not be prescribing more.',
    ]);
    expect(corrected(m, 'I will not be prescribing more.')).toEqual([
      'Because of {reason}, I will not be prescribing more.',
    ]);
  });
});
