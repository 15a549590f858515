import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAuditReport } from '../../components/audit/render-report.tsx';
import type { AuditReportData } from '../../components/audit/report-data.ts';
import { createProgress } from '../../cli/audit-progress.ts';
import { BASE, fixture, ROOT, runCli, tempDir } from './run-cli.ts';

const LETTERS = fixture('audit/letters');
const letter = (path: string) => `${LETTERS}/${path}`;

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

let runs = 0;
/** Runs an audit into fresh report files in the temp dir; `csv: false` asks for no CSV. */
async function audit(args: string[], options: { csv?: boolean } = {}) {
  const name = `run-${++runs}`;
  const out = join(tmp.dir, `${name}.html`);
  const csv = join(tmp.dir, `${name}.csv`);
  const result = await runCli([
    'audit',
    ...args,
    '--out',
    out,
    ...(options.csv === false ? [] : ['--csv', csv]),
  ]);
  return { ...result, out, csv };
}

function parseHtml(html: string) {
  return new new Window().DOMParser().parseFromString(html, 'text/html');
}

/** A report's tables and counts, read as a person would see them. */
function readReport(path: string) {
  const html = readFileSync(path, 'utf8');
  const doc = parseHtml(html);
  const text = (selector: string) => doc.querySelector(selector)?.textContent ?? null;
  const rows = (selector: string) =>
    [...doc.querySelectorAll(`${selector} tbody tr`)].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
  return {
    html,
    doc,
    audited: text('#letters-audited'),
    withSuggestions: text('#letters-with-suggestions'),
    suggestions: text('#suggestions'),
    unreadableCount: text('#unreadable-count'),
    headline: text('.headline'),
    byCategory: rows('#by-category'),
    byEntry: rows('#by-entry'),
    mostSuggestions: rows('#most-suggestions'),
    /** Each letter's section: its heading and how many suggestions it lists. */
    letters: [...doc.querySelectorAll('section.letter')].map((section) => [
      section.querySelector('h3')!.textContent,
      section.querySelectorAll('li.finding').length,
    ]),
    listed: (id: string) => [...doc.querySelectorAll(`#${id} li`)].map((li) => li.textContent),
  };
}

function readCsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  // A byte-order mark first, so Excel reads the file as UTF-8.
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const CSV_HEADER = [
  'file',
  'line',
  'column',
  'entryId',
  'category',
  'severity',
  'match',
  'message',
  'firstSuggestion',
  'correctedSentence',
];
const DOUBT = "May read as doubting the person's account.";
const BLAME = 'Places the difficulty in the person alone.';
const LABEL = 'Names the behaviour, not what it is responding to.';
const NOCEBO = 'May frighten the person reading it.';

