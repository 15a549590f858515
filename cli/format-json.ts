import type { ReflectionResult } from '../core/kit/reflect.ts';
import type { CheckedFile, LocatedFinding } from './check.ts';
import type { Reporter } from './report.ts';

/**
 * Fields are picked explicitly so the JSON stays a stable contract for scripts even when the
 * engine's Finding grows.
 */
function findingJson(f: LocatedFinding): string {
  return JSON.stringify({
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
  });
}

/** A reflection as scripts get it: which one, and its message (its `why` is in the lexicon). */
const reflectionJson = ({ id, message }: ReflectionResult) => JSON.stringify({ id, message });

/**
 * One array of `{ file, kind, findings }` (and `reflections`, when asked for), one per input read, written as it goes: each finding
 * is one line, so the array can be far larger than any string (or memory) could hold, and it is
 * closed whatever happens to the files in between.
 */
export function jsonReporter(): Reporter {
  let files = 0;
  return {
    begin: () => '[',
    *file(checked: CheckedFile) {
      const head = JSON.stringify({ file: checked.file, kind: checked.kind }).slice(0, -1);
      yield `${files++ === 0 ? '' : ','}\n  ${head},"findings":[`;
      let first = true;
      for (const f of checked.findings) {
        yield `${first ? '' : ','}\n    ${findingJson(f)}`;
        first = false;
      }
      yield first ? ']' : '\n  ]';
      // After the findings: flag-summary counts them.
      if (checked.reflections) {
        const reflections = checked.reflections().map(reflectionJson);
        yield `,"reflections":[${reflections.map((r) => `\n    ${r}`).join(',')}${reflections.length ? '\n  ' : ''}]`;
      }
      yield '}';
    },
    end: () => `${files === 0 ? '' : '\n'}]\n`,
  };
}
