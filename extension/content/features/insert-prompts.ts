import { browser } from 'wxt/browser';
import { placeholders } from '@/core/suggestions/placeholders';
import { sendMessage, type InsertReply, type TabMessage } from '../../messages.ts';
import type { FieldSession } from '../field-session.ts';
import type { RunContext } from '../run-context.ts';
import { selectedOffsets } from '../text/field-selection.ts';
import type { SuggestionApplier } from './apply-suggestions.ts';
import type { FieldRegistry } from './track-fields.ts';

/** The field last focused in this frame, and its selection when focus last left it. */
interface LastField {
  session: FieldSession;
  left?: { at: { start: number; end: number }; text: string };
}

/**
 * Prompts from the side panel, written into the field the clinician was last writing in. This
 * frame tells the background whenever one of its fields gains focus (so the background knows
 * which frame of the tab to send a prompt to), remembers that field and, as focus leaves it, its
 * selection; a prompt then goes in at that caret as one undo step, with Tab through its {gaps}.
 * The side panel holds the keyboard meanwhile: the caret waits in the field until the clinician
 * comes back to it.
 */
export function insertPrompts(
  ctx: RunContext,
  fields: FieldRegistry,
  applier: SuggestionApplier,
  hooks: { beforeInsert(): void },
): void {
  const { doc, signal } = ctx;
  let last: LastField | undefined;

  doc.addEventListener(
    'focusin',
    (event) => {
      const session = fields.sessionOf(event.composedPath()[0] ?? null);
      if (!session) return;
      if (last?.session !== session) last = { session };
      void sendMessage({ kind: 'field-focused' }).catch(() => {});
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'focusout',
    (event) => {
      const session = fields.sessionOf(event.composedPath()[0] ?? null);
      if (!session || last?.session !== session) return;
      // Still the field's selection as focus leaves (to the side panel, or elsewhere on the page).
      const at = selectedOffsets(session.adapter);
      if (at) last.left = { at, text: session.adapter.read() };
    },
    { capture: true, signal },
  );

  // A field that had focus before the checks started (autofocus, a restart after a settings change).
  const focused = fields.sessionOf(doc.activeElement);
  if (focused) {
    last = { session: focused };
    if (doc.hasFocus()) void sendMessage({ kind: 'field-focused' }).catch(() => {});
  }

  const insert = (text: string): InsertReply => {
    if (!last) return { outcome: 'no-field' };
    const { session } = last;
    const field = session.adapter.field;
    if (!field.isConnected || fields.sessionOf(field) !== session) {
      last = undefined;
      return { outcome: 'gone' };
    }
    hooks.beforeInsert();
    // The field keeps its selection while the window is elsewhere (the side panel has focus);
    // after a click elsewhere on the page, the one it had as focus left, if the text is the same.
    let at = selectedOffsets(session.adapter);
    if (!at && last.left && session.adapter.read() === last.left.text) at = last.left.at;
    if (!at) return { outcome: 'moved' };
    const outcome = applier.insert(session, at, text);
    return outcome === 'inserted' ? { outcome, gaps: placeholders(text).length } : { outcome };
  };

  const onTabMessage = (message: unknown) => {
    const m = message as TabMessage | undefined;
    if (m?.kind !== 'insert-prompt' || typeof m.text !== 'string') return undefined;
    return Promise.resolve(insert(m.text));
  };
  browser.runtime.onMessage.addListener(onTabMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onTabMessage), {
    once: true,
  });
}