describe('audit of a folder of letters', () => {
  let run: Awaited<ReturnType<typeof audit>>;
  beforeAll(async () => {
    run = await audit([...BASE, LETTERS]);
  });

  it('audits .txt, .md, .html and .docx letters in nested folders, and says so on stderr', () => {
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `alongside: 10 suggestions in 6 of 7 files; written to ${run.out} and ${run.csv}\n`,
    );
    expect(run.status).toBe(1);
  });

  it('gives exact totals by category, by entry and by letter', () => {
    const report = readReport(run.out);
    expect(report.headline).toBe('10 suggestions in 6 of 7 letters');
    expect([report.audited, report.withSuggestions, report.suggestions]).toEqual(['7', '6', '10']);
    expect(report.unreadableCount).toBeNull();
    expect(report.byCategory).toEqual([
      ['credibility', '4'],
      ['blame-adherence', '3'],
      ['labels', '2'],
      ['nocebo', '1'],
    ]);
    expect(report.byEntry).toEqual([
      ['fixture-claims', 'credibility', 'Suggestion', DOUBT, '4'],
      ['fixture-non-compliant', 'blame-adherence', 'Worth changing', BLAME, '3'],
      ['fixture-challenging-behaviour', 'labels', 'Worth a thought', LABEL, '2'],
      ['fixture-wear-and-tear', 'nocebo', 'Suggestion', NOCEBO, '1'],
    ]);
    // Most first; letters with as many stay in path order.
    expect(report.mostSuggestions).toEqual([
      [letter('clinic/2024/referral.txt'), '3'],
      [letter('ward/discharge-letter.docx'), '2'],
      [letter('ward/discharge.html'), '2'],
      [letter('clinic/OLD-NOTE.TXT'), '1'],
      [letter('clinic/summary.md'), '1'],
      [letter('hostile.txt'), '1'],
    ]);
    // Every letter with suggestions, in path order; the .rtf is not a letter the audit reads.
    expect(report.letters).toEqual([
      [letter('clinic/2024/referral.txt'), 3],
      [letter('clinic/OLD-NOTE.TXT'), 1],
      [letter('clinic/summary.md'), 1],
      [letter('hostile.txt'), 1],
      [letter('ward/discharge-letter.docx'), 2],
      [letter('ward/discharge.html'), 2],
    ]);
    expect(report.listed('no-suggestions')).toEqual([letter('ward/clean.txt')]);
    expect(report.html).not.toContain('scan-request.rtf');
  });

  it('shows each suggestion in its sentence, and the sentence as the first suggestion leaves it', () => {
    const { doc } = readReport(run.out);
    const section = [...doc.querySelectorAll('section.letter')].find(
      (s) => s.querySelector('h3')!.textContent === letter('ward/discharge-letter.docx'),
    )!;
    const [wear] = [...section.querySelectorAll('li.finding')];
    expect([...wear!.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Line 5, column 17 · Suggestion · nocebo · fixture-wear-and-tear',
      NOCEBO,
      'As written: Your scan shows wear and tear in your lower back.',
      'With “normal age-related changes”: Your scan shows normal age-related changes in your lower back.',
    ]);
    expect(wear!.querySelector('mark')!.textContent).toBe('wear and tear');
    expect(wear!.querySelector('ins')!.textContent).toBe('normal age-related changes');
    expect(section.querySelector('.muted')!.textContent).toBe(
      '2 suggestions · read as a letter to the patient',
    );
  });

  it('writes one CSV row per suggestion, as many as the report counts', () => {
    const [header, ...rows] = readCsv(run.csv);
    expect(header).toEqual(CSV_HEADER);
    expect(rows).toEqual([
      [
        letter('clinic/2024/referral.txt'),
        '5',
        '4',
        'fixture-claims',
        'credibility',
        'suggest',
        'claims',
        DOUBT,
        'reports',
        'He reports the pain started in May.',
      ],
      [
        letter('clinic/2024/referral.txt'),
        '5',
        '42',
        'fixture-non-compliant',
        'blame-adherence',
        'warn',
        'non-compliant',
        BLAME,
        'has not been taking the medication',
        'He has not been taking the medication and claims otherwise.',
      ],
      [
        letter('clinic/2024/referral.txt'),
        '5',
        '60',
        'fixture-claims',
        'credibility',
        'suggest',
        'claims',
        DOUBT,
        'reports',
        'He is non-compliant and reports otherwise.',
      ],
      [
        letter('clinic/OLD-NOTE.TXT'),
        '1',
        '1',
        'fixture-challenging-behaviour',
        'labels',
        'info',
        'Challenging behaviour',
        LABEL,
        'Distressed behaviour',
        'Distressed behaviour noted on the ward.',
      ],
      [
        letter('clinic/summary.md'),
        '3',
        '7',
        'fixture-claims',
        'credibility',
        'suggest',
        'claims',
        DOUBT,
        'reports',
        'She **reports** the tablets do not help.',
      ],
      [
        letter('hostile.txt'),
        '1',
        '5',
        'fixture-claims',
        'credibility',
        'suggest',
        'claims',
        DOUBT,
        'reports',
        'She reports <img src=x onerror=alert(1)> and <script>alert(1)</script> hurt; see javascript:alert(1).',
      ],
      [
        letter('ward/discharge-letter.docx'),
        '5',
        '17',
        'fixture-wear-and-tear',
        'nocebo',
        'suggest',
        'wear and tear',
        NOCEBO,
        'normal age-related changes',
        'Your scan shows normal age-related changes in your lower back.',
      ],
      [
        letter('ward/discharge-letter.docx'),
        '7',
        '28',
        'fixture-non-compliant',
        'blame-adherence',
        'warn',
        'non-compliant',
        BLAME,
        'not taking the medication',
        'The referral said you were not taking the medication; we know that is not the whole story.',
      ],
      [
        letter('ward/discharge.html'),
        '3',
        '1',
        'fixture-challenging-behaviour',
        'labels',
        'info',
        'Challenging behaviour',
        LABEL,
        'Distressed behaviour',
        'Distressed behaviour was noted on admission.',
      ],
      [
        letter('ward/discharge.html'),
        '5',
        '8',
        'fixture-non-compliant',
        'blame-adherence',
        'warn',
        'non-compliant',
        BLAME,
        'had not been taking the medication',
        'He had not been taking the medication with the plan, as the ward plan describes.',
      ],
    ]);
    // The report's totals are these rows, counted.
    const report = readReport(run.out);
    const counted = new Map<string, number>();
    for (const row of rows) counted.set(row[4]!, (counted.get(row[4]!) ?? 0) + 1);
    expect(report.byCategory).toEqual([...counted].map(([c, n]) => [c, String(n)]));
    expect(report.suggestions).toBe(String(rows.length));
    const entrySum = report.byEntry.reduce((sum, row) => sum + Number(row.at(-1)), 0);
    expect(entrySum).toBe(rows.length);
  });

  it('shows a hostile letter as text: no script, no image, nothing loaded from outside', () => {
    const { html, doc } = readReport(run.out);
    const section = [...doc.querySelectorAll('section.letter')].find(
      (s) => s.querySelector('h3')!.textContent === letter('hostile.txt'),
    )!;
    expect(section.querySelector('.sentence')!.textContent).toBe(
      'As written: She claims <img src=x onerror=alert(1)> and <script>alert(1)</script> hurt; see javascript:alert(1).',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]*\s(src|srcset)=/i);
    expect(doc.querySelectorAll('script, img, iframe, link, object, embed, [src]').length).toBe(0);
    // Links only to the report's own sections.
    const hrefs = [...doc.querySelectorAll('[href]')].map((a) => a.getAttribute('href'));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => !/^#letter-\d+$/.test(href!))).toEqual([]);
    // A script's words in a web page are never letter text.
    expect(html).not.toContain('she claims');
  });

  it('keeps its styles inline and whole, with a policy that lets the page load nothing', () => {
    const { doc } = readReport(run.out);
    const style = doc.querySelector('style')!.textContent;
    expect(style).toContain('.flag-warn { text-decoration: underline solid');
    expect(style).not.toMatch(/&|"|</);
    expect(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content'),
    ).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });

  it('never calls them errors or violations', () => {
    const { doc } = readReport(run.out);
    // Whole words: the hostile letter's "onerror" is the letter's, not the report's.
    expect(doc.body.textContent).not.toMatch(/\berrors?\b|\bviolations?\b/i);
  });
});

