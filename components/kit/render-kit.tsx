import { renderToString } from 'preact-render-to-string';
import { KitPage } from './KitPage';
import type { MergedKit } from '../../core/kit/merge-kit.ts';
import type { Bibliography, Locale } from '../../core/lexicon/schema.ts';
import { renderKitMarkdown } from './kit-markdown';
import { kitView, type KitView } from './kit-view';

/**
 * The kit as one self-contained HTML page. preact-render-to-string escapes every text and
 * attribute, so what a service's kit holds is shown, never run.
 */
export function renderKitHtml(view: KitView, options: { generator?: string } = {}): string {
  return `<!doctype html>\n${renderToString(<KitPage view={view} generator={options.generator} />)}\n`;
}

export interface RenderKitOptions {
  format: 'html' | 'md';
  locale: Locale;
  /** For the HTML page's generator tag, e.g. "alongside 0.1.0". */
  generator?: string;
}

/**
 * `alongside kit` and the side panel's page to print: the prompt kit in force (built-in, then
 * each layer's prompts, as `mergeKits(lexicons.map((l) => l.prompts)).kit` gives it) as a
 * self-contained HTML page with a print stylesheet (A4, and an A6 pocket card), or as Markdown. Pure: the caller writes it out.
 * `bibliography` is every layer's sources by key, so a service's own keys resolve too.
 */
export function renderKit(
  kit: MergedKit,
  bibliography: Readonly<Bibliography>,
  options: RenderKitOptions,
): string {
  const view = kitView(kit, bibliography, options.locale);
  return options.format === 'md'
    ? renderKitMarkdown(view)
    : renderKitHtml(view, { generator: options.generator });
}
