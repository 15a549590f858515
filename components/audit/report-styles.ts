import { flagCss, perSeverity, SURFACE } from '../look';

const c = SURFACE.light;

/**
 * The report's only styles, inline so it works offline from file:// and loads nothing. Written
 * without quotes, `<` or `&`: they are escaped in a <style> element's text, which would break
 * the rule (the font names need no quotes).
 */
export const REPORT_CSS = `
body { margin: 0; background: #f4f5f8; color: ${c.text}; font: 15px/1.5 system-ui, -apple-system, Segoe UI, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.05rem; margin: 0; overflow-wrap: anywhere; }
section, header { background: ${c.background}; border: 1px solid ${c.border}; border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
section h2 { margin-top: 0; }
.headline { font-size: 1.15rem; margin: 0.25rem 0; }
.muted { color: ${c.muted}; }
.summary { display: flex; flex-wrap: wrap; gap: 0.75rem 2rem; margin: 0.75rem 0 0; }
.summary div { min-width: 9rem; }
.summary dt { color: ${c.muted}; font-size: 0.9rem; }
.summary dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin-top: 0.5rem; }
th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid ${c.border}; vertical-align: top; }
thead th { color: ${c.muted}; font-weight: 600; font-size: 0.9rem; }
td.count, th.count { text-align: right; font-variant-numeric: tabular-nums; }
tbody th { font-weight: normal; overflow-wrap: anywhere; }
.chart { display: block; max-width: 40rem; height: auto; }
.chart text { font: 13px system-ui, sans-serif; fill: ${c.text}; }
.chart rect { fill: ${c.accent}; }
a { color: ${c.link}; }
code { font-size: 0.9em; }
.letter { margin: 1rem 0; }
.findings { padding-left: 1.25rem; margin: 0.5rem 0 0; }
.finding { margin: 0.9rem 0; padding-left: 0.25rem; }
.finding p { margin: 0.15rem 0; }
.where { color: ${c.muted}; font-size: 0.9rem; }
.label { color: ${c.muted}; }
.sentence { overflow-wrap: anywhere; }
mark { background: none; color: inherit; }
ins { text-decoration: underline; background: ${c.accentBackground}; }
.passed-over li { overflow-wrap: anywhere; }
h4 { font-size: 0.95rem; margin: 1rem 0 0.25rem; }
.reflections { padding-left: 1.25rem; margin: 0.25rem 0 0; }
.reflection { margin: 0.6rem 0; }
.reflection p { margin: 0.15rem 0; }
details { margin-top: 0.25rem; }
summary { cursor: pointer; color: ${c.muted}; }
${perSeverity(
  (s) => `.flag-${s}`,
  (s) => flagCss(s),
)}
@media print { body { background: none; } section, header { border: none; padding: 0; } }
`;
