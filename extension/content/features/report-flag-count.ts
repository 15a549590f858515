import { sendMessage } from '../../messages.ts';
import type { RunContext } from '../run-context.ts';
import { onTabMessage } from '../tab-messages.ts';
import type { FieldRegistry } from './track-fields.ts';

/** How long flags must settle before the badge is told: a burst of typing sends one count. */
const SETTLE_MS = 250;

/**
 * Tells the background how many flags this frame shows (for the toolbar badge), a moment after
 * they change and again whenever it asks. Returns the function to call when flags change.
 */
export function reportFlagCount(ctx: RunContext, fields: FieldRegistry): () => void {
  const { win, signal } = ctx;
  let reported = -1;
  let timer = 0;
  const count = () => {
    let n = 0;
    for (const s of fields.sessions()) n += s.findings().length;
    return n;
  };
  const send = (n: number) => {
    reported = n;
    void sendMessage({ kind: 'flag-count', count: n }).catch(() => {});
  };
  onTabMessage(signal, (m) => {
    if (m?.kind === 'report-flag-count') send(count());
    return undefined;
  });
  signal.addEventListener('abort', () => win.clearTimeout(timer), { once: true });
  return () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      const n = count();
      if (n !== reported) send(n);
    }, SETTLE_MS);
  };
}
