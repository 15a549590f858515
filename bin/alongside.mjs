#!/usr/bin/env node
// Starts the CLI from the bundle scripts/build-cli.mjs built (`npm ci` runs it as `prepare`).
// In a checkout (the sources are here), a bundle older than any source is rebuilt before it runs,
// so an edit never silently runs old code. Rebuilding, not running the sources through tsx: the
// bundle takes well under a second to build and is then used by every later run, where tsx
// costs about half a second on every run.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { BUNDLE, CODE_CACHE, ROOT, newestSource } from '../scripts/build-cli.mjs';

const args = process.argv.slice(2);
const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
};

async function runSources() {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(
      'alongside: the CLI is not built and cannot be; run `npm ci` here first\n',
    );
    process.exit(2);
  }
  // tsconfig: false — otherwise tsx reads the tsconfig of whatever directory we run from.
  register({ tsconfig: false });
  const { main } = await import('../cli/main.ts');
  process.exitCode = await main(args);
}

const checkout = existsSync(join(ROOT, 'cli', 'main.ts'));
if (checkout && mtime(BUNDLE) < newestSource()) {
  let esbuild = true;
  try {
    await import('esbuild');
  } catch {
    esbuild = false;
  }
  if (esbuild) {
    const { buildBundle } = await import('../scripts/build-cli.mjs');
    try {
      await buildBundle();
    } catch (error) {
      process.stderr.write(
        `alongside: could not rebuild the CLI from its sources: ${error instanceof Error ? error.message : error}\n`,
      );
      process.exit(2);
    }
  }
}

const bundled = mtime(BUNDLE);
if (bundled < 0 || (checkout && bundled < newestSource())) {
  // A checkout installed without dev tools (no esbuild): the sources, through tsx.
  await runSources();
} else {
  await runBundle();
}

/**
 * Loads the bundle as `require` would, but with V8's code cache beside it, so it is not compiled
 * again on every run. Where the cache is missing or V8 refuses it (another Node version), the run
 * writes a new one when it ends; a folder we may not write to only means no cache.
 */
async function runBundle() {
  let cachedData;
  try {
    cachedData = readFileSync(CODE_CACHE);
  } catch {
    cachedData = undefined;
  }
  const source = readFileSync(BUNDLE, 'utf8');
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: BUNDLE, cachedData },
  );
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  await module.exports.run(args);
  if (cachedData === undefined || script.cachedDataRejected) {
    const temporary = `${CODE_CACHE}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, CODE_CACHE);
    } catch {
      // Read-only install: run without a cache.
    }
  }
}
