// Builds the CLI that bin/alongside.mjs runs: `node scripts/build-cli.mjs` (npm's `prepare` step,
// so `npm ci` does it) writes dist/alongside.cjs, one file holding the CLI, the engine and the
// default lexicon, so an installed copy needs neither TypeScript tools nor dependencies.
//
// Plain JavaScript, not TypeScript: the launcher imports it to rebuild a stale bundle, before
// anything could compile TypeScript for it.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE = join(ROOT, 'dist', 'alongside.cjs');
/** The default lexicon compiled, beside the bundle (cli/compiled-default.ts reads them). */
export const COMPILED = join(ROOT, 'dist', 'default-lexicon.compiled.json');
export const COMPILED_BYTES = join(ROOT, 'dist', 'default-lexicon.compiled.bin');

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

/**
 * JSON modules as a string read by JSON.parse when first used, not as an object literal: V8 scans
 * a string far faster than it parses the same data as code, and a check with the default lexicon
 * alone reads the compiled lexicon instead, never these (the lexicon's 2 MB of literals were most
 * of the CLI's start-up). Each top-level key is a getter, so nothing is parsed until one is read.
 */
const jsonAsString = {
  name: 'json-as-string',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const value = JSON.parse(await readFile(args.path, 'utf8'));
      const text = JSON.stringify(JSON.stringify(value));
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { contents: `export default JSON.parse(${text});`, loader: 'js' };
      }
      const getters = Object.keys(value)
        .map((key) => `get ${JSON.stringify(key)}() { return read()[${JSON.stringify(key)}]; }`)
        .join(',\n');
      return {
        contents: `let parsed;\nconst read = () => (parsed ??= JSON.parse(${text}));\nexport default {\n${getters}\n};`,
        loader: 'js',
      };
    });
  },
};

/**
 * Bundles cli/main.ts (through scripts/cli-entry.ts) and everything it imports into one file, then
 * runs it to compile the default lexicon into the file beside it. Both carry a new build id.
 */
export async function buildBundle() {
  const { build } = await import('esbuild');
  // Written beside the target and renamed over it, so a run never loads half a file.
  const outfile = `${BUNDLE}.${process.pid}.tmp`;
  const buildId = randomUUID();
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
    define: { __ALONGSIDE_BUILD__: JSON.stringify(buildId) },
    plugins: [jsonAsString],
  });
  const { json, bytes } = createRequire(import.meta.url)(outfile).compiledDefaultFiles();
  writeFileSync(`${COMPILED}.${process.pid}.tmp`, json);
  writeFileSync(`${COMPILED_BYTES}.${process.pid}.tmp`, bytes);
  // The lexicon first: a bundle is never newer than the files it would read (and reads only
  // those of its own build).
  renameSync(`${COMPILED_BYTES}.${process.pid}.tmp`, COMPILED_BYTES);
  renameSync(`${COMPILED}.${process.pid}.tmp`, COMPILED);
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
