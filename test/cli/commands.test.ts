import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.ts';

describe('help and version', () => {
  it.each([['--help'], ['-h'], ['help']])(
    'alongside %s prints the usage and exits 0',
    async (arg) => {
      const { stdout, stderr, status } = await runCli([arg]);
      expect(stdout).toMatch(/^Usage: alongside <command>/);
      expect(stdout).toContain('check [FILE|-]...');
      expect(stdout).toContain('lexicon validate FILE...');
      expect(stdout).toContain('lexicon schema');
      expect(stderr).toBe('');
      expect(status).toBe(0);
    },
  );

  it('alongside check --help describes every check option', async () => {
    const { stdout, status } = await runCli(['check', '--help']);
    expect(stdout).toMatch(/^Usage: alongside check /);
    for (const option of [
      '--format',
      '--lexicon',
      '--no-default-lexicon',
      '--locale',
      '--min-severity',
    ]) {
      expect(stdout).toContain(option);
    }
    expect(status).toBe(0);
    expect((await runCli(['help', 'check'])).stdout).toBe(stdout);
  });

  it('alongside lexicon --help describes validate and schema', async () => {
    const { stdout, status } = await runCli(['lexicon', '--help']);
    expect(stdout).toMatch(/^Usage: alongside lexicon validate FILE\.\.\./);
    expect(stdout).toContain('alongside lexicon schema');
    expect(status).toBe(0);
  });

  it('alongside --version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { stdout, status } = await runCli(['--version']);
    expect(stdout).toBe(`${pkg.version}\n`);
    expect(status).toBe(0);
  });
});
