// The content script holds the engine, never the lexicon: the background sends each frame the
// lexicon it needs. A module with top-level work that imports the lexicon files would pull every
// entry into every frame of every page (it did once: 2.6 MB instead of about 230 KB).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../core/index.ts';
import { EXTENSION_DIR } from './launch-extension.ts';

const BUILT = join(EXTENSION_DIR, 'content-scripts', 'content.js');

describe('the built content script', () => {
  it('carries no lexicon entry: no entry’s reasoning appears in it', () => {
    const script = readFileSync(BUILT, 'utf8');
    const entries = defaultLexicon().entries;
    const found = entries.filter((e) => script.includes(e.why.slice(0, 60)));
    expect(found.map((e) => e.id)).toEqual([]);
    expect(script.length).toBeLessThan(600_000);
  });
});
