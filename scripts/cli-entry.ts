/** The CLI bundle's entry (built by scripts/build-cli.mjs into dist/alongside.cjs). */
import { main } from '../cli/main.ts';

export async function run(argv: readonly string[]): Promise<void> {
  process.exitCode = await main(argv);
}

export { compiledDefaultFiles } from '../cli/compiled-default.ts';
