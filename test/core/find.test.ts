import { describe, expect, it } from 'vitest';
import { compile } from '../../core/index.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

const ids = (m: ReturnType<typeof compile>, text: string) => m.find(text).map((f) => f.entryId);
const matches = (m: ReturnType<typeof compile>, text: string) => m.find(text).map((f) => f.match);

describe('find: matching', () => {
  const m = compile([
    lexicon([
      entry({ id: 'noncompliant', phrases: ['non-compliant'] }),
      entry({ id: 'self-manage', phrases: ['self-manage'], inflect: 'verb' }),
      entry({ id: 'head', phrases: ['all in (your|his|her|their) head'] }),
      entry({ id: 'dnr', phrases: ["DNA'd"] }),
      entry({ id: 'refused', phrases: ['refuse'], inflect: 'verb' }),
      entry({ id: 'refused-engage', phrases: ['refused to engage'], severity: 'warn' }),
    ]),
  ]);

  it('is case-insensitive and treats hyphen, space and no space alike', () => {
    // Also a non-breaking hyphen, and the en dash a word processor puts in place of a hyphen.
    expect(
      matches(m, 'NON-COMPLIANT. Non compliant. noncompliant. Non‑compliant. Non–compliant.'),
    ).toEqual(['NON-COMPLIANT', 'Non compliant', 'noncompliant', 'Non‑compliant', 'Non–compliant']);
  });

  it('lets a single line break fall inside a phrase, but not a blank line or punctuation', () => {
    expect(matches(m, 'It is all in\nher head.')).toEqual(['all in\nher head']);
    expect(ids(m, 'It is all in\n\nher head.')).toEqual([]);
    expect(ids(m, 'It is all in, her head.')).toEqual([]);
  });

  it('reads a lone "&" as "and" inside a phrase', () => {
    expect(matches(m, 'Thought to be all in & her head.')).toEqual([]);
    const amp = compile([lexicon([entry({ id: 'wear', phrases: ['wear and tear'] })])]);
    expect(matches(amp, 'Dx: wear & tear R knee; wear and tear L knee.')).toEqual([
      'wear & tear',
      'wear and tear',
    ]);
  });

  it('treats curly and straight apostrophes alike', () => {
    expect(matches(m, "He DNA’d twice and DNA'd again.")).toEqual(['DNA’d', "DNA'd"]);
  });

  it('matches word boundaries only', () => {
    expect(ids(m, 'A refusenik and a prerefused form.')).toEqual([]);
  });

  it('matches inflections of the first word of a verb phrase', () => {
    expect(matches(m, 'She self-manages; he self managed; they are selfmanaging.')).toEqual([
      'self-manages',
      'self managed',
      'selfmanaging',
    ]);
  });

  it('prefers the longest overlapping match', () => {
    expect(m.find('He refused to engage.').map((f) => [f.entryId, f.match])).toEqual([
      ['refused-engage', 'refused to engage'],
    ]);
  });

  it('reports offsets into the exact input, whatever comes before', () => {
    const text = '😀👩🏽‍⚕️ e\u0301\r\nShe refused.';
    const [f] = m.find(text);
    expect(f && text.slice(f.start, f.end)).toBe('refused');
  });
});

describe('find: context rules', () => {
  const m = compile([
    lexicon([
      entry({
        id: 'claims',
        phrases: ['claim'],
        inflect: 'verb',
        context: { notFollowedBy: ['travel expenses', 'benefit'], notPrecededBy: ['insurance'] },
      }),
      entry({
        id: 'aggressive',
        phrases: ['aggressive'],
        context: { notFollowedBy: ['tumour', 'tumor', 'treatment'], window: 3 },
      }),
      entry({
        id: 'denies',
        phrases: ['deny'],
        inflect: 'verb',
        context: { onlyFollowedBy: ['that', 'being'] },
      }),
      entry({
        id: 'alcoholic',
        phrases: ['alcoholic'],
        context: { onlyPrecededBy: ['an', 'is'], onlyFollowedBy: ['who'] },
      }),
    ]),
  ]);

  it('skips a match followed or preceded by an excluded phrase', () => {
    expect(ids(m, 'She claims travel expenses.')).toEqual([]);
    expect(ids(m, 'Insurance claims were filed.')).toEqual([]);
    expect(ids(m, 'She claims her pain is severe.')).toEqual(['claims']);
  });

  it('looks within the window, but never across a clause break', () => {
    expect(ids(m, 'An aggressive, fast-growing tumour.')).toEqual([]);
    expect(ids(m, 'He was aggressive. Treatment continued.')).toEqual(['aggressive']);
    expect(ids(m, 'An aggressive, fast-growing, high grade tumour.')).toEqual(['aggressive']);
  });

  it('reports "only" matches when a listed phrase is next to them; either kind will do', () => {
    expect(ids(m, 'Denies chest pain.')).toEqual([]);
    expect(ids(m, 'She denies that she drinks.')).toEqual(['denies']);
    expect(ids(m, 'He is alcoholic.')).toEqual(['alcoholic']);
    expect(ids(m, 'A man, alcoholic who lives alone.')).toEqual(['alcoholic']);
    expect(ids(m, 'Alcoholic drinks.')).toEqual([]);
  });
});

