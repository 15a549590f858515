import { sendMessage, siteOf } from '../messages.ts';
import type { EffectiveSettings } from '@/core/settings/effective';
import { isOnForSite, readEffectiveSettings, watchEffectiveSettings } from '../settings.ts';
import type { KindMemory } from './document-kind.ts';
import { extensionHost } from './extension-host.ts';
import { insertPrompts } from './features/insert-prompts.ts';
import { trackLastField } from './features/last-field.ts';
import { shareLetter } from './features/share-letter.ts';
import { reportFlagCount } from './features/report-flag-count.ts';
import type { FieldMemory } from './features/track-fields.ts';
import { runEditing } from './run-editing.ts';
import { watchEditableFields } from './fields/watch-editable-fields.ts';
import { createBackgroundChecker, type BackgroundChecker } from './background-checker.ts';
import { measureStartFrom, type FieldSession } from './field-session.ts';
import { createRunContext } from './run-context.ts';

/**
 * The content script's whole life in one frame: while Alongside is on for this site, watch the
 * fields, check them as the clinician types, draw flags, and open the card by click or Alt+Enter.
 * Turning the site off tears everything down; turning it on starts again.
 */
export async function startAlongside(win: Window, signal: AbortSignal): Promise<void> {
  const site = siteOf(win);
  let running: AbortController | undefined;

  /** Whether the frame has had a field to check: until then it asks the background nothing. */
  let fieldFound = false;
  // What the clinician chose per field outlives a restart of the checks (a settings change).
  const memory: FieldMemory = {
    ignored: new WeakMap<Element, Set<string>>(),
    kinds: new WeakMap<Element, KindMemory>(),
    shown: new WeakMap(),
  };
  let current = '';
  const apply = async (settings: EffectiveSettings) => {
    // Only what changes this frame's checking restarts it: not another site's switch, say.
    const key = JSON.stringify([
      isOnForSite(settings, site),
      settings.locale,
      settings.minSeverity,
      settings.whenUnsure,
      settings.personalAllow,
      settings.lexicon,
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
    if (!fieldFound) {
      // Most frames of a record (menus, banners, viewers) never hold a field: they start nothing.
      await firstField(win.document, run.signal);
      if (run.signal.aborted) return;
      fieldFound = true;
      performance.mark('alongside-checking');
    }
    const checker = createBackgroundChecker({
      locale: settings.locale,
      allow: settings.personalAllow,
      send: (request) => sendMessage({ kind: 'find', ...request }),
      signal: run.signal,
    });
    const started = performance.now();
    runChecks(win, checker, settings, memory, run.signal, signal);
    measureStartFrom(started, performance.now() - started);
    // Only a start that worked is remembered, so the next settings event can try again.
    current = key;
  };
  const tryApply = (settings: EffectiveSettings) =>
    apply(settings).catch((error: unknown) => console.debug('Alongside could not start:', error));

  // Watch first: a switch flipped in the popup while we start up is not missed.
  const unwatch = watchEffectiveSettings((settings) => void tryApply(settings));
  signal.addEventListener('abort', unwatch, { once: true });
  await tryApply(await readEffectiveSettings());
}

/**
 * Resolves when the frame has its first field to check (at once if it has one already), leaving
 * a performance mark (`alongside-waiting`) while it waits, which the tests read.
 */
function firstField(doc: Document, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const watching = new AbortController();
    signal.addEventListener('abort', () => watching.abort(), { once: true });
    let found = false;
    watchEditableFields(
      doc,
      () => {
        if (found) return;
        found = true;
        watching.abort();
        resolve();
      },
      watching.signal,
    );
    if (!found) performance.mark('alongside-waiting');
  });
}

/**
 * One run of the checks, until `signal` aborts: the flags, card and suggestions (runEditing,
 * shared with the playground), and what ties this frame to the rest of the extension: the
 * badge's count, and the side panel's prompts and reflections.
 */
function runChecks(
  win: Window,
  checker: BackgroundChecker,
  settings: EffectiveSettings,
  memory: FieldMemory,
  signal: AbortSignal,
  lifetime: AbortSignal,
): void {
  const ctx = createRunContext(win, checker, settings, signal, lifetime);
  const later: {
    flagsChanged?: () => void;
    letterChanged?: (session: FieldSession) => void;
  } = {};
  const { fields, cards, show, applier } = runEditing(ctx, memory, extensionHost(ctx), {
    onFindings: (session) => {
      later.flagsChanged?.();
      later.letterChanged?.(session);
    },
    onKindChange: (session) => later.letterChanged?.(session),
  });
  later.flagsChanged = reportFlagCount(ctx, fields);
  // Fields already on the page were checked while the fields started: count them now.
  later.flagsChanged();
  // The side panel's link to this frame: the field last written in, its prompts and its letter.
  const lastField = trackLastField(ctx, fields);
  insertPrompts(ctx, lastField, applier, { beforeInsert: () => cards.close() });
  later.letterChanged = shareLetter(ctx, lastField, show);
}
