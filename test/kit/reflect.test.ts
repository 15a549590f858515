import { describe, expect, it } from 'vitest';
import {
  compile,
  defaultBibliography,
  defaultLexicon,
  REFLECTION_IDS,
  validateLexicon,
  type DocumentKind,
  type Reflection,
} from '../../core/index.ts';
import { mergeKits } from '../../core/kit/merge-kit.ts';
import {
  compileReflections,
  FlagTally,
  MIN_WORDS,
  reflect,
  REFLECTION_ORDER,
  type ReflectOptions,
} from '../../core/kit/reflect.ts';
import reflectionsFile from '../../lexicon/default/reflections.json' with { type: 'json' };

const { kit } = mergeKits([defaultLexicon().prompts]);
type Kind = ReflectOptions['kind'];

/** The ids of the reflections the default kit gives for `text`. */
const ids = (text: string, kind: Kind, more: Partial<ReflectOptions> = {}) =>
  reflect(text, { kind, kit, ...more }).map((r) => r.id);
const one = (text: string, kind: Kind, id: string, more: Partial<ReflectOptions> = {}) =>
  reflect(text, { kind, kit, ...more }).find((r) => r.id === id);

const WAY_BACK_IN =
  'This letter does not say how to get back in touch if things change: who to contact and how, or how the person or their GP can refer back.';
const SOCIAL_CONTEXT =
  "Nothing here mentions the person's life outside the clinic, such as housing, money and benefits, work, caring, relationships and support, community and faith, or past experiences the person chooses to share.";
const AREAS = [
  'housing',
  'money',
  'work',
  'caring',
  'relationships',
  'community',
  'past-experiences',
];

/** A letter to the person, in the second person, that gives no way back in and no context. */
const TO_PERSON = [
  'Dear Ms Okafor,',
  '',
  'Thank you for coming to the pain clinic on Tuesday. We talked about the pain in your right knee, ' +
    'what makes it worse, and the exercises that may help over the next few weeks.',
  '',
  'Yours sincerely,',
  'Dr A Reed',
].join('\n');
/** `TO_PERSON` with one more sentence in its body. */
const toPerson = (sentence: string) =>
  TO_PERSON.replace('next few weeks.', `next few weeks. ${sentence}`);

/** A letter to the GP about the person, with no way back in and no context. */
const TO_GP = [
  'Dear Dr Khan,',
  '',
  'Thank you for referring Mr Ellis, whom I saw in clinic today about his low back pain. ' +
    'Examination was reassuring and we agreed a plan of graded activity with our physiotherapists.',
  '',
  'Yours sincerely,',
].join('\n');
const toGp = (sentence: string) =>
  TO_GP.replace('with our physiotherapists.', `with our physiotherapists. ${sentence}`);

/** A clinical note with no context. */
const NOTE =
  'Reviewed in clinic. Right knee pain for six months, worse on stairs and after standing. ' +
  'Examination: mild effusion, full range. Plan: physiotherapy referral and review of analgesia.';
const note = (sentence: string) => `${NOTE} ${sentence}`;

describe('the default reflections (lexicon/default/reflections.json)', () => {
  // Validating the whole default lexicon takes seconds.
  it('validate with the default lexicon, cue lists and all', { timeout: 60_000 }, () => {
    const validation = validateLexicon(defaultLexicon());
    expect(validation.ok ? [] : validation.errors).toEqual([]);
    expect(mergeKits([defaultLexicon().prompts]).errors).toEqual([]);
    // Every cue phrase can match: none is dropped when compiled.
    expect(compileReflections(kit).problems).toEqual([]);
  });

  it('are the four reflections, in the schema order, each for the kinds it fits', () => {
    expect(REFLECTION_ORDER).toEqual([...REFLECTION_IDS]);
    expect(kit.reflections.map((r) => [r.id, r.kinds])).toEqual([
      ['way-back-in', ['letter-to-patient', 'letter-to-gp']],
      ['social-context', ['letter-to-patient', 'letter-to-gp', 'clinical-note']],
      ['written-to-person', ['letter-to-patient']],
      ['flag-summary', ['letter-to-patient', 'letter-to-gp', 'clinical-note']],
    ]);
    expect(reflectionsFile.reflections.map((r) => Object.keys(r.cues ?? {}))).toEqual([
      [
        'contact',
        're-referral',
        'self-referral',
        'patient-initiated',
        'follow-up',
        'welcome',
        'negations',
        'ignore',
      ],
      [...AREAS, 'ignore'],
      [
        'salutation',
        'not-to-person',
        'third-person',
        'second-person',
        'about-someone-else',
        'ignore',
      ],
      [],
    ]);
  });

  it('cite sources the bibliography resolves, the UK ones first in en-GB', () => {
    const found = reflect(TO_PERSON, {
      kind: 'letter-to-patient',
      kit,
      bibliography: defaultBibliography(),
    });
    expect(
      found.map((r) => [r.id, r.sources.map((s) => `${s.citation.slice(0, 30)} ${s.year}`)]),
    ).toEqual([
      [
        'way-back-in',
        ['Academy of Medical Royal Colle 2018', 'NHS England. Implementing pati 2022'],
      ],
      [
        'social-context',
        ['Marmot M, Allen J, Boyce T, Go 2020', 'Substance Abuse and Mental Hea 2014'],
      ],
    ]);
    // Without a bibliography, only the sources written out in place.
    expect(one(TO_PERSON, 'letter-to-patient', 'way-back-in')!.sources.map((s) => s.year)).toEqual([
      2022,
    ]);
  });
});

