/** Where progress goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** A terminal's line is redrawn at most this often, a few times a second. */
const TERMINAL_INTERVAL_MS = 250;
/** A log (stderr not a terminal) gets a line this often, so it does not fill with them. */
const LOG_INTERVAL_MS = 2000;
/** A run shorter than this shows no progress in a log: its summary line says it all. */
const QUIET_START_MS = 1000;

const thousands = (n: number) => n.toLocaleString('en-GB');

/**
 * "checked 120 of 4,000 letters" while an audit runs. On a terminal the one line is redrawn in
 * place from the start; elsewhere a line is written now and then, once the run has taken longer
 * than a second. `clear` takes a terminal's line away before anything else is written.
 */
export function createProgress(
  total: number,
  stream: ProgressStream,
  now: () => number = Date.now,
) {
  const terminal = stream.isTTY === true;
  const started = now();
  let last = Number.NEGATIVE_INFINITY;
  let showing = false;
  return {
    update(done: number): void {
      const time = now();
      if (!terminal && time - started < QUIET_START_MS) return;
      if (time - last < (terminal ? TERMINAL_INTERVAL_MS : LOG_INTERVAL_MS)) return;
      last = time;
      const line = `alongside: checked ${thousands(done)} of ${thousands(total)} letters`;
      if (terminal) {
        stream.write(`\r\x1b[K${line}`);
        showing = true;
      } else stream.write(`${line}\n`);
    },
    clear(): void {
      if (showing) stream.write('\r\x1b[K');
      showing = false;
    },
  };
}
