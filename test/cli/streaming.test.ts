import { spawn } from 'node:child_process';
import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, ROOT, tempDir } from './run-cli.ts';

const BIN = join(ROOT, 'bin', 'alongside.mjs');
/** The documented per-input limit (cli/read-input.ts). */
const MAX_INPUT_BYTES = 50 * 1024 * 1024;

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

interface ShellResult {
  stderr: string;
  status: number | null;
  /** Lines of stdout, unless `onLine` took them. */
  lines: string[];
}

/**
 * Runs a bash script with `$ALONGSIDE` set to the real binary, so limits (`ulimit`), pipes and
 * redirections are the shell's own. Stdout is taken a line at a time and never held whole, so a
 * report far larger than any string can still be checked.
 */
function shell(
  script: string,
  options: { args?: string[]; env?: Record<string, string>; onLine?: (line: string) => void } = {},
): Promise<ShellResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script, 'bash', ...(options.args ?? [])], {
      cwd: ROOT,
      env: { ...process.env, ...options.env, ALONGSIDE: `${process.execPath} ${BIN}` },
    });
    const lines: string[] = [];
    const take = options.onLine ?? ((line: string) => lines.push(line));
    let rest = '';
    const stderr: Buffer[] = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const line of parts) take(line);
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      if (rest) take(rest);
      resolve({ stderr: Buffer.concat(stderr).toString('utf8'), status, lines });
    });
    child.stdin.end();
  });
}

const base = BASE.join(' ');

describe('check on many files', () => {
  it('checks 5,000 files under `ulimit -n 256`, reported in the order given', async () => {
    const files: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const text = i % 100 === 7 ? `Letter ${i}: she claims it hurts.\n` : `Letter ${i}: fine.\n`;
      files.push(tmp.write(`letter-${String(i).padStart(4, '0')}.txt`, text));
    }
    // Shuffled, so the order of the report can only come from the order given.
    const order = [
      ...files.filter((_, i) => i % 2 === 1),
      ...files.filter((_, i) => i % 2 === 0).reverse(),
    ];
    const { lines, stderr, status } = await shell(
      `ulimit -n 256 && $ALONGSIDE check --format json ${base} "$@"`,
      { args: order },
    );
    expect(stderr).toBe('');
    const report = JSON.parse(lines.join('\n')) as { file: string; findings: unknown[] }[];
    expect(report.map((r) => r.file)).toEqual(order);
    expect(report.filter((r) => r.findings.length === 1)).toHaveLength(50);
    expect(status).toBe(1);

    const text = await shell(`ulimit -n 256 && $ALONGSIDE check ${base} "$@"`, { args: order });
    expect(text.lines.at(-1)).toBe('50 suggestions in 50 of 5000 files');
    expect(text.status).toBe(1);
  });
});

