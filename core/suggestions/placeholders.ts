export interface Placeholder {
  name: string;
  /** Offsets of "{name}" within the suggestion, braces included. */
  start: number;
  end: number;
}

/** The "{reason}"-style gaps in a suggestion, for the clinician to type over. */
export function placeholders(suggestion: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of suggestion.matchAll(/\{([^{}\n]+)\}/g)) {
    out.push({ name: m[1]!, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
