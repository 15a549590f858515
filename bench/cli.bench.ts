// `npm run bench:cli`: the CLI as users run it, a whole process each time (`node
// bin/alongside.mjs check ...`), beside retext-equality as a whole process (bench/retext-cli.mjs),
// alternated run by run so both see the same machine. Prints the one-line figure against its
// target (150 ms) and the ratio on 2 MB of notes against its target (20×), each with PASS or FAIL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_PATH, CorpusMissingError, leadingSubset, loadCorpus } from './corpus.ts';

const ONE_LINE_TARGET_MS = 150;
const RATIO_TARGET = 20;
const BIN = 'bin/alongside.mjs';
const RETEXT = 'bench/retext-cli.mjs';

/** Wall-clock time of one whole process, output thrown away as a terminal would not slow it. */
function timed(args: readonly string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - start;
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`node ${args.slice(0, 3).join(' ')} … exited ${run.status}: ${run.stderr}`);
  }
  return elapsed;
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[times.length >> 1]!;
const ms = (t: number) => `${t.toFixed(0)} ms`;

/** Alternates the two commands `rounds` times and returns each one's times. */
function alternate(ours: readonly string[], peer: readonly string[], rounds: number) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(timed(ours));
    b.push(timed(peer));
  }
  return { ours: a, peer: b };
}

const dir = mkdtempSync(join(tmpdir(), 'alongside-bench-cli-'));
try {
  // Warm-up as a user's second run: the first rebuilds a stale bundle.
  const line = join(dir, 'one-line.txt');
  writeFileSync(line, 'She claims the pain is worse at night.\n');
  timed([BIN, 'check', line]);

  const one = alternate([BIN, 'check', line], [RETEXT, line], 15);
  const oneLine = median(one.ours);
  console.log(
    `CLI start-up, one-line file, whole process (median of 15): alongside ${ms(oneLine)}, ` +
      `retext-equality ${ms(median(one.peer))}`,
  );
  console.log(
    `${oneLine < ONE_LINE_TARGET_MS ? 'PASS' : 'FAIL'}  one-line check under ${ONE_LINE_TARGET_MS} ms`,
  );

  let corpus;
  try {
    corpus = leadingSubset(loadCorpus(), 2_000_000);
  } catch (error) {
    if (!(error instanceof CorpusMissingError)) throw error;
    console.log(`SKIP  2 MB of notes: ${error.message} (MTSamples, one JSON object a line)`);
  }
  if (corpus) {
    const files = corpus.notes.map((note, i) => {
      const path = join(dir, `note-${String(i).padStart(4, '0')}.txt`);
      writeFileSync(path, note);
      return path;
    });
    const big = alternate([BIN, 'check', ...files], [RETEXT, ...files], 5);
    const ratio = median(big.peer) / median(big.ours);
    console.log(
      `CLI on ${(corpus.bytes / 1e6).toFixed(1)} MB of notes in ${files.length} files ` +
        `(${CORPUS_PATH}), whole process (median of 5): alongside ${ms(median(big.ours))}, ` +
        `retext-equality ${ms(median(big.peer))}, ${ratio.toFixed(1)}× faster`,
    );
    console.log(
      `${ratio >= RATIO_TARGET ? 'PASS' : 'FAIL'}  at least ${RATIO_TARGET}× retext-equality`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
