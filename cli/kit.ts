import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { mergeKits } from '../core/kit/merge-kit.ts';
import { layersBibliography } from '../core/lexicon/merge-layers.ts';
import type { KitCommand } from './args.ts';
import { UsageError } from './errors.ts';
import { loadLexicons } from './load-lexicons.ts';
import { renderKit } from '../components/kit/render-kit.tsx';

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
