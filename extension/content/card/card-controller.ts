import { h, render } from 'preact';
import type { Finding } from '@/core/engine';
import { CARD_CSS } from '@/components/card/card-styles';
import { SuggestionCard } from '@/components/card/SuggestionCard';
import type { FieldSession } from '../field-session.ts';
import type { Layer } from '../layer.ts';

export interface CardActions {
  apply(session: FieldSession, finding: Finding, index: number): void;
  ignoreHere(session: FieldSession, finding: Finding): void;
  ignoreEverywhere(finding: Finding): void;
  turnOffSite(): void;
}

export interface CardController {
  /** `keyboard`: opened with Alt+Enter, so ↑/↓ and Enter are the card's until it closes. */
  open(session: FieldSession, finding: Finding, via?: 'keyboard' | 'mouse'): void;
  /** Moves the open card to follow its flag (after a scroll), keeping its state. */
  reposition(): void;
  close(): void;
  readonly openFor: { session: FieldSession; finding: Finding; keyboard: boolean } | undefined;
  /** Moves focus to the card's first button; false when there is none. */
  focusButtons(): boolean;
  /** Keys while the card is open; true when the key was the card's to handle. */
  handleKey(event: KeyboardEvent): boolean;
}

const GAP = 6;

/**
 * Shows one suggestion card at a time in our layer's top-layer popover. Focus stays in the
 * clinician's field throughout: the card listens to the few keys it needs only while it is open,
 * and tells screen readers what it shows through the layer's live region.
 */
export function createCardController(layer: () => Layer, actions: CardActions): CardController {
  let host: HTMLElement | undefined;
  let state:
    { session: FieldSession; finding: Finding; active: number; keyboard: boolean } | undefined;

  const ensureHost = () => {
    if (host?.isConnected) return host;
    const { root } = layer();
    const doc = root.ownerDocument;
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    host = doc.createElement('div');
    host.className = 'card-host';
    host.setAttribute('popover', 'manual');
    root.append(style, host);
    return host;
  };

  const announce = (message: string) => {
    const live = layer().live;
    live.textContent = '';
    // A fresh text node after clearing makes screen readers announce a repeated message too.
    live.ownerDocument.defaultView!.setTimeout(() => (live.textContent = message), 30);
  };

  const describeOption = (finding: Finding, k: number) =>
    `${finding.suggestions[k]}, ${k + 1} of ${finding.suggestions.length}`;

  const draw = () => {
    if (!state || !host) return;
    const { session, finding, active } = state;
    render(
      h(SuggestionCard, {
        finding,
        active,
        onApply: (k: number) => {
          close();
          actions.apply(session, finding, k);
        },
        onIgnoreHere: () => {
          close();
          actions.ignoreHere(session, finding);
        },
        onIgnoreEverywhere: () => {
          close();
          actions.ignoreEverywhere(finding);
        },
        onTurnOffSite: () => {
          close();
          actions.turnOffSite();
        },
        onClose: () => close(),
      }),
      host,
    );
  };

  const position = (anchor: DOMRect) => {
    if (!host) return;
    const view = host.ownerDocument.defaultView!;
    const card = host.firstElementChild as HTMLElement | null;
    const width = card?.offsetWidth ?? 320;
    const height = card?.offsetHeight ?? 200;
    let top = anchor.bottom + GAP;
    if (top + height > view.innerHeight - GAP && anchor.top - GAP - height >= GAP)
      top = anchor.top - GAP - height;
    const left = Math.max(GAP, Math.min(anchor.left, view.innerWidth - width - GAP));
    host.style.top = `${Math.max(GAP, top)}px`;
    host.style.left = `${left}px`;
  };

  function close() {
    if (!state) return;
    state = undefined;
    if (host) {
      if (host.matches(':popover-open')) host.hidePopover();
      render(null, host);
    }
  }

  return {
    get openFor() {
      return state && { session: state.session, finding: state.finding, keyboard: state.keyboard };
    },
    open(session, finding, via = 'mouse') {
      const anchor = session.rectOf(finding);
      if (!anchor) return;
      state = { session, finding, active: 0, keyboard: via === 'keyboard' };
      const el = ensureHost();
      draw();
      if (!el.matches(':popover-open')) el.showPopover();
      position(anchor);
      const count = finding.suggestions.length;
      announce(
        `Suggestion for “${finding.match}”: ${finding.message} ` +
          (count
            ? `${count} alternative${count === 1 ? '' : 's'}: ${describeOption(finding, 0)}. Arrow keys choose, Enter applies, Escape closes.`
            : `${finding.advice ?? ''} Escape closes.`),
      );
    },
    close,
    focusButtons() {
      const button = host?.querySelector<HTMLButtonElement>('footer button');
      button?.focus({ preventScroll: true });
      return button !== null && button !== undefined;
    },
    reposition() {
      if (!state) return;
      const anchor = state.session.rectOf(state.finding);
      if (anchor) position(anchor);
    },
    handleKey(event) {
      if (!state || event.isComposing) return false;
      const count = state.finding.suggestions.length;
      // A card opened by a click leaves Enter and the arrows to the field: only Escape is its.
      if (!state.keyboard && event.key !== 'Escape') {
        if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) close();
        return false;
      }
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp': {
          if (!count) return true;
          const step = event.key === 'ArrowDown' ? 1 : count - 1;
          state.active = (state.active + step) % count;
          draw();
          announce(describeOption(state.finding, state.active));
          return true;
        }
        case 'Enter': {
          // Alt+Enter again belongs to the field (it reopens at the caret), not to the card.
          if (!count || event.altKey || event.ctrlKey || event.metaKey) return false;
          const { session, finding, active } = state;
          close();
          actions.apply(session, finding, active);
          return true;
        }
        case 'Escape':
          close();
          return true;
        default:
          // Anything else belongs to the page: the card steps aside.
          if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) close();
          return false;
      }
    },
  };
}
