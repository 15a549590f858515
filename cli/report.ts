import type { CheckedFile } from './check.ts';

/** What a run has checked so far, for the summary line and the exit code. */
export interface Tally {
  /** Inputs read and checked. */
  files: number;
  /** Of those, how many had at least one finding. */
  withFindings: number;
  findings: number;
  /** Inputs that could not be read (each already reported on stderr). */
  unreadable: number;
}

/** A report format, made a piece at a time so it can be streamed. */
export interface Reporter {
  begin(): string;
  /** One file's report, a finding at a time. */
  file(checked: CheckedFile): Iterable<string>;
  end(tally: Tally): string;
}
