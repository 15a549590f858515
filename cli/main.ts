import pkg from '../package.json' with { type: 'json' };
import { defaultLexicon, lexiconJsonSchema } from '../core/index.ts';
import { checkExamples } from '../core/lexicon/check-examples.ts';
import { parseCommand, type CheckCommand, type Command } from './args.ts';
import { checkInputs } from './check.ts';
import { allOrUsageError, UsageError } from './errors.ts';
import { formatJson } from './format-json.ts';
import { formatText } from './format-text.ts';
import { helpText } from './help.ts';
import { loadLexicons, readLexicon } from './load-lexicons.ts';
import { readInput, STDIN, STDIN_NAME } from './read-input.ts';

interface Outcome {
  stdout: string;
  exitCode: number;
}

async function runCheck(command: CheckCommand): Promise<Outcome> {
  let files = command.files;
  if (files.length === 0) {
    // An interactive terminal means nothing was piped: waiting for typed input would look hung.
    if (process.stdin.isTTY) {
      throw new UsageError(
        'no input; give one or more FILEs, or pipe text in (see alongside check --help)',
      );
    }
    if (command.lexicons.includes(STDIN)) {
      throw new UsageError('no input; stdin is taken by "--lexicon -", so give one or more FILEs');
    }
    files = [STDIN];
  }
  // Everything is read and validated before anything is printed, so output is never half a report.
  const [lexicons, inputs] = await allOrUsageError([
    loadLexicons(command.lexicons, command.useDefaultLexicon),
    allOrUsageError(files.map(readInput)),
  ]);
  const checked = checkInputs(inputs, lexicons, command.locale, command.documentKind);
  const found = checked.some((f) => f.findings.length > 0);
  const format = command.format === 'json' ? formatJson : formatText;
  return { stdout: format(checked), exitCode: found ? 1 : 0 };
}

async function runValidate(files: readonly string[]): Promise<Outcome> {
  const lexicons = await allOrUsageError(files.map(readLexicon));
  const nameOf = (i: number) => (files[i] === STDIN ? STDIN_NAME : files[i]);
  // Each file's examples run in the real engine, layered over the default lexicon as in use:
  // a suggestion that leaves a broken sentence fails here, not in a letter.
  const problems = lexicons.flatMap((lexicon, i) =>
    checkExamples([defaultLexicon(), lexicon], lexicon).map((e) => `${nameOf(i)}: ${e}`),
  );
  if (problems.length) throw new UsageError(problems);
  const lines = lexicons.map((lexicon, i) => {
    const n = lexicon.entries.length;
    return `${nameOf(i)}: ok (${n} ${n === 1 ? 'entry' : 'entries'})`;
  });
  return { stdout: `${lines.join('\n')}\n`, exitCode: 0 };
}

async function run(command: Command): Promise<Outcome> {
  switch (command.kind) {
    case 'help':
      return { stdout: helpText(command.topic), exitCode: 0 };
    case 'version':
      return { stdout: `${pkg.version}\n`, exitCode: 0 };
    case 'check':
      return runCheck(command);
    case 'lexicon-validate':
      return runValidate(command.files);
    case 'lexicon-schema':
      return { stdout: `${JSON.stringify(lexiconJsonSchema(), null, 2)}\n`, exitCode: 0 };
  }
}

/** Runs the CLI and returns the exit code; stdout is written only once the whole run has succeeded. */
export async function main(argv: readonly string[]): Promise<number> {
  // `alongside check ... | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    const { stdout, exitCode } = await run(parseCommand(argv));
    process.stdout.write(stdout);
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(error.lines.map((line) => `alongside: ${line}\n`).join(''));
      return error.exitCode;
    }
    // A bug, not the user's input: 2 (not 1, which means "suggestions found"), with the stack.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`alongside: internal error: ${detail}\n`);
    return 2;
  }
}
