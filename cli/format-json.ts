import type { CheckedFile } from './check.ts';

/**
 * One `{ file, findings }` per input. Fields are picked explicitly so the JSON stays a stable
 * contract for scripts even when the engine's Finding grows.
 */
export function formatJson(files: readonly CheckedFile[]): string {
  const out = files.map(({ file, kind, findings }) => ({
    file,
    kind,
    findings: findings.map((f) => ({
      entryId: f.entryId,
      category: f.category,
      severity: f.severity,
      start: f.start,
      end: f.end,
      line: f.line,
      column: f.column,
      match: f.match,
      message: f.message,
      suggestions: f.suggestions,
      replacements: f.replacements.map(({ start, end, text }) => ({ start, end, text })),
      ...(f.advice ? { advice: f.advice } : {}),
    })),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
