/** Timing and summary helpers for the benchmarks. Times are wall-clock milliseconds. */

export interface PassTimes {
  /** One entry per measured pass, in run order (warm-up passes excluded). */
  ms: number[];
  /** Whatever the measured function returned on its last pass (e.g. a finding count). */
  result: number;
}

/** Runs `fn` `warmup` times untimed, then `passes` times timed. */
export function timePasses(fn: () => number, passes: number, warmup = 1): PassTimes {
  let result = 0;
  for (let i = 0; i < warmup; i++) result = fn();
  const ms: number[] = [];
  for (let i = 0; i < passes; i++) {
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  return { ms, result };
}

/**
 * Like `timePasses` for several functions, their passes taken in turn: load from other processes
 * that drifts during the run then skews them all alike, and their ratios stay fair.
 */
export function timeInterleaved(
  fns: readonly (() => number)[],
  passes: number,
  warmup = 1,
): PassTimes[] {
  const out: PassTimes[] = fns.map(() => ({ ms: [], result: 0 }));
  for (let i = 0; i < warmup; i++) fns.forEach((fn, k) => (out[k]!.result = fn()));
  for (let i = 0; i < passes; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      out[k]!.result = fn();
      out[k]!.ms.push(performance.now() - t0);
    });
  }
  return out;
}

/** Times a single call. */
export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list');
  const sorted = values.slice().sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Megabytes (1e6 bytes) per second. */
export function mbPerSecond(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

/** A figure with about three significant digits: 1234, 123, 12.3, 1.23, 0.123. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-GB');
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

/** A whole number with thousands separators. */
export function int(value: number): string {
  return Math.round(value).toLocaleString('en-GB');
}
