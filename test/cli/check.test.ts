import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, fixture, runCli, tempDir } from './run-cli.ts';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

interface JsonFinding {
  entryId: string;
  replacements: { start: number; end: number; text: string }[];
  severity: string;
  start: number;
  end: number;
  line: number;
  column: number;
  match: string;
  message: string;
  suggestions: string[];
}
type JsonReport = { file: string; kind: string; findings: JsonFinding[] }[];

async function checkJson(args: string[], input?: string) {
  const result = await runCli(['check', '--format', 'json', ...args], { input });
  return { ...result, report: JSON.parse(result.stdout) as JsonReport };
}

/** The findings of the only input, from JSON output. */
async function findings(args: string[], input?: string): Promise<JsonFinding[]> {
  const { report } = await checkJson(args, input);
  expect(report).toHaveLength(1);
  return report[0]!.findings;
}

describe('check, text output', () => {
  it('prints path:line:column, severity, message and id, then a calm summary; exit 1', async () => {
    const file = tmp.write(
      'letter.txt',
      'She claims the pain started in May.\nHe is non-compliant and claims otherwise.\n',
    );
    const { stdout, stderr, status } = await runCli(['check', ...BASE, file]);
    expect(stdout).toBe(
      [
        `${file}:1:5  suggest  May read as doubting the person's account.  (fixture-claims)`,
        '    → She reports the pain started in May.',
        `${file}:2:7  warn  Places the difficulty in the person alone.  (fixture-non-compliant)`,
        '    → He has not been taking the medication and claims otherwise.',
        `${file}:2:25  suggest  May read as doubting the person's account.  (fixture-claims)`,
        '    → He is non-compliant and reports otherwise.',
        '3 suggestions in 1 file',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });

  it('says "No suggestions" and exits 0 when nothing is found', async () => {
    const file = tmp.write('clean.txt', 'She describes pain since May.\n');
    const { stdout, stderr, status } = await runCli(['check', ...BASE, file]);
    expect(stdout).toBe('No suggestions in 1 file\n');
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('summarises across files, saying how many had suggestions', async () => {
    const a = tmp.write('a.txt', 'He claims so.\n');
    const b = tmp.write('b.txt', 'Nothing to note.\n');
    const c = tmp.write('c.txt', 'She claims so. He claims so.\n');
    const { stdout, status } = await runCli(['check', ...BASE, a, b, c]);
    expect(stdout).toBe(
      [
        `${a}:1:4  suggest  May read as doubting the person's account.  (fixture-claims)`,
        '    → He reports so.',
        `${c}:1:5  suggest  May read as doubting the person's account.  (fixture-claims)`,
        '    → She reports so.',
        `${c}:1:19  suggest  May read as doubting the person's account.  (fixture-claims)`,
        '    → He reports so.',
        '3 suggestions in 2 of 3 files',
        '',
      ].join('\n'),
    );
    expect(status).toBe(1);

    const both = await runCli(['check', ...BASE, a, c]);
    expect(both.stdout.trimEnd().split('\n').at(-1)).toBe('3 suggestions in 2 files');
  });
});

describe('check, JSON output', () => {
  it('gives one { file, findings } per input with exactly the documented fields', async () => {
    const file = tmp.write('j.txt', 'Line one.\nShe claims it hurts.\n');
    const { report, stderr, status } = await checkJson([...BASE, file]);
    expect(report).toEqual([
      {
        file,
        kind: 'unsure',
        findings: [
          {
            entryId: 'fixture-claims',
            category: 'credibility',
            severity: 'suggest',
            start: 14,
            end: 20,
            line: 2,
            column: 5,
            match: 'claims',
            message: "May read as doubting the person's account.",
            suggestions: ['reports', 'says'],
            replacements: [
              { start: 14, end: 20, text: 'reports' },
              { start: 14, end: 20, text: 'says' },
            ],
          },
        ],
      },
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });

  it('lists a file with no findings as an empty array and exits 0', async () => {
    const file = tmp.write('none.txt', 'All well.\n');
    const { report, status } = await checkJson([...BASE, file]);
    expect(report).toEqual([{ file, kind: 'unsure', findings: [] }]);
    expect(status).toBe(0);
  });
});

describe('check, replacements and document kinds', () => {
  const letter = (body: string) =>
    `Dear Mrs Patel,\n\n${body}\n\nYou are welcome to call us if anything is unclear.\n\nYours sincerely,\nDr A Shah\n`;

  it('gives replacements with UTF-16 offsets into the input, wider than the match where the entry says', async () => {
    const input = '😀 He is non-compliant with his medication.\n';
    const { report } = await checkJson(['--kind', 'clinical-note'], input);
    const f = report[0]!.findings.find((x) => x.entryId === 'non-compliant')!;
    expect(f.match).toBe('non-compliant with his medication');
    expect(input.slice(f.start, f.end)).toBe(f.match);
    const [first] = f.replacements;
    expect(input.slice(first!.start, first!.end)).toBe('is non-compliant with his medication');
    expect(f.replacements).toHaveLength(f.suggestions.length);
    const applied = input.slice(0, first!.start) + first!.text + input.slice(first!.end);
    expect(applied).toBe('😀 He has not been taking his {medication} because {reason}.\n');
  });

  it('reads each file as its own kind: letter-only entries speak only in letters to the person', async () => {
    const toPerson = tmp.write('to-person.txt', letter('Your scan shows some wear and tear.'));
    const report = tmp.write(
      'report.txt',
      'FINDINGS:\nWear and tear of the knee.\n\nIMPRESSION:\nMild.\n',
    );
    const { report: out } = await checkJson([...BASE, toPerson, report]);
    expect(out.map((r) => [r.file, r.kind, r.findings.map((f) => f.entryId)])).toEqual([
      [toPerson, 'letter-to-patient', ['fixture-wear-and-tear']],
      [report, 'clinical-note', []],
    ]);
  });

  it('--kind overrides detection for every file', async () => {
    const report = tmp.write('report2.txt', 'FINDINGS:\nWear and tear of the knee.\n');
    const { report: out } = await checkJson([...BASE, '--kind', 'letter-to-patient', report]);
    expect(out[0]).toMatchObject({ kind: 'letter-to-patient' });
    expect(out[0]!.findings.map((f) => f.entryId)).toEqual(['fixture-wear-and-tear']);
  });

  it('refuses an unknown --kind in one line', async () => {
    const { stderr, status } = await runCli(['check', ...BASE, '--kind', 'letter', '-'], {
      input: 'x',
    });
    expect(stderr).toBe(
      'alongside: --kind must be "letter-to-patient" or "letter-to-gp" or "clinical-note" or "auto", not "letter"\n',
    );
    expect(status).toBe(2);
  });

  it('flags a gap left unfilled, with advice instead of a preview', async () => {
    const { stdout } = await runCli(['check', '-'], {
      input: 'He has not been taking his ramipril because {reason}.\n',
    });
    expect(stdout).toBe(
      [
        '<stdin>:1:45  warn  A gap from a suggestion is still to be filled in.  (unfilled-placeholder)',
        '    Type what the gap asks for, or take out the words around it if they do not apply.',
        '1 suggestion in 1 file',
        '',
      ].join('\n'),
    );
  });
});

describe('check, positions', () => {
  it('counts CRLF as one line break', async () => {
    const file = tmp.write('crlf.txt', 'First line.\r\nSecond line.\r\nShe claims it.\r\n');
    expect(await findings([...BASE, file])).toMatchObject([
      { line: 3, column: 5, start: 31, end: 37, match: 'claims' },
    ]);
  });

  it('ends a line at a lone CR', async () => {
    const file = tmp.write('cr.txt', 'First line.\rShe claims it.\r');
    expect(await findings([...BASE, file])).toMatchObject([{ line: 2, column: 5, start: 16 }]);
  });

  it('counts columns in UTF-16 code units, so an emoji before a match counts as two', async () => {
    const file = tmp.write('emoji.txt', '😀 She claims it.\n');
    expect(await findings([...BASE, file])).toMatchObject([
      { line: 1, column: 8, start: 7, end: 13 },
    ]);
  });

  it('drops a leading BOM before counting offsets', async () => {
    const file = tmp.write('bom.txt', '\uFEFFShe claims it.\n');
    expect(await findings([...BASE, file])).toMatchObject([
      { line: 1, column: 5, start: 4, end: 10, match: 'claims' },
    ]);
    const { stdout } = await runCli(['check', ...BASE, file]);
    expect(stdout.startsWith(`${file}:1:5  suggest  `)).toBe(true);
  });
});

describe('check, CR-only line endings', () => {
  it('a CR-only blank line ends a paragraph: a phrase does not match across it', async () => {
    const joined = await findings([...BASE, '--kind', 'clinical-note'], 'He is non-\ncompliant.\n');
    expect(joined.map((f) => f.entryId)).toEqual(['fixture-non-compliant']);
    for (const breaks of ['\r\r', '\r \r', '\r\n\r\n', '\n\n']) {
      const list = await findings(
        [...BASE, '--kind', 'clinical-note'],
        `He is non-${breaks}compliant.`,
      );
      expect(list).toEqual([]);
    }
  });

  it('places findings on the right line and column after CR-only breaks', async () => {
    const file = tmp.write('cr-lines.txt', 'One.\r\rTwo.\rShe claims it.\r\r  He claims so.');
    expect((await findings([...BASE, file])).map((f) => [f.line, f.column, f.match])).toEqual([
      [4, 5, 'claims'],
      [6, 6, 'claims'],
    ]);
  });
});

describe('check --min-severity', () => {
  const input = 'She claims so. He is non-compliant. Challenging behaviour.\n';
  const severities = async (args: string[]) =>
    (await findings([...BASE, ...args], input)).map((f) => f.severity);

  it('reports only findings at least as severe as asked', async () => {
    expect(await severities([])).toEqual(['suggest', 'warn', 'info']);
    expect(await severities(['--min-severity', 'info'])).toEqual(['suggest', 'warn', 'info']);
    expect(await severities(['--min-severity', 'suggest'])).toEqual(['suggest', 'warn']);
    expect(await severities(['--min-severity', 'warn'])).toEqual(['warn']);
  });

  it('exits 0 when nothing is left at that severity', async () => {
    const { report, status } = await checkJson(
      [...BASE, '--min-severity', 'warn'],
      'He claims so.\n',
    );
    expect(report[0]!.findings).toEqual([]);
    expect(status).toBe(0);
  });
});

describe('check, stdin', () => {
  it('reads stdin for "-" and names it <stdin>', async () => {
    const { stdout, status } = await runCli(['check', ...BASE, '-'], { input: 'He claims so.\n' });
    expect(stdout).toBe(
      "<stdin>:1:4  suggest  May read as doubting the person's account.  (fixture-claims)\n" +
        '    → He reports so.\n' +
        '1 suggestion in 1 file\n',
    );
    expect(status).toBe(1);
  });

  it('reads piped stdin when no FILE is given', async () => {
    const { report, status } = await checkJson(BASE, 'All well.\nShe claims so.\n');
    expect(report.map((r) => r.file)).toEqual(['<stdin>']);
    expect(report[0]!.findings.map((f) => [f.entryId, f.line, f.column])).toEqual([
      ['fixture-claims', 2, 5],
    ]);
    expect(status).toBe(1);
  });

  it('checks stdin among files, in the order given', async () => {
    const file = tmp.write('order.txt', 'Fine.\n');
    const { report } = await checkJson([...BASE, file, '-'], 'He claims so.\n');
    expect(report.map((r) => [r.file, r.findings.length])).toEqual([
      [file, 0],
      ['<stdin>', 1],
    ]);
  });
});

describe('check, lexicon layering', () => {
  const text = 'She claims to be a ward seven regular and is non-compliant.\n';
  const ids = (list: JsonFinding[]) => list.map((f) => f.entryId);

  it('a later lexicon adds its entries to the earlier ones', async () => {
    const list = await findings([...BASE, '--lexicon', fixture('add-entry.json')], text);
    expect(ids(list)).toEqual([
      'fixture-claims',
      'fixture-ward-seven-regular',
      'fixture-non-compliant',
    ]);
  });

  it('adds to the default lexicon when --no-default-lexicon is not given', async () => {
    const { report, status } = await checkJson(['--lexicon', fixture('add-entry.json')], text);
    const added = report[0]!.findings.filter((f) => f.entryId === 'fixture-ward-seven-regular');
    expect(added).toMatchObject([{ match: 'ward seven regular', line: 1, column: 20 }]);
    expect(status).toBe(1);
  });

  it('"disable" in a later lexicon switches an earlier entry off', async () => {
    const list = await findings([...BASE, '--lexicon', fixture('disable-claims.json')], text);
    expect(ids(list)).toEqual(['fixture-non-compliant']);
  });

  it('an entry with the same id in a later lexicon replaces the earlier one', async () => {
    const input = 'She claims so; he alleges otherwise.\n';
    const list = await findings([...BASE, '--lexicon', fixture('override-claims.json')], input);
    const message = "Our service prefers the person's own words here.";
    expect(list).toMatchObject([
      { entryId: 'fixture-claims', severity: 'info', match: 'claims', message },
      { entryId: 'fixture-claims', severity: 'info', match: 'alleges', message },
    ]);
    expect(list[0]!.suggestions).toEqual(['says']);
  });

  it('applies layers in the order given: an override after a disable brings the id back', async () => {
    const layers = ['--lexicon', fixture('disable-claims.json')];
    layers.push('--lexicon', fixture('override-claims.json'));
    const list = await findings([...BASE, ...layers], 'He alleges so.\n');
    expect(list.map((f) => [f.entryId, f.match])).toEqual([['fixture-claims', 'alleges']]);
  });
});

describe('check, a lexicon on stdin', () => {
  it('"--lexicon -" reads a layer from stdin while FILEs are checked', async () => {
    const file = tmp.write('layer.txt', 'She claims so.\n');
    const layer = JSON.stringify({
      name: 'piped',
      version: '1',
      entries: [],
      disable: ['fixture-claims'],
    });
    const { report, status } = await checkJson([...BASE, '--lexicon', '-', file], layer);
    expect(report).toEqual([{ file, kind: 'unsure', findings: [] }]);
    expect(status).toBe(0);
  });
});

describe('check --locale', () => {
  const input = 'Challenging behaviour was noted.\n';

  it('uses the base (en-GB) wording by default', async () => {
    expect(await findings(BASE, input)).toMatchObject([
      {
        entryId: 'fixture-challenging-behaviour',
        message: 'Names the behaviour, not what it is responding to.',
        suggestions: ['Distressed behaviour'],
      },
    ]);
  });

  it('en-US switches to the wording in the entry\'s "locales"', async () => {
    expect(await findings([...BASE, '--locale', 'en-US'], input)).toMatchObject([
      {
        entryId: 'fixture-challenging-behaviour',
        message: 'Names the behavior, not what it is responding to.',
        suggestions: ['Distressed behavior'],
      },
    ]);
  });
});
