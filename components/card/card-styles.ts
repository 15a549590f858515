import {
  FOCUS_RING,
  perSeverity,
  SEVERITY_LOOK,
  SURFACE,
  SURFACE_FONT,
  SURFACE_FRAME,
  underlineCss,
} from '../look';

const L = SURFACE.light;
const D = SURFACE.dark;

/**
 * The card's widest and tallest, in pixels: its text is a fixed size, and `rem` would follow the
 * page's root font size (a page that sets it to 30px would get a card twice as wide).
 */
export const CARD_WIDTH = 384;
export const CARD_MAX_HEIGHT = 448;

/** The card's styles, inside our shadow root; the page's styles never reach it. */
export const CARD_CSS = `
.card-host { position: fixed; inset: auto; margin: 0; padding: 0; border: 0; background: transparent; overflow: visible; }
.card { position: relative; box-sizing: border-box; width: min(${CARD_WIDTH}px, calc(100vw - 16px)); max-height: min(${CARD_MAX_HEIGHT}px, calc(100vh - 16px)); overflow: hidden;
  display: flex; flex-direction: column;
  font: ${SURFACE_FONT}; color: ${L.text}; background: ${L.background};
  border: 1px solid ${L.border}; border-left: 4px solid ${L.accent}; ${SURFACE_FRAME} padding: 10px 12px; }
${perSeverity(
  (s) => `.card.${s}`,
  (s) => `border-left-color: ${SEVERITY_LOOK[s].colour};`,
)}
${perSeverity(
  // The dark rule below sets every border's colour; the severity's edge must win over it.
  (s) => `.card-host.dark .card.${s}`,
  (s) => `border-left-color: ${SEVERITY_LOOK[s].darkColour};`,
)}
.card.warn { border-left-width: 6px; }
/* The severity's name underlined as its flags are, so the card says which line it is about. */
${perSeverity(
  (s) => `.card.${s} .severity`,
  (s) => underlineCss(s),
)}
${perSeverity(
  (s) => `.card-host.dark .card.${s} .severity`,
  (s) => underlineCss(s, 'dark'),
)}
/* Capped by the room it has, the card keeps the phrase, the preview and the buttons in view:
   only the list of choices and the opened reasoning shrink, and scroll inside. */
.card > * { flex: none; }
.card > .alternatives, .card > .details { flex: 0 1 auto; min-height: 2.4em; overflow-y: auto; }
.card.compact .hint { display: none; }
.card.compact { padding: 6px 10px; }
.card.compact .message, .card.compact .preview, .card.compact .alternatives, .card.compact .advice { margin: 2px 0; }
.card.compact .alternatives li { padding: 3px 8px; }
.card.compact footer, .card.compact .confirm-off { margin-top: 4px; gap: 4px; }
.card.compact .kind { margin-top: 2px; }
.card header { display: flex; align-items: baseline; gap: 8px; padding-right: 24px; }
.card .phrase { font-weight: 600; }
.card .severity { font-size: 12px; color: ${L.muted}; }
.card .close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px; line-height: 1; cursor: pointer; color: ${L.muted}; }
.card .message { margin: 6px 0; }
.card .not-taken { margin: 6px 0 0; font-size: 13px; }
.card .alternatives { list-style: none; margin: 6px 0; padding: 0; }
.card .alternatives li { padding: 6px 8px; border-radius: 6px; cursor: pointer; border: 1px solid transparent; }
.card .alternatives li.active { background: ${L.accentBackground}; border-color: ${L.accent}; }
.card .preview { margin: 4px 0 6px; padding: 2px 0 2px 8px; border-left: 2px solid ${L.border}; font-size: 13px; color: ${L.text}; }
.card .preview-label, .card .rewrite-label { font-size: 12px; color: ${L.muted}; }
.card .preview ins { text-decoration: underline 2px; text-underline-offset: 2px; background: ${L.accentBackground}; color: inherit; }
.card .advice { margin: 6px 0; font-style: italic; }
.card .rewrite { margin: 6px 0; font-size: 13px; }
.card .rewrite p { margin: 0 0 4px; }
.card.empty .phrase { font-weight: 500; }
.card .why-toggle { font: inherit; font-size: 13px; padding: 0; border: 0; background: none; color: ${L.link}; cursor: pointer; text-decoration: underline; text-underline-offset: 2px; }
.card .why-toggle[aria-expanded="true"] { font-weight: 600; }
.card .why-body p { margin: 4px 0; }
.card .sources { margin: 4px 0; padding-left: 18px; font-size: 12px; color: ${L.muted}; }
.card .sources li { margin: 2px 0; }
.card :focus-visible { ${FOCUS_RING} }
.card footer, .card .confirm-off { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.card .confirm-off p { flex-basis: 100%; margin: 0; font-size: 13px; }
.card .kind { margin-top: 6px; font-size: 12px; color: ${L.muted}; }
.card .kind p { margin: 0; }
.card .kinds { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.card .kinds button[aria-pressed="true"] { border-color: ${L.accent}; font-weight: 600; }
.card footer button, .card .confirm-off button, .card .rewrite button, .card .kind button { font: inherit; font-size: 12px; padding: 3px 8px; border: 1px solid ${L.border}; border-radius: 6px; background: ${L.button}; cursor: pointer; }
.card .hint { margin: 6px 0 0; font-size: 11px; color: ${L.muted}; }
/* Dark when the page behind the field is dark (its computed colours), whatever the system says. */
.card-host.dark .card { color: ${D.text}; background: ${D.background}; border-color: ${D.border}; }
.card-host.dark .card .alternatives li.active, .card-host.dark .card .preview ins { background: ${D.accentBackground}; }
.card-host.dark .card footer button, .card-host.dark .card .confirm-off button, .card-host.dark .card .rewrite button, .card-host.dark .card .kind button { background: ${D.button}; color: inherit; border-color: ${D.border}; }
.card-host.dark .card .severity, .card-host.dark .card .sources, .card-host.dark .card .hint, .card-host.dark .card .close, .card-host.dark .card .kind { color: ${D.muted}; }
.card-host.dark .card .preview { color: ${D.text}; border-color: ${D.border}; }
.card-host.dark .card .preview-label, .card-host.dark .card .rewrite-label { color: ${D.muted}; }
.card-host.dark .card .why-toggle { color: ${D.link}; }
`;