describe('audit: what it reads and what it passes over', () => {
  it('passes over hidden folders, node_modules and other files, follows links only inside DIR', async () => {
    const dir = join(tmp.dir, 'passing-over');
    for (const sub of ['.hidden', 'node_modules/pkg', 'inner']) {
      mkdirSync(join(dir, sub), { recursive: true });
    }
    const outside = join(tmp.dir, 'outside');
    mkdirSync(outside);
    tmp.write('outside/letter.txt', 'She claims it hurts.\n');
    tmp.write('passing-over/inner/letter.txt', 'She claims it hurts.\n');
    tmp.write('passing-over/.hidden/letter.txt', 'She claims it hurts.\n');
    tmp.write('passing-over/.dotfile.txt', 'She claims it hurts.\n');
    tmp.write('passing-over/node_modules/pkg/readme.md', 'She claims it hurts.\n');
    tmp.write('passing-over/notes.pdf', 'She claims it hurts.\n');
    symlinkSync(join(outside, 'letter.txt'), join(dir, 'link-out.txt'));
    symlinkSync(outside, join(dir, 'folder-out'));
    // Inside DIR: the letter it leads to is audited once, where it really is.
    symlinkSync(join(dir, 'inner', 'letter.txt'), join(dir, 'link-in.txt'));
    symlinkSync(join(dir, 'inner'), join(dir, 'inner-again'));

    const { stderr, status, out, csv } = await audit([...BASE, dir]);
    expect(stderr).toBe(
      [
        `alongside: ${dir}/folder-out: is a link to somewhere outside the folder; not audited`,
        `alongside: ${dir}/link-out.txt: is a link to somewhere outside the folder; not audited`,
        `alongside: 1 suggestion in 1 file; written to ${out} and ${csv}`,
        '',
      ].join('\n'),
    );
    expect(status).toBe(1);
    const report = readReport(out);
    expect(report.letters).toEqual([[`${dir}/inner/letter.txt`, 1]]);
    expect(report.listed('not-audited')).toEqual([
      `${dir}/folder-out: is a link to somewhere outside the folder; not audited`,
      `${dir}/link-out.txt: is a link to somewhere outside the folder; not audited`,
    ]);
  });

  it('reports a corrupt .docx and an unreadable text with exit 2, and audits the rest', async () => {
    const dir = join(tmp.dir, 'some-unreadable');
    mkdirSync(dir);
    tmp.write('some-unreadable/a-letter.txt', 'She claims it hurts.\n');
    tmp.write('some-unreadable/broken.docx', 'PK\u0003\u0004 this is not really a Word file');
    tmp.write('some-unreadable/latin1.txt', Buffer.from('Caf\xe9 claims\n', 'latin1'));
    tmp.write('some-unreadable/z-letter.txt', 'He claims so.\n');

    const { stderr, status, out, csv } = await audit([...BASE, dir]);
    const docxLine = `${dir}/broken.docx: could not be read as a Word document (.docx); it may be damaged or another kind of file, so open it in Word and save it again`;
    const latinLine = `${dir}/latin1.txt: is not valid UTF-8 text (first bad byte on line 1); save it as UTF-8 and try again`;
    expect(stderr).toBe(
      [
        `alongside: ${docxLine}`,
        `alongside: ${latinLine}`,
        `alongside: 2 suggestions in 2 files; 2 files could not be read; written to ${out} and ${csv}`,
        '',
      ].join('\n'),
    );
    expect(status).toBe(2);
    const report = readReport(out);
    expect([report.audited, report.suggestions, report.unreadableCount]).toEqual(['2', '2', '2']);
    expect(report.listed('unreadable')).toEqual([docxLine, latinLine]);
    expect(report.letters).toEqual([
      [`${dir}/a-letter.txt`, 1],
      [`${dir}/z-letter.txt`, 1],
    ]);
    expect(readCsv(csv)).toHaveLength(3);
  });

  it('does not audit its own report, or an earlier one, kept inside DIR', async () => {
    const dir = join(tmp.dir, 'report-inside');
    mkdirSync(dir);
    tmp.write('report-inside/letter.txt', 'She claims it hurts.\n');
    const out = join(dir, 'report.html');
    const first = await runCli(['audit', ...BASE, dir, '--out', out]);
    expect(first.status).toBe(1);
    const again = await runCli(['audit', ...BASE, dir, '--out', out]);
    expect(again.stderr).toBe(`alongside: 1 suggestion in 1 file; written to ${out}\n`);
    expect(readReport(out).audited).toBe('1');
    // Last month's report beside this month's: it quotes the letters, so it is passed over.
    const next = join(dir, 'next.html');
    const later = await runCli(['audit', ...BASE, dir, '--out', next]);
    expect(later.stderr).toBe(
      [
        `alongside: ${out}: is the report of an earlier audit; not audited`,
        `alongside: 1 suggestion in 1 file; written to ${next}`,
        '',
      ].join('\n'),
    );
    expect(later.status).toBe(1);
    expect(readReport(next).listed('not-audited')).toEqual([
      `${out}: is the report of an earlier audit; not audited`,
    ]);
  });

  it('uses --locale and --kind as check does', async () => {
    const dir = join(tmp.dir, 'options');
    mkdirSync(dir);
    tmp.write('options/note.txt', 'Challenging behaviour. The scan shows wear and tear.\n');
    const detected = await audit([...BASE, dir]);
    expect(readCsv(detected.csv).map((row) => row[3])).toEqual([
      'entryId',
      'fixture-challenging-behaviour',
    ]);
    const chosen = await audit([...BASE, '--locale', 'en-US', '--kind', 'letter-to-patient', dir]);
    expect(readCsv(chosen.csv).map((row) => [row[3], row[7], row[8]])).toEqual([
      ['entryId', 'message', 'firstSuggestion'],
      [
        'fixture-challenging-behaviour',
        'Names the behavior, not what it is responding to.',
        'Distressed behavior',
      ],
      ['fixture-wear-and-tear', NOCEBO, 'normal age-related changes'],
    ]);
    expect(readReport(chosen.out).letters).toEqual([[`${dir}/note.txt`, 2]]);
  });

  it('exits 0 with a calm report when nothing is found', async () => {
    const dir = join(tmp.dir, 'clean');
    mkdirSync(dir);
    tmp.write('clean/letter.md', 'She describes pain since May.\n');
    const { stderr, status, out } = await audit([...BASE, dir], { csv: false });
    expect(stderr).toBe(`alongside: No suggestions in 1 file; written to ${out}\n`);
    expect(status).toBe(0);
    const report = readReport(out);
    expect(report.headline).toBe('No suggestions in 1 letter');
    expect(report.byCategory).toEqual([]);
    expect(report.listed('no-suggestions')).toEqual([`${dir}/letter.md`]);
  });

  it('writes alongside-audit.html in the current directory when not told where', async () => {
    const dir = join(tmp.dir, 'default-out');
    mkdirSync(dir);
    tmp.write('default-out/letter.txt', 'She claims it hurts.\n');
    const { stderr, status } = await new Promise<{ stderr: string; status: number }>((done) => {
      // runCli always runs in the checkout; this run needs its own working directory.
      execFile(
        process.execPath,
        [join(ROOT, 'bin', 'alongside.mjs'), 'audit', ...BASE.map(absolute), '.'],
        { cwd: dir },
        (error, _stdout, stderr) => done({ stderr, status: error ? Number(error.code) : 0 }),
      );
    });
    expect(stderr).toBe('alongside: 1 suggestion in 1 file; written to alongside-audit.html\n');
    expect(status).toBe(1);
    expect(readReport(join(dir, 'alongside-audit.html')).letters).toEqual([['letter.txt', 1]]);
  });
});

