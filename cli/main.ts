import pkg from '../package.json' with { type: 'json' };
import { lexiconJsonSchema } from '../core/index.ts';
import { parseCommand, type Command } from './args.ts';
import { runAuditCommand, runKitFromBundle } from './audit-load.ts';
import { runConvert } from './convert.ts';
import { UsageError } from './errors.ts';
import { helpText } from './help.ts';
import { loadLexicons } from './load-lexicons.ts';
import { createOutput } from './output.ts';
import { STDIN, STDIN_NAME } from './read-input.ts';
import { runCheck } from './run-check.ts';

interface Outcome {
  stdout: string;
  exitCode: number;
}

async function runValidate(files: readonly string[]): Promise<Outcome> {
  // Each file is a layer over the default lexicon and the files before it, as `check --lexicon`
  // uses them, and its examples run in the real engine: a suggestion that leaves a broken
  // sentence fails here, not in a letter.
  const layers = (await loadLexicons(files, true, { examples: true })).slice(1);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = layers.map((lexicon, i) => {
    const patches = lexicon.patches?.length ?? 0;
    const what = [count(lexicon.entries.length, 'entry', 'entries')];
    if (patches) what.push(count(patches, 'patch', 'patches'));
    return `${files[i] === STDIN ? STDIN_NAME : files[i]}: ok (${what.join(', ')})`;
  });
  return { stdout: `${lines.join('\n')}\n`, exitCode: 0 };
}

async function run(
  command: Exclude<Command, { kind: 'check' | 'audit' | 'kit' }>,
): Promise<Outcome> {
  switch (command.kind) {
    case 'help':
      return { stdout: helpText(command.topic), exitCode: 0 };
    case 'version':
      return { stdout: `${pkg.version}\n`, exitCode: 0 };
    case 'lexicon-validate':
      return runValidate(command.files);
    case 'lexicon-convert':
      return runConvert(command);
    case 'lexicon-schema':
      return { stdout: `${JSON.stringify(lexiconJsonSchema(), null, 2)}\n`, exitCode: 0 };
  }
}

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large',
  EIO: 'an input/output error',
  EBADF: 'standard output is closed',
};

/**
 * Runs the CLI and returns the exit code. A check's report is written as it is made; usage and
 * lexicon problems are found before any of it. Other commands write their output once done.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const out = createOutput(process.stdout);
  // Nothing more can be said if stderr itself is gone.
  process.stderr.on('error', () => {});
  const warn = (line: string) => process.stderr.write(`alongside: ${line}\n`);
  let exitCode: number;
  try {
    const command = parseCommand(argv);
    if (command.kind === 'check') exitCode = await runCheck(command, out, warn);
    // The audit writes its report to a file and its progress to stderr; stdout stays empty.
    else if (command.kind === 'audit') exitCode = await runAuditCommand(command, warn);
    else if (command.kind === 'kit') {
      const outcome = await runKitFromBundle(command, pkg.version, warn);
      out.write(outcome.stdout);
      await out.flush();
      exitCode = outcome.exitCode;
    } else {
      const outcome = await run(command);
      out.write(outcome.stdout);
      await out.flush();
      exitCode = outcome.exitCode;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      error.lines.forEach(warn);
      return error.exitCode;
    }
    // A bug, not the user's input: 2 (not 1, which means "suggestions found"), with the stack.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    warn(`internal error: ${detail}`);
    return 2;
  }
  const failure = out.failure;
  // The reader went away (`alongside check … | head`): stop quietly, as Unix tools do.
  if (failure?.code === 'EPIPE') return exitCode;
  if (failure) {
    const why = WRITE_ERRORS[failure.code ?? ''] ?? failure.message;
    warn(`cannot write the output: ${why}; the report is incomplete`);
    return 2;
  }
  return exitCode;
}
