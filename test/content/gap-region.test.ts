import { describe, expect, it } from 'vitest';
import {
  gapFrom,
  gapNumbers,
  gapsIn,
  regionIn,
  regionOf,
} from '../../extension/content/gaps/gap-region.ts';

const INSERTED = 'has not been taking his {medication} because {reason}';
const AFTER = `He ${INSERTED}.\n\nPlan: review in a month.`;

/** `text` with [from, to) replaced by `by`: an edit the clinician makes. */
const edit = (text: string, from: number, to: number, by: string) =>
  text.slice(0, from) + by + text.slice(to);

describe('the inserted region while gaps are filled in', () => {
  it('is found where the suggestion was written, and only there', () => {
    expect(regionOf(AFTER, 3, INSERTED)).toEqual({
      start: 3,
      tail: AFTER.length - 3 - INSERTED.length,
    });
    expect(regionOf(AFTER, 4, INSERTED)).toBeUndefined();
    expect(regionOf(AFTER.slice(0, 20), 3, INSERTED)).toBeUndefined();
    // An editor that kept a space as a no-break space still holds the same words.
    expect(regionOf(AFTER.replace('not been', 'not\u00a0been'), 3, INSERTED)).toBeDefined();
  });

  it('grows and shrinks with typing inside it, keeping its distance from the end', () => {
    const region = regionOf(AFTER, 3, INSERTED)!;
    let text = AFTER;
    const [medication] = gapsIn(region, text);
    expect(text.slice(medication!.start, medication!.end)).toBe('{medication}');

    // Typing over the first gap, a letter at a time (the first letter replaces the selection).
    text = edit(text, medication!.start, medication!.end, 'r');
    let caret = medication!.start + 1;
    for (const letter of 'amipril') text = edit(text, caret, caret++, letter);
    const typed = regionIn(region, text)!;
    expect(text.slice(typed.start, typed.end)).toBe(
      'has not been taking his ramipril because {reason}',
    );
    const gaps = gapsIn(region, text);
    expect(gaps.map((g) => g.name)).toEqual(['reason']);
    expect(text.slice(gaps[0]!.start, gaps[0]!.end)).toBe('{reason}');

    // Over the second gap, then a backspace at its end.
    text = edit(text, gaps[0]!.start, gaps[0]!.end, 'it made him dizzyy');
    text = edit(text, text.indexOf('dizzyy') + 5, text.indexOf('dizzyy') + 6, '');
    const at = regionIn(region, text)!;
    expect(text.slice(at.start, at.end)).toBe(
      'has not been taking his ramipril because it made him dizzy',
    );
    expect(text.slice(at.end)).toBe('.\n\nPlan: review in a month.');
    expect(gapsIn(region, text)).toEqual([]);
  });

  it('is gone when the text around it was cut shorter than where it starts', () => {
    const region = regionOf(AFTER, 3, INSERTED)!;
    expect(regionIn(region, 'He.')).toBeUndefined();
    expect(gapsIn(region, 'He.')).toEqual([]);
  });
});

describe('moving between gaps', () => {
  const region = regionOf(AFTER, 3, INSERTED)!;
  const gaps = gapsIn(region, AFTER);
  const [medication, reason] = gaps as [(typeof gaps)[0], (typeof gaps)[0]];

  it('Tab goes to the next gap after the selection, Shift+Tab to the one before', () => {
    expect(gapFrom(gaps, medication, 'forward')).toEqual(reason);
    expect(gapFrom(gaps, reason, 'forward')).toBeUndefined();
    expect(gapFrom(gaps, reason, 'back')).toEqual(medication);
    expect(gapFrom(gaps, medication, 'back')).toBeUndefined();
    // A caret inside a gap (half typed over) is on that gap, not before it.
    const inside = { start: medication.start + 3, end: medication.start + 3 };
    expect(gapFrom(gaps, inside, 'forward')).toEqual(reason);
    expect(gapFrom(gaps, inside, 'back')).toBeUndefined();
    // From the start of the region, the first gap is next.
    expect(gapFrom(gaps, { start: 3, end: 3 }, 'forward')).toEqual(medication);
  });

  it('numbers a gap by its place in the suggestion, even when earlier ones are filled', () => {
    expect(gapNumbers(['medication', 'reason'], gaps)).toEqual([0, 1]);
    expect(gapNumbers(['medication', 'reason'], [reason])).toEqual([1]);
    expect(gapNumbers(['reason', 'reason'], [reason])).toEqual([0]);
  });
});
