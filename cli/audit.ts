import { realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import pkg from '../package.json' with { type: 'json' };
import type { Lexicon } from '../core/index.ts';
import type {
  AuditReportData,
  ReportFinding,
  ReportLetter,
  ReportPassedOver,
} from '../components/audit/report-data.ts';
import { renderAuditReport } from '../components/audit/render-report.tsx';
import type { AuditCommand } from './args.ts';
import { flaggedSentence, sentenceParts } from './audit-context.ts';
import { findingsCsv, type CsvFinding } from './audit-csv.ts';
import { findLetters, LETTER_EXTENSIONS } from './audit-files.ts';
import { createProgress } from './audit-progress.ts';
import { readLetter } from './audit-read.ts';
import { createChecker, type CheckedFile } from './check.ts';
import { allOrUsageError, UsageError } from './errors.ts';
import { previewLine, summaryLine } from './format-text.ts';
import { loadLexicons } from './load-lexicons.ts';

export interface AuditIo {
  /** One line on stderr (the caller puts "alongside: " in front). */
  warn(line: string): void;
}

/** Why a report file cannot be written, in a few words. */
const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
};

/** The folder to audit, refused with one line when it is not a folder. */
function checkFolder(dir: string): void {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new UsageError(`${dir}: no such folder`);
  }
  if (!stat.isDirectory()) {
    throw new UsageError(
      `${dir}: is a file, not a folder; to check one letter, use alongside check ${dir}`,
    );
  }
}

/**
 * Where a report goes, as a real path (so the audit can pass over it if it lies in the folder
 * audited). Refused before anything is read when it could not be written.
 */
function reportTarget(path: string, option: string): string {
  const folder = dirname(resolve(path));
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    throw new UsageError(`${option} ${path}: the folder ${dirname(path)} does not exist`);
  }
  const target = join(real, basename(path));
  try {
    if (statSync(target).isDirectory()) {
      throw new UsageError(`${option} ${path}: is a folder; give a file name inside it instead`);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // Not there yet: it will be made.
  }
  return target;
}

/** Written beside the target and renamed over it, so a failed run never leaves half a report. */
function writeReport(path: string, name: string, contents: string): string | undefined {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
    return undefined;
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return `cannot write ${name}: ${WRITE_ERRORS[code] ?? (error as Error).message}`;
  }
}

/** "letters/a.txt: no such file" → "no such file", as the report lists the file beside it. */
function problemOf(file: string, line: string): string {
  return line.startsWith(`${file}: `) ? line.slice(file.length + 2) : line;
}

/** Every finding of one letter, as the report shows it and as the CSV lists it. */
function collect(checked: CheckedFile, rows: CsvFinding[]): ReportLetter {
  const findings: ReportFinding[] = [];
  for (const f of checked.findings) {
    const first = f.replacements[0];
    findings.push({
      line: f.line,
      column: f.column,
      entryId: f.entryId,
      category: f.category,
      severity: f.severity,
      message: f.message,
      match: f.match,
      suggestions: f.suggestions,
      flagged: flaggedSentence(checked.text, f),
      ...(first ? { corrected: sentenceParts(checked.text, first) } : {}),
      ...(f.advice ? { advice: f.advice } : {}),
      sources: f.sources,
    });
    rows.push({
      file: checked.file,
      line: f.line,
      column: f.column,
      entryId: f.entryId,
      category: f.category,
      severity: f.severity,
      match: f.match,
      message: f.message,
      firstSuggestion: f.suggestions[0] ?? '',
      correctedSentence: first ? previewLine(checked.text, first) : '',
    });
  }
  // After the findings: flag-summary counts them.
  const reflections = (checked.reflections?.() ?? []).map(({ id, message, why, sources }) => ({
    id,
    message,
    why,
    sources,
  }));
  return { file: checked.file, kind: checked.kind, findings, reflections };
}

const lexiconNames = (lexicons: readonly Lexicon[] | undefined) =>
  lexicons?.map((l) => `${l.name} ${l.version}`) ?? [];

/** Today as YYYY-MM-DD, in local time: the day the person running the audit sees. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

interface Audited {
  letters: ReportLetter[];
  rows: CsvFinding[];
  unreadable: ReportPassedOver[];
  passedOver: ReportPassedOver[];
}

/**
 * Reads and checks each letter in turn, showing progress. A letter that cannot be read or
 * converted is named on stderr and kept for the report; the next one is still checked.
 */
