import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/engine.ts';
import { findingAt, nearestFinding } from '../../extension/content/nearest-finding.ts';

const f = (start: number, end: number) => ({ start, end, entryId: `e${start}` }) as Finding;
const flags = [f(5, 10), f(20, 27), f(40, 45)];

describe('nearestFinding (Alt+Enter)', () => {
  it('takes the flag the caret is in or touching', () => {
    expect(nearestFinding(flags, 7)?.start).toBe(5);
    expect(nearestFinding(flags, 27)?.start).toBe(20);
    expect(nearestFinding(flags, 20)?.start).toBe(20);
  });
  it('else the next flag after the caret, else the last before it', () => {
    expect(nearestFinding(flags, 0)?.start).toBe(5);
    expect(nearestFinding(flags, 30)?.start).toBe(40);
    expect(nearestFinding(flags, 99)?.start).toBe(40);
    expect(nearestFinding([], 3)).toBeUndefined();
  });
});

describe('findingAt (a click)', () => {
  it('finds the flag under the caret, preferring one strictly inside', () => {
    expect(findingAt(flags, 22)?.start).toBe(20);
    expect(findingAt(flags, 10)?.start).toBe(5);
    expect(findingAt(flags, 15)).toBeUndefined();
  });
});