describe('way-back-in', () => {
  it('speaks on a letter to the person or to the GP that gives no route back in', () => {
    const found = one(TO_PERSON, 'letter-to-patient', 'way-back-in')!;
    expect(found.message).toBe(WAY_BACK_IN);
    expect(found.why).toMatch(/^When a letter ends care without a way back in/);
    expect(ids(TO_GP, 'letter-to-gp')).toEqual(['way-back-in', 'social-context']);
  });

  it('is never shown for a clinical note, or a text that is not sure what it is', () => {
    expect(ids(note('Discharged.'), 'clinical-note')).toEqual(['social-context']);
    expect(ids(TO_PERSON, 'clinical-note')).toEqual(['social-context']);
    // "unsure" reads as a clinical note, as the engine reads it for entries.
    expect(ids(TO_PERSON, 'unsure')).toEqual(['social-context']);
  });

  it.each([
    ['a contact route', 'If the pain gets worse, please contact us on 01632 960 123.'],
    ['a phone number for the team', 'Our phone number is at the top of this letter.'],
    ['getting in touch', 'Do get in touch if anything changes.'],
    ['asking the GP to refer back', 'You can ask your GP to refer you back at any time.'],
    ['re-referral', 'Your GP can make a re-referral if things change.'],
    ['self-referral', 'You are able to self-refer to the physiotherapy service.'],
    ['patient-initiated follow-up', 'You are on patient-initiated follow-up for the next year.'],
    ['an open appointment', 'I have given you an open appointment for six months.'],
    ['a follow-up', 'I will see you again in clinic in three months.'],
    ['"you are welcome to"', 'You are welcome to come back to us.'],
    ['"do not hesitate"', 'If you have questions, do not hesitate to ring.'],
    ['an apostrophe written curly', 'You’re welcome to ring.'],
    ['a hyphen left out', 'You can selfrefer whenever you wish.'],
    ['capitals', 'PLEASE CONTACT US IF YOU NEED TO.'],
    ['a negation before a comma', 'If the pain does not settle, please contact us.'],
    [
      'a negation before a new clause',
      "If things don't improve you can ask your GP to refer you back.",
    ],
    ['a negation after a route, past other words', 'You can call us if the tablets do not help.'],
    [
      'a negation before "you are"',
      'If the pain has not settled in a few weeks you are welcome to contact us.',
    ],
    ['a negation before "because"', 'I have not booked a review because you would rather call us.'],
    ['"do not wait"', 'Please do not wait to get in touch.'],
    ['the GP re-referring, without "the"', 'GP can re-refer at any point.'],
    ['letting the team know', 'Please let the team know how you get on.'],
    ['the number given', 'The number below reaches the nurses.'],
  ])('stays silent for %s', (_, sentence) => {
    expect(ids(toPerson(sentence), 'letter-to-patient')).toEqual(['social-context']);
  });

  it.each([
    ['"contacted" about someone else', 'We contacted the orthopaedic team last week.'],
    ['a refused re-referral', 'We will not accept a re-referral.'],
    ['a negation after the route', 'Re-referral is not possible at present.'],
    ['a negation some words before', 'She is unable to self-refer.'],
    ['a follow-up ruled out', 'We do not plan to see her again.'],
    [
      'routes ruled out in a list',
      'We will not offer further appointments or accept a re-referral.',
    ],
    ['"you" as an object', 'We are not able to offer you a follow-up appointment.'],
    ['an emergency contact', 'Her emergency contact number is on file.'],
    ['a foot callus', 'The callus on her heel was pared.'],
  ])('still speaks for %s, which is not a way back in', (_, sentence) => {
    expect(ids(toGp(sentence), 'letter-to-gp')).toEqual(['way-back-in', 'social-context']);
  });
});

