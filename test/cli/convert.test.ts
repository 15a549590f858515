import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './run-cli.ts';

const SERVICE = fixture('convert/service.jsonc');
const BAD = fixture('convert/bad.csv');

/** The fixture as `--to csv` writes it: a byte-order mark, CRLF rows, line breaks in cells. */
const SERVICE_CSV = `\uFEFF${[
  'id,category,severity,enabled,phrases,detect,inflect,caseSensitive,context (JSON),appliesTo,message,why,alternatives,alternatives (JSON),advice,rewrite.before,rewrite.after,sources,examples.flag,examples.flag (JSON),examples.pass,tags',
  '#name,Convert fixture,,,,,,,,,,,,,,,,,,,,',
  '#version,1,,,,,,,,,,,,,,,,,,,,',
  '#disable,insists,,,,,,,,,,,,,,,,,,,,',
  '#allow,claims department,,,,,,,,,,,,,,,,,,,,',
  '#bibliography.ours-letters-2025 (JSON),"{""citation"":""Our trust. Writing to patients: policy."",""year"":2025,""region"":""UK""}",,,,,,,,,,,,,,,,,,,,',
  'claims,,info,,,,,,,,,,,,,,,,,,,',
  'ours-regular,labels,suggest,,[(is|was)] a ward seven regular,,,,"{""notPrecededBy"":[""not""]}",,Local shorthand for a person who comes often.,"A label says how often, not why; the reason is what helps the next reader.",,"[{""group"":1,""cases"":{""is"":""has come to us often"",""was"":""had come to us often""}}]",,,,ours-letters-2025,,"[{""text"":""He is a ward seven regular."",""corrections"":[""He has come to us often.""]}]",He is on ward seven.,',
].join('\r\n')}\r\n`;

let temp: ReturnType<typeof tempDir> | undefined;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