/** A fixture path made absolute, for a run outside the checkout. */
const absolute = (arg: string) => (arg.startsWith('test/') ? join(ROOT, arg) : arg);

describe('audit: CSV cells a spreadsheet would run', () => {
  it("starts each formula-looking cell with ' so it is shown as text", async () => {
    const dir = join(tmp.dir, 'formulae');
    mkdirSync(dir);
    tmp.write(
      'formulae/letter.txt',
      '@SUM(A1) She claims it.\n=1+2 He claims it.\n+44 She claims it.\n- He claims it.\n',
    );
    const lexicon = tmp.write(
      'formula-lexicon.json',
      JSON.stringify({
        name: 'Formulae',
        version: '1',
        entries: [
          {
            id: 'formula-claims',
            category: 'credibility',
            severity: 'suggest',
            phrases: ['claims'],
            message: '=HYPERLINK("https://example.org","open")',
            why: 'A test entry whose words look like spreadsheet formulae.',
            sources: [{ citation: 'CLI test fixture', year: 2024 }],
            alternatives: ['reports'],
            examples: {
              flag: [{ text: 'She claims it hurts.', corrections: ['She reports it hurts.'] }],
              pass: ['She reports pain.'],
            },
          },
        ],
      }),
    );
    const { status, csv } = await audit(['--no-default-lexicon', '--lexicon', lexicon, dir]);
    expect(status).toBe(1);
    const rows = readCsv(csv).slice(1);
    const message = `'=HYPERLINK("https://example.org","open")`;
    expect(rows.map((row) => [row[1], row[7], row[9]])).toEqual([
      ['1', message, "'@SUM(A1) She reports it."],
      ['2', message, "'=1+2 He reports it."],
      ['3', message, "'+44 She reports it."],
      ['4', message, "'- He reports it."],
    ]);
    // Cells that only hold such a character further in are left as they are.
    expect(rows.map((row) => row[3])).toEqual(Array(4).fill('formula-claims'));
  });
});

