import { describe, expect, it } from 'vitest';
import { previewOf } from '../../components/card/preview.ts';

describe('previewOf', () => {
  const text = 'Seen today. He refused the injection. Review in May.';
  const at = text.indexOf('refused');

  it('is the sentence with the replacement in place', () => {
    expect(previewOf(text, { start: at, end: at + 'refused'.length, text: 'declined' })).toEqual({
      before: 'He ',
      changed: 'declined',
      after: ' the injection.',
    });
  });

  it('cuts long context at a word boundary either side, with an ellipsis', () => {
    const lead = 'After a very long discussion about all of the options that were open to him, ';
    const tail = ', which we respected and recorded in full so that the whole team could read it.';
    const long = `${lead}he refused the injection${tail}`;
    const s = long.indexOf('refused');
    const p = previewOf(long, { start: s, end: s + 7, text: 'declined' })!;
    expect(p.changed).toBe('declined');
    expect(p.before.startsWith('…')).toBe(true);
    expect(p.before.endsWith('him, he ')).toBe(true);
    expect(p.before.length).toBeLessThanOrEqual(61);
    expect(lead + 'he ').toContain(p.before.slice(1));
    expect(p.after.endsWith('…')).toBe(true);
    expect(p.after.startsWith(' the injection, which')).toBe(true);
    expect((tail + ' ').includes(p.after.slice(' the injection'.length, -1))).toBe(true);
    expect(p.after.length).toBeLessThanOrEqual(61);
  });

  it('has nothing to show without a replacement, or for one past the text', () => {
    expect(previewOf(text, undefined)).toBeUndefined();
    expect(previewOf('short', { start: 2, end: 40, text: 'x' })).toBeUndefined();
  });
});
