import type { Finding } from '@/core/engine';
import { applySuggestion } from '../apply/apply-suggestion.ts';
import type { FieldSession } from '../field-session.ts';
import { startGapMode, type GapMode } from '../gaps/gap-mode.ts';
import type { RunContext } from '../run-context.ts';

export interface SuggestionApplier {
  /** Applies alternative `index` of `finding` as one undo step, then Tab moves through its gaps. */
  apply(session: FieldSession, finding: Finding, index: number): void;
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
      const result = applySuggestion(session.adapter, finding, index, session.sourceOf(finding));
      const written = finding.replacements[index];
      if (result === 'applied' && written) {
        gaps = startGapMode(session.adapter, written, {
          announce: (message) => ctx.announce(message),
          signal: ctx.signal,
        });
      }
      session.update();
      if (result === 'stale') {
        ctx.announce('The text has changed since that suggestion; it has been checked again.');
      }
      if (result === 'too-long') {
        ctx.announce('That suggestion is longer than this field allows; nothing was changed.');
      }
    },
    stopGaps: () => gaps?.stop(),
    holdsGap: (field, offset) => gaps?.holds(field, offset) ?? false,
  };
}
