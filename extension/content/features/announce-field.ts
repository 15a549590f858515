import type { RunContext } from '../run-context.ts';
import type { FieldRegistry } from './track-fields.ts';

/** When a checked field gains focus, screen readers hear how many suggestions it holds. */
export function announceFieldOnFocus(ctx: RunContext, fields: FieldRegistry): void {
  ctx.doc.addEventListener(
    'focusin',
    (event) => {
      const session = fields.sessionOf(event.composedPath()[0] ?? null);
      if (!session) return;
      const count = session.findings().length;
      ctx.layer().live.textContent = count
        ? `${count} suggestion${count === 1 ? '' : 's'} in this field`
        : '';
    },
    { capture: true, signal: ctx.signal },
  );
}
