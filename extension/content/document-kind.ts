import type { DocumentKind } from '@/core/engine';
import {
  detectDocumentKind,
  type DocumentKindGuess,
} from '@/core/document-kind/detect-document-kind';

/**
 * Lengths at which a field's kind is guessed again at once, as a letter or note takes shape
 * (a salutation, the first paragraph, a heading or two). Between them, and past the last one,
 * it is guessed again only when typing pauses.
 */
export const KIND_STEPS = [24, 80, 200, 500, 1200, 3000, 6000] as const;
/** How long typing must pause before the kind is guessed again. */
export const KIND_IDLE_MS = 800;

const stepOf = (length: number) => {
  let step = 0;
  while (step < KIND_STEPS.length && length >= KIND_STEPS[step]!) step++;
  return step;
};

/** A field's kind chosen by the clinician in the card, kept by the caller so it outlives the session. */
export interface KindMemory {
  chosen?: DocumentKind;
}

export interface KindTracker {
  /** The kind in force: the clinician's choice, else the guess from the text. */
  readonly kind: DocumentKindGuess;
  readonly chosen: DocumentKind | undefined;
  /**
   * Sees the field's text at each scan; true when the kind in force changed (the caller then
   * makes a new scanner). Cheap on every keystroke: it guesses only when the length crosses one
   * of `KIND_STEPS`, and otherwise once typing pauses.
   */
  observe(text: string): boolean;
  /** The clinician's choice, or `undefined` to guess from the text again; true when the kind changed. */
  choose(kind: DocumentKind | undefined): boolean;
  destroy(): void;
}

export interface Timers {
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface KindTrackerDeps {
  memory: KindMemory;
  /** Called when a guess made after a pause changed the kind in force. */
  onIdleChange(): void;
  /** Called each time the text is read for a guess (the work counter). */
  onGuess?(): void;
  /** The field's window (the content script's own timers); tests pass fake ones. */
  timers?: Timers;
  detect?: (text: string) => DocumentKindGuess;
}

export function createKindTracker(deps: KindTrackerDeps): KindTracker {
  const detect = deps.detect ?? detectDocumentKind;
  const timers = deps.timers ?? (globalThis as unknown as Timers);
  const memory = deps.memory;
  let guessed: DocumentKindGuess = 'unsure';
  /** The text the guess was made from; undefined before the first one. */
  let guessedFrom: string | undefined;
  let latest = '';
  let timer: number | undefined;

  const inForce = () => memory.chosen ?? guessed;

  const guess = () => {
    guessedFrom = latest;
    guessed = detect(latest);
    deps.onGuess?.();
  };

  const onIdle = () => {
    timer = undefined;
    if (latest === guessedFrom) return;
    const before = inForce();
    guess();
    if (inForce() !== before) deps.onIdleChange();
  };

  return {
    get kind() {
      return inForce();
    },
    get chosen() {
      return memory.chosen;
    },
    observe(text) {
      latest = text;
      // A kind the clinician chose stands until the page is reloaded: no guessing meanwhile.
      if (memory.chosen !== undefined || text === guessedFrom) return false;
      if (guessedFrom === undefined || stepOf(text.length) !== stepOf(guessedFrom.length)) {
        if (timer !== undefined) timers.clearTimeout(timer);
        timer = undefined;
        const before = inForce();
        guess();
        return inForce() !== before;
      }
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = timers.setTimeout(onIdle, KIND_IDLE_MS);
      return false;
    },
    choose(kind) {
      const before = inForce();
      memory.chosen = kind;
      // Back to guessing: guess from the text as it is now.
      if (kind === undefined && guessedFrom !== latest) guess();
      return inForce() !== before;
    },
    destroy() {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}