describe('find: a window per context rule', () => {
  const m = compile([
    lexicon([
      entry({
        id: 'did-not-attend',
        phrases: ['did not attend'],
        // The parent straight before the verb is the one who did not attend; a child anywhere
        // in the clause makes it a child's appointment.
        context: {
          notPrecededBy: ['mum', 'dad'],
          onlyFollowedBy: ['child', 'son', 'daughter'],
          window: { notPrecededBy: 1, onlyFollowedBy: 8 },
        },
      }),
    ]),
  ]);

  it('lets each rule look its own distance', () => {
    expect(ids(m, 'Did not attend the clinic with her young son.')).toEqual(['did-not-attend']);
    expect(ids(m, 'Mum did not attend the clinic with her young son.')).toEqual([]);
    // notPrecededBy looks one word only: "mum" two words back does not count.
    expect(ids(m, 'Mum says she did not attend the clinic with her son.')).toEqual([
      'did-not-attend',
    ]);
  });
});

describe('find: the start and end of a clause as context', () => {
  const m = compile([
    lexicon([
      entry({ id: 'anxious-lady', phrases: ['anxious lady'], context: { onlyPrecededBy: ['^'] } }),
      entry({ id: 'her-usual', phrases: ['her usual'], context: { onlyFollowedBy: ['$'] } }),
    ]),
  ]);

  it('reads "^" as the start of the clause and "$" as its end', () => {
    expect(ids(m, 'Anxious lady, here with her son.')).toEqual(['anxious-lady']);
    expect(ids(m, 'Seen today. Anxious lady, here with her son.')).toEqual(['anxious-lady']);
    expect(ids(m, 'Impression: anxious lady.')).toEqual(['anxious-lady']);
    expect(ids(m, 'She helps an anxious lady next door.')).toEqual([]);
    expect(ids(m, 'Came in for her usual.')).toEqual(['her-usual']);
    expect(ids(m, 'Came in for her usual; no change.')).toEqual(['her-usual']);
    expect(ids(m, 'Saw her usual GP.')).toEqual([]);
  });
});

describe('find: context across a colon', () => {
  const m = compile([
    lexicon([
      entry({
        id: 'outcome-self-management',
        phrases: ['self-management'],
        context: { onlyPrecededBy: ['outcome:', 'plan:'], window: 2 },
      }),
      entry({
        id: 'child-dna',
        phrases: ['did not attend'],
        context: { onlyPrecededBy: ['age (3|4|5):'], onlyFollowedBy: [': (3|4|5) year old'] },
      }),
    ]),
  ]);

  it('reads a label before a colon as context for what it labels', () => {
    expect(ids(m, 'Outcome: self-management.')).toEqual(['outcome-self-management']);
    expect(ids(m, 'Plan: supported self-management.')).toEqual(['outcome-self-management']);
    expect(ids(m, 'Age 4: did not attend.')).toEqual(['child-dna']);
    expect(ids(m, 'Did not attend: 4 year old.')).toEqual(['child-dna']);
  });

  it('lets a phrase noted anywhere be suggested under a label', () => {
    const both = compile([
      lexicon([
        entry({ id: 'general', phrases: ['self-management'], severity: 'info' }),
        entry({
          id: 'outcome',
          phrases: ['self-management'],
          severity: 'suggest',
          context: { onlyPrecededBy: ['outcome:'] },
        }),
      ]),
    ]);
    expect(ids(both, 'Outcome: self-management.')).toEqual(['outcome']);
    expect(ids(both, 'We discussed self-management.')).toEqual(['general']);
    // At the same severity the entry that says where it applies wins, wherever it is listed.
    const tie = compile([
      lexicon([
        entry({ id: 'general', phrases: ['degenerative'], severity: 'suggest' }),
        entry({
          id: 'told',
          phrases: ['degenerative'],
          severity: 'suggest',
          context: { onlyPrecededBy: ['explained that (it|this) is'] },
        }),
      ]),
    ]);
    expect(ids(tie, 'I explained that it is degenerative.')).toEqual(['told']);
    expect(ids(tie, 'The MRI report says degenerative.')).toEqual(['general']);
  });

  it('only across a colon, and only the colon next to the match', () => {
    // Without the colon the words are not a label.
    expect(ids(m, 'The outcome self-management.')).toEqual([]);
    expect(ids(m, 'Age 4 did not attend.')).toEqual([]);
    // A full stop is not a label, and a label two clauses back does not count.
    expect(ids(m, 'Outcome. Self-management.')).toEqual([]);
    expect(ids(m, 'Outcome: discharged; self-management.')).toEqual([]);
  });
});

