import { useEffect, useRef } from 'preact/hooks';
import type { Finding } from '@/core/engine';
import { DEFAULT_SETTINGS } from '@/core/settings/defaults';
import type { FieldSession } from '@/extension/content/field-session';
import type { FieldMemory } from '@/extension/content/features/track-fields';
import { createRunContext } from '@/extension/content/run-context';
import { runEditing, type Editing } from '@/extension/content/run-editing';
import type { Locale } from '@/core/index';
import type { LocalEngine } from './local-checker';

export interface EditingOptions {
  /** Undefined while the flags are hidden (workshop mode before "reveal"). */
  engine: LocalEngine | undefined;
  locale: Locale;
  allow: readonly string[];
  /** "Ignore this phrase everywhere": in the playground, for as long as the page is open. */
  onIgnore(phrase: string): void;
  /** The field's flags changed (or its kind): the session holds them. */
  onFindings(session: FieldSession): void;
}

/**
 * Runs the extension's own checking in the playground's page (runEditing: the same flags,
 * drawing and card as in a record), over the engine in the page. A new engine (another lexicon,
 * spelling or allow-list) starts a new run; the field's memory ("ignore here", the kind chosen)
 * outlives it, as in the extension.
 */
export function useEditing(options: EditingOptions): {
  current: () => Editing | undefined;
  showFlag(session: FieldSession, finding: Finding): void;
} {
  const memory = useRef<FieldMemory>({
    ignored: new WeakMap(),
    kinds: new WeakMap(),
    shown: new WeakMap(),
  });
  const editing = useRef<Editing>();
  const latest = useRef(options);
  latest.current = options;

  const { engine, locale, allow } = options;
  useEffect(() => {
    if (!engine) return;
    const run = new AbortController();
    const checker = engine.checker(run.signal);
    const settings = { ...DEFAULT_SETTINGS, locale, personalAllow: [...allow] };
    const ctx = createRunContext(window, checker, settings, run.signal, run.signal);
    editing.current = runEditing(
      ctx,
      memory.current,
      {
        site: '',
        ignoreEverywhere: (phrase) => latest.current.onIgnore(phrase),
      },
      {
        onFindings: (session) => latest.current.onFindings(session),
        onKindChange: (session) => latest.current.onFindings(session),
      },
    );
    // The fields found as the run started were checked at once; say so.
    for (const session of editing.current.fields.sessions()) latest.current.onFindings(session);
    return () => {
      run.abort();
      editing.current = undefined;
    };
  }, [engine, locale, allow]);

  return {
    current: () => editing.current,
    showFlag(session, finding) {
      const field = session.adapter.field;
      field.focus({ preventScroll: true });
      editing.current?.show(session, finding);
    },
  };
}
