import { renderToString } from 'preact-render-to-string';
import { KitPage } from './KitPage';
import type { KitView } from './kit-view';

/**
 * The kit as one self-contained HTML page. preact-render-to-string escapes every text and
 * attribute, so what a service's kit holds is shown, never run.
 */
export function renderKitHtml(view: KitView, options: { generator?: string } = {}): string {
  return `<!doctype html>\n${renderToString(<KitPage view={view} generator={options.generator} />)}\n`;
}
