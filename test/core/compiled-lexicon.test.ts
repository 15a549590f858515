import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, defaultLexicon, type Finding } from '../../core/index.ts';
import { compileLexicon, matcherFrom } from '../../core/matcher/compile.ts';
import {
  CompiledFormatError,
  compiledParts,
  decodeCompiled,
  fromParts,
  encodeCompiled,
  packedReader,
  packJson,
} from '../../core/matcher/compiled-lexicon.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

/** Through JSON and back, as the extension's messages and session storage carry it. */
const carried = (compiled: ReturnType<typeof compileLexicon>) =>
  decodeCompiled(JSON.parse(JSON.stringify(encodeCompiled(compiled))));

const jsonl = (path: string) =>
  readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);

// Real notes and every development sentence: a compiled lexicon that lost anything would differ.
const texts = [
  ...jsonl('../shared/corpus/mtsamples.jsonl').slice(0, 300),
  ...['dev', 'dev5', 'dev9', 'dev13', 'dev14', 'dev15', 'dev16'].flatMap((d) =>
    jsonl(`eval-dev/${d}.jsonl`),
  ),
];
const findAll = (find: (text: string) => Finding[]) => texts.map(find);

describe('a compiled lexicon carried as data', () => {
  const lex = defaultLexicon();

  it('finds exactly what compiling in place finds, with the same work, in each locale', () => {
    for (const locale of ['en-GB', 'en-US'] as const) {
      const options = { locale, allow: ['claims the pain'], disable: ['refused'] };
      const direct = compile([lex], options);
      const fromData = matcherFrom(carried(compileLexicon([lex], options)), { locale });
      expect(findAll((t) => fromData.find(t))).toEqual(findAll((t) => direct.find(t)));
      expect(fromData.work).toBe(direct.work);
    }
  });

  it('lean: the same findings, and entries without what was compiled', () => {
    const full = compile([lex]);
    const lean = matcherFrom(carried(compileLexicon([lex], { lean: true })));
    expect(findAll((t) => lean.find(t))).toEqual(findAll((t) => full.find(t)));
    const claims = lean.entries.find((e) => e.id === 'claims')!;
    expect(claims.phrases).toBeUndefined();
    expect(claims.context).toBeUndefined();
    expect(claims.why).toBe(full.entries.find((e) => e.id === 'claims')!.why);
  });

  it('keeps each source once, and gives every entry its sources back whole', () => {
    const compiled = compileLexicon([lex]);
    const cited = lex.entries.reduce((n, e) => n + e.sources.length, 0);
    expect(compiled.sources.at.length - 1).toBeLessThan(cited / 4);
    const m = matcherFrom(carried(compiled));
    expect(m.entries.map((e) => e.sources)).toEqual(compile([lex]).entries.map((e) => e.sources));
  });

  it('comes back from its parts as a file holds them, wherever the bytes sit in memory', () => {
    const parts = compiledParts(compileLexicon([lex], { lean: true }));
    // A file read into a shared pool may start at any offset: the arrays are then copied.
    const pool = new Uint8Array(parts.bytes.length + 3);
    pool.set(parts.bytes, 3);
    const m = matcherFrom(fromParts({ data: parts.data, bytes: pool.subarray(3) }));
    const direct = compile([lex]);
    expect(findAll((t) => m.find(t))).toEqual(findAll((t) => direct.find(t)));
  });

  it('is refused, with a clear error, when it is not of this format', () => {
    const encoded = encodeCompiled(compileLexicon([lexicon([entry({ id: 'x', phrases: ['x'] })])]));
    expect(() => decodeCompiled({ ...encoded, format: 0 as never })).toThrow(CompiledFormatError);
    expect(() => decodeCompiled({ ...encoded, format: 0 as never })).toThrow(
      'not a compiled lexicon of this version',
    );
    expect(() => matcherFrom({ ...compileLexicon([]), format: 1 as never })).toThrow(
      'compiled lexicon of another version',
    );
  });
});

describe('packed JSON', () => {
  it('reads each value back, text outside ASCII included, and null where none was given', () => {
    const values = [{ why: '“Heartsink” — naïve' }, null, ['café', 'x'], undefined, 7];
    const read = packedReader(packJson(values));
    expect(values.map((_, k) => read(k))).toEqual([
      { why: '“Heartsink” — naïve' },
      null,
      ['café', 'x'],
      null,
      7,
    ]);
    // Parsed once: the same object each time.
    expect(read(0)).toBe(read(0));
  });
});
