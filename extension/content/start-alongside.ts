import { browser } from 'wxt/browser';
import { compile, type Lexicon, type Locale, type Matcher } from '@/core/engine';
import { sendMessage, siteOf, type LexiconsReply, type TabMessage } from '../messages.ts';
import {
  isOnForSite,
  readSettings,
  updateSettings,
  watchSettings,
  type Settings,
} from '../settings.ts';
import { applySuggestion } from './apply/apply-suggestion.ts';
import { createCardController } from './card/card-controller.ts';
import { copyText } from './card/copy-text.ts';
import type { KindMemory } from './document-kind.ts';
import { createFieldSession, type FieldSession } from './field-session.ts';
import { startGapMode, type GapMode } from './gaps/gap-mode.ts';
import { fieldOf, type CheckableField } from './fields/is-checkable-field.ts';
import { watchEditableFields } from './fields/watch-editable-fields.ts';
import { createHighlightPainter } from './highlight/highlight-painter.ts';
import { createOverlayPainter, type OverlayPainter } from './highlight/overlay-painter.ts';
import { adoptHighlightStyles } from './highlight/styles.ts';
import { createLayer, type Layer } from './layer.ts';
import { findingAt, nearestFinding } from './nearest-finding.ts';
import { adapterFor } from './text/field-adapter.ts';
import { allowPhraseFor } from './allow-phrase.ts';

/**
 * The content script's whole life in one frame: while Alongside is on for this site, watch the
 * fields, check them as the clinician types, draw flags, and open the card by click or Alt+Enter.
 * Turning the site off tears everything down; turning it on starts again.
 */
export async function startAlongside(win: Window, signal: AbortSignal): Promise<void> {
  const site = siteOf(win);
  let running: AbortController | undefined;

  let lexicons: { locale: string; lexicons: Lexicon[] } | undefined;
  // "Ignore here" choices outlive a restart of the checks (a settings change), per field.
  const ignored = new WeakMap<Element, Set<string>>();
  // So does the kind of document chosen for a field in the card, until the page is reloaded.
  const kinds = new WeakMap<Element, KindMemory>();
  let current = '';
  const apply = async (settings: Settings) => {
    // Only what changes this frame's checking restarts it: not another site's switch, say.
    const key = JSON.stringify([
      isOnForSite(settings, site),
      settings.locale,
      settings.minSeverity,
      settings.personalAllow,
    ]);
    if (key === current) return;
    running?.abort();
    running = undefined;
    if (!isOnForSite(settings, site)) {
      current = key;
      void sendMessage({ kind: 'flag-count', count: 0 }).catch(() => {});
      return;
    }
    const run = new AbortController();
    running = run;
    signal.addEventListener('abort', () => run.abort(), { once: true });
    if (lexicons?.locale !== settings.locale) {
      lexicons = { locale: settings.locale, lexicons: await fetchLexicons(settings.locale) };
    }
    if (run.signal.aborted) return;
    runChecks(win, lexicons.lexicons, settings, ignored, kinds, run.signal);
    // Only a start that worked is remembered, so the next settings event can try again.
    current = key;
  };
  const tryApply = (settings: Settings) =>
    apply(settings).catch((error: unknown) => console.debug('Alongside could not start:', error));

  // Watch first: a switch flipped in the popup while we start up is not missed.
  const unwatch = watchSettings((settings) => void tryApply(settings));
  signal.addEventListener('abort', unwatch, { once: true });
  await tryApply(await readSettings());
}

/** Remembers where the caret is in a field, and returns a function that puts focus and it back. */
function saveCaret(session: FieldSession): () => void {
  const { adapter } = session;
  if (adapter.kind === 'control') {
    const { selectionStart, selectionEnd } = adapter.field;
    return () => {
      adapter.field.focus({ preventScroll: true });
      if (selectionStart !== null && selectionEnd !== null) {
        adapter.field.setSelectionRange(selectionStart, selectionEnd);
      }
    };
  }
  const selection = adapter.field.ownerDocument.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
  return () => {
    adapter.field.focus({ preventScroll: true });
    if (!range) return;
    const now = adapter.field.ownerDocument.getSelection();
    now?.removeAllRanges();
    now?.addRange(range);
  };
}

/** The background holds the lexicons; a worker just woken may need a moment, so ask twice. */
async function fetchLexicons(locale: Locale): Promise<Lexicon[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = (await sendMessage({ kind: 'get-lexicons', locale })) as
        LexiconsReply | undefined;
      if (reply?.lexicons) return reply.lexicons;
    } catch (error) {
      if (attempt >= 1) throw error;
    }
    if (attempt >= 1) throw new Error('Alongside: no lexicon from the background');
    await new Promise((done) => setTimeout(done, 200));
  }
}

