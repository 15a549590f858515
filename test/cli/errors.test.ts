import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, fixture, runCli, tempDir } from './run-cli.ts';

let tmp: ReturnType<typeof tempDir>;
let good: string;
beforeAll(() => {
  tmp = tempDir();
  // Text with a finding, so any half-printed report would show up on stdout.
  good = tmp.write('good.txt', 'She claims so.\n');
});
afterAll(() => tmp.remove());

/** Every usage problem: exit 2, the given lines on stderr, and nothing at all on stdout. */
async function expectUsageError(args: string[], stderrLines: string[]) {
  const { stdout, stderr, status } = await runCli(args);
  expect(stderr).toBe(stderrLines.map((line) => `${line}\n`).join(''));
  expect(stdout).toBe('');
  expect(status).toBe(2);
}

/** An input that cannot be read: its line on stderr, every other input still checked, exit 2. */
async function expectInputError(args: string[], stderrLines: string[], checked: string[]) {
  const { stdout, stderr, status } = await runCli(['check', '--format', 'json', ...BASE, ...args]);
  expect(stderr).toBe(stderrLines.map((line) => `${line}\n`).join(''));
  const report = JSON.parse(stdout) as { file: string; findings: unknown[] }[];
  expect(report.map((r) => r.file)).toEqual(checked);
  expect(status).toBe(2);
}

describe('check: an input that cannot be read is reported, the others are still checked, exit 2', () => {
  it('a missing file', async () => {
    const missing = join(tmp.dir, 'missing.txt');
    await expectInputError([good, missing], [`alongside: ${missing}: no such file`], [good]);
  });

  it('a directory', async () => {
    const dir = join(tmp.dir, 'notes');
    mkdirSync(dir);
    await expectInputError(
      [good, dir],
      [`alongside: ${dir}: is a directory; give the files inside it instead`],
      [good],
    );
  });

  it('bytes that are not UTF-8, naming the line of the first bad byte', async () => {
    // "café" in Latin-1: 0xE9 alone is not UTF-8.
    const file = tmp.write('latin1.txt', Buffer.from('First line.\ncaf\xe9 claims\n', 'latin1'));
    await expectInputError(
      [file],
      [
        `alongside: ${file}: is not valid UTF-8 text (first bad byte on line 2); save it as UTF-8 and try again`,
      ],
      [],
    );
  });

  it('NUL bytes', async () => {
    const file = tmp.write('binary.bin', Uint8Array.from([0x68, 0x69, 0x00, 0x0a]));
    await expectInputError(
      [file],
      [`alongside: ${file}: contains NUL bytes, so it looks like a binary file, not text`],
      [],
    );
  });

  it('reports every bad input, in the order given, and checks the good one between them', async () => {
    const missing = join(tmp.dir, 'gone.txt');
    const nul = tmp.write('nul.txt', Uint8Array.from([0x00]));
    await expectInputError(
      [missing, good, nul],
      [
        `alongside: ${missing}: no such file`,
        `alongside: ${nul}: contains NUL bytes, so it looks like a binary file, not text`,
      ],
      [good],
    );
  });

  it('in text output, the summary says how many could not be read', async () => {
    const missing = join(tmp.dir, 'lost.txt');
    const { stdout, stderr, status } = await runCli(['check', ...BASE, good, missing]);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      '1 suggestion in 1 file; 1 file could not be read',
    );
    expect(stderr).toBe(`alongside: ${missing}: no such file\n`);
    expect(status).toBe(2);
  });
});

