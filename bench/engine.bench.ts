/**
 * Throughput of the engine on the MTSamples clinical-notes corpus, against retext-equality (the
 * engine behind alex), across lexicon sizes, and the cost of an editor's per-keystroke re-scan.
 * It reports figures and a PASS/FAIL line per target but asserts nothing: exit 0 however slow the
 * machine, 1 on an error, 2 when the corpus is missing. Usage: npm run bench
 */
import { cpus } from 'node:os';
import { compile, defaultLexicon, type Lexicon, type Matcher } from '../core/index.ts';
import {
  CORPUS_PATH,
  CorpusMissingError,
  leadingSubset,
  loadCorpus,
  longDocument,
  type Corpus,
} from './corpus.ts';
import { measureIncremental, type IncrementalResult } from './incremental.ts';
import { fmt, int, mbPerSecond, median, timeOnce, timePasses } from './measure.ts';
import { createRetextEquality } from './retext-equality.ts';
import { syntheticLexicon } from './synthetic-lexicon.ts';

const ENGINE_PASSES = 7;
const SYNTHETIC_PASSES = 5;
const RETEXT_PASSES = 3;
const RETEXT_SUBSET_BYTES = 1e6;
const RETEXT_WARMUP_BYTES = 1e5;
const SMALLEST = 100;
const LARGEST = 10_000;
const SYNTHETIC_SIZES = [SMALLEST, 1_000, LARGEST];
const INCREMENTAL_WORDS = 5_000;
const INCREMENTAL_EDITS = 200;

const TARGET_MBPS = 50;
const TARGET_RATIO = 100;
const TARGET_SCALING = 0.5;

interface Throughput {
  mbps: number;
  ms: number;
  findings: number;
}

const say = (line = '') => console.log(line);
const row = (label: string, value: string) => say(`   ${label.padEnd(34)} ${value}`);
const describeCorpus = (c: Corpus) => `${int(c.notes.length)} notes, ${fmt(c.bytes / 1e6)} MB`;
const describeThroughput = (t: Throughput) =>
  `${fmt(t.mbps).padStart(7)} MB/s   (${fmt(t.ms)} ms/pass, ${int(t.findings)} findings)`;

function findAll(matcher: Matcher, notes: readonly string[]): number {
  let findings = 0;
  for (const note of notes) findings += matcher.find(note).length;
  return findings;
}

function throughput(bytes: number, ms: readonly number[], findings: number): Throughput {
  const mid = median(ms);
  return { mbps: mbPerSecond(bytes, mid), ms: mid, findings };
}

/** Median of `passes` timed passes of `find` over every note, after one warm-up pass. */
function engineThroughput(matcher: Matcher, corpus: Corpus, passes = ENGINE_PASSES): Throughput {
  const run = timePasses(() => findAll(matcher, corpus.notes), passes);
  return throughput(corpus.bytes, run.ms, run.result);
}

/**
 * Like `engineThroughput` for several matchers, with their passes taken in turn, so that load
 * from other processes drifting during the run skews them all alike and their ratios stay fair.
 */
function interleavedThroughput(matchers: readonly Matcher[], corpus: Corpus): Throughput[] {
  const times = matchers.map(() => [] as number[]);
  const findings = matchers.map((m) => findAll(m, corpus.notes));
  for (let pass = 0; pass < SYNTHETIC_PASSES; pass++) {
    matchers.forEach((m, k) => times[k]!.push(timeOnce(() => findAll(m, corpus.notes)).ms));
  }
  return matchers.map((_, k) => throughput(corpus.bytes, times[k]!, findings[k]!));
}

function compileTimed(lexicon: Lexicon): { matcher: Matcher; ms: number } {
  const { ms, value } = timeOnce(() => compile([lexicon]));
  return { matcher: value, ms };
}

/** 1. The default lexicon over the whole corpus. */
function benchDefault(corpus: Corpus): { matcher: Matcher; full: Throughput } {
  const { matcher, ms } = compileTimed(defaultLexicon());
  const entries = matcher.entries.length;
  say(`1. Engine, default lexicon (${int(entries)} entries, compiled in ${fmt(ms)} ms)`);
  const full = engineThroughput(matcher, corpus);
  row('full corpus', describeThroughput(full));
  if (entries < 100) say(`   note: the default lexicon has only ${entries} entries; provisional`);
  say();
  return { matcher, full };
}

/** 2 and 3. retext-equality on a fixed leading subset, ours on exactly the same notes. */
function benchRetext(corpus: Corpus, matcher: Matcher): number {
  const subset = leadingSubset(corpus, RETEXT_SUBSET_BYTES);
  const equality = createRetextEquality();
  say('2. retext-equality (retext-english + retext-equality, each note its own document)');
  say(`   subset: the first ${describeCorpus(subset)}; median of ${RETEXT_PASSES} passes`);
  equality(leadingSubset(corpus, RETEXT_WARMUP_BYTES).notes);
  const run = timePasses(() => equality(subset.notes), RETEXT_PASSES, 0);
  const theirs = throughput(subset.bytes, run.ms, run.result);
  const ours = engineThroughput(matcher, subset);
  row('retext-equality, subset', describeThroughput(theirs));
  row('our engine, same subset', describeThroughput(ours));
  say();
  const ratio = ours.mbps / theirs.mbps;
  say(`3. Ours / retext-equality (same subset): ${fmt(ratio)}×`);
  say();
  return ratio;
}

