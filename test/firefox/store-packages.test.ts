// `npm run zip`: the Chrome and Firefox store packages, and the sources addons.mozilla.org asks
// for. The sources hold what a reviewer needs to build the Firefox package again, byte for byte,
// and none of the tests, built output, generated docs or evaluation data.
import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipEntries, type ZipEntry } from './zip-entries.ts';

const run = promisify(execFile);
const ROOT = resolve('.');
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * The environment of a shell, not of this test run: vitest sets NODE_ENV=test, under which the
 * JSX transform writes a development build (with this machine's paths in it).
 */
function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of [
    'NODE_ENV',
    'VITEST',
    'VITEST_MODE',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
    'TEST',
  ]) {
    delete env[name];
  }
  return env;
}

let work = '';
const out = () => join(work, 'out');
const packageOf = (what: 'chrome' | 'firefox' | 'sources') =>
  join(out(), `alongside-${version}-${what}.zip`);
const files = (entries: ZipEntry[]) => entries.filter((e) => !e.name.endsWith('/'));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'alongside-zip-'));
  // Into a folder of its own, so the other tests' build is not replaced under them.
  await run('npm', ['run', 'zip', '--silent'], {
    cwd: ROOT,
    env: shellEnv({ ALONGSIDE_OUT_DIR: out() }),
    maxBuffer: 64 * 1024 * 1024,
  });
}, 300_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm run zip', () => {
  it('writes the Chrome package without the unpacked build’s key, and the Firefox package as built', () => {
    const manifestIn = (zip: string) =>
      JSON.parse(
        zipEntries(zip)
          .find((e) => e.name === 'manifest.json')!
          .read()
          .toString('utf8'),
      ) as Record<string, unknown>;
    const built = (dir: string) =>
      JSON.parse(readFileSync(join(out(), dir, 'manifest.json'), 'utf8')) as Record<
        string,
        unknown
      >;

    // The Chrome Web Store gives the id itself and refuses a key; the unpacked build keeps it.
    const unpacked = built('chrome-mv3');
    expect(unpacked.key).toEqual(expect.any(String));
    const { key: _key, ...withoutKey } = unpacked;
    expect(manifestIn(packageOf('chrome'))).toEqual(withoutKey);
    expect(manifestIn(packageOf('firefox'))).toEqual(built('firefox-mv3'));
  });

  it('puts in the sources what the build reads, and nothing big or private', () => {
    const names = files(zipEntries(packageOf('sources'))).map((e) => e.name);
    for (const needed of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'README.md',
      'entrypoints/background.ts',
      'entrypoints/content.ts',
      'entrypoints/editor-bridge.content.ts',
      'core/settings/policy.ts',
      'lexicon/default/bibliography.json',
      'demo/letters.json',
    ]) {
      expect(names).toContain(needed);
    }
    const unwanted = names.filter(
      (name) =>
        // Tests and their fixtures, built output, generated docs, benchmarks, evaluation data.
        /^(test|dist|dist-demo|docs|bench|eval|eval-dev|coverage|node_modules)\//.test(name) ||
        /\.test\.tsx?$/.test(name) ||
        // Dotfiles and folders: .git, .output, .wxt, .cache, .env, a local .tmp.
        name.split('/').some((part) => part.startsWith('.')),
    );
    expect(unwanted).toEqual([]);
    const total = files(zipEntries(packageOf('sources'))).reduce((n, e) => n + e.size, 0);
    // About 5 MB, most of it the lexicon's data; the CLI's dist/ alone would add 14.
    expect(total).toBeLessThan(8_000_000);
  });

  it('gives sources that build the Firefox package again, byte for byte', async () => {
    const sources = join(work, 'sources');
    for (const entry of files(zipEntries(packageOf('sources')))) {
      const target = join(sources, entry.name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, entry.read());
    }
    // What `npm ci` would install, without fetching it again.
    symlinkSync(join(ROOT, 'node_modules'), join(sources, 'node_modules'), 'dir');
    const rebuilt = join(work, 'rebuilt');
    await run(join(sources, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'firefox'], {
      cwd: sources,
      env: shellEnv({ ALONGSIDE_OUT_DIR: rebuilt }),
      maxBuffer: 64 * 1024 * 1024,
    });
    const dir = join(rebuilt, 'firefox-mv3');
    const ours = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .sort();
    const packaged = files(zipEntries(packageOf('firefox')));
    expect(ours).toEqual(packaged.map((e) => e.name).sort());
    const differing = packaged
      .filter((e) => !e.read().equals(readFileSync(join(dir, e.name))))
      .map((e) => e.name);
    expect(differing).toEqual([]);
  }, 180_000);
});
