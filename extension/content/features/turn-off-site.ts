import { cardMessages } from '@/locales/card';
import { FOCUS_RING, SURFACE, SURFACE_FONT, SURFACE_FRAME } from '@/components/look';
import { siteLabel } from '@/components/site-label';
import { siteOf } from '../../messages.ts';
import { setSiteEnabled } from '../../settings.ts';
import type { RunContext } from '../run-context.ts';

/** How long "Undo" stays offered after the site was turned off (longer while it has focus). */
const UNDO_MS = 10_000;

const L = SURFACE.light;
const D = SURFACE.dark;

const NOTICE_CSS = `
:host { all: initial; }
.notice { position: fixed; left: 50%; bottom: 16px; transform: translateX(-50%); z-index: 2147483647;
  display: flex; align-items: center; gap: 10px; max-width: calc(100vw - 32px); box-sizing: border-box;
  font: ${SURFACE_FONT}; color: ${L.text}; background: ${L.background};
  border: 1px solid ${L.border}; ${SURFACE_FRAME} padding: 8px 12px; }
.notice.dark { color: ${D.text}; background: ${D.background}; border-color: ${D.border}; }
button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid ${L.accent}; border-radius: 6px;
  background: ${L.accentBackground}; color: inherit; cursor: pointer; }
.notice.dark button { background: ${D.accentBackground}; }
button:focus-visible { ${FOCUS_RING} }
`;

/**
 * Switches Alongside off for the record system this frame belongs to (the top page's host)
 * through the settings module, after the card asked for confirmation: every frame of the site
 * follows, and this run of the checks stops. A notice outlives the run for a few seconds with
 * "Undo", announced to screen readers; focus goes to it when the confirmation was made by
 * keyboard, else back to the field.
 */
export function turnOffSite(
  ctx: RunContext,
  options: { byKeyboard: boolean; returnFocus: () => void; dark: boolean },
): Promise<unknown> {
  const site = siteOf(ctx.win);
  const turnedOff = setSiteEnabled(site, false);
  showUndoNotice(ctx, site, options);
  if (!options.byKeyboard) options.returnFocus();
  return turnedOff;
}

function showUndoNotice(
  ctx: RunContext,
  site: string,
  {
    byKeyboard,
    returnFocus,
    dark,
  }: { byKeyboard: boolean; returnFocus: () => void; dark: boolean },
): void {
  const { doc, win, lifetime } = ctx;
  const host = doc.createElement('alongside-notice');
  host.style.cssText = 'all: initial; position: fixed; z-index: 2147483647;';
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = NOTICE_CSS;
  const box = doc.createElement('div');
  box.className = dark ? 'notice dark' : 'notice';
  box.setAttribute('role', 'status');
  const text = doc.createElement('span');
  const m = cardMessages(ctx.settings.locale);
  text.textContent = m.siteOffNotice({ site: siteLabel(site, ctx.settings.locale) });
  const undo = doc.createElement('button');
  undo.type = 'button';
  undo.textContent = m.undoTurnOff;
  box.append(text, undo);
  root.append(style, box);
  doc.documentElement.append(host);

  const done = new AbortController();
  const remove = () => {
    if (done.signal.aborted) return;
    done.abort();
    const hadFocus = root.activeElement !== null;
    host.remove();
    if (hadFocus) returnFocus();
  };
  lifetime.addEventListener('abort', remove, { once: true, signal: done.signal });
  let timer = win.setTimeout(function expire() {
    // Not while the clinician is on it: Undo stays until focus leaves.
    if (root.activeElement) timer = win.setTimeout(expire, 1000);
    else remove();
  }, UNDO_MS);
  done.signal.addEventListener('abort', () => win.clearTimeout(timer), { once: true });
  undo.addEventListener(
    'click',
    () => {
      void setSiteEnabled(site, true);
      remove();
    },
    { signal: done.signal },
  );
  box.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      remove();
    },
    { signal: done.signal },
  );
  // Our own mousedown never moves the caret out of the field.
  box.addEventListener('mousedown', (event) => event.preventDefault(), { signal: done.signal });
  if (byKeyboard) undo.focus({ preventScroll: true });
}
