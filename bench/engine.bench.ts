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
import { fmt, int, mbPerSecond, median, timeInterleaved, timeOnce, timePasses } from './measure.ts';
import { createRetextEquality } from './retext-equality.ts';
import { syntheticLexicon } from './synthetic-lexicon.ts';

const ENGINE_PASSES = 15;
const SYNTHETIC_PASSES = 9;
const RETEXT_PASSES = 5;
const RETEXT_SUBSET_BYTES = 1e6;
const RETEXT_WARMUP_BYTES = 1e5;
const SMALLEST = 100;
const LARGEST = 10_000;
const SYNTHETIC_SIZES = [SMALLEST, 1_000, LARGEST];
/** Below this many entries the default lexicon is still being filled (it is planned at ~110). */
const FILLED_ENTRIES = 100;
const STAND_IN_SIZE = 110;
const INCREMENTAL_WORDS = 5_000;
const INCREMENTAL_EDITS = 200;

const TARGET_MBPS = 50;
const TARGET_RATIO = 100;
const TARGET_SCALING = 0.5;

interface Throughput {
  mbps: number;
  ms: number;
  medianMbps: number;
  findings: number;
}

const say = (line = '') => console.log(line);
const row = (label: string, value: string) => say(`   ${label.padEnd(34)} ${value}`);
const describeCorpus = (c: Corpus) => `${int(c.notes.length)} notes, ${fmt(c.bytes / 1e6)} MB`;
const describeThroughput = (t: Throughput) =>
  `${fmt(t.mbps).padStart(7)} MB/s   (median ${fmt(t.medianMbps)} MB/s; ${fmt(t.ms)} ms/pass, ${int(t.findings)} findings)`;

function findAll(matcher: Matcher, notes: readonly string[]): number {
  let findings = 0;
  for (const note of notes) findings += matcher.find(note).length;
  return findings;
}

/**
 * Throughput from the fastest pass, the one least disturbed by other work on a shared machine;
 * the median is printed beside it.
 */
function throughput(bytes: number, ms: readonly number[], findings: number): Throughput {
  const best = Math.min(...ms);
  return {
    mbps: mbPerSecond(bytes, best),
    ms: best,
    medianMbps: mbPerSecond(bytes, median(ms)),
    findings,
  };
}

/** Median of `passes` timed passes of `find` over every note, after one warm-up pass. */
function engineThroughput(matcher: Matcher, corpus: Corpus, passes = ENGINE_PASSES): Throughput {
  const run = timePasses(() => findAll(matcher, corpus.notes), passes);
  return throughput(corpus.bytes, run.ms, run.result);
}

function compileTimed(lexicon: Lexicon): { matcher: Matcher; ms: number } {
  const { ms, value } = timeOnce(() => compile([lexicon]));
  return { matcher: value, ms };
}

interface Engine {
  label: string;
  matcher: Matcher;
}

/**
 * 1. The default lexicon over the whole corpus. Until it is filled, a synthetic stand-in of its
 * planned size (with the scare-quotes detector) shows what such a lexicon costs.
 */
function benchDefault(corpus: Corpus): { engines: Engine[]; full: Throughput[] } {
  const { matcher, ms } = compileTimed(defaultLexicon());
  const entries = matcher.entries.length;
  const engines: Engine[] = [{ label: 'default lexicon', matcher }];
  say(`1. Engine, default lexicon (${int(entries)} entries, compiled in ${fmt(ms)} ms)`);
  const full = [engineThroughput(matcher, corpus)];
  row('full corpus', describeThroughput(full[0]!));
  if (entries < FILLED_ENTRIES) {
    const standIn = compile([syntheticLexicon(STAND_IN_SIZE, { scareQuotes: true }).lexicon]);
    engines.push({ label: 'stand-in (provisional)', matcher: standIn });
    full.push(engineThroughput(standIn, corpus));
    row('stand-in, full corpus', describeThroughput(full[1]!));
    say(`   provisional: the default lexicon has only ${entries} entries. The stand-in is a`);
    say(
      `   synthetic lexicon of ${STAND_IN_SIZE - 1} phrase entries plus the scare-quotes detector.`,
    );
  }
  say();
  return { engines, full };
}