function runChecks(
  win: Window,
  lexicons: Lexicon[],
  settings: Settings,
  ignored: WeakMap<Element, Set<string>>,
  kinds: WeakMap<Element, KindMemory>,
  signal: AbortSignal,
): void {
  const doc = win.document;
  // Compiled when the first field to check appears: most frames of a record (menus, banners,
  // viewers) never hold one, and the compiled lexicon is the biggest thing a frame keeps.
  let matcher: Matcher | undefined;
  const getMatcher = () =>
    (matcher ??= compile(lexicons, { locale: settings.locale, allow: settings.personalAllow }));
  const minSeverity = settings.minSeverity;
  const sessions = new Map<CheckableField, FieldSession>();
  const listeners = new Map<CheckableField, AbortController>();
  const highlights = createHighlightPainter(doc);
  adoptHighlightStyles(doc);

  let layer: Layer | undefined;
  let overlay: OverlayPainter | undefined;
  const getLayer = () => (layer ??= createLayer(doc));
  const getOverlay = () => (overlay ??= createOverlayPainter(getLayer()));

  let reported = -1;
  let reportTimer = 0;
  const sendCount = () => {
    let count = 0;
    for (const s of sessions.values()) count += s.findings().length;
    reported = count;
    void sendMessage({ kind: 'flag-count', count }).catch(() => {});
  };
  const onTabMessage = (message: unknown) => {
    if ((message as TabMessage | undefined)?.kind === 'report-flag-count') sendCount();
  };
  browser.runtime.onMessage.addListener(onTabMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onTabMessage));
  const report = () => {
    win.clearTimeout(reportTimer);
    reportTimer = win.setTimeout(() => {
      let count = 0;
      for (const s of sessions.values()) count += s.findings().length;
      if (count !== reported) sendCount();
    }, 250);
  };

  const visibility = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const field = entry.target as CheckableField;
      // A field the page removed: forget it, so it no longer counts or holds memory.
      if (!field.isConnected) dropField(field);
      else sessions.get(field)?.setVisible(entry.isIntersecting);
    }
  });
  const resizes = new ResizeObserver((entries) => {
    for (const entry of entries) sessions.get(entry.target as CheckableField)?.update();
  });

  // Tabbing through the {gaps} of the last suggestion applied, while that lasts.
  let gaps: GapMode | undefined;
  const say = (message: string) => {
    const live = getLayer().live;
    live.textContent = '';
    // A fresh text node after clearing makes screen readers announce a repeated message too.
    win.setTimeout(() => (live.textContent = message), 30);
  };

  const cards = createCardController(getLayer, {
    apply(session, finding, index) {
      gaps?.stop();
      const result = applySuggestion(session.adapter, finding, index, session.sourceOf(finding));
      const written = finding.replacements[index];
      if (result === 'applied' && written) {
        gaps = startGapMode(session.adapter, written, { announce: say, signal });
      }
      session.update();
      if (result === 'stale') announceStale(session);
      if (result === 'too-long') {
        getLayer().live.textContent =
          'That suggestion is longer than this field allows; nothing was changed.';
      }
    },
    ignoreHere(session, finding) {
      session.ignoreHere(finding);
      session.adapter.field.focus({ preventScroll: true });
    },
    ignoreEverywhere(finding) {
      returnToField?.();
      const phrase = allowPhraseFor(finding.match);
      if (!phrase) return;
      void updateSettings((s) => ({
        ...s,
        personalAllow: s.personalAllow.includes(phrase)
          ? s.personalAllow
          : [...s.personalAllow, phrase],
      }));
    },
    copyExample(session, text) {
      const { root } = getLayer();
      // Reached with Tab, focus is on the card's button: back to the caret first, as Escape does.
      if (root.activeElement && returnToField) returnToField();
      return copyText(text, root, saveCaret(session));
    },
    turnOffSite() {
      returnToField?.();
      void updateSettings((s) => ({
        ...s,
        disabledSites: [...new Set([...s.disabledSites, siteOf(win)])],
      }));
    },
  });

  const announceStale = (session: FieldSession) => {
    getLayer().live.textContent =
      'The text has changed since that suggestion; it has been checked again.';
    session.update();
  };

  const addField = (field: CheckableField) => {
    const root = field.getRootNode();
    if (root instanceof ShadowRoot) adoptHighlightStyles(root);
    const session = createFieldSession(adapterFor(field), getMatcher(), {
      layer: getLayer,
      highlights,
      overlay: getOverlay,
      onFindings: report,
      minSeverity,
      ignored: ignored.get(field) ?? ignored.set(field, new Set()).get(field)!,
      kind: kinds.get(field) ?? kinds.set(field, {}).get(field)!,
      onKindChange: (s) => cards.kindChanged(s),
    });
    sessions.set(field, session);
    const listening = new AbortController();
    signal.addEventListener('abort', () => listening.abort(), { once: true });
    listeners.set(field, listening);
    field.addEventListener('input', () => session.schedule(), { signal: listening.signal });
    field.addEventListener('scroll', () => session.place(), {
      signal: listening.signal,
      passive: true,
    });
    visibility.observe(field);
    resizes.observe(field);
    session.update();
  };

  function dropField(field: CheckableField) {
    const session = sessions.get(field);
    if (!session) return;
    if (cards.openFor?.session === session) cards.close();
    session.destroy();
    sessions.delete(field);
    listeners.get(field)?.abort();
    listeners.delete(field);
    visibility.unobserve(field);
    resizes.unobserve(field);
    report();
  }

  watchEditableFields(doc, addField, signal, dropField);

  // Marks over a textarea follow it when the page's layout moves it (content inserted above, say):
  // a cheap position check a few times a second, only while such marks are shown.
  const follow = win.setInterval(() => {
    for (const s of sessions.values()) s.placeIfMoved();
    cards.reposition();
  }, 150);
  signal.addEventListener('abort', () => win.clearInterval(follow), { once: true });

  // Flags follow every scroll: the page's, a scrolling parent's or the field's own.
  let placing = 0;
  const placeAll = () => {
    if (placing) return;
    placing = win.requestAnimationFrame(() => {
      placing = 0;
      for (const s of sessions.values()) s.place();
      cards.reposition();
    });
  };
  win.addEventListener('scroll', placeAll, { capture: true, passive: true, signal });
  win.addEventListener('resize', placeAll, { passive: true, signal });

  let returnToField: (() => void) | undefined;

  const sessionOf = (target: EventTarget | null): FieldSession | undefined => {
    const field = fieldOf(target);
    return field ? sessions.get(field) : undefined;
  };

  doc.addEventListener(
    'keydown',
    (event) => {
      const inCard = layer !== undefined && event.composedPath().includes(layer.root.host);
      if (cards.openFor && inCard) {
        // Focus is on the card's buttons (reached with Tab): keys act on them, Escape goes back.
        if (event.key === 'Escape') {
          event.preventDefault();
          cards.close();
          returnToField?.();
        }
        return;
      }
      if (cards.openFor?.keyboard && event.key === 'Tab' && !event.shiftKey) {
        // Tab reaches the card's buttons (ignore, turn off); Escape brings the caret back.
        returnToField = saveCaret(cards.openFor.session);
        if (cards.focusButtons()) {
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
        const session = sessionOf(event.composedPath()[0] ?? null);
        if (!session) return;
        session.update();
        const caret = session.adapter.caret();
        const finding = nearestFinding(session.findings(), caret ?? 0);
        event.preventDefault();
        event.stopPropagation();
        gaps?.stop();
        if (finding) cards.open(session, finding, 'keyboard');
        else cards.openEmpty(session, caret ?? 0);
      }
    },
    { capture: true, signal },
  );

  doc.addEventListener(
    'click',
    (event) => {
      const path = event.composedPath();
      if (layer && path.includes(layer.root.host)) return;
      const session = sessionOf(path[0] ?? null);
      if (!session) return cards.close();
      const caret = session.adapter.caret();
      // A click on a gap being filled in (flagged as unfilled) is for typing, not for a card.
      if (caret !== undefined && gaps?.holds(session.adapter.field, caret)) return cards.close();
      const finding = caret === undefined ? undefined : findingAt(session.findings(), caret);
      if (finding) cards.open(session, finding);
      else cards.close();
    },
    { capture: true, signal },
  );

  doc.addEventListener(
    'focusin',
    (event) => {
      const session = sessionOf(event.composedPath()[0] ?? null);
      if (!session) return;
      const count = session.findings().length;
      getLayer().live.textContent = count
        ? `${count} suggestion${count === 1 ? '' : 's'} in this field`
        : '';
    },
    { capture: true, signal },
  );

  signal.addEventListener(
    'abort',
    () => {
      cards.close();
      visibility.disconnect();
      resizes.disconnect();
      for (const s of sessions.values()) s.destroy();
      sessions.clear();
      highlights?.clearAll();
      overlay?.clearAll();
      layer?.destroy();
      win.clearTimeout(reportTimer);
    },
    { once: true },
  );
}
