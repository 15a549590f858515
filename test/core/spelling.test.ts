// en-US wording is derived from en-GB by a table of spelling pairs: whole words and word stems
// only, the case as written kept.
import { describe, expect, it } from 'vitest';
import { compile } from '../../core/index.ts';
import { localeWords } from '../../core/lexicon/localise.ts';
import { toUsSpelling } from '../../core/lexicon/spelling.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

describe('toUsSpelling', () => {
  it.each([
    ['the programme', 'the program'],
    ['two programmes', 'two programs'],
    ['a judgement', 'a judgment'],
    ['judgemental', 'judgmental'],
    ['behaviour and behavioural', 'behavior and behavioral'],
    ['organise, organised, organisation', 'organize, organized, organization'],
    ['recognised; apologising', 'recognized; apologizing'],
    ['stigmatising', 'stigmatizing'],
    [
      'paediatric anaemia, haemoglobin, oedema, oesophagus',
      'pediatric anemia, hemoglobin, edema, esophagus',
    ],
    ['a person-centred centre', 'a person-centered center'],
    ['colour, favour', 'color, favor'],
    ['a driving licence', 'a driving license'],
    ['she practised', 'she practiced'],
    ['travelled; counselling', 'traveled; counseling'],
    ['fulfil; enrol', 'fulfill; enroll'],
    ['ageing, grey', 'aging, gray'],
    ['towards', 'toward'],
    ['Mum said', 'Mom said'],
    ["her mum's view; mums", "her mom's view; moms"],
  ])('%s → %s', (gb, us) => {
    expect(toUsSpelling(gb)).toBe(us);
  });

  it('keeps the case as written', () => {
    expect(toUsSpelling('Behaviour, BEHAVIOUR, behaviour')).toBe('Behavior, BEHAVIOR, behavior');
    expect(toUsSpelling('Organisation; Judgemental')).toBe('Organization; Judgmental');
  });

  it('changes whole words and stems only, never the middle of another word', () => {
    const unchanged = [
      'mummy',
      'mumble',
      'chrysanthemum',
      'organism',
      'programmer',
      'epicentre',
      'emphasis',
      'analysis',
      'greyhound',
      'tour, four, your',
      'advise, exercise, otherwise',
      'realism',
    ];
    for (const text of unchanged) expect(toUsSpelling(text)).toBe(text);
  });

  it('leaves {placeholders} and $1 working', () => {
    expect(toUsSpelling('$1 {behaviour} towards $2')).toBe('$1 {behavior} toward $2');
  });
});

describe('en-US wording', () => {
  const plain = entry({
    id: 'plan',
    phrases: ['non-compliant'],
    message: 'Say what the programme offers.',
    why: 'Judgemental wording about behaviour.',
    alternatives: [
      'not yet part of the programme',
      { group: 0, cases: {}, otherwise: 'a behaviour' },
    ],
    advice: 'Describe the behaviour.',
    rewrite: { before: 'Non-compliant with the programme.', after: 'Not yet in the programme.' },
  });

  it('is derived from en-GB where the entry gives none', () => {
    expect(localeWords(plain, 'en-US')).toEqual({
      message: 'Say what the program offers.',
      why: 'Judgmental wording about behavior.',
      alternatives: [
        'not yet part of the program',
        { group: 0, cases: {}, otherwise: 'a behavior' },
      ],
      advice: 'Describe the behavior.',
      rewrite: { before: 'Non-compliant with the program.', after: 'Not yet in the program.' },
    });
    expect(localeWords(plain, 'en-GB').message).toBe('Say what the programme offers.');
  });

  it('is the entry’s own en-US text where it gives one, field by field', () => {
    const own = { ...plain, locales: { 'en-US': { why: 'Own US why, programme kept.' } } };
    const words = localeWords(own, 'en-US');
    expect(words.why).toBe('Own US why, programme kept.');
    expect(words.message).toBe('Say what the program offers.');
  });

  it('reaches the suggestions the engine offers', () => {
    const [finding] = compile([lexicon([plain])], { locale: 'en-US' }).find('He is non-compliant.');
    expect(finding?.message).toBe('Say what the program offers.');
    expect(finding?.suggestions[0]).toBe('not yet part of the program');
  });
});