describe('find: quotations', () => {
  const m = compile([
    lexicon([
      entry({ id: 'head', phrases: ['all in my head'] }),
      entry({ id: 'sufferer', phrases: ['pain sufferer'] }),
      entry({
        id: 'scare',
        detect: 'scare-quotes',
        alternatives: ['{the person’s words}, in their words'],
      }),
    ]),
  ]);

  it("does not report the person's own words quoted directly", () => {
    expect(ids(m, 'She said, "they think it is all in my head."')).toEqual([]);
  });

  it('reports scare quotes, suggesting the words without them', () => {
    const [f] = m.find('Her pain is "still a 10" today.');
    expect(f?.entryId).toBe('scare');
    expect(f?.match).toBe('"still a 10"');
    expect(f?.suggestions[0]).toBe('still a 10');
  });

  it("still reports the clinician's own loaded phrase inside scare quotes", () => {
    expect(ids(m, 'A "pain sufferer" by her account.').sort()).toEqual(['scare', 'sufferer']);
  });

  const withDialect = compile([
    lexicon([
      entry({ id: 'scare', detect: 'scare-quotes', alternatives: [], advice: 'Remove the marks.' }),
      entry({ id: 'doubt', detect: 'doubting-quotes', alternatives: [], advice: 'Remove them.' }),
      entry({ id: 'dialect', detect: 'dialect-quotes', alternatives: [], advice: 'Reword it.' }),
    ]),
  ]);

  it('gives a quotation in dialect to the dialect detector, with advice and no replacement', () => {
    const text = 'She said, "I ain\'t had no breakfast."';
    const [f, ...rest] = withDialect.find(text);
    expect(rest).toEqual([]);
    expect([f?.entryId, f?.match, f?.replacements, f?.advice]).toEqual([
      'dialect',
      '"I ain\'t had no breakfast."',
      [],
      'Reword it.',
    ]);
  });

  it('reads quotation marks in a sentence that already doubts the person as doubt too', () => {
    const m = compile([
      lexicon([
        entry({ id: 'scare', detect: 'scare-quotes', alternatives: [], advice: 'Remove them.' }),
        entry({ id: 'doubt', detect: 'doubting-quotes', alternatives: [], advice: 'Remove them.' }),
        entry({ id: 'supposedly', phrases: ['supposedly'], category: 'credibility' }),
        entry({ id: 'pain-label', phrases: ['heartsink'], category: 'labels' }),
      ]),
    ]);
    const read = (text: string) => m.find(text).map((f) => [f.entryId, f.match]);
    // The same sentence, across a semicolon: doubt. The next sentence, or a label that is not
    // a doubt: the marks stay a plain scare quote.
    expect(read("Supposedly allergic to codeine; only morphine 'helps' for her.")).toEqual([
      ['supposedly', 'Supposedly'],
      ['doubt', "'helps'"],
    ]);
    expect(read("Supposedly allergic to codeine. Only morphine 'helps' for her.")).toEqual([
      ['supposedly', 'Supposedly'],
      ['scare', "'helps'"],
    ]);
    expect(read("A heartsink, says only morphine 'helps'.")).toEqual([
      ['pain-label', 'heartsink'],
      ['scare', "'helps'"],
    ]);
    // Sentences run together with ".," (as in exported notes) still end at the full stop.
    expect(read("Supposedly allergic to codeine.,Only morphine 'helps'.")).toEqual([
      ['supposedly', 'Supposedly'],
      ['scare', "'helps'"],
    ]);
  });

  it('sends each quotation to one detector: dialect, then doubt, then the rest', () => {
    const text = 'Says he is "allergic" to codeine, "dunno" why, and has "tingling" at night.';
    expect(withDialect.find(text).map((f) => [f.entryId, f.match])).toEqual([
      ['doubt', '"allergic"'],
      ['dialect', '"dunno"'],
      ['scare', '"tingling"'],
    ]);
    const noDialect = compile([
      lexicon([
        entry({ id: 'scare', detect: 'scare-quotes', alternatives: [], advice: 'Remove them.' }),
      ]),
    ]);
    expect(noDialect.find(text).map((f) => [f.entryId, f.match])).toEqual([
      ['scare', '"allergic"'],
      ['scare', '"dunno"'],
      ['scare', '"tingling"'],
    ]);
  });
});

