import { SURFACE } from '../look';

const c = SURFACE.light;

/**
 * The kit page's only styles, inline so it works offline from file:// and loads nothing (no
 * fonts, no images, no url()). Written without quotes, `<` or `&`: they are escaped in a <style>
 * element's text, which would break the rule (the font names need no quotes).
 *
 * Printing: the whole kit prints on A4. Ticking "Pocket card" (a checkbox, no script) hides the
 * whole kit and shows the pocket card instead, which prints on A6 pages through the named page
 * `pocket`; the checkbox and its hint never print.
 */
export const KIT_CSS = `
body { margin: 0; background: #f4f5f8; color: ${c.text}; font: 15px/1.5 system-ui, -apple-system, Segoe UI, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 0 0 0.25rem; }
h3 { font-size: 1.05rem; margin: 0; }
header, .kit-section, .sources, .pocket { background: ${c.background}; border: 1px solid ${c.border}; border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
.muted, .intro, .note, .kind, .for, .cites { color: ${c.muted}; }
.intro { margin: 0 0 0.75rem; }
.contents { columns: 2; padding-left: 1.25rem; margin: 0.5rem 0 0; }
.item { margin: 0.9rem 0; padding-top: 0.6rem; border-top: 1px solid ${c.border}; }
.item p { margin: 0.2rem 0; }
.kind { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
.question .text { font-size: 1.05rem; }
.scaffold .text { border-left: 3px solid ${c.accent}; background: ${c.accentBackground}; padding: 0.5rem 0.75rem; margin: 0.35rem 0; }
.scaffold .text p { margin: 0 0 0.6rem; }
.scaffold .text p:last-child { margin-bottom: 0; }
.gap { border-bottom: 1px dashed ${c.muted}; }
.note, .for, .cites { font-size: 0.9rem; }
.sources li { margin: 0.35rem 0; overflow-wrap: anywhere; }
a { color: ${c.link}; }
.pocket-toggle { margin: 0 0.4rem 0 0; }
.pocket-label { font-weight: 600; }
.print-hint { margin: 0.25rem 0 0; }
.pocket { display: none; width: 105mm; box-sizing: border-box; font-size: 0.8rem; line-height: 1.35; }
.pocket h1 { font-size: 1rem; margin: 0 0 0.3rem; }
.pocket h2 { font-size: 0.9rem; margin: 0.5rem 0 0.15rem; }
.pocket ul { margin: 0; padding-left: 1rem; }
.pocket li { margin: 0.1rem 0; }
.pocket .remember { margin: 0 0 0.15rem; }
.pocket .kind { font-size: 0.85em; }
.pocket-toggle:checked ~ .full { display: none; }
.pocket-toggle:checked ~ .pocket { display: block; }
footer { font-size: 0.9rem; }
@page { size: A4; margin: 16mm 15mm; }
@page pocket { size: 105mm 148mm; margin: 6mm; }
@media print {
  body { background: none; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  header, .kit-section, .sources { border: none; border-radius: 0; padding: 0; margin: 0 0 6mm; }
  .pocket-toggle, .pocket-label, .print-hint, .contents { display: none; }
  .item { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; }
  .pocket { page: pocket; width: auto; border: none; border-radius: 0; padding: 0; margin: 0; font-size: 7.5pt; }
}
`;
