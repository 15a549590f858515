import type { Replacement } from '../core/index.ts';
import type { CheckedFile } from './check.ts';
import type { Reporter, Tally } from './report.ts';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "3 suggestions in 2 files": the wording suggests rather than scolds, and never says "errors". */
export function summaryLine(tally: Tally): string {
  const checked = count(tally.files, 'file', 'files');
  const unread = tally.unreadable
    ? `; ${count(tally.unreadable, 'file', 'files')} could not be read`
    : '';
  if (tally.findings === 0) return `No suggestions in ${checked}${unread}`;
  // "in 1 of 3 files" so a summary never implies every file had something to suggest.
  const where =
    tally.withFindings === tally.files ? checked : `${tally.withFindings} of ${checked}`;
  return `${count(tally.findings, 'suggestion', 'suggestions')} in ${where}${unread}`;
}

/** The same sentence ends as the engine's previewReplacement: . ! or ? then a space, or a line break. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s|\n/g;
/** Characters that may sit inside a sentence end before its final space. */
const INSIDE_END = /[.!?"'”’)\]]/;
/** At most this much of the sentence is shown either side of the change. */
const CONTEXT = 100;

/** Whether a sentence end (as SENTENCE_END matches it) finishes just before `at`. */
function sentenceEndsAt(text: string, at: number): boolean {
  if (at === 0 || text[at - 1] === '\n') return true;
  if (!/\s/.test(text[at - 1]!)) return false;
  let k = at - 2;
  while (k >= 0 && /["'”’)\]]/.test(text[k]!)) k--;
  return k >= 0 && '.!?'.includes(text[k]!);
}

/**
 * The sentence around a replacement as previewReplacement gives it, but reading only a window
 * around the change: the engine's version scans from the start of the text for each finding,
 * which is quadratic over a file of millions of findings. A sentence longer than the window is
 * cut at a word and marked with "…".
 */
export function previewLine(text: string, r: Replacement): string {
  let p = Math.max(0, r.start - CONTEXT);
  // Never start inside a sentence end, so the ends found from here are the ones a scan from the
  // start of the text finds.
  while (p > 0 && INSIDE_END.test(text[p - 1]!)) p--;
  let from = p;
  SENTENCE_END.lastIndex = p;
  for (let m = SENTENCE_END.exec(text); m && m.index + m[0].length <= r.start;) {
    from = m.index + m[0].length;
    m = SENTENCE_END.exec(text);
  }
  let before = text.slice(from, r.start);
  if (from === p && !sentenceEndsAt(text, p)) before = `…${before.replace(/^\S*/, '')}`;
  const window = text.slice(r.end, r.end + CONTEXT);
  SENTENCE_END.lastIndex = 0;
  const next = SENTENCE_END.exec(window);
  let after = next ? window.slice(0, next.index + next[0].trimEnd().length) : window;
  if (!next && r.end + CONTEXT < text.length) after = `${after.replace(/\S*$/, '')}…`;
  return oneLine(before.trimStart() + r.text + after);
}

/**
 * `path:line:column  severity  message  (entry-id)` per finding, the shape editors can jump to,
 * and under it the sentence as the first choice would leave it (or the advice, where there is
 * no drop-in wording), so a reader sees the result, not only the complaint. With reflections,
 * a short block after each file's findings: `path: reflections`, then `message  (id)` for each.
 * Then a summary.
 */
export function textReporter(): Reporter {
  return {
    begin: () => '',
    *file({ file, text, findings, reflections }: CheckedFile) {
      for (const f of findings) {
        let line = `${file}:${f.line}:${f.column}  ${f.severity}  ${f.message}  (${f.entryId})\n`;
        const first = f.replacements[0];
        if (first) line += `    → ${previewLine(text, first)}\n`;
        else if (f.advice) line += `    ${oneLine(f.advice)}\n`;
        yield line;
      }
      const found = reflections?.() ?? [];
      if (found.length === 0) return;
      yield `${file}: reflections\n${found.map((r) => `    ${oneLine(r.message)}  (${r.id})\n`).join('')}`;
    },
    end: (tally) => `${summaryLine(tally)}\n`,
  };
}
