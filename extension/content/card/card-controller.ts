import { h, render } from 'preact';
import type { Finding } from '@/core/engine';
import { CARD_CSS, CARD_MAX_HEIGHT } from '@/components/card/card-styles';
import { documentKindLabels } from '@/components/card/document-kind-label';
import { previewOf } from '@/components/card/preview';
import { SuggestionCard } from '@/components/card/SuggestionCard';
import { siteLabel } from '@/components/site-label';
import type { Locale } from '@/core/lexicon/schema';
import { cardMessages } from '@/locales/card';
import type { Written } from '../apply/apply-suggestion.ts';
import type { FieldSession } from '../field-session.ts';
import { keepUnzoomed, type Layer } from '../layer.ts';
import { nearestFinding } from '../nearest-finding.ts';
import { isDarkBehind } from './page-scheme.ts';

export interface CardActions {
  /** 'failed': the editor did not take the change, so the card opens again and says so. */
  apply(session: FieldSession, finding: Finding, index: number): Written | void;
  ignoreHere(session: FieldSession, finding: Finding): void;
  ignoreEverywhere(finding: Finding): void;
  /**
   * Confirmed in the card; `byKeyboard`: focus was in the card, so it goes to the notice, which
   * is drawn `dark` like the card was. Left out where there is no site to turn off.
   */
  turnOffSite?: (byKeyboard: boolean, dark: boolean) => void;
  /** Puts an advice-only finding's example on the clipboard; focus and caret stay in the field. */
  copyExample(session: FieldSession, text: string): Promise<boolean>;
  /** The card closed while focus was inside it: focus and caret go back to the field. */
  returnFocus(): void;
}

/**
 * Where the card is drawn: our layer in the field's own document, or, for a field in a frame too
 * small for the card, a layer in a same-origin page around the frame (never another origin's).
 */
export interface CardSurface {
  /** Our shadow root in that document, to hold the card's host. */
  root: ShadowRoot;
  /** A rectangle in the field's viewport, in this surface's viewport. */
  fromField(rect: DOMRect): DOMRect;
}

export interface CardSurfaces {
  /** The field's own document. */
  own(): CardSurface;
  /** The nearest same-origin page around the field's frame, if there is one. */
  around(): CardSurface | undefined;
}

export interface CardController {
  /** `keyboard`: opened with Alt+Enter, so ↑/↓ and Enter are the card's until it closes. */
  open(session: FieldSession, finding: Finding, via?: 'keyboard' | 'mouse'): void;
  /**
   * Alt+Enter in a field without flags: a small card that says so and what the field is read
   * as, so a letter taken for a note can be put right (and its letter-only flags appear).
   */
  openEmpty(session: FieldSession, caret: number): void;
  /** The field's kind changed (guessed again after a pause): the card follows or steps aside. */
  kindChanged(session: FieldSession): void;
  /** Moves the open card to follow its flag (after a scroll), keeping its state. */
  reposition(): void;
  close(): void;
  readonly openFor:
    { session: FieldSession; finding: Finding | undefined; keyboard: boolean } | undefined;
  /**
   * Moves focus into the card: the highlighted alternative, else its first button. False when
   * the card has nothing to focus.
   */
  focusInto(): boolean;
  /** Keys while focus is in the field and the card is open; true when the key was the card's. */
  handleKey(event: KeyboardEvent): boolean;
  /** Whether an event happened inside the card (wherever it is drawn). */
  owns(event: Event): boolean;
  /**
   * Keys while focus is inside the card, which is a focus scope: Tab and Shift+Tab go round its
   * controls, ↑↓ move between alternatives, Enter and Space press what has focus. True when the
   * key was handled (Escape is the caller's: it closes the card and puts the caret back).
   */
  handleKeyInside(event: KeyboardEvent): boolean;
}

const GAP = 6;
/** Below this much room beside the flag, the card may cover the flag rather than shrink. */
const MIN_ROOM = 120;
/** Capped below this height, the card drops its key hint to leave room for the choices. */
const COMPACT_HEIGHT = 300;

