import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './run-cli.ts';

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
