import type { RunContext } from '../run-context.ts';
import type { FieldRegistry } from './track-fields.ts';

/** How often marks over a textarea check whether the page's layout moved the field. */
const MOVED_CHECK_MS = 150;

/**
 * Keeps flags (and the open card, through `onMoved`) where their words are: after every scroll
 * (the page's, a scrolling parent's or the field's own) and resize, once a frame; and, for marks
 * over a textarea, when the page's layout moves the field (content inserted above, say), with a
 * cheap position check a few times a second.
 */
export function followLayout(ctx: RunContext, fields: FieldRegistry, onMoved: () => void): void {
  const { win, signal } = ctx;
  const moved = win.setInterval(() => {
    for (const s of fields.sessions()) s.placeIfMoved();
    onMoved();
  }, MOVED_CHECK_MS);
  let placing = 0;
  const placeAll = () => {
    if (placing) return;
    placing = win.requestAnimationFrame(() => {
      placing = 0;
      for (const s of fields.sessions()) s.place();
      onMoved();
    });
  };
  win.addEventListener('scroll', placeAll, { capture: true, passive: true, signal });
  win.addEventListener('resize', placeAll, { passive: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      win.clearInterval(moved);
      win.cancelAnimationFrame(placing);
    },
    { once: true },
  );
}