describe('lexicon convert', () => {
  it('writes a JSONC lexicon as CSV on stdout', async () => {
    const { stdout, stderr, status } = await runCli(['lexicon', 'convert', SERVICE, '--to', 'csv']);
    expect(stdout).toBe(SERVICE_CSV);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('reads that CSV back as the same lexicon in JSON (JSON → CSV → JSON)', async () => {
    temp = tempDir();
    const csv = temp.write('service.csv', SERVICE_CSV);
    const { stdout, stderr, status } = await runCli(['lexicon', 'convert', csv, '--to', 'json']);
    const original = parseJsonc(readFileSync(SERVICE, 'utf8'), [], { allowTrailingComma: true });
    expect(stdout).toBe(`${JSON.stringify(original, null, 2)}\n`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('tells CSV from JSON by content on stdin', async () => {
    const fromCsv = await runCli(['lexicon', 'convert', '-', '--to', 'json'], {
      input: 'id,severity\n#name,Piped\n#version,1\nclaims,info\n',
    });
    expect(fromCsv.stdout).toBe(
      `${JSON.stringify({ name: 'Piped', version: '1', entries: [{ id: 'claims', severity: 'info' }] }, null, 2)}\n`,
    );
    expect(fromCsv.status).toBe(0);
    const fromJson = await runCli(['lexicon', 'convert', '-', '--to', 'csv'], {
      input:
        '// piped\n{ "name": "Piped", "version": "1", "entries": [{ "id": "claims", "severity": "info" }] }',
    });
    expect(fromJson.stdout.split('\r\n').slice(1)).toEqual([
      '#name,Piped,,,,,,,,,,,,,,,,,',
      '#version,1,,,,,,,,,,,,,,,,,',
      'claims,,info,,,,,,,,,,,,,,,,',
      '',
    ]);
    expect(fromJson.status).toBe(0);
  });

  it('gives one line per problem with its row and column, exit 2, and nothing on stdout', async () => {
    const { stdout, stderr, status } = await runCli(['lexicon', 'convert', BAD, '--to', 'json']);
    expect(stderr).toBe(
      [
        `alongside: ${BAD}: row 4, severity: expected one of "info", "suggest" or "warn", not "high"`,
        `alongside: ${BAD}: row 5, appliesTo (line 2): expected "letter-to-patient", "letter-to-gp" or "clinical-note", not "letter"`,
        '',
      ].join('\n'),
    );
    expect(stdout).toBe('');
    expect(status).toBe(2);
  });

  it('runs the examples through the engine, as lexicon validate does', async () => {
    const input =
      'id,alternatives,examples.flag (JSON)\n#name,Ours\n#version,1\n' +
      'claims,says,"[{""text"":""She claims it hurts."",""corrections"":[""She tells it hurts.""]}]"\n';
    const { stdout, stderr, status } = await runCli(['lexicon', 'convert', '-', '--to', 'json'], {
      input,
    });
    expect(stderr).toBe(
      'alongside: <stdin>: row 4, examples.flag (JSON) at [0].corrections[0]: alternative 1 leaves "She says it hurts.", not "She tells it hurts."\n',
    );
    expect(stdout).toBe('');
    expect(status).toBe(2);
  });

  it('writes --out FILE and says so', async () => {
    temp = tempDir();
    const out = join(temp.dir, 'service.csv');
    const { stdout, stderr, status } = await runCli([
      'lexicon',
      'convert',
      SERVICE,
      '--to',
      'csv',
      '--out',
      out,
    ]);
    expect(stdout).toBe(`${out}: written (1 entry, 1 patch)\n`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(SERVICE_CSV);
    expect(readdirSync(temp.dir)).toEqual(['service.csv']);
  });

  it('writes nothing to --out when the lexicon has a problem', async () => {
    temp = tempDir();
    const kept = temp.write('kept.json', 'what was here before');
    const fresh = join(temp.dir, 'fresh.json');
    for (const out of [kept, fresh]) {
      const { stdout, status } = await runCli([
        'lexicon',
        'convert',
        BAD,
        '--to',
        'json',
        '--out',
        out,
      ]);
      expect(stdout).toBe('');
      expect(status).toBe(2);
    }
    expect(readFileSync(kept, 'utf8')).toBe('what was here before');
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(temp.dir)).toEqual(['kept.json']);
  });

  it('refuses an input over 2,000,000 characters, CSV or JSON', async () => {
    temp = tempDir();
    const csv = temp.write('big.csv', `id\n#description,${'x'.repeat(2_000_001 - 17)}\n`);
    const json = temp.write('big.json', `{ "name": "${'x'.repeat(2_000_001 - 14)}" }`);
    for (const path of [csv, json]) {
      expect(readFileSync(path, 'utf8')).toHaveLength(2_000_001);
      const { stdout, stderr, status } = await runCli(['lexicon', 'convert', path, '--to', 'csv']);
      expect(stderr).toBe(
        `alongside: ${path}: is 2,000,001 characters; a lexicon file may have at most 2,000,000 (about 2 MB): split it into layers\n`,
      );
      expect(stdout).toBe('');
      expect(status).toBe(2);
    }
  });

  it('needs --to json or csv', async () => {
    const missing = await runCli(['lexicon', 'convert', SERVICE]);
    expect(missing.stderr).toBe('alongside: lexicon convert needs --to json or --to csv\n');
    expect(missing.status).toBe(2);
    const wrong = await runCli(['lexicon', 'convert', SERVICE, '--to', 'xlsx']);
    expect(wrong.stderr).toBe('alongside: --to must be "json" or "csv", not "xlsx"\n');
    expect(wrong.status).toBe(2);
    const none = await runCli(['lexicon', 'convert', '--to', 'csv']);
    expect(none.stderr).toBe(
      'alongside: lexicon convert needs a FILE: alongside lexicon convert FILE --to json|csv\n',
    );
    expect(none.status).toBe(2);
  });

  it('is described by alongside lexicon --help', async () => {
    const { stdout, status } = await runCli(['lexicon', 'convert', '--help']);
    expect(stdout).toContain('       alongside lexicon convert FILE --to json|csv [--out FILE]\n');
    expect(stdout).toBe((await runCli(['lexicon', '--help'])).stdout);
    expect(status).toBe(0);
  });
});
