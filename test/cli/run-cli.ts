import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the binary runs from here, as `npx alongside` would. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'alongside.mjs');

export function fixture(name: string): string {
  return `test/cli/fixtures/${name}`;
}

export interface CliResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

/**
 * Runs the real binary in a child process, so the launcher, argv and exit codes are all tested.
 * `spawn`, not `spawnSync`, so vitest's timeout can still stop a run that hangs.
 */
export function runCli(
  args: readonly string[],
  options: { input?: string | Uint8Array } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        status,
      }),
    );
    // A run that fails before reading stdin closes it early; that EPIPE is not the test's concern.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh directory in the OS temp dir; `write` puts a file in it and returns its path. */
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'alongside-cli-'));
  return {
    dir,
    write(name: string, content: string | Uint8Array): string {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove(): void {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Only the fixture lexicon: tests must not depend on the default lexicon's changing entries. */
export const BASE = ['--no-default-lexicon', '--lexicon', fixture('base.json')];
