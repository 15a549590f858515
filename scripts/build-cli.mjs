// Builds the CLI that bin/alongside.mjs runs: `node scripts/build-cli.mjs` (npm's `prepare` step,
// so `npm ci` does it) writes dist/alongside.cjs, one file holding the CLI, the engine and the
// default lexicon, so an installed copy needs neither TypeScript tools nor dependencies. It also
// writes dist/audit.cjs, `alongside audit` and the libraries only it uses (mammoth, html-to-text,
// Preact), which the CLI loads only when an audit runs, so a check never reads a byte of them.
//
// Plain JavaScript, not TypeScript: the launcher imports it to rebuild a stale bundle, before
// anything could compile TypeScript for it.
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE = join(ROOT, 'dist', 'alongside.cjs');
/** `alongside audit`, in a bundle of its own beside the main one (cli/audit-load.ts requires it). */
export const AUDIT_BUNDLE = join(ROOT, 'dist', 'audit.cjs');
/** The default lexicon compiled, beside the bundle (cli/compiled-default.ts reads them). */
export const COMPILED = join(ROOT, 'dist', 'default-lexicon.compiled.json');
export const COMPILED_BYTES = join(ROOT, 'dist', 'default-lexicon.compiled.bin');
/** The default lexicon's own files (for layering, validating, docs), read only when needed. */
export const LEXICON_SOURCES = join(ROOT, 'dist', 'default-lexicon.source.json');
/**
 * V8's code cache for the bundle, made by the build's warm-up run: with it a run skips
 * compiling the bundle (most of its load time). V8 ignores a cache from another Node version.
 */
export const CODE_CACHE = join(ROOT, 'dist', 'alongside.cjs.cache');

/** What the bundle is built from: in a checkout, a bundle older than any of these is stale. */
export const SOURCES = [
  'cli',
  'core',
  'lexicon',
  'package.json',
  'scripts/cli-entry.ts',
  'scripts/audit-entry.ts',
  'scripts/build-cli.mjs',
  // The audit's report components (components/audit), and the labels and looks they share.
  'components',
  // The UI catalogue those labels come from.
  'locales',
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

/** Where the lexicon's files sit; their JSON goes beside the bundle, not in it. */
const LEXICON_DIR = join(ROOT, 'lexicon', 'default');
const SIDE_MODULE = 'alongside:lexicon-sources';

/**
 * JSON modules as a string read by JSON.parse when first used, not as an object literal: V8 scans
 * a string far faster than it parses the same data as code. The default lexicon's files are not
 * in the bundle at all but in one file beside it (`sources`, filled here), read on first use: a
 * check with the default lexicon alone reads the compiled lexicon instead, never these, and the
 * bundle is a fifth of the size (its load was most of a one-line check). Each top-level key is a
 * getter, so nothing is parsed until one is read.
 */
const jsonModules = (sources) => ({
  name: 'json-modules',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^${SIDE_MODULE}$`) }, () => ({
      path: SIDE_MODULE,
      namespace: 'alongside',
    }));
    build.onLoad({ filter: /.*/, namespace: 'alongside' }, () => ({
      contents: `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
let all;
export const lexiconSource = (key) =>
  (all ??= JSON.parse(readFileSync(join(__dirname, ${JSON.stringify(basename(LEXICON_SOURCES))}), 'utf8')))[key];`,
      loader: 'js',
    }));
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const value = JSON.parse(await readFile(args.path, 'utf8'));
      let read;
      let prelude = '';
      if (dirname(args.path) === LEXICON_DIR) {
        const key = basename(args.path);
        sources[key] = value;
        prelude = `import { lexiconSource } from '${SIDE_MODULE}';\n`;
        read = `lexiconSource(${JSON.stringify(key)})`;
      } else read = `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { contents: `${prelude}export default ${read};`, loader: 'js' };
      }
      const getters = Object.keys(value)
        .map((key) => `get ${JSON.stringify(key)}() { return read()[${JSON.stringify(key)}]; }`)
        .join(',\n');
      return {
        contents: `${prelude}let parsed;\nconst read = () => (parsed ??= ${read});\nexport default {\n${getters}\n};`,
        loader: 'js',
      };
    });
  },
});

