import { describe, expect, it } from 'vitest';
import type { DocumentKindGuess } from '../../core/engine.ts';
import {
  KIND_IDLE_MS,
  KIND_STEPS,
  createKindTracker,
  type KindMemory,
  type Timers,
} from '../../extension/content/document-kind.ts';

/** Timers run by hand, and a detector that counts its calls and says what it is told to. */
function setup(memory: KindMemory = {}) {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout(run, ms) {
      pending.set(next, { at: now + ms, run });
      return next++;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...pending]) {
      if (t.at <= now) {
        pending.delete(id);
        t.run();
      }
    }
  };
  const seen: string[] = [];
  let answer: DocumentKindGuess = 'unsure';
  let idleChanges = 0;
  const tracker = createKindTracker({
    memory,
    timers,
    detect: (text) => {
      seen.push(text);
      return answer;
    },
    onIdleChange: () => idleChanges++,
  });
  return {
    tracker,
    seen,
    advance,
    pending,
    answer: (kind: DocumentKindGuess) => (answer = kind),
    idleChanges: () => idleChanges,
  };
}

const text = (length: number) => 'x'.repeat(length);

describe('createKindTracker', () => {
  it('guesses on the first text, and again at once when the length crosses a step', () => {
    const t = setup();
    t.answer('letter-to-patient');
    expect(t.tracker.observe(text(5))).toBe(true);
    expect(t.tracker.kind).toBe('letter-to-patient');
    expect(t.seen).toHaveLength(1);

    // Typing within the step: no guess per keystroke.
    for (let n = 6; n < KIND_STEPS[0]; n++) expect(t.tracker.observe(text(n))).toBe(false);
    expect(t.seen).toHaveLength(1);

    t.answer('clinical-note');
    expect(t.tracker.observe(text(KIND_STEPS[0]))).toBe(true);
    expect(t.tracker.kind).toBe('clinical-note');
    expect(t.seen).toHaveLength(2);
    // Deleting back below the step guesses again too.
    t.tracker.observe(text(KIND_STEPS[0] - 1));
    expect(t.seen).toHaveLength(3);
  });

  it('guesses once when typing pauses, and says so only if the kind changed', () => {
    const t = setup();
    t.tracker.observe('Dear Mrs A, about your scan today and what it shows');
    expect(t.seen).toHaveLength(1);
    // A burst of edits in the same step: one timer, reset each time, one guess after the pause.
    t.tracker.observe('Dear Mrs A, about your scan today and what it showed');
    t.advance(KIND_IDLE_MS - 1);
    t.tracker.observe('Dear Mrs B, about your scan today and what it showed');
    t.advance(KIND_IDLE_MS - 1);
    expect(t.seen).toHaveLength(1);
    t.advance(1);
    expect(t.seen).toEqual([
      'Dear Mrs A, about your scan today and what it shows',
      'Dear Mrs B, about your scan today and what it showed',
    ]);
    expect(t.idleChanges()).toBe(0);

    t.answer('letter-to-patient');
    t.tracker.observe('Dear Mrs C, about your scan today and what it showed');
    t.advance(KIND_IDLE_MS);
    expect(t.idleChanges()).toBe(1);
    expect(t.tracker.kind).toBe('letter-to-patient');
  });

  it('does not guess again for text it has seen, past the last step only on a pause', () => {
    const t = setup();
    const long = text(KIND_STEPS.at(-1)! + 10_000);
    t.tracker.observe(long);
    t.tracker.observe(long);
    expect(t.pending.size).toBe(0);
    for (let k = 0; k < 50; k++) t.tracker.observe(long + 'y'.repeat(k + 1));
    expect(t.seen).toHaveLength(1);
    t.advance(KIND_IDLE_MS);
    expect(t.seen).toHaveLength(2);
  });

  it('a chosen kind stands, with no guessing, until the choice is taken back', () => {
    const memory: KindMemory = {};
    const t = setup(memory);
    t.tracker.observe(text(30));
    expect(t.tracker.choose('letter-to-gp')).toBe(true);
    expect(memory.chosen).toBe('letter-to-gp');
    expect(t.tracker.kind).toBe('letter-to-gp');
    t.answer('clinical-note');
    expect(t.tracker.observe(text(3000))).toBe(false);
    t.advance(KIND_IDLE_MS);
    expect(t.seen).toHaveLength(1);
    expect(t.tracker.kind).toBe('letter-to-gp');

    // Back to guessing: from the text as it is now.
    expect(t.tracker.choose(undefined)).toBe(true);
    expect(t.tracker.kind).toBe('clinical-note');
    expect(t.seen.at(-1)).toBe(text(3000));
  });

  it('a choice kept by the caller applies to a new tracker for the same field', () => {
    const t = setup({ chosen: 'letter-to-patient' });
    expect(t.tracker.kind).toBe('letter-to-patient');
    expect(t.tracker.observe('FINDINGS: ...')).toBe(false);
    expect(t.seen).toHaveLength(0);
  });

  it('destroy cancels a pending guess', () => {
    const t = setup();
    t.tracker.observe(text(30));
    t.tracker.observe(text(31));
    expect(t.pending.size).toBe(1);
    t.tracker.destroy();
    expect(t.pending.size).toBe(0);
  });
});
