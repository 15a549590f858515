import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Finding } from '../../core/engine.ts';

vi.stubGlobal('chrome', fakeBrowser);
const { flagFor } = await import('../../extension/content/features/share-letter.ts');

const finding = (start: number, match: string): Finding => ({
  entryId: 'e',
  category: 'credibility',
  severity: 'warn',
  start,
  end: start + match.length,
  match,
  message: '',
  why: '',
  suggestions: [],
  replacements: [],
  sources: [],
});

describe('the flag the side panel asks to show', () => {
  const findings = [finding(3, 'claims'), finding(40, 'claims'), finding(70, 'refused')];

  it('is the one at that place with those words', () => {
    expect(flagFor(findings, { start: 40, end: 46, match: 'claims' })).toBe(findings[1]);
  });

  it('after an edit above it, is the nearest with the same words', () => {
    expect(flagFor(findings, { start: 35, end: 41, match: 'claims' })).toBe(findings[1]);
    expect(flagFor(findings, { start: 9, end: 15, match: 'claims' })).toBe(findings[0]);
  });

  it('is none once those words are no longer flagged', () => {
    expect(flagFor(findings, { start: 3, end: 9, match: 'heartsink' })).toBeUndefined();
  });
});