/** A short letter the warm-up run checks, so the code cache holds the functions a check runs. */
const WARM_UP = `Dear Dr Patel,

Thank you for referring Ms Rivera. She claims the pain is worse at night and is non-compliant
with her medication. She needs to self-manage. We discussed a pain programme.

Yours sincerely,
`;

/** The esbuild options of both bundles, which differ only in their entry and output. */
const bundleOptions = ({ entry, outfile, buildId, sources }) => ({
  entryPoints: [join(ROOT, 'scripts', entry)],
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
  // The audit report's components, as tsconfig.json says, but without depending on finding it.
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // One build id for both: the audit bundle reads the same compiled lexicon beside it.
  define: { __ALONGSIDE_BUILD__: JSON.stringify(buildId) },
  plugins: [jsonModules(sources)],
});

/**
 * Bundles cli/main.ts (through scripts/cli-entry.ts) and everything it imports into one file, and
 * `alongside audit` (scripts/audit-entry.ts) into another, then runs the first to compile the
 * default lexicon into the file beside it. All carry a new build id.
 */
export async function buildBundle() {
  const { build } = await import('esbuild');
  // Written beside the target and renamed over it, so a run never loads half a file.
  const outfile = `${BUNDLE}.${process.pid}.tmp`;
  const auditOutfile = `${AUDIT_BUNDLE}.${process.pid}.tmp`;
  const buildId = randomUUID();
  // Both builds read the same lexicon files, so they fill this with the same contents.
  const sources = {};
  mkdirSync(dirname(BUNDLE), { recursive: true });
  try {
    await Promise.all([
      build(bundleOptions({ entry: 'cli-entry.ts', outfile, buildId, sources })),
      build(bundleOptions({ entry: 'audit-entry.ts', outfile: auditOutfile, buildId, sources })),
    ]);
  } catch (error) {
    // One build may have finished: leave no half-made pair behind.
    rmSync(outfile, { force: true });
    rmSync(auditOutfile, { force: true });
    throw error;
  }
  writeFileSync(`${LEXICON_SOURCES}.${process.pid}.tmp`, JSON.stringify(sources));
  renameSync(`${LEXICON_SOURCES}.${process.pid}.tmp`, LEXICON_SOURCES);
  const { json, bytes } = createRequire(import.meta.url)(outfile).compiledDefaultFiles();
  writeFileSync(`${COMPILED}.${process.pid}.tmp`, json);
  writeFileSync(`${COMPILED_BYTES}.${process.pid}.tmp`, bytes);
  // The lexicon first: a bundle is never newer than the files it would read (and reads only
  // those of its own build).
  renameSync(`${COMPILED_BYTES}.${process.pid}.tmp`, COMPILED_BYTES);
  renameSync(`${COMPILED}.${process.pid}.tmp`, COMPILED);
  rmSync(CODE_CACHE, { force: true });
  // The audit bundle before the main one, which is what staleness is judged by.
  renameSync(auditOutfile, AUDIT_BUNDLE);
  renameSync(outfile, BUNDLE);
  warmUp();
}

/**
 * Runs the new bundle once, through the launcher, on a short letter: the launcher finds no code
 * cache and writes one, holding every function that run compiled. Best effort: without a cache
 * the CLI is only slower.
 */
function warmUp() {
  spawnSync(process.execPath, [join(ROOT, 'bin', 'alongside.mjs'), 'check', '-'], {
    input: WARM_UP,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await buildBundle();
  } catch (error) {
    process.stderr.write(`alongside: ${error instanceof Error ? error.message : error}\n`);
    process.exitCode = 1;
  }
}
