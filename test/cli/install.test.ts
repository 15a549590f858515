import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultLexicon, type Lexicon } from '../../core/index.ts';
import { compileLexicon } from '../../core/matcher/compile.ts';
import { compiledParts } from '../../core/matcher/compiled-lexicon.ts';
import { ROOT, runCli } from './run-cli.ts';

interface Run {
  stdout: string;
  stderr: string;
  status: number;
}

/** Runs a command to the end (async, so vitest's timeout can still stop it). */
function run(file: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
      resolve({ stdout, stderr, status });
    });
  });
}

const dirs: string[] = [];
const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `alongside-${name}-`));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
});

const LETTER = 'She claims the pain is worse at night.\n';

describe('the package installed from npm pack', () => {
  it('installs offline with no dev tools, and its alongside runs from the bundle', async () => {
    // The binary rebuilds a stale bundle first, so the tarball holds what the sources say.
    expect((await runCli(['--version'])).status).toBe(0);
    const packs = temp('pack');
    const packed = await run(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', packs],
      ROOT,
    );
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    // Only what the installed CLI runs: no sources.
    expect(info!.files.map((f) => f.path).sort()).toEqual([
      'README.md',
      'bin/alongside.mjs',
      'dist/alongside.cjs',
      'dist/alongside.cjs.cache',
      'dist/audit.cjs',
      'dist/default-lexicon.compiled.bin',
      'dist/default-lexicon.compiled.json',
      'dist/default-lexicon.source.json',
      'package.json',
      'scripts/build-cli.mjs',
    ]);

    const project = temp('install');
    writeFileSync(join(project, 'package.json'), '{ "name": "letters", "private": true }\n');
    // --offline: the package needs nothing from the registry; it has no dependencies at all.
    const installed = await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--offline', join(packs, info!.filename)],
      project,
    );
    expect(installed.status, installed.stderr).toBe(0);
    const alongside = join(project, 'node_modules', '.bin', 'alongside');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await run(alongside, ['--version'], project)).toEqual({
      stdout: `${pkg.version}\n`,
      stderr: '',
      status: 0,
    });

    writeFileSync(join(project, 'letter.txt'), LETTER);
    // A check from the installed bundle: the same report as from the checkout.
    const installedRun = await run(alongside, ['check', 'letter.txt'], project);
    expect(installedRun.status, installedRun.stderr).toBe(1);
    expect(installedRun.stdout).toContain('letter.txt:1:5  warn');
    expect(installedRun.stdout).toContain('(claims)');
    const here = await runCli(['check', join(project, 'letter.txt')]);
    expect(installedRun.stdout).toBe(
      here.stdout.replaceAll(join(project, 'letter.txt'), 'letter.txt'),
    );

    // The code cache: made again when missing, and a damaged one is refused and replaced.
    const cache = join(project, 'node_modules', 'alongside', 'dist', 'alongside.cjs.cache');
    expect(readFileSync(cache).length).toBeGreaterThan(10_000);
    rmSync(cache);
    expect((await run(alongside, ['check', 'letter.txt'], project)).stdout).toBe(
      installedRun.stdout,
    );
    expect(readFileSync(cache).length).toBeGreaterThan(10_000);
    writeFileSync(cache, 'not a code cache');
    expect((await run(alongside, ['check', 'letter.txt'], project)).stdout).toBe(
      installedRun.stdout,
    );
    expect(readFileSync(cache, 'latin1')).not.toBe('not a code cache');
  }, 180_000);
});

describe('the default lexicon compiled beside the bundle', () => {
  const bundleDir = () => {
    const dir = temp('bundle');
    // The bundle and the lexicon's own files it is built with; the compiled lexicon is the test's.
    for (const file of ['alongside.cjs', 'default-lexicon.source.json']) {
      cpSync(join(ROOT, 'dist', file), join(dir, file));
    }
    return dir;
  };
  const check = (dir: string, file: string) =>
    run(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(join(dir, 'alongside.cjs'))}).run(['check', ${JSON.stringify(file)}])`,
      ],
      dir,
    );

  it('is what the bundle checks with, when it is of the same build', async () => {
    expect((await runCli(['--version'])).status).toBe(0);
    const dir = bundleDir();
    writeFileSync(join(dir, 'letter.txt'), LETTER);
    const real = readFileSync(join(ROOT, 'dist', 'default-lexicon.compiled.json'), 'utf8');
    const { build } = JSON.parse(real) as { build: string };
    // A file of the same build holding another lexicon: if the bundle reads it, the report says so.
    const claims = defaultLexicon().entries.find((e) => e.id === 'claims')!;
    const other: Lexicon = {
      name: 'other',
      version: '1',
      entries: [{ ...claims, id: 'read-from-the-file' }],
    };
    const { data, bytes } = compiledParts(compileLexicon([other], { lean: true }));
    writeFileSync(join(dir, 'default-lexicon.compiled.json'), JSON.stringify({ build, data }));
    writeFileSync(join(dir, 'default-lexicon.compiled.bin'), bytes);
    const withOther = await check(dir, 'letter.txt');
    expect(withOther.stdout).toContain('(read-from-the-file)');
    expect(withOther.stdout).not.toContain('(claims)');
  }, 60_000);

  it('is compiled afresh, with the same report, when missing or of another build', async () => {
    const dir = bundleDir();
    writeFileSync(join(dir, 'letter.txt'), LETTER);
    const missing = await check(dir, 'letter.txt');
    const real = readFileSync(join(ROOT, 'dist', 'default-lexicon.compiled.json'), 'utf8');
    writeFileSync(
      join(dir, 'default-lexicon.compiled.json'),
      JSON.stringify({ ...(JSON.parse(real) as object), build: 'another build' }),
    );
    cpSync(
      join(ROOT, 'dist', 'default-lexicon.compiled.bin'),
      join(dir, 'default-lexicon.compiled.bin'),
    );
    const stale = await check(dir, 'letter.txt');
    const here = await runCli(['check', join(dir, 'letter.txt')]);
    expect(missing.stdout).toContain('(claims)');
    expect(missing.stdout).toBe(here.stdout.replaceAll(join(dir, 'letter.txt'), 'letter.txt'));
    expect(stale.stdout).toBe(missing.stdout);
  }, 60_000);
});

describe('a checkout whose sources are newer than the bundle', () => {
  it('rebuilds the bundle before running, so it never runs old code', async () => {
    const checkout = temp('checkout');
    for (const part of [
      'bin',
      'cli',
      'components',
      'core',
      'lexicon',
      'locales',
      'scripts',
      'dist/alongside.cjs',
    ]) {
      cpSync(join(ROOT, part), join(checkout, part), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as object;
    // The version is compiled into the bundle: a new one shows whether the bundle was rebuilt.
    writeFileSync(join(checkout, 'package.json'), JSON.stringify({ ...pkg, version: '9.8.7' }));
    const bundle = join(checkout, 'dist', 'alongside.cjs');
    utimesSync(bundle, new Date(2000, 0, 1), new Date(2000, 0, 1));

    const bin = join(checkout, 'bin', 'alongside.mjs');
    expect(await run(process.execPath, [bin, '--version'], checkout)).toEqual({
      stdout: '9.8.7\n',
      stderr: '',
      status: 0,
    });
    expect(readFileSync(bundle, 'utf8')).toContain('9.8.7');
  }, 120_000);
});
