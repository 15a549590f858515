import { previewReplacement } from '../core/index.ts';
import type { CheckedFile } from './check.ts';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "3 suggestions in 2 files": the wording suggests rather than scolds, and never says "errors". */
export function summaryLine(files: readonly CheckedFile[]): string {
  const total = files.reduce((sum, f) => sum + f.findings.length, 0);
  const checked = count(files.length, 'file', 'files');
  if (total === 0) return `No suggestions in ${checked}`;
  const withFindings = files.filter((f) => f.findings.length > 0).length;
  // "in 1 of 3 files" so a summary never implies every file had something to suggest.
  const where = withFindings === files.length ? checked : `${withFindings} of ${checked}`;
  return `${count(total, 'suggestion', 'suggestions')} in ${where}`;
}

/**
 * `path:line:column  severity  message  (entry-id)` per finding, the shape editors can jump to,
 * and under it the sentence as the first choice would leave it (or the advice, where there is
 * no drop-in wording), so a reader sees the result, not only the complaint.
 */
export function formatText(files: readonly CheckedFile[]): string {
  const lines: string[] = [];
  for (const { file, text, findings } of files) {
    for (const f of findings) {
      lines.push(`${file}:${f.line}:${f.column}  ${f.severity}  ${f.message}  (${f.entryId})`);
      const first = f.replacements[0];
      if (first) {
        const p = previewReplacement(text, first);
        lines.push(`    → ${oneLine(p.before + p.changed + p.after)}`);
      } else if (f.advice) lines.push(`    ${oneLine(f.advice)}`);
    }
  }
  lines.push(summaryLine(files));
  return `${lines.join('\n')}\n`;
}
