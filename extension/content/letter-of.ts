import type { LetterSnapshot } from '../messages.ts';
import type { FieldSession } from './field-session.ts';

/** The letter in a field, its flags those still on the words they were found on. */
export function letterOf(session: FieldSession): LetterSnapshot {
  const text = session.adapter.read();
  const { kind, chosen } = session.documentKind();
  return {
    text,
    kind,
    chosen,
    flags: session
      .findings()
      .filter((f) => text.slice(f.start, f.end) === f.match)
      .map(({ category, start, end, match }) => ({ category, start, end, match })),
    waiting: session.waiting,
  };
}
