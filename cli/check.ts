import { compile, type Finding, type Lexicon, type Locale } from '../core/index.ts';
import type { Input } from './read-input.ts';
import { createLineIndex } from './line-index.ts';

export interface LocatedFinding extends Finding {
  line: number;
  column: number;
}

export interface CheckedFile {
  file: string;
  findings: LocatedFinding[];
}

/** Runs the layered lexicons over each input and places every finding on a line and column. */
export function checkInputs(
  inputs: readonly Input[],
  lexicons: readonly Lexicon[],
  locale: Locale | undefined,
): CheckedFile[] {
  const matcher = compile(lexicons, locale ? { locale } : {});
  return inputs.map(({ name, text }) => {
    const position = createLineIndex(text);
    const findings = matcher.find(text).map((finding) => ({
      ...finding,
      ...position(finding.start),
    }));
    return { file: name, findings };
  });
}
