/**
 * How often each entry fires on the real clinical-notes corpus, with sample contexts, so an
 * author can judge noise.
 * Each note is read as the kind of document it looks like (detectDocumentKind), as the CLI does,
 * unless --kind says otherwise.
 * Usage: npm run lexicon:noise [-- [--kind clinical-note] lexicon/default/credibility.json ...]
 */
import { readFileSync } from 'node:fs';
import {
  compile,
  defaultLexicon,
  detectDocumentKind,
  DocumentKindSchema,
  parseLexicon,
  type Lexicon,
} from '../core/index.ts';

const corpusPath = new URL('../../shared/corpus/mtsamples.jsonl', import.meta.url);
const notes = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { text: string }).text);

const args = process.argv.slice(2);
const kindAt = args.indexOf('--kind');
const documentKind = kindAt >= 0 ? DocumentKindSchema.parse(args.splice(kindAt, 2)[1]) : undefined;
const files = args;
const lexicons: Lexicon[] = files.length
  ? files.map((file) => {
      const result = parseLexicon(readFileSync(file, 'utf8'));
      if (!result.ok) throw new Error(`${file}: ${result.errors.join('; ')}`);
      return result.lexicon;
    })
  : [defaultLexicon()];
const matcher = compile(lexicons);

const stats = new Map<string, { hits: number; notes: Set<number>; samples: string[] }>();
for (const entry of matcher.entries)
  stats.set(entry.id, { hits: 0, notes: new Set(), samples: [] });
notes.forEach((text, n) => {
  for (const f of matcher.find(text, { documentKind: documentKind ?? detectDocumentKind(text) })) {
    const s = stats.get(f.entryId)!;
    s.hits++;
    s.notes.add(n);
    if (s.samples.length < 4) {
      const before = text.slice(Math.max(0, f.start - 40), f.start).replace(/\s+/g, ' ');
      const after = text.slice(f.end, f.end + 40).replace(/\s+/g, ' ');
      s.samples.push(`…${before}[${f.match}]${after}…`);
    }
  }
});
const rows = [...stats.entries()].sort((a, b) => b[1].hits - a[1].hits);
console.log(
  `${notes.length} notes${documentKind ? ` read as ${documentKind}` : ''}; hits / notes per entry`,
);
for (const [id, s] of rows) {
  console.log(`${String(s.hits).padStart(5)} ${String(s.notes.size).padStart(5)}  ${id}`);
  for (const sample of s.samples) console.log(`             ${sample}`);
}