/**
 * 2 and 3. retext-equality on a fixed leading subset, our engine(s) on exactly the same notes.
 * Returns ours / theirs for each engine.
 */
function benchRetext(corpus: Corpus, engines: readonly Engine[]): number[] {
  const subset = leadingSubset(corpus, RETEXT_SUBSET_BYTES);
  const equality = createRetextEquality();
  say('2. retext-equality (retext-english + retext-equality, each note its own document)');
  say(`   subset: the first ${describeCorpus(subset)}; fastest of ${RETEXT_PASSES} passes each`);
  say('   (passes of retext-equality and of our engine taken in turn)');
  equality(leadingSubset(corpus, RETEXT_WARMUP_BYTES).notes);
  const runs = timeInterleaved(
    [() => equality(subset.notes), ...engines.map((e) => () => findAll(e.matcher, subset.notes))],
    RETEXT_PASSES,
    0,
  );
  const figures = runs.map((run) => throughput(subset.bytes, run.ms, run.result));
  const theirs = figures[0]!;
  const ours = figures.slice(1);
  row('retext-equality, subset', describeThroughput(theirs));
  engines.forEach(({ label }, k) => row(`ours, ${label}`, describeThroughput(ours[k]!)));
  say();
  const ratios = ours.map((t) => t.mbps / theirs.mbps);
  say('3. Ours / retext-equality (same subset)');
  engines.forEach(({ label }, k) => row(label, `${fmt(ratios[k]!)}×`));
  say();
  return ratios;
}

/** 4. Synthetic lexicons of growing size over the whole corpus. */
function benchSynthetic(corpus: Corpus): { bySize: Map<number, Throughput>; largest: Matcher } {
  const built = SYNTHETIC_SIZES.map((size) => {
    const synthetic = syntheticLexicon(size);
    return { size, synthetic, ...compileTimed(synthetic.lexicon) };
  });
  const real = built[0]!.synthetic.real;
  say(`4. Synthetic lexicons, full corpus (each holds the same ${real} real phrases)`);
  say(`   fastest of ${SYNTHETIC_PASSES} passes per size, sizes taken in turn`);
  say(`   ${'entries'.padStart(7)} ${'forms'.padStart(7)} ${'compile'.padStart(10)}  throughput`);
  const results = timeInterleaved(
    built.map((b) => () => findAll(b.matcher, corpus.notes)),
    SYNTHETIC_PASSES,
  ).map((run) => throughput(corpus.bytes, run.ms, run.result));
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
  say(`   ${pass ? 'PASS' : 'FAIL'}  ${target.padEnd(52)} ${actual}`);
}

function main(): void {
  const corpus = loadCorpus();
  const started = performance.now();
  say('Alongside engine benchmark');
  say(`   Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${process.platform}`);
  say(`   corpus ${CORPUS_PATH}: ${describeCorpus(corpus)} (MB = UTF-8 bytes of the text / 1e6)`);
  say(
    `   engine figures: fastest of ${ENGINE_PASSES} passes after one warm-up pass (median beside it)`,
  );
  say();

  const { engines, full } = benchDefault(corpus);
  const ratios = benchRetext(corpus, engines);
  const { bySize, largest } = benchSynthetic(corpus);
  const ours = engines[0]!.matcher;
  benchIncremental(corpus, [
    [`default lexicon (${int(ours.entries.length)} entries)`, ours],
    [`synthetic lexicon (${int(LARGEST)} entries)`, largest],
  ]);

  const small = bySize.get(SMALLEST)!;
  const large = bySize.get(LARGEST)!;
  const scaling = large.mbps / small.mbps;
  say('Targets');
  engines.forEach(({ label }, k) => {
    const mbps = full[k]!.mbps;
    verdict(mbps >= TARGET_MBPS, `ours ≥ ${TARGET_MBPS} MB/s, ${label}`, `${fmt(mbps)} MB/s`);
  });
  engines.forEach(({ label }, k) => {
    const ratio = ratios[k]!;
    verdict(
      ratio >= TARGET_RATIO,
      `ours ≥ ${TARGET_RATIO}× retext-equality, ${label}`,
      `${fmt(ratio)}×`,
    );
  });
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
