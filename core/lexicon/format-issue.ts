import type { z } from 'zod';

/** `entries[3].alternatives` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The known name nearest to `key` (at most two edits away), for "did you mean". */
export function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** One zod issue as "path: what is wrong and how to fix it". */
export function formatIssue(
  issue: z.core.$ZodIssue,
  knownKeys: (path: readonly PropertyKey[]) => string[],
): string {
  const where = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(issue.path);
    return issue.keys
      .map((key) => {
        const hint = closest(key, known);
        const place = formatPath([...issue.path, key]);
        return hint
          ? `${place}: unknown field "${key}"; did you mean "${hint}"?`
          : `${place}: unknown field "${key}"; allowed here: ${known.join(', ')}`;
      })
      .join('\n');
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `${where}: required field is missing (${issue.message})`;
  }
  return `${where}: ${issue.message}`;
}