describe('audit: a hostile lexicon', () => {
  it('shows its words as text, and makes a link only of an https:// source', async () => {
    const dir = join(tmp.dir, 'hostile-lexicon');
    mkdirSync(dir);
    tmp.write('hostile-lexicon/letter.txt', 'She claims it hurts.\n');
    const hostile = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    const lexicon = tmp.write(
      'hostile-lexicon.json',
      JSON.stringify({
        name: hostile,
        version: '1',
        entries: [
          {
            id: 'hostile-claims',
            category: 'credibility',
            severity: 'warn',
            phrases: ['claims'],
            message: `Message ${hostile}`,
            why: `Why ${hostile}`,
            sources: [
              { citation: `Citation ${hostile}`, year: 2024, url: 'https://example.org/a?b=1&c=2' },
            ],
            alternatives: ['reports'],
            examples: {
              flag: [{ text: 'She claims it hurts.', corrections: ['She reports it hurts.'] }],
              pass: ['She reports pain.'],
            },
          },
        ],
      }),
    );
    const { status, out } = await audit(['--no-default-lexicon', '--lexicon', lexicon, dir]);
    expect(status).toBe(1);
    const { html, doc, byCategory } = readReport(out);
    expect(html).not.toMatch(/<script|<img/i);
    expect(byCategory).toEqual([['credibility', '1']]);
    expect(doc.querySelector('.message')!.textContent).toBe(`Message ${hostile}`);
    expect(doc.querySelector('footer')!.textContent).toContain(`with ${hostile} 1;`);
    const link = doc.querySelector('details a')!;
    expect(link.getAttribute('href')).toBe('https://example.org/a?b=1&c=2');
    expect(link.parentElement!.textContent).toBe(
      `Citation ${hostile} (2024) https://example.org/a?b=1&c=2`,
    );
  });

  it('never makes a link of a javascript: or other non-https source', () => {
    const data: AuditReportData = {
      folder: 'letters',
      date: '2026-01-01',
      version: '0.0.0',
      lexicons: [],
      locale: 'en-GB',
      kind: 'auto',
      unreadable: [],
      passedOver: [],
      letters: [
        {
          file: 'letters/a.txt',
          kind: 'unsure',
          findings: [
            {
              line: 1,
              column: 5,
              entryId: 'claims',
              category: 'credibility',
              severity: 'suggest',
              message: 'May read as doubting.',
              match: 'claims',
              suggestions: ['reports'],
              flagged: { before: 'She ', marked: 'claims', after: ' it.' },
              corrected: { before: 'She ', marked: 'reports', after: ' it.' },
              sources: [
                { citation: 'Script', year: 2024, url: 'javascript:alert(1)' },
                { citation: 'Plain web', year: 2024, url: 'http://example.org' },
                { citation: 'Data', year: 2024, url: 'data:text/html,<script>alert(1)</script>' },
              ],
            },
          ],
        },
      ],
    };
    const doc = parseHtml(renderAuditReport(data));
    expect([...doc.querySelectorAll('details li')].map((li) => li.textContent)).toEqual([
      'Script (2024) javascript:alert(1)',
      'Plain web (2024) http://example.org',
      'Data (2024) data:text/html,<script>alert(1)</script>',
    ]);
    expect(doc.querySelectorAll('details a').length).toBe(0);
  });
});

