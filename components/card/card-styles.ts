/** The card's styles, inside our shadow root; the page's styles never reach it. */
export const CARD_CSS = `
.card-host { position: fixed; inset: auto; margin: 0; padding: 0; border: 0; background: transparent; overflow: visible; }
.card { position: relative; box-sizing: border-box; width: min(24rem, calc(100vw - 16px)); max-height: min(28rem, calc(100vh - 16px)); overflow: hidden;
  display: flex; flex-direction: column;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; background: #fff;
  border: 1px solid #c9ced8; border-left: 4px solid #6a7bb0; border-radius: 8px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); padding: 10px 12px; }
.card.suggest { border-left-color: #b06800; }
.card.warn { border-left-color: #be283c; border-left-width: 6px; }
/* Capped by the room it has, the card keeps the phrase, the preview and the buttons in view:
   only the list of choices and the opened reasoning shrink, and scroll inside. */
.card > * { flex: none; }
.card > .alternatives, .card > .details { flex: 0 1 auto; min-height: 2.4em; overflow-y: auto; }
.card.compact .hint { display: none; }
.card.compact .message { margin: 2px 0; }
.card header { display: flex; align-items: baseline; gap: 8px; padding-right: 24px; }
.card .phrase { font-weight: 600; }
.card .severity { font-size: 12px; color: #4a5160; }
.card .close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px; line-height: 1; cursor: pointer; color: #4a5160; }
.card .message { margin: 6px 0; }
.card .alternatives { list-style: none; margin: 6px 0; padding: 0; }
.card .alternatives li { padding: 6px 8px; border-radius: 6px; cursor: pointer; border: 1px solid transparent; }
.card .alternatives li.active { background: #eef1f8; border-color: #6a7bb0; }
.card .preview { margin: 4px 0 6px; padding: 2px 0 2px 8px; border-left: 2px solid #c9ced8; font-size: 13px; color: #3a4150; }
.card .preview-label, .card .rewrite-label { font-size: 12px; color: #5a6170; }
.card .preview ins { text-decoration: underline 2px; text-underline-offset: 2px; background: #eef1f8; color: inherit; }
.card .advice { margin: 6px 0; font-style: italic; }
.card .rewrite { margin: 6px 0; font-size: 13px; }
.card .rewrite p { margin: 0 0 4px; }
.card.empty .phrase { font-weight: 500; }
.card .why-toggle { font: inherit; font-size: 13px; padding: 0; border: 0; background: none; color: #2b4a8a; cursor: pointer; text-decoration: underline; text-underline-offset: 2px; }
.card .why-toggle[aria-expanded="true"] { font-weight: 600; }
.card .why-body p { margin: 4px 0; }
.card .sources { margin: 4px 0; padding-left: 18px; font-size: 12px; color: #4a5160; }
.card .sources li { margin: 2px 0; }
.card :focus-visible { outline: 2px solid #2b4a8a; outline-offset: 1px; }
.card footer, .card .confirm-off { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.card .confirm-off p { flex-basis: 100%; margin: 0; font-size: 13px; }
.card .kind { margin-top: 6px; font-size: 12px; color: #4a5160; }
.card .kind p { margin: 0; }
.card .kinds { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.card .kinds button[aria-pressed="true"] { border-color: #6a7bb0; font-weight: 600; }
.card footer button, .card .confirm-off button, .card .rewrite button, .card .kind button { font: inherit; font-size: 12px; padding: 3px 8px; border: 1px solid #c9ced8; border-radius: 6px; background: #f7f8fa; cursor: pointer; }
.card .hint { margin: 6px 0 0; font-size: 11px; color: #5a6170; }
/* Dark when the page behind the field is dark (its computed colours), whatever the system says. */
.card-host.dark .card { color: #e8eaf0; background: #1f2330; border-color: #454c5e; }
.card-host.dark .card .alternatives li.active, .card-host.dark .card .preview ins { background: #2c3448; }
.card-host.dark .card footer button, .card-host.dark .card .confirm-off button, .card-host.dark .card .rewrite button, .card-host.dark .card .kind button { background: #2a2f3d; color: inherit; border-color: #454c5e; }
.card-host.dark .card .severity, .card-host.dark .card .sources, .card-host.dark .card .hint, .card-host.dark .card .close, .card-host.dark .card .kind { color: #aab0bf; }
.card-host.dark .card .preview { color: #d0d4de; border-color: #454c5e; }
.card-host.dark .card .preview-label, .card-host.dark .card .rewrite-label { color: #aab0bf; }
.card-host.dark .card .why-toggle { color: #9fb6ea; }
`;
