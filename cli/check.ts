import {
  compile,
  detectDocumentKind,
  type DocumentKindGuess,
  type Finding,
  type Lexicon,
  type Locale,
} from '../core/index.ts';
import type { KindOption } from './args.ts';
import type { Input } from './read-input.ts';
import { createLineIndex } from './line-index.ts';

export interface LocatedFinding extends Finding {
  line: number;
  column: number;
}

export interface CheckedFile {
  file: string;
  /** The kind the file was read as: given with --kind, or detected from its text. */
  kind: DocumentKindGuess;
  text: string;
  findings: LocatedFinding[];
}

/** Runs the layered lexicons over each input and places every finding on a line and column. */
export function checkInputs(
  inputs: readonly Input[],
  lexicons: readonly Lexicon[],
  locale: Locale | undefined,
  kind: KindOption = 'auto',
): CheckedFile[] {
  const matcher = compile(lexicons, locale ? { locale } : {});
  return inputs.map(({ name, text }) => {
    const position = createLineIndex(text);
    const documentKind = kind === 'auto' ? detectDocumentKind(text) : kind;
    const findings = matcher.find(text, { documentKind }).map((finding) => ({
      ...finding,
      ...position(finding.start),
    }));
    return { file: name, kind: documentKind, text, findings };
  });
}