/** 4. Synthetic lexicons of growing size over the whole corpus. */
function benchSynthetic(corpus: Corpus): { bySize: Map<number, Throughput>; largest: Matcher } {
  const built = SYNTHETIC_SIZES.map((size) => {
    const synthetic = syntheticLexicon(size);
    return { size, synthetic, ...compileTimed(synthetic.lexicon) };
  });
  const real = built[0]!.synthetic.real;
  say(`4. Synthetic lexicons, full corpus (each holds the same ${real} real phrases)`);
  say(`   median of ${SYNTHETIC_PASSES} passes per size, sizes taken in turn`);
  say(`   ${'entries'.padStart(7)} ${'forms'.padStart(7)} ${'compile'.padStart(10)}  throughput`);
  const results = interleavedThroughput(
    built.map((b) => b.matcher),
    corpus,
  );
  const bySize = new Map<number, Throughput>();
  built.forEach(({ size, synthetic, ms }, k) => {
    bySize.set(size, results[k]!);
    const compiled = `${fmt(ms)} ms`.padStart(10);
    say(
      `   ${int(size).padStart(7)} ${int(synthetic.forms).padStart(7)} ${compiled}  ${describeThroughput(results[k]!)}`,
    );
  });
  const scaling = bySize.get(LARGEST)!.mbps / bySize.get(SMALLEST)!.mbps;
  say(`   ratio ${int(LARGEST)} / ${int(SMALLEST)} entries: ${fmt(scaling)}`);
  say();
  return { bySize, largest: built[built.length - 1]!.matcher };
}

function printIncremental(label: string, r: IncrementalResult): void {
  say(`   ${label}`);
  row('   full find, whole document', `${fmt(r.fullFindMs)} ms (median of 20)`);
  row('   first scan (empty cache)', `${fmt(r.firstScanMs)} ms`);
  row(
    '   re-scan after one keystroke',
    `median ${fmt(r.medianMs)} ms, p95 ${fmt(r.p95Ms)} ms over ${r.edits} edits` +
      ` (≤ ${r.maxRescanned} paragraph re-scanned)`,
  );
  row('   of which the edited paragraph', `${fmt(r.paragraphMs)} ms (findInParagraph alone)`);
}

/** 5. Incremental re-scan of a long document, as an editor does on every keystroke. */
function benchIncremental(corpus: Corpus, matchers: [string, Matcher][]): void {
  const document = longDocument(corpus, INCREMENTAL_WORDS);
  matchers.forEach(([label, matcher], k) => {
    const r = measureIncremental(matcher, document, INCREMENTAL_EDITS);
    if (k === 0) {
      say(
        `5. Incremental re-scan: ${int(r.words)} words in ${r.paragraphs} paragraphs ` +
          '(MTSamples sections), one character typed per edit in the middle paragraph',
      );
    }
    printIncremental(label, r);
  });
  say();
}

function verdict(pass: boolean, target: string, actual: string): void {
  say(`   ${pass ? 'PASS' : 'FAIL'}  ${target.padEnd(44)} ${actual}`);
}

function main(): void {
  const corpus = loadCorpus();
  const started = performance.now();
  say('Alongside engine benchmark');
  say(`   Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${process.platform}`);
  say(`   corpus ${CORPUS_PATH}: ${describeCorpus(corpus)} (MB = UTF-8 bytes of the text / 1e6)`);
  say(`   engine figures: median of ${ENGINE_PASSES} passes after one warm-up pass`);
  say();

  const { matcher, full } = benchDefault(corpus);
  const ratio = benchRetext(corpus, matcher);
  const { bySize, largest } = benchSynthetic(corpus);
  benchIncremental(corpus, [
    [`default lexicon (${int(matcher.entries.length)} entries)`, matcher],
    [`synthetic lexicon (${int(LARGEST)} entries)`, largest],
  ]);

  const small = bySize.get(SMALLEST)!;
  const large = bySize.get(LARGEST)!;
  const scaling = large.mbps / small.mbps;
  say('Targets');
  verdict(
    full.mbps >= TARGET_MBPS,
    `engine ≥ ${TARGET_MBPS} MB/s (default lexicon, full corpus)`,
    `${fmt(full.mbps)} MB/s`,
  );
  verdict(ratio >= TARGET_RATIO, `engine ≥ ${TARGET_RATIO}× retext-equality`, `${fmt(ratio)}×`);
  verdict(
    scaling >= TARGET_SCALING,
    `${int(LARGEST)} entries ≥ ${TARGET_SCALING} × throughput at ${int(SMALLEST)}`,
    `${fmt(scaling)} (${fmt(large.mbps)} vs ${fmt(small.mbps)} MB/s)`,
  );
  say(`   (benchmark took ${fmt((performance.now() - started) / 1000)} s)`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof CorpusMissingError)) throw error;
  console.error(`bench: ${error.message}`);
  process.exitCode = 2;
}
