import type { Finding } from '@/core/engine';
import type { CardController } from './card/card-controller.ts';
import type { FieldSession } from './field-session.ts';
import { announceFieldOnFocus } from './features/announce-field.ts';
import { applySuggestions, type SuggestionApplier } from './features/apply-suggestions.ts';
import { followLayout } from './features/follow-layout.ts';
import { startSuggestionCard, type CardHost } from './features/suggestion-card.ts';
import { trackFields, type FieldMemory, type FieldRegistry } from './features/track-fields.ts';
import type { RunContext } from './run-context.ts';

export interface EditingHooks {
  /** A field's flags changed (also when it is dropped). */
  onFindings?(session: FieldSession): void;
  /** A field was checked again as another kind of document, its new flags in. */
  onKindChange?(session: FieldSession): void;
}

export interface Editing {
  fields: FieldRegistry;
  cards: CardController;
  /** Opens the card on a flag, as a click on it would. */
  show(session: FieldSession, finding: Finding): void;
  applier: SuggestionApplier;
}

/**
 * What Alongside does in a page's fields, wherever it runs: find the fields, check them as the
 * clinician types, draw the flags, open the card by click or Alt+Enter, apply a suggestion as one
 * undo step and Tab through its gaps. It uses no extension API: the content script runs it with
 * the background's checker and the extension's settings (`host`), and the playground with the
 * engine in its own page, so the two show the very same flags and card.
 */
export function runEditing(
  ctx: RunContext,
  memory: FieldMemory,
  host: CardHost,
  hooks: EditingHooks = {},
): Editing {
  // The card starts after the fields, whose hooks reach it once it exists.
  const later: { cards?: CardController } = {};
  const fields = trackFields(ctx, memory, {
    onFindings: (session) => hooks.onFindings?.(session),
    onKindChange: (session) => {
      later.cards?.kindChanged(session);
      hooks.onKindChange?.(session);
    },
    onDrop: (session) => {
      if (later.cards?.openFor?.session === session) later.cards.close();
    },
  });
  const applier = applySuggestions(ctx);
  const { cards, show } = startSuggestionCard(ctx, fields, applier, host);
  later.cards = cards;
  followLayout(ctx, fields, () => cards.reposition());
  announceFieldOnFocus(ctx, fields);
  return { fields, cards, show, applier };
}
