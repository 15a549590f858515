import type { CheckCommand } from './args.ts';
import { createChecker, readInOrder } from './check.ts';
import { allOrUsageError, UsageError } from './errors.ts';
import { jsonReporter } from './format-json.ts';
import { textReporter } from './format-text.ts';
import { loadLexicons } from './load-lexicons.ts';
import type { Output } from './output.ts';
import { STDIN } from './read-input.ts';
import type { Tally } from './report.ts';

/**
 * `alongside check`. Usage and lexicon problems are found before anything is written. Then each
 * input is read, checked and reported in turn: one that cannot be read gets a line on stderr and
 * the run goes on (the report is still complete, JSON still one array), ending with exit 2.
 */
export async function runCheck(
  command: CheckCommand,
  out: Output,
  warn: (line: string) => void,
): Promise<number> {
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
  // The default lexicon alone needs no loading: it comes compiled with the CLI.
  const [lexicons] =
    command.lexicons.length === 0 && command.useDefaultLexicon
      ? [undefined]
      : await allOrUsageError([loadLexicons(command.lexicons, command.useDefaultLexicon)]);
  const checker = createChecker(lexicons, {
    locale: command.locale,
    kind: command.documentKind,
    minSeverity: command.minSeverity,
    reflect: command.reflect,
  });
  const reporter = command.format === 'json' ? jsonReporter() : textReporter();
  const tally: Tally = { files: 0, withFindings: 0, findings: 0, unreadable: 0 };

  out.write(reporter.begin());
  for await (const { input, error } of readInOrder(files)) {
    if (out.failure) break;
    if (error) {
      // What came before is written first, so the message sits where the file would have.
      await out.flush();
      for (const line of error.lines) warn(line);
      tally.unreadable++;
      continue;
    }
    const checked = checker.check(input);
    tally.files++;
    for (const piece of reporter.file(checked)) {
      const writing = out.write(piece);
      if (writing) {
        await writing;
        if (out.failure) break;
      }
    }
    tally.findings += checked.found;
    if (checked.found > 0) tally.withFindings++;
  }
  if (!out.failure) out.write(reporter.end(tally));
  await out.flush();
  if (tally.unreadable > 0) return 2;
  return tally.findings > 0 ? 1 : 0;
}
