import type { Finding } from '@/core/engine';
import { allowPhraseFor } from '@/core/settings/allow-phrase';
import { createCardController, type CardController } from '../card/card-controller.ts';
import { cardSurfaces } from '../card/card-surfaces.ts';
import { copyText } from '../card/copy-text.ts';
import type { FieldSession } from '../field-session.ts';
import { findingAt, nearestFinding } from '../nearest-finding.ts';
import type { RunContext } from '../run-context.ts';
import { saveCaret } from '../text/save-caret.ts';
import type { SuggestionApplier } from './apply-suggestions.ts';
import type { FieldRegistry } from './track-fields.ts';

/**
 * What the card's choices that reach beyond the page do, where the card runs: in the extension,
 * through its settings; in the playground, in the page alone.
 */
export interface CardHost {
  /** The record system the page belongs to, as "Turn off for this site" names it. */
  site: string;
  /** "Ignore this phrase everywhere": the phrase as the engine reads it. */
  ignoreEverywhere(phrase: string): void;
  /** "Turn off for this site", once confirmed; left out where there is no site to turn off. */
  turnOffSite?: (options: { byKeyboard: boolean; returnFocus: () => void; dark: boolean }) => void;
}

/**
 * The suggestion card: opened by a click on a flag or by Alt+Enter at the caret, driven by the
 * keys it owns while open, and closed by anything else. Returns the controller, so the other
 * features can move or close it, and `show`, which opens the card on a flag as a click would
 * (the side panel's flag list).
 */
export function startSuggestionCard(
  ctx: RunContext,
  fields: FieldRegistry,
  applier: SuggestionApplier,
  host: CardHost,
): { cards: CardController; show(session: FieldSession, finding: Finding): void } {
  const { doc, signal } = ctx;
  /** Puts focus and caret back where they were in the field when the card opened. */
  let returnToField: (() => void) | undefined;

  const cards: CardController = createCardController(
    ctx.layer,
    // A page around a small frame, once the card is drawn there, passes the card's keys and
    // clicks on, and moves it when it scrolls.
    cardSurfaces(ctx, (around) => {
      around.addEventListener('keydown', onKeydown, { capture: true, signal });
      around.addEventListener('click', (event) => !cards.owns(event) && cards.close(), {
        capture: true,
        signal,
      });
      around.defaultView?.addEventListener('scroll', () => cards.reposition(), {
        capture: true,
        passive: true,
        signal,
      });
    }),
    {
      apply: (session, finding, index) => applier.apply(session, finding, index),
      ignoreHere: (session, finding) => session.ignoreHere(finding),
      ignoreEverywhere(finding) {
        const phrase = allowPhraseFor(finding.match);
        if (phrase) host.ignoreEverywhere(phrase);
      },
      copyExample(session, text) {
        const { root } = ctx.layer();
        // Reached with Tab, focus is on the card's button: back to the caret first, as Escape does.
        if (root.activeElement && returnToField) returnToField();
        return copyText(text, root, saveCaret(session.adapter));
      },
      turnOffSite:
        host.turnOffSite &&
        ((byKeyboard, dark) =>
          host.turnOffSite!({ byKeyboard, returnFocus: () => returnToField?.(), dark })),
      returnFocus: () => returnToField?.(),
    },
    host.site,
    ctx.settings.locale,
  );

  const open = (session: FieldSession, finding: Finding | undefined, via: 'keyboard' | 'mouse') => {
    returnToField = saveCaret(session.adapter);
    if (finding) cards.open(session, finding, via);
    else cards.openEmpty(session, session.adapter.caret() ?? 0);
  };

  function onKeydown(event: KeyboardEvent): void {
    if (cards.openFor && cards.owns(event)) {
      if (event.key === 'Escape' || cards.handleKeyInside(event)) {
        event.preventDefault();
        event.stopPropagation();
        // Closing with focus inside hands focus and caret back to the field.
        if (event.key === 'Escape') cards.close();
      }
      return;
    }
    if (cards.openFor && event.key === 'Tab' && !event.shiftKey) {
      // Into the card, by click or by Alt+Enter alike; Escape brings the caret back.
      returnToField = saveCaret(cards.openFor.session.adapter);
      if (cards.focusInto()) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
    }
    if (cards.openFor && cards.handleKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key === 'Enter' && event.altKey && !event.ctrlKey && !event.metaKey) {
      const session = fields.sessionOf(event.composedPath()[0] ?? null);
      if (!session) return;
      session.update();
      const caret = session.adapter.caret();
      event.preventDefault();
      event.stopPropagation();
      applier.stopGaps();
      open(session, nearestFinding(session.findings(), caret ?? 0), 'keyboard');
    }
  }
  doc.addEventListener('keydown', onKeydown, { capture: true, signal });

  doc.addEventListener(
    'click',
    (event) => {
      const path = event.composedPath();
      const layer = ctx.madeLayer;
      if (layer && path.includes(layer.root.host)) return;
      const session = fields.sessionOf(path[0] ?? null);
      if (!session) return cards.close();
      const caret = session.adapter.caret();
      // A click on a gap being filled in (flagged as unfilled) is for typing, not for a card.
      if (caret !== undefined && applier.holdsGap(session.adapter.field, caret)) {
        return cards.close();
      }
      const finding = caret === undefined ? undefined : findingAt(session.findings(), caret);
      if (finding) open(session, finding, 'mouse');
      else cards.close();
    },
    { capture: true, signal },
  );

  signal.addEventListener('abort', () => cards.close(), { once: true });
  return {
    cards,
    show(session, finding) {
      applier.stopGaps();
      open(session, finding, 'mouse');
    },
  };
}