describe('check on large inputs', () => {
  it('writes 16.5 MB of dense flags as one valid JSON array, a finding per line', async () => {
    // About 1.5 million findings: far past the longest string V8 can make.
    const dense = tmp.write('dense.txt', 'She claims '.repeat(1_500_000));
    const lines: string[] = [];
    let findings = 0;
    let last = -1;
    const { stderr, status } = await shell(`$ALONGSIDE check --format json ${base} "$1"`, {
      args: [dense],
      onLine(line) {
        if (!line.startsWith('    {')) {
          lines.push(line);
          return;
        }
        // Each finding's line is one JSON value (and a comma between them).
        const finding = JSON.parse(line.replace(/,$/, '')) as { start: number; match: string };
        expect(finding.match).toBe('claims');
        expect(finding.start).toBeGreaterThan(last);
        last = finding.start;
        findings++;
      },
    });
    expect(stderr).toBe('');
    expect(findings).toBe(1_500_000);
    // What is left around the findings closes the array: parsed with the findings taken out.
    expect(JSON.parse(lines.join('\n'))).toEqual([{ file: dense, kind: 'unsure', findings: [] }]);
    expect(status).toBe(1);
  }, 120_000);

  it('streams with a small heap: memory does not grow with the number of findings', async () => {
    // 300,000 findings in as many paragraphs; held whole, they alone would take several times
    // the 96 MB heap the run is given.
    const many = tmp.write('many.txt', 'She claims so.\n\n'.repeat(300_000));
    for (const format of ['json', 'text']) {
      let count = 0;
      let lastLine = '';
      // The sources in one Node process with the heap limit (the launcher may start another).
      const cli = `node --max-old-space-size=96 --import tsx --input-type=module -e "const { main } = await import('./cli/main.ts'); process.exitCode = await main(process.argv.slice(1));"`;
      const { stderr, status } = await shell(`${cli} check --format ${format} ${base} "$1"`, {
        args: [many],
        onLine(line) {
          if (line.includes('fixture-claims')) count++;
          lastLine = line;
        },
      });
      expect(stderr).toBe('');
      expect(count).toBe(300_000);
      expect(lastLine).toBe(format === 'json' ? ']' : '300000 suggestions in 1 file');
      expect(status).toBe(1);
    }
  }, 120_000);

  it('refuses a file over 50 MB without reading it, and checks the rest', async () => {
    const huge = join(tmp.dir, 'huge.txt');
    tmp.write('huge.txt', '');
    // Sparse: as large as the limit allows plus one byte, with no disk used.
    truncateSync(huge, MAX_INPUT_BYTES + 1);
    const good = tmp.write('after-huge.txt', 'She claims so.\n');
    const { lines, stderr, status } = await shell(`$ALONGSIDE check --format json ${base} "$@"`, {
      args: [huge, good],
    });
    expect(stderr).toBe(
      `alongside: ${huge}: is larger than 50 MB, the most alongside checks in one input; split it into smaller files\n`,
    );
    const report = JSON.parse(lines.join('\n')) as { file: string }[];
    expect(report.map((r) => r.file)).toEqual([good]);
    expect(status).toBe(2);
  });

  it('stops reading an endless stdin at 50 MB', async () => {
    const { lines, stderr, status } = await shell(
      `tr '\\0' a < /dev/zero | $ALONGSIDE check --format json ${base} -`,
    );
    expect(stderr).toBe(
      'alongside: <stdin>: is larger than 50 MB, the most alongside checks in one input; split it into smaller files\n',
    );
    expect(JSON.parse(lines.join('\n'))).toEqual([]);
    expect(status).toBe(2);
  });

  it('refuses /dev/zero at its first read', async () => {
    const { lines, stderr, status } = await shell(`$ALONGSIDE check ${base} /dev/zero`);
    expect(stderr).toBe(
      'alongside: /dev/zero: contains NUL bytes, so it looks like a binary file, not text\n',
    );
    expect(lines).toEqual(['No suggestions in 0 files; 1 file could not be read']);
    expect(status).toBe(2);
  });
});

describe('check when stdout fails', () => {
  it('a full disk (/dev/full): one line on stderr and exit 2, no stack trace', async () => {
    const good = tmp.write('full.txt', 'She claims so.\n');
    for (const format of ['text', 'json']) {
      const { stderr, status } = await shell(
        `$ALONGSIDE check --format ${format} ${base} "$1" > /dev/full`,
        { args: [good] },
      );
      expect(stderr).toBe(
        'alongside: cannot write the output: no space left on the device; the report is incomplete\n',
      );
      expect(status).toBe(2);
    }
  });

  it('a closed pipe (| head -1) ends quietly', async () => {
    const long = tmp.write('long.txt', 'She claims so.\n\n'.repeat(50_000));
    const { lines, stderr } = await shell(
      `$ALONGSIDE check ${base} "$1" | head -1; echo "status \${PIPESTATUS[0]}"`,
      { args: [long] },
    );
    expect(stderr).toBe('');
    expect(lines).toEqual([
      `${long}:1:5  suggest  May read as doubting the person's account.  (fixture-claims)`,
      // Exit 1: suggestions were found before the reader went away.
      'status 1',
    ]);
  });
});