describe('audit: usage problems', () => {
  const usage = async (args: string[], message: string) => {
    const run = await runCli(['audit', ...args]);
    expect({ stderr: run.stderr, status: run.status, stdout: run.stdout }).toEqual({
      stderr: `alongside: ${message}\n`,
      status: 2,
      stdout: '',
    });
  };

  it('refuses a missing, doubled or wrong DIR, with one line and nothing written', async () => {
    const out = join(tmp.dir, 'never.html');
    await usage([], 'audit needs a folder of letters: alongside audit DIR');
    await usage(
      [LETTERS, 'more'],
      `audit takes one folder, but was also given "more"; put the letters in one folder, or run it once for each`,
    );
    await usage(['no/such/folder', '--out', out], 'no/such/folder: no such folder');
    await usage(
      [letter('hostile.txt'), '--out', out],
      `${letter('hostile.txt')}: is a file, not a folder; to check one letter, use alongside check ${letter('hostile.txt')}`,
    );
    const empty = join(tmp.dir, 'empty');
    mkdirSync(join(empty, '.hidden'), { recursive: true });
    tmp.write('empty/.hidden/letter.txt', 'She claims it.\n');
    await usage(
      [...BASE, empty, '--out', out],
      `${empty}: no letters to audit (.txt, .md, .html, .htm, .docx files, outside hidden folders and node_modules)`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses bad options before reading a letter', async () => {
    const out = join(tmp.dir, 'never.html');
    await usage(
      [LETTERS, '--kind', 'memo'],
      '--kind must be "letter-to-patient" or "letter-to-gp" or "clinical-note" or "auto", not "memo"',
    );
    await usage(
      [LETTERS, '--no-default-lexicon'],
      '--no-default-lexicon needs at least one --lexicon FILE, or there is nothing to check against',
    );
    await usage(
      [LETTERS, '--out', join(tmp.dir, 'no-such', 'r.html')],
      `--out ${join(tmp.dir, 'no-such', 'r.html')}: the folder ${join(tmp.dir, 'no-such')} does not exist`,
    );
    await usage(
      [LETTERS, '--out', tmp.dir],
      `--out ${tmp.dir}: is a folder; give a file name inside it instead`,
    );
    await usage(
      [LETTERS, '--out', out, '--csv', out],
      `--out and --csv are the same file (${out}); give two names`,
    );
    await usage(
      [LETTERS, '--format', 'json'],
      'unknown option "--format"; see alongside audit --help',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('loads and validates --lexicon layers exactly as check does', async () => {
    const out = join(tmp.dir, 'never.html');
    const bad = ['--lexicon', fixture('wrong-type.json')];
    const checked = await runCli(['check', ...bad, letter('hostile.txt')]);
    const audited = await runCli(['audit', ...bad, LETTERS, '--out', out]);
    expect(checked.status).toBe(2);
    expect(audited.stderr).toBe(checked.stderr);
    expect(audited.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('audit: help and bundles', () => {
  it('alongside audit --help describes every option', async () => {
    const { stdout, status } = await runCli(['audit', '--help']);
    expect(stdout).toMatch(/^Usage: alongside audit \[options\] DIR\n/);
    for (const option of [
      '--out',
      '--csv',
      '--lexicon',
      '--no-default-lexicon',
      '--locale',
      '--kind',
    ]) {
      expect(stdout).toContain(option);
    }
    expect(status).toBe(0);
    expect((await runCli(['help', 'audit'])).stdout).toBe(stdout);
    expect((await runCli(['--help'])).stdout).toContain('audit DIR');
  });

  it('keeps mammoth, html-to-text and Preact out of the bundle check runs', async () => {
    // Any run rebuilds a stale bundle first, so both files are what the sources say.
    expect((await runCli(['--version'])).status).toBe(0);
    const main = readFileSync(join(ROOT, 'dist', 'alongside.cjs'), 'utf8');
    const auditBundle = readFileSync(join(ROOT, 'dist', 'audit.cjs'), 'utf8');
    for (const library of ['mammoth', 'html-to-text', 'preact-render-to-string', 'preact']) {
      expect(main).not.toContain(`// node_modules/${library}/`);
      expect(auditBundle).toContain(`// node_modules/${library}/`);
    }
  });
});

describe('audit progress', () => {
  const recorder = (isTTY: boolean) => {
    const written: string[] = [];
    return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
  };

  it('redraws one line on a terminal, at most four times a second', () => {
    let now = 0;
    const { stream, written } = recorder(true);
    const progress = createProgress(4000, stream, () => now);
    progress.update(1);
    now = 100;
    progress.update(2);
    now = 250;
    progress.update(120);
    progress.clear();
    expect(written).toEqual([
      '\r\x1b[Kalongside: checked 1 of 4,000 letters',
      '\r\x1b[Kalongside: checked 120 of 4,000 letters',
      '\r\x1b[K',
    ]);
  });

  it('writes lines to a log only once the run passes a second, and then every two seconds', () => {
    let now = 0;
    const { stream, written } = recorder(false);
    const progress = createProgress(4000, stream, () => now);
    for (const [time, done] of [
      [500, 10],
      [1000, 20],
      [2000, 40],
      [3000, 60],
      [3100, 62],
    ] as const) {
      now = time;
      progress.update(done);
    }
    progress.clear();
    expect(written).toEqual([
      'alongside: checked 20 of 4,000 letters\n',
      'alongside: checked 60 of 4,000 letters\n',
    ]);
  });
});

describe('audit: whole-letter reflections', () => {
  let run: Awaited<ReturnType<typeof audit>>;
  let dir: string;
  beforeAll(async () => {
    dir = join(tmp.dir, 'reflected');
    mkdirSync(dir);
    const kit = tmp.write(
      'reflect-kit.json',
      JSON.stringify({
        name: 'Audit reflections kit',
        version: '1.0.0',
        entries: [],
        prompts: {
          reflections: [
            {
              id: 'way-back-in',
              message: 'No way back in is given.',
              why: 'A person may read it as a door closing.',
              kinds: ['letter-to-patient'],
              cues: { routes: ['contact us'] },
              sources: [{ citation: 'Audit test source', year: 2024 }],
            },
            {
              id: 'flag-summary',
              message: 'Flags: {count} ({categories}).',
              why: 'A count by kind.',
              kinds: ['letter-to-patient'],
            },
          ],
        },
      }),
    );
    const body =
      'You told me the pain started in May, and we agreed to try the exercises we went through together in clinic today.';
    tmp.write('reflected/a-flagged.txt', `${body} She claims it is worse at night.\n`);
    tmp.write('reflected/b-routed.txt', `${body} If anything changes, please contact us.\n`);
    tmp.write('reflected/c-closed.txt', `${body}\n`);
    run = await audit([...BASE, '--lexicon', kit, '--kind', 'letter-to-patient', dir], {
      csv: false,
    });
  });

  it('counts each reflection over the letters, beside the suggestions', () => {
    expect(run.stderr).toBe(`alongside: 1 suggestion in 1 of 3 files; written to ${run.out}\n`);
    expect(run.status).toBe(1);
    const report = readReport(run.out);
    expect(report.doc.querySelector('#reflections-count')!.textContent).toBe('3');
    const rows = [...report.doc.querySelectorAll('#by-reflection tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['way-back-in', 'No way back in is mentioned', '2'],
      ['flag-summary', 'Flags by category', '1'],
    ]);
  });

  it("lists each letter's reflections in its section, with why each matters", () => {
    const report = readReport(run.out);
    // A letter with a reflection and no suggestion still gets its section.
    expect(report.letters).toEqual([
      [`${dir}/a-flagged.txt`, 1],
      [`${dir}/c-closed.txt`, 0],
    ]);
    const sections = [...report.doc.querySelectorAll('section.letter')];
    expect(
      sections.map((s) => [
        s.querySelector('.muted')!.textContent,
        [...s.querySelectorAll('li.reflection')].map((li) => [
          li.querySelector('.message')!.textContent,
          li.querySelector('details p')!.textContent,
          [...li.querySelectorAll('details li')].map((source) => source.textContent),
        ]),
      ]),
    ).toEqual([
      [
        '1 suggestion · 2 reflections · read as a letter to the patient',
        [
          [
            'No way back in is given. way-back-in',
            'A person may read it as a door closing.',
            ['Audit test source (2024)'],
          ],
          ['Flags: 1 (credibility 1). flag-summary', 'A count by kind.', []],
        ],
      ],
      [
        '0 suggestions · 1 reflection · read as a letter to the patient',
        [
          [
            'No way back in is given. way-back-in',
            'A person may read it as a door closing.',
            ['Audit test source (2024)'],
          ],
        ],
      ],
    ]);
    // The letters with nothing to suggest are still listed as such.
    expect(report.listed('no-suggestions')).toEqual([`${dir}/b-routed.txt`, `${dir}/c-closed.txt`]);
  });

  it('shows no reflections where the kit in force has none', async () => {
    const plain = await audit([...BASE, dir], { csv: false });
    const report = readReport(plain.out);
    expect(report.doc.querySelector('#reflections')).toBeNull();
    expect(report.doc.querySelector('#reflections-count')).toBeNull();
    expect(report.doc.querySelectorAll('li.reflection').length).toBe(0);
  });
});