/**
 * Shows one suggestion card at a time in our layer's top-layer popover. Focus stays in the
 * clinician's field throughout: the card listens to the few keys it needs only while it is open,
 * and tells screen readers what it shows through the layer's live region.
 */
export function createCardController(
  layer: () => Layer,
  surfaces: CardSurfaces,
  actions: CardActions,
  /** The record system this frame belongs to, named in "Turn off for this site". */
  site: string,
  /** The locale in force, for the card's words and what it tells screen readers. */
  locale: Locale = 'en-GB',
): CardController {
  const m = cardMessages(locale);
  const kindLabel = documentKindLabels(locale);
  let host: HTMLElement | undefined;
  let state:
    | {
        session: FieldSession;
        /** Undefined for the card of a field without flags. */
        finding: Finding | undefined;
        active: number;
        keyboard: boolean;
        /** Where the card is anchored: its flag, or the caret. */
        at: { start: number; end: number };
        /** Whether the kind choices are shown. */
        kindOpen: boolean;
        /** Whether the full reasoning and the sources are shown. */
        whyOpen: boolean;
        /** Whether "Turn off for this site" is asking for confirmation. */
        confirmOff: boolean;
        /** Whether the page behind the field is dark, read once when the card opens. */
        dark: boolean;
        /** Whether the card is shown again because the editor did not take the change. */
        notTaken: boolean;
        /** Where the card was last placed from, so an unchanged layout is not measured again. */
        placedFor?: string;
      }
    | undefined;
  /** While the card itself changes the field's kind, its own refresh handles the result. */
  let choosing = false;
  /** A kind chosen in the card whose findings have not arrived yet: shown when they do. */
  let chosenKind: (() => void) | undefined;

  /** The surface the card is drawn on now; the field's own until the frame proves too small. */
  let surface: CardSurface | undefined;
  const ensureHost = (on: CardSurface = surface ?? surfaces.own()) => {
    if (host?.isConnected && surface === on) return host;
    if (host) {
      render(null, host);
      host.remove();
    }
    surface = on;
    const { root } = on;
    const doc = root.ownerDocument;
    if (!root.querySelector('style[data-card]')) {
      const style = doc.createElement('style');
      style.dataset.card = '';
      style.textContent = CARD_CSS;
      root.append(style);
    }
    host = doc.createElement('div');
    host.className = 'card-host';
    host.setAttribute('popover', 'manual');
    root.append(host);
    return host;
  };

  /** Draws the open card on `on` (its own document, or the page around a small frame). */
  const showOn = (on: CardSurface) => {
    const el = ensureHost(on);
    draw();
    if (!el.matches(':popover-open')) el.showPopover();
  };

  const announce = (message: string) => {
    const live = layer().live;
    live.textContent = '';
    // A fresh text node after clearing makes screen readers announce a repeated message too.
    live.ownerDocument.defaultView!.setTimeout(() => (live.textContent = message), 30);
  };

  /** The alternative, its place in the list and the sentence as it will read with it. */
  const describeOption = (session: FieldSession, finding: Finding, k: number) => {
    const source = session.sourceOf(finding);
    const preview = source === undefined ? undefined : previewOf(source, finding.replacements[k]);
    const after = preview
      ? ` ${m.afterApplying} ${preview.before}${preview.changed}${preview.after}`
      : '';
    const option = finding.suggestions[k]!;
    return `${m.optionOf({ option, position: k + 1, count: finding.suggestions.length })}${after}`;
  };

  const describeKind = (session: FieldSession) =>
    m.readAsSaid({ kind: kindLabel[session.documentKind().kind] });

  const countIn = (session: FieldSession) => {
    const count = session.findings().length;
    return count ? m.suggestionsInField({ count }) : m.noSuggestionsInField;
  };

  const draw = () => {
    if (!state || !host) return;
    const { session, finding, active } = state;
    host.classList.toggle('dark', state.dark);
    const withFinding = (run: (f: Finding) => void) => () => {
      close();
      if (finding) run(finding);
    };
    render(
      h(SuggestionCard, {
        finding,
        text: finding && session.sourceOf(finding),
        active,
        kind: session.documentKind(),
        kindOpen: state.kindOpen,
        via: state.keyboard ? 'keyboard' : 'mouse',
        whyOpen: state.whyOpen,
        notTaken: state.notTaken,
        onToggleWhy: () => {
          if (!state) return;
          state.whyOpen = !state.whyOpen;
          draw();
          // The card grew or shrank: it may need to move to stay in view.
          position(anchorOf(state.session, state.at));
        },
        onToggleKinds: () => {
          if (!state) return;
          state.kindOpen = !state.kindOpen;
          draw();
        },
        onApply: (k: number) => {
          const keyboard = state?.keyboard ?? false;
          close();
          if (finding) afterApply(actions.apply(session, finding, k), session, finding, keyboard);
        },
        onHighlight: (k: number) => {
          if (!state) return;
          state.active = k;
          draw();
        },
        onCopyExample: () => {
          const example = finding?.rewrite?.after;
          if (!example) return;
          const copying = actions.copyExample(session, example);
          close();
          void copying.then((copied) => announce(copied ? m.exampleCopied : m.exampleNotCopied));
        },
        onChooseKind: (kind, byKeyboard) => {
          if (state) state.kindOpen = false;
          choosing = true;
          try {
            session.chooseDocumentKind(kind);
          } finally {
            choosing = false;
          }
          const settle = () => {
            refresh(true);
            // The chosen button is gone: a keyboard user's focus goes back to "Change".
            if (byKeyboard)
              host?.querySelector<HTMLElement>('.kind .change')?.focus({ preventScroll: true });
            announce(`${describeKind(session)} ${countIn(session)}`);
          };
          // The findings for the new kind come from the background: the card follows them then.
          if (session.waiting) chosenKind = settle;
          else settle();
        },
        onIgnoreHere: withFinding((f) => actions.ignoreHere(session, f)),
        onIgnoreEverywhere: withFinding((f) => actions.ignoreEverywhere(f)),
        site,
        locale,
        confirmOff: state.confirmOff,
        onTurnOffSite:
          actions.turnOffSite &&
          (() => {
            if (!state) return;
            const byKeyboard = focusIsInside();
            state.confirmOff = true;
            draw();
            position(anchorOf(state.session, state.at));
            if (byKeyboard) host?.querySelector<HTMLElement>('.confirm-off .confirm')?.focus();
            announce(m.confirmOffSaid({ site: siteLabel(site, locale) }));
          }),
        onConfirmOff: () => {
          const byKeyboard = focusIsInside();
          const dark = state?.dark ?? false;
          close();
          actions.turnOffSite?.(byKeyboard, dark);
        },
        onCancelOff: () => {
          if (!state) return;
          const byKeyboard = focusIsInside();
          state.confirmOff = false;
          draw();
          if (byKeyboard) {
            const buttons = host?.querySelectorAll<HTMLElement>('footer button');
            buttons?.[buttons.length - 1]?.focus();
          }
        },
        onClose: () => close(),
      }),
      host,
    );
    // Drawn again (a choice highlighted, a preview changed): what has focus stays in view.
    const focused = (host.getRootNode() as ShadowRoot).activeElement;
    if (focused instanceof HTMLElement && host.contains(focused)) keepInView(focused);
  };

  /** Where the caret is, as a one-character range to anchor the card on (the field if empty). */
  const caretRange = (session: FieldSession, caret: number) => {
    const length = session.adapter.read().length;
    const at = Math.min(Math.max(caret, 0), length);
    return at < length ? { start: at, end: at + 1 } : { start: Math.max(0, at - 1), end: at };
  };

  const anchorOf = (session: FieldSession, at: { start: number; end: number }) => {
    const rect = at.end > at.start ? session.rectOf(at) : undefined;
    if (rect && rect.height > 0) return rect;
    // No text to measure: the top line of the field.
    const field = session.adapter.field.getBoundingClientRect();
    return new DOMRect(field.left, field.top, field.width, Math.min(field.height, 24));
  };

  /**
   * After the field was checked again for another kind: the same flag if it is still there;
   * else, when the clinician chose the kind, the flag nearest the caret (or the card of a field
   * without flags, so the choice can be undone); else the card closes.
   */
  const refresh = (chosen: boolean) => {
    if (!state) return;
    const { session, finding: old } = state;
    const findings = session.findings();
    const same =
      old &&
      findings.find((f) => f.entryId === old.entryId && f.start === old.start && f.end === old.end);
    if (same) {
      state.finding = same;
    } else if (!chosen) {
      close();
      return;
    } else {
      const next = nearestFinding(findings, session.adapter.caret() ?? state.at.start);
      state.finding = next;
      state.active = 0;
      if (next) state.at = { start: next.start, end: next.end };
    }
    if (state.finding)
      state.active = Math.max(0, Math.min(state.active, state.finding.suggestions.length - 1));
    draw();
    position(anchorOf(session, state.at));
  };

  /**
   * Below the flag if the card fits there, else above it, else beside it; in a small frame
   * (TinyMCE's, say) where it fits on no side, on the roomier side with its height capped to that
   * room, or, when that room cannot hold even its phrase, preview and buttons, over the flag but
   * within the frame. A capped card keeps its phrase, preview and buttons in view and scrolls
   * only its list of choices (CARD_CSS), and below COMPACT_HEIGHT it drops the key hint and
   * tightens. Never taller than the frame: the page never scrolls to show it.
   */
  const position = (fieldAnchor: DOMRect): void => {
    if (!host || !surface) return;
    // Drawn in viewport pixels, whatever zoom the page puts on its root.
    keepUnzoomed(surface.root);
    const anchor = surface.fromField(fieldAnchor);
    const doc = host.ownerDocument;
    const view = doc.defaultView!;
    const card = host.firstElementChild as HTMLElement | null;
    const width = card?.offsetWidth ?? 320;
    let height = 200;
    let least = MIN_ROOM;
    const room = view.innerHeight - 2 * GAP;
    if (card) {
      // Its whole height, uncapped: a capped card shrinks its lists rather than overflowing.
      card.classList.remove('compact');
      card.style.maxHeight = 'none';
      height = Math.min(card.offsetHeight, CARD_MAX_HEIGHT, room);
      {
        // The least it needs, compact and with its lists at their smallest: what must stay in view.
        card.classList.add('compact');
        card.style.maxHeight = '1px';
        least = Math.max(MIN_ROOM, card.scrollHeight);
        card.classList.remove('compact');
        card.style.maxHeight = 'none';
      }
      // A frame that cannot hold even that: draw the card on the same-origin page around it.
      const around = least > room && surface === surfaces.own() ? surfaces.around() : undefined;
      if (around) {
        showOn(around);
        position(fieldAnchor);
        return;
      }
    }
    const below = view.innerHeight - GAP - (anchor.bottom + GAP);
    const above = anchor.top - 2 * GAP;
    const right = view.innerWidth - GAP - (anchor.right + GAP);
    const leftRoom = anchor.left - 2 * GAP;
    let top: number;
    let left = Math.max(GAP, Math.min(anchor.left, view.innerWidth - width - GAP));
    let cap: number | undefined;
    if (height <= below) top = anchor.bottom + GAP;
    else if (height <= above) top = anchor.top - GAP - height;
    else if (height <= room && Math.max(right, leftRoom) >= width) {
      left = right >= width ? anchor.right + GAP : anchor.left - GAP - width;
      top = Math.min(Math.max(GAP, anchor.top - GAP), view.innerHeight - GAP - height);
    } else if (Math.max(below, above) >= least) {
      cap = Math.max(below, above);
      top = below >= above ? anchor.bottom + GAP : anchor.top - GAP - cap;
    } else {
      cap = room;
      top = view.innerHeight - GAP - Math.min(height, room);
    }
    if (card) {
      card.style.maxHeight = `${Math.floor(cap ?? height)}px`;
      card.classList.toggle('compact', (cap ?? height) < COMPACT_HEIGHT);
      showActive();
    }
    host.style.top = `${Math.max(GAP, top)}px`;
    host.style.left = `${left}px`;
  };

  /** The highlighted choice stays in view inside a list that scrolls (never the page). */
  const showActive = () => {
    const list = host?.querySelector<HTMLElement>('.card > .alternatives');
    const active = list?.querySelector<HTMLElement>('.active');
    if (!list || !active) return;
    const top = active.offsetTop - list.offsetTop;
    if (top < list.scrollTop) list.scrollTop = top;
    const bottom = top + active.offsetHeight - list.clientHeight;
    if (bottom > list.scrollTop) list.scrollTop = bottom;
  };

  /**
   * Scrolls the card's own scrolling parts (never the page) so a control that just took focus
   * is in view: focus moves with preventScroll, and the card may have been laid out again since
   * its list was last scrolled (a choice highlighted, a preview changed).
   */
  const keepInView = (el: HTMLElement) => {
    const card = host?.querySelector<HTMLElement>('.card');
    for (let box = el.parentElement; box && card?.contains(box); box = box.parentElement) {
      if (box.scrollHeight <= box.clientHeight) continue;
      const outer = box.getBoundingClientRect();
      const inner = el.getBoundingClientRect();
      if (inner.top < outer.top) box.scrollTop -= outer.top - inner.top;
      else if (inner.bottom > outer.bottom) box.scrollTop += inner.bottom - outer.bottom;
    }
  };

  const focusIsInside = () =>
    host !== undefined && host.contains((host.getRootNode() as ShadowRoot).activeElement);

  /** What Tab goes round inside the card, in order; the close button (drawn in the corner) last. */
  const focusables = (): HTMLElement[] => {
    if (!host) return [];
    return [...host.querySelectorAll<HTMLElement>('[role="option"], button, a[href]')].filter(
      (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
    );
  };

  function close() {
    chosenKind = undefined;
    if (!state) return;
    state = undefined;
    const hadFocus = focusIsInside();
    if (host) {
      if (host.matches(':popover-open')) host.hidePopover();
      render(null, host);
    }
    // Whatever closed it (Escape, ×, an action), focus must not be left on the page's body.
    if (hadFocus) actions.returnFocus();
  }

  /** A new card's state, drawn in the field's own document (position() moves it if too small). */
  const start = (
    session: FieldSession,
    finding: Finding | undefined,
    at: { start: number; end: number },
    keyboard: boolean,
    anchor: DOMRect,
  ) => {
    state = {
      session,
      finding,
      active: 0,
      keyboard,
      at,
      kindOpen: false,
      whyOpen: false,
      confirmOff: false,
      dark: isDarkBehind(session.adapter.field),
      notTaken: false,
    };
    showOn(surfaces.own());
    position(anchor);
  };

  /**
   * When the editor did not take the change (it threw, or cancelled it), the text is as it was
   * and the caret back where it was: the card opens again on the same flag with one line saying
   * so, and focus stays in the field. Not when another card has opened since.
   */
  function afterApply(
    outcome: Written | void,
    session: FieldSession,
    finding: Finding,
    keyboard: boolean,
  ): void {
    const reopen = (result: string) => {
      if (result !== 'failed' || state) return;
      // The field was checked again after the attempt: its flag may be a new object.
      const same =
        session
          .findings()
          .find(
            (f) =>
              f.entryId === finding.entryId && f.start === finding.start && f.end === finding.end,
          ) ?? finding;
      const anchor = session.rectOf(same);
      if (!anchor) return;
      start(session, same, { start: same.start, end: same.end }, keyboard, anchor);
      state!.notTaken = true;
      draw();
      position(anchor);
      announce(m.notTaken);
    };
    if (typeof outcome === 'string') reopen(outcome);
    else if (outcome) void outcome.then(reopen);
  }

  return {
    get openFor() {
      return state && { session: state.session, finding: state.finding, keyboard: state.keyboard };
    },
    open(session, finding, via = 'mouse') {
      const anchor = session.rectOf(finding);
      if (!anchor) return;
      chosenKind = undefined;
      start(
        session,
        finding,
        { start: finding.start, end: finding.end },
        via === 'keyboard',
        anchor,
      );
      const count = finding.suggestions.length;
      const example = finding.rewrite ? ` ${m.forExample} ${finding.rewrite.after}` : '';
      announce(
        `${m.suggestionSaid({ match: finding.match, message: finding.message })} ` +
          (count
            ? m.alternativesSaid({ count, first: describeOption(session, finding, 0) })
            : m.adviceSaid({ advice: `${finding.advice ?? ''}${example}` })),
      );
    },
    openEmpty(session, caret) {
      const at = caretRange(session, caret);
      chosenKind = undefined;
      start(session, undefined, at, true, anchorOf(session, at));
      announce(m.emptySaid({ kind: kindLabel[session.documentKind().kind] }));
    },
    kindChanged(session) {
      if (choosing || state?.session !== session) return;
      const settle = chosenKind;
      chosenKind = undefined;
      if (settle) settle();
      else refresh(false);
    },
    close,
    focusInto() {
      const targets = focusables();
      const option = host?.querySelector<HTMLElement>('[role="option"][aria-selected="true"]');
      const first = option ?? targets[0];
      first?.focus({ preventScroll: true });
      return first !== undefined;
    },
    reposition() {
      if (!state || !host) return;
      // Called on every scroll frame and a few times a second: measuring the card again is a
      // forced layout, so only when its flag or the frame has moved or what it shows changed.
      const anchor = anchorOf(state.session, state.at);
      const view = host.ownerDocument.defaultView!;
      const placed = surface?.fromField(anchor) ?? anchor;
      const { finding, active, whyOpen, kindOpen, confirmOff } = state;
      const key = [
        ...[placed.left, placed.top, placed.bottom, view.innerWidth, view.innerHeight],
        ...[finding?.entryId, active, whyOpen, kindOpen, confirmOff],
      ].join();
      if (key === state.placedFor) return;
      state.placedFor = key;
      position(anchor);
    },
    owns(event) {
      return host !== undefined && event.composedPath().includes(host);
    },
    handleKeyInside(event) {
      if (!state || !host || event.isComposing) return false;
      const targets = focusables();
      const focused = (host.getRootNode() as ShadowRoot).activeElement as HTMLElement | null;
      const at = focused ? targets.indexOf(focused) : -1;
      switch (event.key) {
        case 'Tab': {
          if (!targets.length) return true;
          const step = event.shiftKey ? targets.length - 1 : 1;
          const next = targets[at < 0 ? 0 : (at + step) % targets.length]!;
          next.focus({ preventScroll: true });
          keepInView(next);
          return true;
        }
        case 'ArrowDown':
        case 'ArrowUp': {
          if (focused?.getAttribute('role') !== 'option') return false;
          const options = targets.filter((t) => t.getAttribute('role') === 'option');
          const k = options.indexOf(focused);
          const step = event.key === 'ArrowDown' ? 1 : options.length - 1;
          const next = options[(k + step) % options.length]!;
          next.focus({ preventScroll: true });
          keepInView(next);
          return true;
        }
        case 'Enter':
        case ' ':
          // Pressed here rather than left to the browser: an editor's own key handlers in its
          // frame (TinyMCE's) can cancel the default action before it reaches the card.
          if (!focused || at < 0) return false;
          focused.click();
          return true;
        default:
          return false;
      }
    },
    handleKey(event) {
      if (!state || event.isComposing) return false;
      const count = state.finding?.suggestions.length ?? 0;
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
          showActive();
          announce(describeOption(state.session, state.finding!, state.active));
          return true;
        }
        case 'Enter': {
          // Alt+Enter again belongs to the field (it reopens at the caret), not to the card.
          if (event.altKey || event.ctrlKey || event.metaKey) return false;
          const { session, finding, active, keyboard } = state;
          close();
          // Nothing to apply (advice only, or no flag): the Enter is the field's.
          if (!count || !finding) return false;
          afterApply(actions.apply(session, finding, active), session, finding, keyboard);
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
