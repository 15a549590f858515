import type { Finding } from '@/core/engine';
import {
  isFlagPlace,
  sendMessage,
  type FlagPlace,
  type LetterReply,
  type ShowFlagReply,
} from '../../messages.ts';
import type { FieldSession } from '../field-session.ts';
import type { RunContext } from '../run-context.ts';
import { onTabMessage } from '../tab-messages.ts';
import { selectOffsets } from '../text/field-selection.ts';
import type { LastFieldTracker } from './last-field.ts';
import { letterOf } from '../letter-of.ts';

/** How long a letter must settle before the panel hears it changed: a burst of typing, once. */
const SETTLE_MS = 300;

/**
 * The flag the panel means: the one at that place with those words, else (the letter changed
 * above it since the panel read it) the nearest one with the same words.
 */
export function flagFor(findings: readonly Finding[], place: FlagPlace): Finding | undefined {
  const same = findings.filter((f) => f.match === place.match);
  return (
    same.find((f) => f.start === place.start && f.end === place.end) ??
    same.sort((a, b) => Math.abs(a.start - place.start) - Math.abs(b.start - place.start))[0]
  );
}

/** Scrolls the field, and the page, so a flag is in view (a text box keeps its own scroll). */
function reveal(session: FieldSession, finding: Finding): void {
  const { adapter } = session;
  if (adapter.kind === 'editable') {
    const node = adapter.range(finding.start, finding.end)?.startContainer;
    const element = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    element?.scrollIntoView({ block: 'center', inline: 'nearest' });
    return;
  }
  const field = adapter.field;
  field.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const at = session.rectOf(finding);
  const box = field.getBoundingClientRect();
  if (at && (at.top < box.top || at.bottom > box.bottom)) {
    field.scrollTop += at.top - box.top - box.height / 3;
  }
}

/**
 * The letter beside the side panel: the field last written in tells the background when it has
 * changed (never what it says), answers the panel's `read-letter` with its text, kind and flags,
 * for the reflections, and shows a flag the panel asks for: scrolled into view, the caret at its
 * start (so the clinician, back in the letter with F6, is there) and its card open. The keyboard
 * stays in the panel: a page cannot take it back.
 *
 * Returns the function to call when a field's flags or kind change.
 */
export function shareLetter(
  ctx: RunContext,
  lastField: LastFieldTracker,
  openCard: (session: FieldSession, finding: Finding) => void,
): (session: FieldSession) => void {
  const { win, signal } = ctx;
  let timer = 0;
  const changed = () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      void sendMessage({ kind: 'letter-changed' }).catch(() => {});
    }, SETTLE_MS);
  };
  lastField.onChange(changed);

  const read = (): LetterReply => {
    const last = lastField.current();
    if (!last) return { outcome: lastField.seen() ? 'gone' : 'no-field' };
    return { outcome: 'read', letter: letterOf(last.session) };
  };

  const show = (place: FlagPlace): ShowFlagReply => {
    const last = lastField.current();
    if (!last) return { outcome: lastField.seen() ? 'gone' : 'no-field' };
    const { session } = last;
    session.update();
    const finding = flagFor(session.findings(), place);
    if (!finding) return { outcome: 'moved' };
    reveal(session, finding);
    // The page's focus, not the keyboard's: F6 from the panel comes back to this caret.
    session.adapter.field.focus({ preventScroll: true });
    selectOffsets(session.adapter, finding.start, finding.start);
    session.place();
    openCard(session, finding);
    return { outcome: 'shown' };
  };

  onTabMessage(signal, (m) => {
    if (m?.kind === 'read-letter') return Promise.resolve(read());
    if (m?.kind === 'show-flag' && isFlagPlace(m.flag)) return Promise.resolve(show(m.flag));
    return undefined;
  });
  signal.addEventListener('abort', () => win.clearTimeout(timer), { once: true });

  return (session) => {
    if (lastField.current()?.session === session) changed();
  };
}
