// docs/lexicon.md is a view of the data: every entry has its section, and each alternative is
// shown as the sentence the entry's own example leaves (the corrections the suite checks).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultBibliography } from '../core/default-lexicon.ts';
import { defaultLexicon } from '../core/index.ts';
import { lexiconDocs } from '../scripts/lexicon-docs.ts';

const docs = lexiconDocs();

describe('docs/lexicon.md, generated from the data', () => {
  it('has a section for every entry, with its message, reasoning and sources', () => {
    const sections = docs.split('\n### ').slice(1);
    const entries = defaultLexicon().entries;
    expect(sections.map((s) => s.slice(0, s.indexOf('\n')))).toEqual(entries.map((e) => e.id));
    const claims = sections.find((s) => s.startsWith('claims\n'))!;
    const entry = entries.find((e) => e.id === 'claims')!;
    expect(claims).toContain(entry.message);
    expect(claims).toContain('Why: ');
    // Cited by key in the data, listed in full here.
    const [first] = entry.sources;
    expect(typeof first).toBe('string');
    expect(claims).toContain(defaultBibliography()[first as string]!.citation);
    expect(claims).not.toContain(`- ${first as string}`);
  });

  it('shows each alternative as the exact corrected sentence from the entry’s examples', () => {
    const entry = defaultLexicon().entries.find((e) => e.id === 'non-compliant')!;
    const [first] = entry.examples!.flag!;
    const example = first as { text: string; corrections: string[] };
    expect(docs).toContain(`- ${example.text} → **${example.corrections[0]}**`);
  });

  it('is the page committed in docs/ (npm run check fails when it is stale)', () => {
    const committed = readFileSync(new URL('../docs/lexicon.md', import.meta.url), 'utf8');
    expect(committed === docs).toBe(true);
  });
});
