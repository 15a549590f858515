import type { Finding } from '@/core/engine';
import { SEVERITIES } from '@/core/lexicon/constants';
import { allowPhraseFor } from '@/core/settings/allow-phrase';
import type { KindMemory } from '../document-kind.ts';
import { createFieldSession, type FieldSession } from '../field-session.ts';
import { fieldOf, type CheckableField } from '../fields/is-checkable-field.ts';
import { watchEditableFields } from '../fields/watch-editable-fields.ts';
import { adoptHighlightStyles } from '../highlight/styles.ts';
import type { RunContext } from '../run-context.ts';
import { adapterFor } from '../text/field-adapter.ts';

/** What outlives one run of the checks (a settings change restarts them), per field. */
export interface FieldMemory {
  /** "Ignore here" choices. */
  ignored: WeakMap<Element, Set<string>>;
  /** The kind of document chosen in the card, until the page is reloaded. */
  kinds: WeakMap<Element, KindMemory>;
  /**
   * The flags last shown and the text they were for: a restart of the checks (a new allow-list,
   * say) shows them until the background's answers for the new settings arrive.
   */
  shown: WeakMap<Element, { text: string; findings: Finding[] }>;
}

export interface FieldHooks {
  /** A field's flags changed. */
  onFindings(session: FieldSession): void;
  /** A field was checked again because the kind in force changed. */
  onKindChange(session: FieldSession): void;
  /** A field is gone (the page removed it); its session is about to be destroyed. */
  onDrop(session: FieldSession): void;
}

export interface FieldRegistry {
  sessions(): Iterable<FieldSession>;
  /** The session of the field an event target belongs to (inside it, or the field itself). */
  sessionOf(target: EventTarget | null): FieldSession | undefined;
}

/**
 * Field discovery and scanning: every checkable field gets a session that checks it as the
 * clinician types (or undoes), draws its flags while visible, and is forgotten when the page
 * removes the field.
 */
export function trackFields(
  ctx: RunContext,
  memory: FieldMemory,
  hooks: FieldHooks,
): FieldRegistry {
  const { signal } = ctx;
  const sessions = new Map<CheckableField, FieldSession>();
  const listeners = new Map<CheckableField, AbortController>();

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

  const addField = (field: CheckableField) => {
    const root = field.getRootNode();
    if (root instanceof ShadowRoot) adoptHighlightStyles(root);
    const { ignored, kinds, shown } = memory;
    // Flags of an allowed phrase, or now below the level shown, are not carried over.
    const allowed = new Set(ctx.settings.personalAllow.map(allowPhraseFor));
    const least = SEVERITIES.indexOf(ctx.settings.minSeverity);
    const before = shown.get(field);
    const session = createFieldSession(adapterFor(field), ctx.checker, {
      previous: before && {
        text: before.text,
        findings: before.findings.filter(
          (f) => !allowed.has(allowPhraseFor(f.match)) && SEVERITIES.indexOf(f.severity) >= least,
        ),
      },
      remember: (text, findings) => shown.set(field, { text, findings }),
      layer: ctx.layer,
      highlights: ctx.highlights,
      overlay: ctx.overlay,
      onFindings: hooks.onFindings,
      minSeverity: ctx.settings.minSeverity,
      whenUnsure: ctx.settings.whenUnsure,
      ignored: ignored.get(field) ?? ignored.set(field, new Set()).get(field)!,
      kind: kinds.get(field) ?? kinds.set(field, {}).get(field)!,
      onKindChange: hooks.onKindChange,
    });
    sessions.set(field, session);
    const listening = new AbortController();
    signal.addEventListener('abort', () => listening.abort(), { once: true });
    listeners.set(field, listening);
    field.addEventListener('input', () => session.schedule(), { signal: listening.signal });
    if (session.adapter.kind === 'editable') {
      // Rich editors undo and redo through their own model and rewrite the DOM without an input
      // event (CKEditor 5, TinyMCE's setContent), often replacing the nodes the flags were on:
      // any change to the field's text is checked like typing. Attributes are left out, so
      // the editors' own selection and focus bookkeeping costs nothing.
      const changes = new MutationObserver(() => session.schedule());
      changes.observe(field, { subtree: true, childList: true, characterData: true });
      listening.signal.addEventListener('abort', () => changes.disconnect(), { once: true });
    }
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
    hooks.onDrop(session);
    session.destroy();
    sessions.delete(field);
    listeners.get(field)?.abort();
    listeners.delete(field);
    visibility.unobserve(field);
    resizes.unobserve(field);
    hooks.onFindings(session);
  }

  watchEditableFields(ctx.doc, addField, signal, dropField);

  signal.addEventListener(
    'abort',
    () => {
      visibility.disconnect();
      resizes.disconnect();
      for (const s of sessions.values()) s.destroy();
      sessions.clear();
    },
    { once: true },
  );

  return {
    sessions: () => sessions.values(),
    sessionOf(target) {
      const field = fieldOf(target);
      return field ? sessions.get(field) : undefined;
    },
  };
}
