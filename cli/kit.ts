import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { mergeKits, type MergedKit } from '../core/kit/merge-kit.ts';
import { layersBibliography } from '../core/lexicon/merge-layers.ts';
import type { KitCommand } from './args.ts';
import { UsageError } from './errors.ts';
import { loadLexicons } from './load-lexicons.ts';
import type { Bibliography, Locale } from '../core/index.ts';
import { kitView } from '../components/kit/kit-view.ts';
import { renderKitMarkdown } from '../components/kit/kit-markdown.ts';
import { renderKitHtml } from '../components/kit/render-kit.tsx';

export interface RenderKitOptions {
  format: 'html' | 'md';
  locale: Locale;
  /** For the HTML page's generator tag, e.g. "alongside 0.1.0". */
  generator?: string;
}

/**
 * `alongside kit`: the prompt kit in force (built-in, then each --lexicon layer's prompts, as
 * `mergeKits(lexicons.map((l) => l.prompts)).kit` gives it) as a self-contained HTML page with a
 * print stylesheet (A4, and an A6 pocket card), or as Markdown. Pure: the caller writes it out.
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

/**
 * Runs `alongside kit`: the layers as `check` loads them (each validated over those below),
 * their kits merged, the page or Markdown returned for stdout, or written to `--out` whole (a
 * failed write leaves no half page).
 */
export async function runKitCommand(command: KitCommand, version: string): Promise<string> {
  const layers = await loadLexicons(command.lexicons, command.useDefaultLexicon);
  const { kit } = mergeKits(layers.map((l) => l.prompts));
  const bibliography = layersBibliography(layers);
  const locale = command.locale ?? layers.findLast((l) => l.locale)?.locale ?? 'en-GB';
  const text = renderKit(kit, bibliography, {
    format: command.format,
    locale,
    generator: `alongside ${version}`,
  });
  if (command.out === undefined) return text;
  const temporary = `${command.out}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, command.out);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`cannot write ${command.out}: ${(error as Error).message}`);
  }
  return '';
}
