import { sendMessage } from '../../messages.ts';
import type { FieldSession } from '../field-session.ts';
import type { RunContext } from '../run-context.ts';
import { selectedOffsets } from '../text/field-selection.ts';
import type { FieldRegistry } from './track-fields.ts';

/** The field last focused in this frame, and its selection when focus last left it. */
export interface LastField {
  readonly session: FieldSession;
  left?: { at: { start: number; end: number }; text: string };
}

export interface LastFieldTracker {
  /** The field the clinician was last writing in, while it is still on the page and checked. */
  current(): LastField | undefined;
  /** Whether the field last written in has gone from the page (none is focused since). */
  seen(): boolean;
  /** Called whenever another field becomes the last one written in. */
  onChange(listener: (session: FieldSession) => void): void;
}

/**
 * The field the side panel works on: the one the clinician focused last in this frame. The frame
 * tells the background each time one of its fields gains focus (so the background knows which
 * frame of the tab holds it), and keeps the field's selection as focus leaves it, for a prompt
 * inserted after a click elsewhere on the page.
 */
export function trackLastField(ctx: RunContext, fields: FieldRegistry): LastFieldTracker {
  const { doc, signal } = ctx;
  let last: LastField | undefined;
  let lost = false;
  const listeners: ((session: FieldSession) => void)[] = [];
  const become = (session: FieldSession) => {
    if (last?.session === session) return;
    last = { session };
    lost = false;
    for (const listener of listeners) listener(session);
  };

  doc.addEventListener(
    'focusin',
    (event) => {
      const session = fields.sessionOf(event.composedPath()[0] ?? null);
      if (!session) return;
      become(session);
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

  return {
    current() {
      if (!last) return undefined;
      const field = last.session.adapter.field;
      if (field.isConnected && fields.sessionOf(field) === last.session) return last;
      last = undefined;
      lost = true;
      return undefined;
    },
    seen: () => lost,
    onChange: (listener) => void listeners.push(listener),
  };
}