describe('social-context', () => {
  it('says which areas it looked for, in a note, a letter to the GP or one to the person', () => {
    for (const [text, kind] of [
      [NOTE, 'clinical-note'],
      [TO_GP, 'letter-to-gp'],
      [TO_PERSON, 'letter-to-patient'],
    ] as const) {
      const found = one(text, kind, 'social-context')!;
      expect(found.message).toBe(SOCIAL_CONTEXT);
      expect(found.areas).toEqual(AREAS);
      expect(found.count).toBe(7);
    }
  });

  it.each([
    ['housing', 'She lives alone in a first-floor flat.'],
    ['housing', 'The flat is damp and her landlord has not answered.'],
    ['money', 'She has been waiting for her PIP assessment.'],
    ['money', 'He cannot afford the bus fare to clinic.'],
    ['work', 'She works as a cleaner on night shifts.'],
    ['work', 'He has been off work since March.'],
    ['caring', 'She cares for her mother, who has dementia.'],
    ['caring', 'He is a single dad of two.'],
    ['relationships', 'Her husband came with her today.'],
    ['relationships', 'He has felt lonely since moving here.'],
    ['community', 'Her church has been a great support.'],
    ['community', 'He goes to a walking group on Saturdays.'],
    ['past-experiences', 'She told me about her childhood, which was hard.'],
    ['past-experiences', 'He came to the UK as a refugee.'],
    ['a negative mention', 'No money worries.'],
    ['a cue across a line break', 'He lost his\njob in May.'],
  ])('stays silent once %s comes up', (_, sentence) => {
    expect(ids(note(sentence), 'clinical-note')).toEqual([]);
  });

  it.each([
    ['a work-up', 'The work-up so far is normal.'],
    ['her work-up', 'Her work-up was unremarkable.'],
    ['work of breathing', 'Her work of breathing was normal.'],
    ['tablets that did not work', 'The tablets did not work.'],
    ['family history', 'Family history: arthritis.'],
    ['past medical history', 'Her past medical history includes asthma.'],
    ['the caring team', 'Discussed with the caring team on the ward.'],
    ['the community team', 'Handed over to her community team.'],
    ['a PET scan', 'Her PET scan showed no change.'],
    ['a medical student', 'Seen with a medical student.'],
    ['home exercises', 'Given home exercises for the knee.'],
    ['a rent in the tissue', 'A small rent in the capsule was repaired.'],
    ['a redundant fold', 'There was a redundant fold of skin.'],
  ])('still speaks beside %s, which is not social context', (_, sentence) => {
    expect(ids(note(sentence), 'clinical-note')).toEqual(['social-context']);
  });

  it(`says nothing on a text under ${MIN_WORDS} words`, () => {
    expect(ids('Knee pain, worse on stairs. Plan: physiotherapy.', 'clinical-note')).toEqual([]);
    const words = Array.from({ length: MIN_WORDS }, () => 'pain').join(' ');
    expect(ids(words, 'clinical-note')).toEqual(['social-context']);
    expect(ids(words.replace(/^pain /, ''), 'clinical-note')).toEqual([]);
  });
});

