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
// Each file is read as a layer over the default lexicon and the files before it, as the CLI
// reads them, so a service's patches and `disable` ids work here too; only the files' own
// entries are counted (a default category file is counted on its own, as before).
const layers: Lexicon[] = [];
const lexicons: Lexicon[] = files.length
  ? files.map((file) => {
      const text = readFileSync(file, 'utf8');
      const whole = parseLexicon(text);
      const result = whole.ok
        ? whole
        : parseLexicon(text, { below: [defaultLexicon(), ...layers] });
      if (!result.ok) throw new Error(`${file}: ${result.errors.join('; ')}`);
      layers.push(result.lexicon);
      return result.lexicon;
    })
  : [defaultLexicon()];
const patches = files.length && lexicons.some((l) => (l.patches?.length ?? 0) > 0);
const matcher = compile(patches ? [defaultLexicon(), ...lexicons] : lexicons);

// The files' own entries and patches; with no file, every entry of the default lexicon.
const counted = new Set(
  lexicons.flatMap((l) => [...l.entries, ...(l.patches ?? [])].map((e) => e.id)),
);
const stats = new Map<string, { hits: number; notes: Set<number>; samples: string[] }>();
for (const entry of matcher.entries)
  if (counted.has(entry.id)) stats.set(entry.id, { hits: 0, notes: new Set(), samples: [] });
notes.forEach((text, n) => {
  for (const f of matcher.find(text, { documentKind: documentKind ?? detectDocumentKind(text) })) {
    const s = stats.get(f.entryId);
    if (!s) continue;
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
