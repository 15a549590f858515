import { describe, expect, it } from 'vitest';
import {
  FlagCounts,
  badgeText,
  finishedLoading,
  mayHaveNavigated,
} from '../../extension/flag-counts.ts';

describe('FlagCounts', () => {
  it('adds up the frames of a tab and keeps tabs apart', () => {
    const counts = new FlagCounts();
    expect(counts.set(1, 0, 3)).toBe(3);
    expect(counts.set(1, 7, 2)).toBe(5);
    expect(counts.set(2, 0, 4)).toBe(4);
    expect(counts.total(1)).toBe(5);
    expect(counts.total(2)).toBe(4);
    expect(counts.total(3)).toBe(0);
  });

  it('replaces a frame’s count with its latest report', () => {
    const counts = new FlagCounts();
    counts.set(1, 0, 3);
    counts.set(1, 4, 1);
    expect(counts.set(1, 0, 1)).toBe(2);
    expect(counts.set(1, 4, 0)).toBe(1);
    expect(counts.set(1, 0, 0)).toBe(0);
    expect(counts.tabIds()).toEqual([]);
  });

  it('treats nonsense counts as none', () => {
    const counts = new FlagCounts();
    expect(counts.set(1, 0, -2)).toBe(0);
    expect(counts.set(1, 0, Number.NaN)).toBe(0);
    expect(counts.set(1, 0, Number.POSITIVE_INFINITY)).toBe(0);
    expect(counts.set(1, 0, 2.7)).toBe(2);
  });

  it('forgets a tab that navigated or closed, and only that tab', () => {
    const counts = new FlagCounts();
    counts.set(1, 0, 3);
    counts.set(1, 2, 1);
    counts.set(2, 0, 5);
    expect(counts.forgetTab(1)).toBe(true);
    expect(counts.forgetTab(1)).toBe(false);
    expect(counts.total(1)).toBe(0);
    expect(counts.total(2)).toBe(5);
  });

  it('survives a round trip through storage as a plain object', () => {
    const counts = new FlagCounts();
    counts.set(10, 0, 3);
    counts.set(10, 5, 2);
    counts.set(11, 0, 1);
    const stored: unknown = JSON.parse(JSON.stringify(counts.snapshot()));
    expect(stored).toEqual({ 10: { 0: 3, 5: 2 }, 11: { 0: 1 } });
    const restored = FlagCounts.fromSnapshot(stored);
    expect(restored.total(10)).toBe(5);
    expect(restored.total(11)).toBe(1);
    expect(restored.snapshot()).toEqual(counts.snapshot());
  });

  it('restores what it can from a damaged snapshot', () => {
    for (const junk of [undefined, null, 3, 'x', [], [[1, 2]]]) {
      expect(FlagCounts.fromSnapshot(junk).tabIds()).toEqual([]);
    }
    const restored = FlagCounts.fromSnapshot({
      1: { 0: 2, x: 5, 3: '4' },
      y: { 0: 1 },
      2: 'nope',
      4: { 0: 1 },
    });
    expect(restored.total(1)).toBe(2);
    expect(restored.tabIds().sort()).toEqual([1, 4]);
  });
});

describe('badgeText', () => {
  it('is empty for nothing and caps wide numbers', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-1)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});

describe('tab updates', () => {
  it('treats any load or new address as a possible navigation', () => {
    expect(mayHaveNavigated({ status: 'loading' })).toBe(true);
    expect(mayHaveNavigated({ status: 'loading', url: 'https://a.example/' })).toBe(true);
    expect(mayHaveNavigated({ url: 'https://a.example/#x' })).toBe(true);
    expect(mayHaveNavigated({ status: 'complete' })).toBe(false);
    expect(mayHaveNavigated({})).toBe(false);
  });

  it('knows when a load is over', () => {
    expect(finishedLoading({ status: 'complete' })).toBe(true);
    expect(finishedLoading({ status: 'loading' })).toBe(false);
    expect(finishedLoading({})).toBe(false);
  });
});
