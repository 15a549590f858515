/**
 * A problem with how the CLI was called or with what it was given (a missing file, an invalid
 * lexicon). It carries every line to show, so one run can report all its problems at once.
 */
export class UsageError extends Error {
  readonly exitCode = 2;
  readonly lines: readonly string[];

  constructor(lines: string | readonly string[]) {
    const list = typeof lines === 'string' ? [lines] : lines;
    super(list.join('\n'));
    this.name = 'UsageError';
    this.lines = list;
  }
}

/**
 * Awaits every task before failing, so the user sees all the bad files in one go rather than
 * fixing them one run at a time. Errors that are not UsageErrors are bugs and pass straight on.
 */
export async function allOrUsageError<T>(tasks: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(tasks);
  const lines: string[] = [];
  const values: T[] = [];
  for (const result of settled) {
    if (result.status === 'fulfilled') values.push(result.value);
    else if (result.reason instanceof UsageError) lines.push(...result.reason.lines);
    else throw result.reason;
  }
  if (lines.length > 0) throw new UsageError(lines);
  return values;
}
