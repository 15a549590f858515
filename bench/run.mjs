// `npm run bench`: bundles the benchmark with esbuild, as the extension's build bundles the
// engine, and runs it with plain Node. (Running the sources through tsx measures tsx's
// keep-names wrappers, which roughly halve the engine's speed, rather than the engine.)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const [entry = 'bench/engine.bench.ts', ...args] = process.argv.slice(2);
const outfile = `.cache/bench/${entry.replace(/[/\\]/g, '_').replace(/\.ts$/, '.mjs')}`;
mkdirSync('.cache/bench', { recursive: true });
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  packages: 'bundle',
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'error',
});
const run = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
