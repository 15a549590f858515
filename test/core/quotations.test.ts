import { describe, expect, it } from 'vitest';
import { classifyQuotations, pairQuotes } from '../../core/text/quotations.ts';
import { tokenize } from '../../core/text/tokenize.ts';

function kinds(text: string) {
  return classifyQuotations(text, tokenize(text), 0, text.length).map((q) => [
    q.kind,
    text.slice(q.start, q.end),
  ]);
}

describe('pairQuotes', () => {
  it('treats inch and foot marks after a number as units, not quotation marks', () => {
    const text = 'Wound 2" by 3" noted; height 5\'10" and "fine" today.';
    expect(pairQuotes(text, 0, text.length).map(([a, b]) => text.slice(a, b))).toEqual(['"fine"']);
  });

  it('pairs straight, curly and single quotation marks but not apostrophes', () => {
    const text = `She said “no” and 'maybe', it's "fine" and the patients' notes`;
    expect(pairQuotes(text, 0, text.length).map(([a, b]) => text.slice(a, b))).toEqual([
      '“no”',
      "'maybe'",
      '"fine"',
    ]);
  });
});

describe('pairQuotes after a stray mark', () => {
  it('reads a straight mark as opening or closing from its neighbours, so one stray does not shift every later pair', () => {
    const text =
      'Bar 5" wide. She said" nothing. He was "an extreme drinker." She was "fine" today.';
    expect(pairQuotes(text, 0, text.length).map(([a, b]) => text.slice(a, b))).toEqual([
      '"an extreme drinker."',
      '"fine"',
    ]);
  });
});

describe('classifyQuotations', () => {
  it.each([
    ['Her pain is "still a 10".', 'scare'],
    ['He reports "seizures" daily.', 'scare'],
    ['She has ‘chronic pain’.', 'scare'],
    ['She said, "it hurts all the time".', 'direct'],
    ['In her words: "nobody listens".', 'direct'],
    ['"It never stops," she said.', 'direct'],
    ['He described it as "all in my head".', 'direct'],
    ['She described the pain as "burning".', 'direct'],
    ['He told us "they think I am making it up".', 'direct'],
    ['The note reads "patient unable to attend the clinic this week due to work".', 'direct'],
    ['A specimen labelled "left breast" was sent.', 'direct'],
    ['She was asked to spell "world" backwards.', 'direct'],
    ['He calls them "his bad days".', 'direct'],
    ['We gave her the "Pain Toolkit" leaflet.', 'direct'],
    ['She has "fibromyalgia" according to her.', 'scare'],
    ['CHIEF COMPLAINT: "Bloody bump on penis."', 'direct'],
    ['He said he was "trying to get some," meaning drugs.', 'direct'],
  ])('%s → %s', (text, kind) => {
    expect(kinds(text).map(([k]) => k)).toEqual([kind]);
  });
});

describe('scare quotes that doubt the account outright', () => {
  const doubts = (text: string) =>
    classifyQuotations(text, tokenize(text), 0, text.length).map((q) => q.doubt);

  it.each([
    ['Her pain is "still a 10".', true],
    ["He says his pain remains 'unbearable'.", true],
    ['Her "chronic fatigue" keeps her off work.', true],
    ["She reports her 'seizures' happen daily.", true],
    ['He reports "seizures" daily.', false],
    ['Her vision "greyed out" from the edges.', false],
    ['She said, "my pain is a 10".', false],
  ])('%s → %s', (text, doubt) => {
    expect(doubts(text)).toEqual([doubt]);
  });
});

