import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './run-cli.ts';

describe('lexicon validate', () => {
  it('prints "FILE: ok (N entries)" per valid file and exits 0', async () => {
    const base = fixture('base.json');
    const added = fixture('add-entry.json');
    const { stdout, stderr, status } = await runCli(['lexicon', 'validate', base, added]);
    expect(stdout).toBe(`${base}: ok (4 entries)\n${added}: ok (1 entry)\n`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('reports each error of an invalid file on stderr, exits 2, and prints nothing on stdout', async () => {
    const base = fixture('base.json');
    const bad = fixture('wrong-type.json');
    const { stdout, stderr, status } = await runCli(['lexicon', 'validate', base, bad]);
    expect(stderr).toBe(
      `alongside: ${bad}: entries[0].alternatives: expected an array of alternatives\n`,
    );
    expect(stdout).toBe('');
    expect(status).toBe(2);
  });

  it('runs each example through the engine and names the sentence an alternative really leaves', async () => {
    const entry = {
      id: 'ours-regular',
      category: 'labels',
      severity: 'suggest',
      phrases: ['ward seven regular'],
      message: 'Local shorthand.',
      why: 'A label for a person who comes often, not their need.',
      sources: [{ citation: 'Our service guide', year: 2025 }],
      alternatives: ['has come to us often'],
      examples: {
        flag: [{ text: 'He is a ward seven regular.', corrections: ['He has come to us often.'] }],
        pass: ['He is on ward seven.'],
      },
    };
    const input = JSON.stringify({ name: 'ours', version: '1', entries: [entry] });
    const { stdout, stderr, status } = await runCli(['lexicon', 'validate', '-'], { input });
    expect(stderr).toBe(
      'alongside: <stdin>: entries[0].examples.flag[0].corrections[0]: alternative 1 leaves "He is a has come to us often.", not "He has come to us often."\n',
    );
    expect(stdout).toBe('');
    expect(status).toBe(2);
  });

  it('reads a lexicon from stdin for "-", naming it <stdin>', async () => {
    const { stdout, status } = await runCli(['lexicon', 'validate', '-'], {
      input: '{ "name": "piped", "version": "1", "entries": [] }',
    });
    expect(stdout).toBe('<stdin>: ok (0 entries)\n');
    expect(status).toBe(0);
  });

  it('needs at least one file', async () => {
    const { stdout, stderr, status } = await runCli(['lexicon', 'validate']);
    expect(stderr).toBe(
      'alongside: lexicon validate needs at least one FILE; see alongside lexicon --help\n',
    );
    expect(stdout).toBe('');
    expect(status).toBe(2);
  });
});

describe('lexicon schema', () => {
  it('prints the JSON Schema, pretty with 2 spaces, describing "entries"', async () => {
    const { stdout, stderr, status } = await runCli(['lexicon', 'schema']);
    const schema = JSON.parse(stdout) as { properties: Record<string, unknown> };
    expect(schema.properties).toHaveProperty('entries');
    expect(stdout).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

const v = (name: string) => fixture(`validate/${name}`);

/** Runs `lexicon validate` and expects it to fail with exactly these lines, and nothing on stdout. */
async function expectRefused(files: string[], lines: string[]) {
  const { stdout, stderr, status } = await runCli(['lexicon', 'validate', ...files]);
  expect(stderr).toBe(lines.map((line) => `alongside: ${line}\n`).join(''));
  expect(stdout).toBe('');
  expect(status).toBe(2);
}

describe('lexicon validate: partial overrides', () => {
  /** Validates a file of one patch, then checks a sentence with it. */
  const validatedThenChecked = async (file: string) => {
    expect(await runCli(['lexicon', 'validate', file])).toEqual({
      stdout: `${file}: ok (0 entries, 1 patch)\n`,
      stderr: '',
      status: 0,
    });
    return runCli(['check', '--format', 'json', '--lexicon', file, '-'], {
      input: 'She claims it hurts.',
    });
  };

  it('takes a JSONC patch of one field, and check applies it', async () => {
    const checked = await validatedThenChecked(v('patch-severity.jsonc'));
    const findings = (
      JSON.parse(checked.stdout) as { findings: { entryId: string; severity: string }[] }[]
    )
      .flatMap((f) => f.findings)
      .map((f) => [f.entryId, f.severity]);
    expect(findings).toEqual([['claims', 'info']]);
  });

  it('switches an entry off with { "id", "enabled": false }', async () => {
    const checked = await validatedThenChecked(v('switch-off.json'));
    expect(checked.status).toBe(0);
  });

  it('validates each file over the ones before it: a personal file patches a service entry', async () => {
    const [service, personal] = [v('service.json'), v('personal.jsonc')];
    const { stdout, stderr, status } = await runCli(['lexicon', 'validate', service, personal]);
    expect(stderr).toBe('');
    expect(stdout).toBe(`${service}: ok (1 entry)\n${personal}: ok (0 entries, 1 patch)\n`);
    expect(status).toBe(0);
    // Alone, over the default lexicon only, the patch has nothing to patch.
    await expectRefused(
      [personal],
      [
        `${personal}: entries[0].id: there is no entry "ours-alleges" in the layers below to patch, and a new entry needs every field (missing "category", "severity", "message", "why", "sources")`,
      ],
    );
  });

  it('names the id a patch meant', async () => {
    const file = v('unknown-patch.json');
    await expectRefused(
      [file],
      [
        `${file}: entries[0].id: there is no entry "claim" in the layers below to patch; did you mean "claims"?`,
      ],
    );
  });

  it('asks a patch that changes phrases for its own examples', async () => {
    const file = v('patch-phrases.json');
    await expectRefused(
      [file],
      [
        `${file}: entries[0].examples: this patch changes "phrases", so give its own "examples" ("flag" sentences with their "corrections", and "pass" ones); those of "claims" below were written for its old wording`,
      ],
    );
  });
});

describe('lexicon validate: what can never work', () => {
  it('checks disable ids against the layers below, with "did you mean"', async () => {
    const file = v('unknown-disable.json');
    await expectRefused(
      [file],
      [
        `${file}: disable[0]: there is no entry "degenerate-to-patient" in the layers below to switch off; did you mean "degenerative-to-patient"?`,
      ],
    );
  });

  it('refuses an allow phrase with punctuation the tokenizer drops', async () => {
    const file = v('allow-punctuation.json');
    await expectRefused(
      [file],
      [
        `${file}: allow[0]: never matches: "Dr. Jones claims" contains ".", which never joins words in text; use only words, spaces, hyphens and apostrophes`,
      ],
    );
  });

  it('refuses a context phrase further back than the matcher looks', async () => {
    const file = v('context-too-long.json');
    await expectRefused(
      [file],
      [
        `${file}: entries[0].context.notPrecededBy[0]: "one two three four five six …" has 9 words; a notPrecededBy phrase may have at most 8, as the matcher looks no further back, so it would never match`,
      ],
    );
  });

  it('accepts only https source addresses', async () => {
    const file = v('http-source.json');
    await expectRefused(
      [file],
      [`${file}: entries[0].sources[0].url: expected a full web address starting with https://`],
    );
  });

  it('refuses a 2,000-word phrase and a file over 2,000,000 characters', async () => {
    const tmp = tempDir();
    try {
      const phrase = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
      const whole = {
        id: 'ours-long',
        category: 'labels',
        severity: 'info',
        phrases: [phrase],
        message: 'm',
        why: 'w',
        sources: [{ citation: 'c', year: 2024 }],
        alternatives: ['x'],
        examples: { flag: ['x'], pass: ['y'] },
      };
      const long = tmp.write(
        'long.json',
        JSON.stringify({ name: 'x', version: '1', entries: [whole] }),
      );
      await expectRefused(
        [long],
        [
          `${long}: entries[0].phrases[0]: "w0 w1 w2 w3 w4 w5 …" has 2,000 words; a phrase ([context] words included) may have at most 20`,
        ],
      );
      const allow = tmp.write(
        'allow.json',
        JSON.stringify({ name: 'x', version: '1', allow: [phrase], entries: [] }),
      );
      await expectRefused(
        [allow],
        [
          `${allow}: allow[0]: "w0 w1 w2 w3 w4 w5 …" has 2,000 words; an allow phrase may have at most 20`,
        ],
      );
      const text = `{ "name": "${'x'.repeat(2_000_000)}", "version": "1", "entries": [] }`;
      const big = tmp.write('big.json', text);
      await expectRefused(
        [big],
        [
          `${big}: is ${text.length.toLocaleString('en-GB')} characters; a lexicon file may have at most 2,000,000 (about 2 MB): split it into layers`,
        ],
      );
    } finally {
      tmp.remove();
    }
  });

  it('keeps the line and column of a JSONC syntax error', async () => {
    const tmp = tempDir();
    try {
      const file = tmp.write(
        'broken.jsonc',
        '{\n  // a comment is fine\n  "name": "Broken",\n  "entries": [{ "id": "claims" "severity": "info" }]\n}\n',
      );
      await expectRefused(
        [file],
        [`${file}: not valid JSON at line 4, column 32: a comma was expected`],
      );
    } finally {
      tmp.remove();
    }
  });
});

describe('lexicon validate: examples', () => {
  it('reports each failing example with its sentence and what happened', async () => {
    const file = v('examples-fail.json');
    await expectRefused(
      [file],
      [
        `${file}: entries[0].examples.flag[0]: "She claims it hurts." is not flagged by "ours-alleges"; it flags "claims" by "claims" instead`,
        `${file}: entries[0].examples.flag[1]: "He alleges pain and alleges fatigue." is flagged at "alleges", "alleges", not at "alleges pain"`,
        `${file}: entries[0].examples.flag[2].corrections[0]: alternative 1 leaves "He reports pain.", not "He says pain."`,
        `${file}: entries[0].examples.pass[0]: "He alleges nothing of the sort." should not be flagged by "ours-alleges", but it flags "alleges"`,
      ],
    );
  });

  it('reads a spreadsheet (CSV) layer as it reads JSON, for validate and check alike', async () => {
    const sheet = 'lexicon/examples/pain-service.csv';
    expect(await runCli(['lexicon', 'validate', sheet])).toEqual({
      stdout: `${sheet}: ok (1 entry, 1 patch)\n`,
      stderr: '',
      status: 0,
    });
    const checked = await runCli(['check', '--lexicon', sheet, '-'], {
      input: 'He failed the PMP last year.\n',
    });
    expect(checked.stdout).toBe(
      '<stdin>:1:4  suggest  Puts the outcome of our programme on the person.  (riverside-failed-pmp)\n' +
        '    → He did not find the PMP helpful last year.\n1 suggestion in 1 file\n',
    );
    const bad = tempDir().write('bad.csv', 'id,severity\n#name,Ours\n#version,1\nclaims,high\n');
    const refused = await runCli(['check', '--lexicon', bad, '-'], { input: 'She claims.\n' });
    expect(refused.stderr).toBe(
      `alongside: ${bad}: row 4, severity: expected one of "info", "suggest" or "warn", not "high"\n`,
    );
    expect([refused.stdout, refused.status]).toEqual(['', 2]);
  });
});
