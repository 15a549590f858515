import type { DocumentKindGuess, Finding, Locale, Severity } from '@/core/engine';
import type { ParagraphFinder } from '@/core/incremental';
import type { FindReply, FindRequest } from '../messages.ts';

export interface CheckOptions {
  minSeverity: Severity;
  documentKind: DocumentKindGuess;
}

/**
 * The frame's side of checking in the background: paragraphs are sent there to be checked (the
 * frame holds no lexicon), and their findings come back a few milliseconds later.
 */
export interface BackgroundChecker {
  /**
   * A finder for these options: a paragraph's findings once they have arrived, else undefined
   * (and the paragraph is asked for, together with the others asked for in the same task).
   */
  finder(options: CheckOptions): ParagraphFinder;
  /**
   * Calls `listener` each time findings arrive, or a failed request may be tried again: a field
   * waiting for some scans again, at once, in the listener.
   */
  onArrival(listener: () => void, signal: AbortSignal): void;
}

export type SendFind = (request: FindRequest) => Promise<FindReply | undefined>;

export interface BackgroundCheckerDeps {
  locale: Locale;
  allow: readonly string[];
  send: SendFind;
  /** Aborted when the run of checks ends: answers after that are dropped. */
  signal: AbortSignal;
  /** The frame's timers (tests pass fake ones): for trying again after a failed request. */
  setTimeout?: (run: () => void, ms: number) => unknown;
}

/** Waits before asking again after the background failed to answer: 0.25 s, doubling to 8 s. */
const RETRY_MS = 250;
const RETRY_MAX_MS = 8_000;

export function createBackgroundChecker(deps: BackgroundCheckerDeps): BackgroundChecker {
  const { signal } = deps;
  const later = deps.setTimeout ?? ((run, ms) => setTimeout(run, ms));
  /** Arrived and not yet read by a scan: read once, then dropped (the scanner keeps its own). */
  const arrived = new Map<string, readonly Finding[]>();
  /** Asked for and not answered. */
  const asked = new Set<string>();
  /** To ask for at the end of this task, per options. */
  const queued = new Map<string, { options: CheckOptions; paragraphs: string[] }>();
  const listeners = new Set<() => void>();
  let flushing = false;
  let failures = 0;

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  const send = (options: CheckOptions, paragraphs: string[], prefix: string) => {
    const keys = paragraphs.map((p) => prefix + p);
    const settle = (reply: FindReply | undefined) => {
      for (const key of keys) asked.delete(key);
      if (signal.aborted) return;
      const findings = reply?.findings;
      if (!Array.isArray(findings) || findings.length !== paragraphs.length) {
        // Not answered (a background still waking, or gone): ask again a little later.
        const wait = Math.min(RETRY_MS * 2 ** failures, RETRY_MAX_MS);
        failures++;
        later(() => {
          if (!signal.aborted) notify();
        }, wait);
        return;
      }
      failures = 0;
      keys.forEach((key, k) => arrived.set(key, findings[k]!));
      notify();
      // What no field read in the listeners is not waited for any more.
      for (const key of keys) arrived.delete(key);
    };
    deps
      .send({
        locale: deps.locale,
        allow: [...deps.allow],
        minSeverity: options.minSeverity,
        documentKind: options.documentKind,
        paragraphs,
      })
      .then(settle, () => settle(undefined));
  };

  const flush = () => {
    flushing = false;
    if (signal.aborted) return;
    for (const [prefix, { options, paragraphs }] of queued) send(options, paragraphs, prefix);
    queued.clear();
  };

  return {
    finder(options) {
      const prefix = `${options.minSeverity}\u0000${options.documentKind}\u0000`;
      return (paragraph) => {
        const key = prefix + paragraph;
        const found = arrived.get(key);
        if (found) return found;
        if (asked.has(key)) return undefined;
        asked.add(key);
        let batch = queued.get(prefix);
        if (!batch) queued.set(prefix, (batch = { options, paragraphs: [] }));
        batch.paragraphs.push(paragraph);
        if (!flushing) {
          flushing = true;
          queueMicrotask(flush);
        }
        return undefined;
      };
    },
    onArrival(listener, until) {
      listeners.add(listener);
      until.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
}