describe('quotations set against what the writer saw, and contested claims', () => {
  const doubts = (text: string) =>
    classifyQuotations(text, tokenize(text), 0, text.length).map((q) => q.doubt);

  it.each([
    // The account, a contrast, then an observation or a result: doubt.
    ['She describes the pain as "unbearable" but was laughing with her sister.', true],
    ["Reports 'crushing' headaches, though appears comfortable at rest.", true],
    ['Dad says she has been "eating well" but her weight is down again.', true],
    ["Per pt he is 'taking his warfarin', though his INR is still low.", true],
    // A contrast with no observation, or no account before it, is history.
    ['He had "a little" pain at the time, but carried on working.', false],
    ['An EEG was "normal" then, but no imaging was done.', false],
    // Claims that quotation marks are used to doubt: allergies, pain strength, running out.
    ["Says she is 'allergic' to most antibiotics.", true],
    ['He states he "lost" his prescription on the bus.', true],
    ['She reports "excruciating" pain in the jaw.', true],
    ['He reports "tingling" in the fingers.', false],
    ["Unsure of the date, 'thinks' it was after Easter.", true],
    ['Had a supposed "blackout" at the bus stop.', true],
    ['Asking for "her usual" morphine on arrival.', true],
    ["Self-diagnosed 'coeliac', brought a list of foods.", true],
    ['Dad says she apparently "went blue" in the bath.', true],
    // A reaction, a feeling, a crisis or an episode in quotation marks; a quoted request.
    ['Had a "reaction" to co-codamol in 2019.', true],
    ['Mum "feels" the new inhaler is not working.', true],
    ['Three admissions this year with "sickle crises".', true],
    ['Asked for "something stronger" at triage.', true],
    ['Requesting "the good stuff" again.', true],
    // Set against the writer's note that nobody saw it, or against how the person sat.
    ['He describes "fits" that nobody has witnessed.', true],
    ['Reports "seizures" at home, unwitnessed.', true],
    ["Describes the pain as 'agonising' whilst sitting comfortably.", true],
    // Marked as only the person's account, then their words (up to five) in quotation marks.
    ['Per patient, she "never misses a dose".', true],
    ["According to the patient he is 'off the booze completely'.", true],
    ["Per pt she is 'taking all her meds', although INR remains subtherapeutic.", true],
    ['Per PT, "weight bearing as tolerated".', false],
    ['Per patient, "I feel much better today."', false],
    // A choice or a reason in quotation marks (Park et al. 2021's disapproval), and only one
    // medicine that 'works'; a reason that is a place or an event is history.
    ["He is well aware of the risk and is willing 'to take the risk'.", true],
    ["Stopped the statin because 'it was poisoning her'.", true],
    ["Prefers 'natural' remedies to the emollient.", true],
    ["Only the oxycodone 'works' for him.", true],
    ["Came in because of 'pain'.", false],
    // The writer's own "which I explained" after the marks is no attribution to the person.
    ['Stopped her tablets because she "felt better", which I explained is expected.', true],
    ['"I felt better," she explained.', false],
    // A belief in quotation marks reaches past "is" and "was"; a reason does not.
    ['Gave up dairy as she believes it is "clogging her joints".', true],
    ['He is convinced that it was "the new tablets".', true],
    ['She says she was bullied because she was "shy".', false],
    // When the pain comes is the person's account, not a contrast.
    ['He describes the pain as "burning" while walking.', false],
    ['She said "I had a reaction to penicillin as a child."', false],
  ])('%s → %s', (text, doubt) => {
    expect(doubts(text)).toEqual([doubt]);
  });
});

describe("quotations of the person's dialect", () => {
  const dialect = (text: string) =>
    classifyQuotations(text, tokenize(text), 0, text.length).map((q) => q.dialect);

  it.each([
    ['He says he "ain\'t bothered" about the tablets.', true],
    ['She said, "I don\'t want no more injections."', true],
    ['Mum says he "don\'t sleep" since the move.', true],
    ['Reports her knee "be swellin\' up" at night.', true],
    ['His son says he "be sleeping" all day.', true],
    ['He told me his chest been "playing up" for a week.', true],
    ['States he "dunno" why the sugars are high.', true],
    ["Speaks broken English, says 'chest very tight, doctor'.", true],
    ["Says his ankle got 'real sore' after the shift.", true],
    ['He said it "swole up" overnight.', true],
    ["Says the cast got 'wet an' soggy' in the bath.", true],
    ['Says his "ol\' knee" is playing up again.', true],
    // Standard speech, however informal, is not dialect.
    ['She said, "I have been feeling rough since the op."', false],
    ['He said, "I don\'t know, no one explained it."', false],
    ['She said she "can\'t say no" to her grandchildren.', false],
    ['He had also been "stumbling" for two months.', false],
    ['She said she will "be seeing" her sister at Christmas.', false],
    ["Speaks English well; describes the pain as 'tight'.", false],
    ['She said, "it is real pain, not in my head."', false],
    ["She said she was at the clinic at 'three o'clock'.", false],
  ])('%s → %s', (text, isDialect) => {
    expect(dialect(text)).toEqual([isDialect]);
  });
});