describe('written-to-person', () => {
  const ABOUT = [
    'Dear Mrs Jones,',
    '',
    'Mrs Jones is a 52-year-old lady who came to clinic today. She describes pain in her left',
    'knee that is worse at night. I examined her knee and found a small effusion. She would like',
    'to try physiotherapy.',
    '',
    'Yours sincerely,',
  ].join('\n');
  const MESSAGE =
    'This letter is addressed to the person but mostly talks about them (5 times as "she", "he", "the patient" or by name) rather than to them as "you".';

  it('speaks when a letter opens "Dear Mrs …" and talks about her, counting each reference', () => {
    const found = one(ABOUT, 'letter-to-patient', 'written-to-person')!;
    expect(found.message).toBe(MESSAGE);
    // Mrs Jones (by the name the salutation gave), she, her, her, she.
    expect(found.count).toBe(5);
    expect(found.why).toMatch(/^The Academy of Medical Royal Colleges suggests/);
    expect(ids(ABOUT, 'letter-to-patient')).toEqual([
      'way-back-in',
      'social-context',
      'written-to-person',
    ]);
  });

  it('is only for letters to the person', () => {
    expect(ids(ABOUT, 'letter-to-gp')).toEqual(['way-back-in', 'social-context']);
    expect(ids(ABOUT, 'clinical-note')).toEqual(['social-context']);
  });

  it('counts "the patient" and "this lady" once each, not inside a hyphenated compound', () => {
    const text = ABOUT.replace(
      'She would like\nto try physiotherapy.',
      'This lady would like to try physiotherapy; the patient-initiated follow-up suits the patient.',
    );
    // Mrs Jones, she, her, her, this lady, the patient ("the patient-initiated" is not the person).
    expect(one(text, 'letter-to-patient', 'written-to-person')!.count).toBe(6);
  });

  it('reads "Dear" and a first name as addressing the person, and counts the name after', () => {
    const text = ABOUT.replace('Dear Mrs Jones,', 'Dear Amira,').replace(
      'Mrs Jones is a',
      "Amira's GP asked me to see her. Amira is a",
    );
    // Amira's, her, Amira, she, her, her, she.
    expect(one(text, 'letter-to-patient', 'written-to-person')!.count).toBe(7);
  });

  it.each([
    ['a letter to a doctor', 'Dear Dr Patel,'],
    ['a letter to a parent', 'Dear Parent,'],
    ['"Dear" and not a name', 'Dear all,'],
    ['no salutation', 'Re: your appointment'],
  ])('stays silent for %s', (_, opening) => {
    const text = ABOUT.replace('Dear Mrs Jones,', opening);
    expect(one(text, 'letter-to-patient', 'written-to-person')).toBeUndefined();
  });

  it('stays silent for a letter written to the person, naming someone else as "she"', () => {
    const text = toPerson(
      'Your physiotherapist, Jo, will ring you; she will go through the exercises with you and she can change them.',
    );
    // "Jo will ring you" is not a route back in: only the reflection that fits stays.
    expect(ids(text, 'letter-to-patient')).toEqual(['way-back-in', 'social-context']);
  });

  it('weighs "she" against "you": more than twice as many, and at least three', () => {
    const PAD =
      'The scan last month was normal and the plan is physiotherapy twice a week for six weeks.';
    const body = (sentence: string) =>
      ABOUT.replace(/Mrs Jones is[^]*physiotherapy\./, `${PAD} ${sentence}`);
    const count = (sentence: string) =>
      one(body(sentence), 'letter-to-patient', 'written-to-person')?.count;
    // 3 against 1 ("Yours sincerely" is a sign-off, not the person addressed): speaks.
    // 3 against 2: silent (not more than twice). 2 against 0: silent.
    expect(count('She says her knee hurts when she walks. Thank you.')).toBe(3);
    expect(count('She says her knee hurts when she walks. You can rest it. Thank you.')).toBe(
      undefined,
    );
    expect(count('She says the knee hurts when walking, worse on her stairs.')).toBe(undefined);
    expect(count('She says her knee hurts, she walks, and his brace helps. Thank you.')).toBe(4);
  });

  it("leaves the person's own words in quotation marks out of the count", () => {
    const text = ABOUT.replace(
      /Mrs Jones is[^]*physiotherapy\./,
      'We met in clinic today about the knee. She said, "he never listens and he just tells me to rest it," of an earlier doctor. ' +
        'We agreed on physiotherapy for six weeks.',
    );
    // Only "she" is outside the quotation, so it stays silent; without the marks, he and he count.
    expect(one(text, 'letter-to-patient', 'written-to-person')).toBeUndefined();
    expect(one(text.replace(/"/g, ''), 'letter-to-patient', 'written-to-person')!.count).toBe(3);
  });

  it('leaves alone a letter that talks to the reader about someone else ("your son")', () => {
    const text = ABOUT.replace('Mrs Jones is a', 'Your son is a');
    expect(one(text, 'letter-to-patient', 'written-to-person')).toBeUndefined();
  });
});

describe('flag-summary', () => {
  const findings = [
    { category: 'door-closing', start: 40, end: 50 },
    { category: 'credibility', start: 60, end: 66 },
    { category: 'credibility', start: 80, end: 86 },
    { category: 'labels', start: 90, end: 99 },
  ];

  it("counts the findings by category, most first, with each one's offsets", () => {
    const found = one('Short.', 'clinical-note', 'flag-summary', { findings })!;
    expect(found.message).toBe('Flags in this text: 4 (credibility 2, door-closing 1, labels 1).');
    expect(found.count).toBe(4);
    expect(found.categories).toEqual([
      {
        category: 'credibility',
        count: 2,
        findings: [
          { start: 60, end: 66 },
          { start: 80, end: 86 },
        ],
      },
      { category: 'door-closing', count: 1, findings: [{ start: 40, end: 50 }] },
      { category: 'labels', count: 1, findings: [{ start: 90, end: 99 }] },
    ]);
  });

  it('is shown for every kind, and not at all without findings', () => {
    for (const kind of ['letter-to-patient', 'letter-to-gp', 'clinical-note', 'unsure'] as const) {
      expect(ids('Short.', kind, { findings })).toEqual(['flag-summary']);
    }
    expect(ids('Short.', 'clinical-note', { findings: [] })).toEqual([]);
    expect(ids('Short.', 'clinical-note')).toEqual([]);
  });

  it('takes a tally counted as findings stream by, offsets kept or not', () => {
    const counts = new FlagTally(false);
    const kept = new FlagTally();
    for (const f of findings) {
      counts.add(f);
      kept.add(f);
    }
    expect(one('Short.', 'letter-to-gp', 'flag-summary', { tally: counts })!.categories).toEqual([
      { category: 'credibility', count: 2, findings: [] },
      { category: 'door-closing', count: 1, findings: [] },
      { category: 'labels', count: 1, findings: [] },
    ]);
    expect(one('Short.', 'letter-to-gp', 'flag-summary', { tally: kept })).toEqual(
      one('Short.', 'letter-to-gp', 'flag-summary', { findings }),
    );
  });

  it("gives the engine's own findings' offsets, so each can be jumped to", () => {
    const text =
      'She claims the pain started in May. He is non-compliant with his tablets. She claims otherwise.';
    const found = compile([defaultLexicon()]).find(text, { documentKind: 'clinical-note' });
    const summary = one(text, 'clinical-note', 'flag-summary', { findings: found })!;
    const credibility = summary.categories!.find((c) => c.category === 'credibility')!;
    expect(credibility.findings.map(({ start, end }) => text.slice(start, end))).toEqual([
      'claims',
      'claims',
    ]);
    expect(summary.count).toBe(found.length);
    expect(summary.categories!.reduce((n, c) => n + c.count, 0)).toBe(found.length);
  });
});

describe('order, locales and layers', () => {
  const LETTER = [
    'Dear Mr Shah,',
    '',
    'Mr Shah came to clinic today about his shoulder. He says he claims nothing for it, and he',
    'has tried physiotherapy twice with little change. I examined him and his range is limited.',
  ].join('\n');
  const findings = [{ category: 'credibility', start: 60, end: 66 }];

  it('gives every reflection that fits, always in the same order', () => {
    expect(ids(LETTER, 'letter-to-patient', { findings })).toEqual([
      'way-back-in',
      'social-context',
      'written-to-person',
      'flag-summary',
    ]);
    const reversed = { reflections: [...kit.reflections].reverse() };
    expect(reflect(LETTER, { kind: 'letter-to-patient', kit: reversed, findings })).toEqual(
      reflect(LETTER, { kind: 'letter-to-patient', kit, findings }),
    );
  });

  it('derives en-US wording from the en-GB text, and uses an en-US override where given', () => {
    const gb = one(NOTE, 'clinical-note', 'social-context')!;
    const us = one(NOTE, 'clinical-note', 'social-context', { locale: 'en-US' })!;
    expect(gb.why).toContain('helps the next reader recognise the whole person');
    expect(us.why).toBe(gb.why.replace('recognise', 'recognize'));
    expect(us.message).toBe(gb.message);

    const own: Reflection = {
      ...kit.reflections.find((r) => r.id === 'social-context')!,
      message: 'Nothing on {areas} ({count} areas).',
      cues: { 'neighbourhood-life': ['allotment'] },
      locales: { 'en-US': { why: 'Context matters.' } },
    };
    const found = reflect(NOTE, {
      kind: 'clinical-note',
      kit: { reflections: [own] },
      locale: 'en-US',
    });
    expect(found.map(({ message, why, areas }) => ({ message, why, areas }))).toEqual([
      {
        message: 'Nothing on neighborhood life (1 areas).',
        why: 'Context matters.',
        areas: ['neighbourhood-life'],
      },
    ]);
  });

  it('follows the kit in force: a service layer switches one off, or changes one list', () => {
    const service = {
      disable: ['way-back-in'],
      reflections: [{ id: 'social-context' as const, cues: { housing: ['allotment'] } }],
    };
    const merged = mergeKits([defaultLexicon().prompts, service]);
    expect(merged.errors).toEqual([]);
    const layered = merged.kit;
    // Only "housing" changed: the other areas' lists are those below.
    expect(reflect(NOTE, { kind: 'letter-to-gp', kit: layered }).map((r) => r.id)).toEqual([
      'social-context',
    ]);
    expect(reflect(note('She has an allotment.'), { kind: 'letter-to-gp', kit: layered })).toEqual(
      [],
    );
    expect(reflect(note('She lives alone.'), { kind: 'letter-to-gp', kit: layered })).toEqual([
      expect.objectContaining({ id: 'social-context' }),
    ]);
    expect(
      reflect(note('She works as a cleaner.'), { kind: 'letter-to-gp', kit: layered }),
    ).toEqual([]);
    // An emptied list is neither looked for nor named.
    const fewer = mergeKits([
      defaultLexicon().prompts,
      { reflections: [{ id: 'social-context' as const, cues: { housing: [], money: [] } }] },
    ]).kit;
    const found = one(NOTE, 'clinical-note', 'social-context', { kit: fewer })!;
    expect(found.areas).toEqual([
      'work',
      'caring',
      'relationships',
      'community',
      'past-experiences',
    ]);
    expect(found.message).toBe(
      "Nothing here mentions the person's life outside the clinic, such as work, caring, relationships and support, community and faith, or past experiences the person chooses to share.",
    );
  });
});

describe('cue matching', () => {
  const kitOf = (cues: Record<string, string[]>, kinds: DocumentKind[] = ['letter-to-gp']) => ({
    reflections: [
      { id: 'way-back-in' as const, message: 'No way back: {count}.', why: 'Why.', kinds, cues },
    ],
  });
  const speaks = (k: ReturnType<typeof kitOf>, sentence: string) =>
    reflect(toGp(sentence), { kind: 'letter-to-gp', kit: k }).length > 0;

  it('matches as lexicon phrases do: case, hyphens, apostrophes and (a|b) groups alike', () => {
    const k = kitOf({ routes: ['self-referral', "(ring|phone) the clinic's line"] });
    for (const sentence of [
      'Self referral is open.',
      'Selfreferral is open.',
      'SELF-REFERRAL is open.',
      'Phone the clinic’s line.',
      "Ring the clinic's line.",
    ]) {
      expect([sentence, speaks(k, sentence)]).toEqual([sentence, false]);
    }
    expect(speaks(k, 'Referral is open.')).toBe(true);
    // A placeholder with nothing to fill is left as written.
    expect(reflect(TO_GP, { kind: 'letter-to-gp', kit: k })[0]!.message).toBe(
      'No way back: {count}.',
    );
  });

  it('lets a filler or two through inside a cue, as the engine does', () => {
    const k = kitOf({ routes: ['contact team'] });
    expect(speaks(k, 'Contact the team.')).toBe(false);
    expect(speaks(k, 'Contact our very team.')).toBe(false);
    expect(speaks(k, 'Contact our local team.')).toBe(true);
  });

  it('does not count a cue glued by a hyphen into a longer word, nor across a sentence end', () => {
    const k = kitOf({ routes: ['open access'] });
    expect(speaks(k, 'It is open access.')).toBe(false);
    expect(speaks(k, 'It is open access-restricted.')).toBe(true);
    expect(speaks(k, 'It is open. Access is by letter.')).toBe(true);
  });

  it("drops a cue overlapping one of the reflection's ignore phrases", () => {
    const k = kitOf({ routes: ['contact number'], ignore: ['emergency contact'] });
    expect(speaks(k, 'Our contact number is below.')).toBe(false);
    expect(speaks(k, 'Her emergency contact number is on file.')).toBe(true);
  });

  it('reports a cue phrase that can never match, leaves it out, and compiles a kit once', () => {
    const k = kitOf({ routes: ['Dr. Jones', 'call us'] });
    const compiled = compileReflections(k);
    expect(compiled.problems).toEqual([
      'way-back-in cues.routes: "Dr. Jones" contains ".", which never joins words in text; use only words, spaces, hyphens and apostrophes',
    ]);
    expect(compileReflections(k)).toBe(compiled);
    expect(speaks(k, 'Call us.')).toBe(false);
  });

  it('stays linear on a long paragraph full of cues', () => {
    const text = `Dear Ms Reed,\n${'she said you are not welcome to her home, '.repeat(20_000)}`;
    const found = reflect(text, { kind: 'letter-to-patient', kit });
    // she, her: 40,000; you: 20,000, so not more than twice as many. "Not welcome to" is no
    // route back in, and "to her home" is not a home mentioned.
    expect(found.map((r) => r.id)).toEqual(['way-back-in', 'social-context']);
    const more = `Dear Ms Reed,\n${'she said her knee is his, '.repeat(20_000)}`;
    expect(one(more, 'letter-to-patient', 'written-to-person')!.count).toBe(60_000);
  });
});

describe('whole letters', () => {
  const DISCHARGE = `Dear Dr Farah,

Re: Mrs Joan Whitfield, DOB 02/03/1961

I saw Mrs Whitfield in the pain management clinic today. She has had widespread pain for four
years, worse since her mother died last spring. She lives with her husband in a rented bungalow
and works two mornings a week at a charity shop, which she values.

We talked about pacing, sleep and what matters most to her: being able to look after her
grandchildren on Fridays. We agreed she will try the pain management programme, starting in May.

I have not arranged a further clinic appointment. Should things change, please do not hesitate
to re-refer her; she also has our advice line number.

Yours sincerely,

Dr P Greene
Consultant in Pain Medicine`;

  const TO_HIM = `Dear Mr Adeyemi,

Thank you for coming to see me on 12 March. You told me that the pain in your lower back has
made it hard to keep up your shifts at the depot, and that money has been tight since you cut
your hours.

We agreed that you would start the exercises Sam showed you, and that I would write to your GP
about a fit note. You are on patient-initiated follow-up for the next 12 months: if the pain gets
worse, ring the clinic on 01632 960 555 and we will book you in.

Best wishes,

Dr K Lund
cc: Dr M Rowe, GP`;

  const ABOUT_HIM = `Dear Mr Adeyemi,

Mr Adeyemi attended the spinal clinic on 12 March with low back pain of eight months. He reports
the pain is worse after a long day. On examination his lumbar flexion was limited but his
neurology was normal. I have explained the findings to him and he is keen to try physiotherapy.

He has been discharged from the clinic.

Yours sincerely,
Dr K Lund`;

  it('has nothing to add to a letter to the GP with context and a way back in', () => {
    expect(ids(DISCHARGE, 'letter-to-gp', { findings: [] })).toEqual([]);
  });

  it('has nothing to add to a letter written to the person, with context and a way back in', () => {
    expect(ids(TO_HIM, 'letter-to-patient', { findings: [] })).toEqual([]);
  });

  it('gives all three to a letter about the person, addressed to him, that closes the door', () => {
    const found = reflect(ABOUT_HIM, { kind: 'letter-to-patient', kit, findings: [] });
    expect(found.map((r) => [r.id, r.count])).toEqual([
      ['way-back-in', undefined],
      ['social-context', 7],
      // Mr Adeyemi, he, his, his, him, he, he.
      ['written-to-person', 7],
    ]);
    // The same letter mentioning his shifts has its context.
    const shifts = ABOUT_HIM.replace('after a long day', 'after his shifts at the depot');
    expect(ids(shifts, 'letter-to-patient', { findings: [] })).toEqual([
      'way-back-in',
      'written-to-person',
    ]);
  });
});
