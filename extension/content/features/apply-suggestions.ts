import { cardMessages } from '@/locales/card';
import type { Finding } from '@/core/engine';
import { applySuggestion, type ApplyResult, type Written } from '../apply/apply-suggestion.ts';
import { insertAtCaret, locateInserted } from '../apply/insert-at-caret.ts';
import { placeholders } from '@/core/suggestions/placeholders';
import type { InsertOutcome } from '../../messages.ts';
import { selectOffsets } from '../text/field-selection.ts';
import type { FieldSession } from '../field-session.ts';
import { startGapMode, type GapMode } from '../gaps/gap-mode.ts';
import type { RunContext } from '../run-context.ts';

export interface SuggestionApplier {
  /**
   * Applies alternative `index` of `finding` as one undo step, then Tab moves through its gaps.
   * 'failed' (the editor did not take it, the text is as it was) is the card's to say.
   */
  apply(session: FieldSession, finding: Finding, index: number): Written;
  /**
   * Inserts a prompt over [at.start, at.end) of the field (its caret) as one undo step, selects
   * its first {gap}, and Tab moves through them as after a suggestion.
   */
  insert(session: FieldSession, at: { start: number; end: number }, text: string): InsertOutcome;
  /** Ends gap mode, if on (another card opens, say). */
  stopGaps(): void;
  /** Whether `offset` in `field` is inside a gap still being filled in. */
  holdsGap(field: Element, offset: number): boolean;
}

/** Applying a suggestion, and tabbing through the {gaps} of the last one applied while that lasts. */
export function applySuggestions(ctx: RunContext): SuggestionApplier {
  let gaps: GapMode | undefined;
  return {
    apply(session, finding, index) {
      gaps?.stop();
      const settle = (result: ApplyResult): ApplyResult => {
        const written = finding.replacements[index];
        if (result === 'applied' && written) {
          gaps = startGapMode(session.adapter, written, {
            announce: (message) => ctx.announce(message),
            locale: ctx.settings.locale,
            signal: ctx.signal,
          });
        }
        session.update();
        if (result === 'stale') {
          ctx.announce(cardMessages(ctx.settings.locale).textChanged);
        }
        if (result === 'too-long') {
          ctx.announce(cardMessages(ctx.settings.locale).tooLong);
        }
        return result;
      };
      const outcome = applySuggestion(session.adapter, finding, index, session.sourceOf(finding));
      return typeof outcome === 'string' ? settle(outcome) : outcome.then(settle);
    },
    insert(session, at, prompt) {
      gaps?.stop();
      const result = insertAtCaret(session.adapter, at, prompt);
      session.update();
      if (result.result !== 'inserted') return result.result === 'too-long' ? 'too-long' : 'moved';
      const { near, text } = result;
      const first = placeholders(text)[0];
      // Editors that take a paste through their own model have written it by now; the wait is
      // for one that finishes on a later task.
      const follow = (tries: number) => {
        if (ctx.signal.aborted) return;
        const start = locateInserted(session.adapter.read(), near, text);
        if (start === undefined) {
          if (tries > 0) ctx.win.setTimeout(() => follow(tries - 1), 50);
          return;
        }
        if (!first) return;
        selectOffsets(session.adapter, start + first.start, start + first.end);
        gaps = startGapMode(
          session.adapter,
          { start, text },
          {
            announce: (message) => ctx.announce(message),
            locale: ctx.settings.locale,
            signal: ctx.signal,
          },
        );
      };
      follow(6);
      return 'inserted';
    },
    stopGaps: () => gaps?.stop(),
    holdsGap: (field, offset) => gaps?.holds(field, offset) ?? false,
  };
}
