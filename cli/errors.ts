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
export async function allOrUsageError<T extends readonly unknown[]>(tasks: {
  readonly [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const settled = await Promise.allSettled(tasks);
  const lines: string[] = [];
  for (const result of settled) {
    if (result.status === 'rejected') {
      if (!(result.reason instanceof UsageError)) throw result.reason;
      lines.push(...result.reason.lines);
    }
  }
  if (lines.length > 0) throw new UsageError(lines);
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
