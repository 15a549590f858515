// Builds the CLI that bin/alongside.mjs runs: `node scripts/build-cli.mjs` (npm's `prepare` step,
// so `npm ci` does it) writes dist/alongside.cjs, one file holding the CLI, the engine and the
// default lexicon, so an installed copy needs neither TypeScript tools nor dependencies.
//
// Plain JavaScript, not TypeScript: the launcher imports it to rebuild a stale bundle, before
// anything could compile TypeScript for it.
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE = join(ROOT, 'dist', 'alongside.cjs');

/** What the bundle is built from: in a checkout, a bundle older than any of these is stale. */
export const SOURCES = [
  'cli',
  'core',
  'lexicon',
  'package.json',
  'scripts/cli-entry.ts',
  'scripts/build-cli.mjs',
];

/** Newest modification time (ms) of any file under SOURCES; -1 if none exists (an install). */
export function newestSource(root = ROOT) {
  let newest = -1;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const source of SOURCES) visit(join(root, source));
  return newest;
}

/** Bundles cli/main.ts (through scripts/cli-entry.ts) and everything it imports into one file. */
export async function buildBundle() {
  const { build } = await import('esbuild');
  // Written beside the target and renamed over it, so a run never loads half a file.
  const outfile = `${BUNDLE}.${process.pid}.tmp`;
  mkdirSync(dirname(BUNDLE), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'scripts', 'cli-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // jsonc-parser's "main" is a UMD build whose dynamic require esbuild cannot follow.
    mainFields: ['module', 'main'],
    packages: 'bundle',
    legalComments: 'none',
    logLevel: 'error',
  });
  renameSync(outfile, BUNDLE);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await buildBundle();
  } catch (error) {
    process.stderr.write(`alongside: ${error instanceof Error ? error.message : error}\n`);
    process.exitCode = 1;
  }
}
