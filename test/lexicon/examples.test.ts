import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.ts';

const JSONC = 'lexicon/examples/pain-service.jsonc';
const CSV = 'lexicon/examples/pain-service.csv';

/** A short letter with the service's own wording, its patched entry and the one it switched off. */
const LETTER = [
  'Dear Dr Patel,',
  '',
  'Ms Doe failed the PMP last year. She is catastrophising about her back, and pain behaviours were seen throughout. She has joined the Riverside Pain Patients Group.',
  '',
  'Yours sincerely,',
  '',
].join('\n');

const CATASTROPHISING_ADVICE =
  "    Name the specific worry and where it comes from: 'She is frightened that the pain means her spine is crumbling, as her mother's did.'";

describe('the worked service lexicon (Riverside Pain Service)', () => {
  it('is valid: alongside lexicon validate runs its examples over the default lexicon', async () => {
    const { stdout, stderr, status } = await runCli(['lexicon', 'validate', JSONC]);
    expect(stdout).toBe(`${JSONC}: ok (1 entry, 1 patch)\n`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('has a CSV beside it that is exactly what lexicon convert makes of it', async () => {
    const { stdout, stderr, status } = await runCli(['lexicon', 'convert', JSONC, '--to', 'csv']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(readFileSync(join(ROOT, CSV), 'utf8')).toBe(stdout);
  });

  it('reads the same from the CSV as from the JSONC', async () => {
    const [fromCsv, fromJsonc] = await Promise.all([
      runCli(['lexicon', 'convert', CSV, '--to', 'json']),
      runCli(['lexicon', 'convert', JSONC, '--to', 'json']),
    ]);
    expect(fromCsv.stderr).toBe('');
    expect(fromCsv.stdout).toBe(fromJsonc.stdout);
    expect(fromCsv.status).toBe(0);
  });

  it('flags its own entry, shows the patched severity, and no longer flags what it switched off or allows', async () => {
    const { stdout, stderr, status } = await runCli(['check', '--lexicon', JSONC, '-'], {
      input: LETTER,
    });
    expect(stdout).toBe(
      [
        '<stdin>:3:8  suggest  Puts the outcome of our programme on the person.  (riverside-failed-pmp)',
        '    → Ms Doe did not find the PMP helpful last year.',
        "<stdin>:3:41  warn  Can be heard as 'you are making too much of it'.  (catastrophising)",
        CATASTROPHISING_ADVICE,
        '2 suggestions in 1 file',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });

  it('differs from the default lexicon alone in exactly those ways', async () => {
    const { stdout, status } = await runCli(['check', '-'], { input: LETTER });
    expect(stdout).toBe(
      [
        "<stdin>:3:41  suggest  Can be heard as 'you are making too much of it'.  (catastrophising)",
        CATASTROPHISING_ADVICE,
        '<stdin>:3:77  suggest  May read as saying the pain is performed; describe what you saw.  (pain-behaviours)',
        '    Say what you saw (guarding, sighing, moving slowly) and when.',
        '<stdin>:3:144  suggest  Defines the person by their pain.  (pain-patient-label)',
        '    → She has joined the Riverside people living with Pain Group.',
        '3 suggestions in 1 file',
        '',
      ].join('\n'),
    );
    expect(status).toBe(1);
  });
});
