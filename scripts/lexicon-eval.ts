/**
 * How well the default lexicon generalises, in figures:
 * - on our own held-out sentences (eval/heldout-own.jsonl, written from the sources by someone who
 *   had not seen the lexicon): recall of the loaded phrases and clean sentences flagged;
 * - on 2,357 real transcribed notes (MTSamples): suggest/warn findings per 10,000 words, and the
 *   precision of a random sample of them labelled by hand (eval/mtsamples-sample.jsonl).
 * Every text is read as the kind of document it looks like (detectDocumentKind), as the CLI does.
 *
 * Usage: npm run lexicon:eval [-- --heldout FILE.jsonl] [-- --draw 60]
 *   --heldout FILE  score another held-out file of the same format
 *   --draw N        draw a new random sample of N findings to label (writes the sample file with
 *                   "worth": null for each; label every one before committing it)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compile, defaultLexicon, detectDocumentKind, type Finding } from '../core/index.ts';

const root = new URL('../', import.meta.url);
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const heldoutPath = option('--heldout') ?? 'eval/heldout-own.jsonl';
const samplePath = new URL('eval/mtsamples-sample.jsonl', root);
const draw = option('--draw');

const matcher = compile([defaultLexicon()]);
const loaded = (text: string): Finding[] =>
  matcher
    .find(text, { documentKind: detectDocumentKind(text), minSeverity: 'suggest' })
    .filter((f) => f.severity !== 'info');
const jsonl = <T>(text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

// 1. Held-out sentences, then the development sentences (which tuning may look at).
interface Held {
  text: string;
  expect: string[];
  source: string;
}
function score(path: string, label: string, bySource = false): void {
  const held = jsonl<Held>(readFileSync(new URL(path, root), 'utf8'));
  let phrases = 0;
  let found = 0;
  /** Phrases and those found, per source named (its words before any ";", "," or "("). */
  const sources = new Map<string, [found: number, phrases: number]>();
  let clean = 0;
  let cleanFlagged = 0;
  for (const h of held) {
    const findings = loaded(h.text);
    if (h.expect.length === 0) {
      clean++;
      if (findings.length) cleanFlagged++;
      continue;
    }
    const source = h.source.split(/[;,(:]/)[0]!.trim();
    const tally = sources.get(source) ?? sources.set(source, [0, 0]).get(source)!;
    for (const phrase of h.expect) {
      phrases++;
      tally[1]++;
      const start = h.text.indexOf(phrase);
      const end = start + phrase.length;
      if (findings.some((f) => f.start < end && f.end > start)) {
        found++;
        tally[0]++;
      }
    }
  }
  console.log(`${label} (${path}): ${held.length - clean} loaded, ${clean} clean`);
  console.log(`  recall: ${found} of ${phrases} loaded phrases found (${pct(found, phrases)})`);
  console.log(`  clean sentences flagged: ${cleanFlagged} of ${clean}`);
  if (!bySource) return;
  // Counts per source, never sentences: where the misses fall, to know which sources to read again.
  const missed = [...sources].filter(([, [f, n]]) => f < n && n > 0);
  if (missed.length === 0) return;
  console.log(
    `  sources with misses: ${missed.map(([name, [f, n]]) => `${name} ${f}/${n}`).join('; ')}`,
  );
}
// Only counts are printed: the sentences stay out of sight, so nobody tunes the lexicon to them.
score(heldoutPath, 'Held-out sentences, never used for tuning', true);
// The development sets, each written by a new author from the sources (eval/README.md says which).
const developmentSets: [file: string, label: string][] = [
  ['dev', 'Development sentences'],
  ['dev2', 'Second development sentences'],
  ['dev3', 'Third development sentences (UK)'],
  ['dev4', 'Fourth development sentences (US)'],
  ['dev5', 'Fifth development sentences'],
  ['dev6', 'Sixth development sentences (US literature)'],
  ['dev7', 'Seventh development sentences (UK guidance)'],
  ['dev8', 'Eighth development sentences (other settings)'],
  ['dev9', "Ninth development sentences (the issue's sources)"],
  ['dev10', 'Tenth development sentences (US research lists)'],
  ['dev11', 'Eleventh development sentences (UK guidance lists)'],
  ['dev12', 'Twelfth development sentences (MSK nocebo and pain labels)'],
  ['dev13', 'Thirteenth development sentences (every category, general clinicians)'],
  ['dev14', 'Fourteenth development sentences (one step from the keywords)'],
  ['dev15', "Fifteenth development sentences (Park's five categories, CARE-SD, Goddu)"],
  ['dev16', 'Sixteenth development sentences (NIDA, ADA/AADE, person-first, Sun, Darlow)'],
];
if (!option('--heldout')) {
  for (const [file, label] of developmentSets) {
    score(`eval-dev/${file}.jsonl`, `${label}, used for tuning`);
  }
}

// 2. MTSamples: rate, and the labelled sample.
const corpus = jsonl<{ id: string; text: string }>(
  readFileSync(new URL('../shared/corpus/mtsamples.jsonl', root), 'utf8'),
);
let words = 0;
const all: { id: string; finding: Finding; text: string }[] = [];
for (const note of corpus) {
  words += note.text.split(/\s+/).filter(Boolean).length;
  for (const finding of loaded(note.text)) all.push({ id: note.id, finding, text: note.text });
}
console.log(`MTSamples (${corpus.length} notes, ${words.toLocaleString('en-GB')} words):`);
console.log(
  `  suggest/warn findings: ${all.length}, ${((10_000 * all.length) / words).toFixed(2)} per 10,000 words`,
);

interface Labelled {
  id: string;
  start: number;
  end: number;
  entryId: string;
  match: string;
  context: string;
  worth: boolean | null;
  why?: string;
}
const contextOf = (text: string, f: Finding) =>
  `${text.slice(Math.max(0, f.start - 80), f.start)}[${f.match}]${text.slice(f.end, f.end + 80)}`.replace(
    /\s+/g,
    ' ',
  );

if (draw) {
  // A seeded shuffle: the same corpus and lexicon draw the same sample.
  let seed = 20261201;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pool = all.slice();
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const sample: Labelled[] = pool.slice(0, Number(draw)).map(({ id, finding: f, text }) => ({
    id,
    start: f.start,
    end: f.end,
    entryId: f.entryId,
    match: f.match,
    context: contextOf(text, f),
    worth: null,
  }));
  writeFileSync(samplePath, sample.map((s) => JSON.stringify(s)).join('\n') + '\n');
  console.log(
    `  drew ${sample.length} findings into eval/mtsamples-sample.jsonl: label each "worth"`,
  );
} else {
  const sample = jsonl<Labelled>(readFileSync(samplePath, 'utf8'));
  const labelled = sample.filter((s) => s.worth !== null);
  const worth = labelled.filter((s) => s.worth).length;
  // The sample was drawn from an earlier lexicon: say how much of it this one still produces.
  const now = new Set(all.map((a) => `${a.id}:${a.finding.start}:${a.finding.entryId}`));
  const still = sample.filter((s) => now.has(`${s.id}:${s.start}:${s.entryId}`)).length;
  console.log(
    `  labelled sample: ${worth} of ${labelled.length} worth a clinician's attention (precision ${pct(worth, labelled.length)}); ${still} of ${sample.length} still found by this lexicon`,
  );
}