describe('find: layers, allow-list and options', () => {
  const base = lexicon([
    entry({ id: 'claims', phrases: ['claims'], severity: 'suggest' }),
    entry({ id: 'heartsink', phrases: ['heartsink'], category: 'labels', severity: 'warn' }),
    entry({
      id: 'degeneration',
      phrases: ['degeneration'],
      category: 'nocebo',
      severity: 'info',
      appliesTo: ['letter-to-patient'],
      alternatives: ['age-related changes'],
      locales: { 'en-US': { alternatives: ['age-related changes (US)'] } },
    }),
  ]);

  it('lets a later layer add, override by id and disable entries', () => {
    const service = lexicon(
      [
        entry({ id: 'claims', phrases: ['claims'], severity: 'warn', message: 'Service message.' }),
        entry({ id: 'not-for-us', phrases: ['not for us'], category: 'door-closing' }),
      ],
      { disable: ['heartsink'] },
    );
    const personal = lexicon([
      entry({ id: 'not-for-us', phrases: ['not for us'], enabled: false }),
    ]);
    const m = compile([base, service, personal]);
    const text = 'He claims to be a heartsink, not for us.';
    expect(m.find(text).map((f) => [f.entryId, f.severity, f.message])).toEqual([
      ['claims', 'warn', 'Service message.'],
    ]);
    expect(m.entries.map((e) => e.id)).toEqual(['degeneration', 'claims']);
  });

  it('ignores allow-listed phrases from a layer or from options', () => {
    const m = compile([base, lexicon([], { allow: ['claims department'] })], {
      allow: ['heartsink clinic'],
    });
    expect(ids(m, 'The claims department; the heartsink clinic; she claims; a heartsink.')).toEqual(
      ['claims', 'heartsink'],
    );
  });

  it('lets a limited personal allow-list silence only the layers below its limit', () => {
    const service = lexicon([
      entry({ id: 'not-for-us', phrases: ['not for us'], category: 'door-closing' }),
    ]);
    const allow = ['she claims', 'not for us'];
    const text = 'She claims this is not for us.';
    expect(ids(compile([base, service], { allow }), text)).toEqual([]);
    expect(ids(compile([base, service], { allow, allowBelowLayer: 1 }), text)).toEqual([
      'not-for-us',
    ]);
    // A layer's own allow phrases still silence every layer.
    const own = lexicon([], { allow: ['not for us'] });
    expect(ids(compile([base, service, own], { allow, allowBelowLayer: 1 }), text)).toEqual([]);
  });

  it('filters by document kind and minimum severity', () => {
    const m = compile([base]);
    const text = 'Some degeneration, claims, heartsink.';
    expect(ids(m, text)).toEqual(['degeneration', 'claims', 'heartsink']);
    expect(m.find(text, { documentKind: 'letter-to-gp' }).map((f) => f.entryId)).toEqual([
      'claims',
      'heartsink',
    ]);
    expect(m.find(text, { minSeverity: 'warn' }).map((f) => f.entryId)).toEqual(['heartsink']);
  });

  it('asks a document kind given as a function only when an entry that depends on it matches', () => {
    const m = compile([base]);
    let asked = 0;
    const documentKind = () => (asked++, 'letter-to-gp' as const);
    expect(m.find('She claims it is a heartsink.', { documentKind }).map((f) => f.entryId)).toEqual(
      ['claims', 'heartsink'],
    );
    expect(asked).toBe(0);
    expect(m.find('Some degeneration, claims.', { documentKind }).map((f) => f.entryId)).toEqual([
      'claims',
    ]);
    expect(asked).toBe(1);
  });

  it('words suggestions for the chosen locale and cases them like the match', () => {
    expect(compile([base], { locale: 'en-US' }).find('Degeneration.')[0]?.suggestions).toEqual([
      'Age-related changes (US)',
    ]);
    expect(compile([base]).find('degeneration')[0]?.suggestions).toEqual(['age-related changes']);
  });

  it('honours case-sensitive entries', () => {
    const m = compile([lexicon([entry({ id: 'ama', phrases: ['AMA'], caseSensitive: true })])]);
    expect(matches(m, 'Left AMA; ama is a word; Ama.')).toEqual(['AMA']);
  });
});
