import type { Finding } from '@/core/engine';

/**
 * The flag Alt+Enter opens: the one the caret is in or touching, else the next one after the
 * caret, else the last one before it.
 */
export function nearestFinding(findings: readonly Finding[], caret: number): Finding | undefined {
  let before: Finding | undefined;
  for (const f of findings) {
    if (f.start <= caret && caret <= f.end) return f;
    if (f.start > caret) return f;
    before = f;
  }
  return before;
}

/** The flag under a click, if the caret landed inside one. */
export function findingAt(findings: readonly Finding[], caret: number): Finding | undefined {
  return (
    findings.find((f) => f.start < caret && caret < f.end) ??
    findings.find((f) => f.start <= caret && caret <= f.end)
  );
}
