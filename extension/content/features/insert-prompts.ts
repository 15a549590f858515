import { placeholders } from '@/core/suggestions/placeholders';
import type { InsertReply } from '../../messages.ts';
import type { RunContext } from '../run-context.ts';
import { onTabMessage } from '../tab-messages.ts';
import { selectedOffsets } from '../text/field-selection.ts';
import type { SuggestionApplier } from './apply-suggestions.ts';
import type { LastFieldTracker } from './last-field.ts';

/**
 * Prompts from the side panel, written into the field the clinician was last writing in
 * (`lastField`), at its caret, or where the caret was as focus left it, as one undo step, with
 * Tab through its {gaps}.
 * The side panel holds the keyboard meanwhile: the caret waits in the field until the clinician
 * comes back to it.
 */
export function insertPrompts(
  ctx: RunContext,
  lastField: LastFieldTracker,
  applier: SuggestionApplier,
  hooks: { beforeInsert(): void },
): void {
  const { signal } = ctx;

  const insert = (text: string): InsertReply => {
    const last = lastField.current();
    if (!last) return { outcome: lastField.seen() ? 'gone' : 'no-field' };
    const { session } = last;
    hooks.beforeInsert();
    // The field keeps its selection while the window is elsewhere (the side panel has focus);
    // after a click elsewhere on the page, the one it had as focus left, if the text is the same.
    let at = selectedOffsets(session.adapter);
    if (!at && last.left && session.adapter.read() === last.left.text) at = last.left.at;
    if (!at) return { outcome: 'moved' };
    const outcome = applier.insert(session, at, text);
    return outcome === 'inserted' ? { outcome, gaps: placeholders(text).length } : { outcome };
  };

  onTabMessage(signal, (m) =>
    m?.kind === 'insert-prompt' && typeof m.text === 'string'
      ? Promise.resolve(insert(m.text))
      : undefined,
  );
}
