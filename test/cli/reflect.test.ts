import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, runCli, tempDir } from './run-cli.ts';

let tmp: ReturnType<typeof tempDir>;
/** BASE and a layer that only brings a prompt kit: two reflections with cue words of its own. */
let KIT: string[];
let files: { a: string; b: string; c: string };

beforeAll(() => {
  tmp = tempDir();
  const kit = tmp.write(
    'kit.json',
    JSON.stringify({
      name: 'Reflections test kit',
      version: '1.0.0',
      entries: [],
      prompts: {
        reflections: [
          {
            id: 'way-back-in',
            message: 'No way back in is given.',
            why: 'Fixture for the CLI tests.',
            kinds: ['letter-to-patient', 'letter-to-gp'],
            cues: { routes: ['contact us'] },
          },
          {
            id: 'flag-summary',
            message: 'Flags: {count} ({categories}).',
            why: 'Fixture for the CLI tests.',
            kinds: ['letter-to-patient', 'letter-to-gp', 'clinical-note'],
            locales: { 'en-US': { message: 'Flags in all: {count}.' } },
          },
        ],
      },
    }),
  );
  KIT = [...BASE, '--lexicon', kit];
  const body =
    'You told me the pain started in May, and we agreed to try the exercises we went through together in clinic today.';
  files = {
    // A finding, and no way back in.
    a: tmp.write('a.txt', `${body} She claims it is worse at night.\n`),
    // Nothing to suggest or reflect on.
    b: tmp.write('b.txt', `${body} If anything changes, please contact us.\n`),
    // No finding, but no way back in.
    c: tmp.write('c.txt', `${body}\n`),
  };
});
afterAll(() => tmp.remove());

const PATIENT = ['--kind', 'letter-to-patient'];

describe('check --reflect, text output', () => {
  it('adds a short block after each file with reflections; the exit code is as without', async () => {
    const { a, b, c } = files;
    const { stdout, stderr, status } = await runCli([
      'check',
      '--reflect',
      ...KIT,
      ...PATIENT,
      a,
      b,
      c,
    ]);
    expect(stdout).toBe(
      [
        `${a}:1:119  suggest  May read as doubting the person's account.  (fixture-claims)`,
        '    → She reports it is worse at night.',
        `${a}: reflections`,
        '    No way back in is given.  (way-back-in)',
        '    Flags: 1 (credibility 1).  (flag-summary)',
        `${c}: reflections`,
        '    No way back in is given.  (way-back-in)',
        '1 suggestion in 1 of 3 files',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe('');
    expect(status).toBe(1);
    // A reflection alone never makes the exit code 1.
    expect((await runCli(['check', '--reflect', ...KIT, ...PATIENT, c])).status).toBe(0);
  });

  it('gives no reflections without --reflect, nor for kinds they do not fit', async () => {
    const { a, c } = files;
    const plain = await runCli(['check', ...KIT, ...PATIENT, a, c]);
    expect(plain.stdout).not.toContain('reflections');
    const note = await runCli(['check', '--reflect', ...KIT, '--kind', 'clinical-note', a, c]);
    expect(note.stdout).toBe(
      [
        `${a}:1:119  suggest  May read as doubting the person's account.  (fixture-claims)`,
        '    → She reports it is worse at night.',
        `${a}: reflections`,
        '    Flags: 1 (credibility 1).  (flag-summary)',
        '1 suggestion in 1 of 2 files',
        '',
      ].join('\n'),
    );
  });

  it('reflects on stdin too, in the locale asked for', async () => {
    const text = `${'You came to clinic today and we talked about your knee and what may help it. '.repeat(2)}She claims it hurts.`;
    const { stdout, status } = await runCli(
      ['check', '--reflect', '--locale', 'en-US', ...KIT, ...PATIENT, '-'],
      { input: text },
    );
    expect(stdout.split('\n').slice(2)).toEqual([
      '<stdin>: reflections',
      '    No way back in is given.  (way-back-in)',
      '    Flags in all: 1.  (flag-summary)',
      '1 suggestion in 1 file',
      '',
    ]);
    expect(status).toBe(1);
  });

  it('uses the default lexicon’s reflections when no layer replaces them', async () => {
    const letter = tmp.write(
      'to-gp.txt',
      [
        'Dear Dr Khan,',
        '',
        'Thank you for asking me to see Mr Ellis about his low back pain. He lives with his wife and',
        'works as a delivery driver, which he has found hard since the pain began. Examination was',
        'reassuring and we agreed a plan of graded activity with our physiotherapists.',
        '',
        'Yours sincerely,',
        '',
      ].join('\n'),
    );
    const { stdout, status } = await runCli(['check', '--reflect', letter]);
    expect(stdout).toBe(
      [
        `${letter}: reflections`,
        '    This letter does not say how to get back in touch if things change: who to contact and how, or how the person or their GP can refer back.  (way-back-in)',
        'No suggestions in 1 file',
        '',
      ].join('\n'),
    );
    expect(status).toBe(0);
  });
});

describe('check --reflect, JSON output', () => {
  it('gives each file reflections: [{ id, message }] after its findings', async () => {
    const { a, b, c } = files;
    const { stdout, status } = await runCli([
      'check',
      '--reflect',
      '--format',
      'json',
      ...KIT,
      ...PATIENT,
      a,
      b,
      c,
    ]);
    const report = JSON.parse(stdout) as {
      file: string;
      kind: string;
      findings: { entryId: string }[];
      reflections: unknown[];
    }[];
    expect(report.map((f) => Object.keys(f))).toEqual([
      ['file', 'kind', 'findings', 'reflections'],
      ['file', 'kind', 'findings', 'reflections'],
      ['file', 'kind', 'findings', 'reflections'],
    ]);
    expect(report.map((f) => [f.file, f.findings.map((x) => x.entryId), f.reflections])).toEqual([
      [
        a,
        ['fixture-claims'],
        [
          { id: 'way-back-in', message: 'No way back in is given.' },
          { id: 'flag-summary', message: 'Flags: 1 (credibility 1).' },
        ],
      ],
      [b, [], []],
      [c, [], [{ id: 'way-back-in', message: 'No way back in is given.' }]],
    ]);
    expect(status).toBe(1);
  });

  it('leaves the field out without --reflect, and gives [] where the kit has no reflections', async () => {
    const { a } = files;
    const plain = JSON.parse(
      (await runCli(['check', '--format', 'json', ...KIT, a])).stdout,
    ) as object[];
    expect(Object.keys(plain[0]!)).toEqual(['file', 'kind', 'findings']);
    const none = JSON.parse(
      (await runCli(['check', '--reflect', '--format', 'json', ...BASE, ...PATIENT, a])).stdout,
    ) as { reflections: unknown[] }[];
    expect(none.map((f) => f.reflections)).toEqual([[]]);
  });
});

describe('check --help', () => {
  it('describes --reflect', async () => {
    const { stdout } = await runCli(['check', '--help']);
    expect(stdout).toContain(
      "  --reflect                  Also give the whole-letter reflections that fit each file's kind:",
    );
    expect(stdout).toContain(
      'With --reflect, each file also has\n"reflections": [{ id, message }].',
    );
  });
});