async function checkLetters(
  paths: readonly string[],
  checker: ReturnType<typeof createChecker>,
  warn: (line: string) => void,
  progress: ReturnType<typeof createProgress>,
  audited: Audited,
): Promise<void> {
  for (const [index, path] of paths.entries()) {
    try {
      const input = await readLetter(path);
      if (input) audited.letters.push(collect(checker.check(input), audited.rows));
      else {
        const problem = 'is the report of an earlier audit; not audited';
        warn(`${path}: ${problem}`);
        audited.passedOver.push({ file: path, problem });
      }
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      for (const line of error.lines) warn(line);
      audited.unreadable.push({ file: path, problem: problemOf(path, error.lines.join(' ')) });
    }
    progress.update(index + 1);
  }
  progress.clear();
}

/**
 * `alongside audit DIR`: checks every letter in a folder with the lexicons `check` would use,
 * then writes an HTML report (and, if asked, a CSV of the findings). A letter that cannot be
 * read or converted gets one line on stderr and in the report, and the rest are still audited.
 * Returns the exit code: 0 nothing found, 1 suggestions found, 2 some files could not be read.
 */
export async function audit(command: AuditCommand, io: AuditIo): Promise<number> {
  // Every usage problem is found before a letter is read.
  checkFolder(command.dir);
  const out = reportTarget(command.out, '--out');
  const csv = command.csv === undefined ? undefined : reportTarget(command.csv, '--csv');
  if (csv === out) {
    throw new UsageError(`--out and --csv are the same file (${command.out}); give two names`);
  }
  const [lexicons] =
    command.lexicons.length === 0 && command.useDefaultLexicon
      ? [undefined]
      : await allOrUsageError([loadLexicons(command.lexicons, command.useDefaultLexicon)]);

  // A report written into the folder is never audited as a letter.
  const found = findLetters(command.dir, new Set(csv ? [out, csv] : [out]));
  if (found.letters.length === 0 && found.unreadable.length === 0) {
    throw new UsageError(
      `${command.dir}: no letters to audit (${LETTER_EXTENSIONS.join(', ')} files, outside hidden folders and node_modules)`,
    );
  }

  const progress = createProgress(found.letters.length, process.stderr);
  const warn = (line: string) => {
    progress.clear();
    io.warn(line);
  };
  const audited: Audited = {
    letters: [],
    rows: [],
    unreadable: [...found.unreadable],
    passedOver: [...found.outside],
  };
  for (const { file, problem } of [...audited.unreadable, ...audited.passedOver]) {
    warn(`${file}: ${problem}`);
  }
  const checker = createChecker(lexicons, {
    locale: command.locale,
    kind: command.documentKind,
    minSeverity: undefined,
    reflect: true,
  });
  await checkLetters(found.letters, checker, warn, progress, audited);

  const { letters, rows, unreadable, passedOver } = audited;
  const data: AuditReportData = {
    folder: command.dir,
    date: today(),
    version: pkg.version,
    lexicons: lexiconNames(lexicons),
    locale: command.locale ?? 'en-GB',
    kind: command.documentKind,
    letters,
    unreadable,
    passedOver,
  };
  const outputs = [{ path: out, name: command.out, contents: renderAuditReport(data) }];
  if (csv !== undefined && command.csv !== undefined) {
    outputs.push({ path: csv, name: command.csv, contents: findingsCsv(rows) });
  }
  const written: string[] = [];
  let failed = false;
  for (const { path, name, contents } of outputs) {
    const failure = writeReport(path, name, contents);
    if (failure) warn(failure);
    else written.push(name);
    failed ||= failure !== undefined;
  }

  const summary = summaryLine({
    files: letters.length,
    withFindings: letters.filter((l) => l.findings.length > 0).length,
    findings: rows.length,
    unreadable: unreadable.length,
  });
  warn(written.length > 0 ? `${summary}; written to ${written.join(' and ')}` : summary);
  if (unreadable.length > 0 || failed) return 2;
  return rows.length > 0 ? 1 : 0;
}