describe('check: lexicon problems exit 2 and print nothing on stdout', () => {
  it('a lexicon that is not JSON, with the line and column of the problem', async () => {
    // Written here, not kept as a fixture: prettier would refuse a committed file that is not JSON.
    const lexicon = tmp.write(
      'not-json.json',
      '{\n  "name": "not JSON",\n  "version": "1.0.0"\n  "entries": []\n}\n',
    );
    const { stdout, stderr, status } = await runCli(['check', '--lexicon', lexicon, good]);
    expect(stderr.startsWith(`alongside: ${lexicon}: not valid JSON at line 4, column 3: `)).toBe(
      true,
    );
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
    expect(status).toBe(2);
  });

  it('a wrong field type, as "file: entries[0].alternatives: problem"', async () => {
    const lexicon = fixture('wrong-type.json');
    await expectUsageError(
      ['check', '--lexicon', lexicon, good],
      [`alongside: ${lexicon}: entries[0].alternatives: expected an array of alternatives`],
    );
  });

  it('several errors in one lexicon, each on its own prefixed line', async () => {
    const lexicon = fixture('several-errors.json');
    await expectUsageError(
      ['check', '--lexicon', lexicon, good],
      [
        `alongside: ${lexicon}: entries[0].severity: expected one of "info", "suggest" or "warn"`,
        `alongside: ${lexicon}: entries[0].severty: unknown field "severty"; did you mean "severity"?`,
      ],
    );
  });

  it('a missing lexicon file', async () => {
    await expectUsageError(
      ['check', '--lexicon', 'no-such-lexicon.json', good],
      ['alongside: no-such-lexicon.json: no such file'],
    );
  });

  it('a lexicon problem stops the run before any input is read', async () => {
    const lexicon = fixture('wrong-type.json');
    const missing = join(tmp.dir, 'absent.txt');
    await expectUsageError(
      ['check', '--lexicon', lexicon, missing],
      [`alongside: ${lexicon}: entries[0].alternatives: expected an array of alternatives`],
    );
  });
});

describe('usage problems exit 2 and print nothing on stdout', () => {
  it('an unknown option', async () => {
    await expectUsageError(
      ['check', '--colour', good],
      ['alongside: unknown option "--colour"; see alongside check --help'],
    );
  });

  it('an unknown option before the command', async () => {
    await expectUsageError(
      ['--quiet'],
      ['alongside: unknown option "--quiet"; see alongside --help'],
    );
  });

  it('an unknown --format or --locale value', async () => {
    await expectUsageError(
      ['check', '--format', 'xml', good],
      ['alongside: --format must be "text" or "json", not "xml"'],
    );
    await expectUsageError(
      ['check', '--locale', 'fr-FR', good],
      ['alongside: --locale must be "en-GB" or "en-US", not "fr-FR"'],
    );
  });

  it('an option missing its value', async () => {
    const { stdout, stderr, status } = await runCli(['check', good, '--lexicon']);
    expect(stderr).toMatch(
      /^alongside: option '--lexicon <value>' argument missing; see alongside check --help\n$/,
    );
    expect(stdout).toBe('');
    expect(status).toBe(2);
  });

  it('an unknown command, or none', async () => {
    await expectUsageError(['chek'], ['alongside: unknown command "chek"; see alongside --help']);
    await expectUsageError(
      [],
      ['alongside: no command given; try alongside check FILE, or see alongside --help'],
    );
  });

  it('stdin taken by "--lexicon -" with no FILE left to check', async () => {
    const { stdout, stderr, status } = await runCli(['check', '--lexicon', '-'], {
      input: '{ "name": "piped", "version": "1", "entries": [] }',
    });
    expect(stderr).toBe(
      'alongside: no input; stdin is taken by "--lexicon -", so give one or more FILEs\n',
    );
    expect(stdout).toBe('');
    expect(status).toBe(2);
  });

  it('an empty FILE name, as an unset shell variable gives', async () => {
    await expectUsageError(
      ['check', ...BASE, good, ''],
      ['alongside: an empty FILE name was given (""); is a shell variable unset?'],
    );
    await expectUsageError(
      ['check', '--lexicon', '', good],
      ['alongside: --lexicon was given an empty FILE name (""); is a shell variable unset?'],
    );
  });

  it('--no-default-lexicon with no --lexicon, which would check against nothing', async () => {
    await expectUsageError(
      ['check', '--no-default-lexicon', good],
      [
        'alongside: --no-default-lexicon needs at least one --lexicon FILE, or there is nothing to check against',
      ],
    );
  });

  it('an unknown --min-severity', async () => {
    await expectUsageError(
      ['check', '--min-severity', 'error', good],
      ['alongside: --min-severity must be "info" or "suggest" or "warn", not "error"'],
    );
  });

  it('stdin given twice', async () => {
    await expectUsageError(
      ['check', ...BASE, '-', '-'],
      ['alongside: "-" (stdin) can be given only once'],
    );
  });
});
