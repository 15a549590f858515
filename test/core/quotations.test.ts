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
