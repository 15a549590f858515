import {
  defaultLexicon,
  detectDocumentKind,
  paragraphRanges,
  type DocumentKindGuess,
  type Finding,
  type FindOptions,
  type Lexicon,
  type Locale,
  type Severity,
} from '../core/index.ts';
import { mergeKits } from '../core/kit/merge-kit.ts';
import { layersBibliography } from '../core/lexicon/merge-layers.ts';
import {
  compileReflections,
  FlagTally,
  reflect,
  type ReflectionResult,
} from '../core/kit/reflect.ts';
import { compileLexicon, matcherFrom } from '../core/matcher/compile.ts';
import type { KindOption } from './args.ts';
import { compiledDefault } from './compiled-default.ts';
import { UsageError } from './errors.ts';
import { createLineIndex } from './line-index.ts';
import { readInput, type Input } from './read-input.ts';

export interface LocatedFinding extends Finding {
  line: number;
  column: number;
}

export interface CheckedFile {
  file: string;
  /**
   * The kind the file was read as: given with --kind, or detected from its text when first asked
   * for (by an entry that depends on it, or by a report that shows it).
   */
  readonly kind: DocumentKindGuess;
  /** The text the engine read: the input with each lone CR as LF (same length, same offsets). */
  text: string;
  /** Found a paragraph at a time as they are read, so a file's findings are never all in memory. */
  findings: Iterable<LocatedFinding>;
  /** How many findings have been read from `findings` so far. */
  readonly found: number;
  /**
   * With reflections asked for: the whole-letter reflections that fit the file's kind, worked
   * out from its text and the findings read so far (so read them all first).
   */
  reflections?: () => ReflectionResult[];
}

export interface CheckOptions {
  locale: Locale | undefined;
  kind: KindOption;
  minSeverity: Severity | undefined;
  /** Work out the kit's whole-letter reflections for each file too. */
  reflect?: boolean;
}

/**
 * A lone CR (old Mac files) becomes LF, so every part of the engine that looks at line breaks
 * (paragraphs, sentence starts, the document-kind detector's lines) sees one. Offsets are kept.
 */
const asLf = (text: string) => (text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text);

/**
 * Compiles the layered lexicons once (the default lexicon alone comes compiled with the bundle);
 * `check` then runs them over one input at a time. `lexicons` undefined: the default lexicon.
 */
export function createChecker(lexicons: readonly Lexicon[] | undefined, options: CheckOptions) {
  const compiled = lexicons ? compileLexicon(lexicons) : compiledDefault();
  const matcher = matcherFrom(compiled, options.locale ? { locale: options.locale } : {});
  // The kit in force is every layer's prompts merged (each layer was validated when loaded);
  // its cue lists are compiled once, here, for every file.
  const layers = lexicons ?? [defaultLexicon()];
  const kit = options.reflect
    ? compileReflections(mergeKits(layers.map((l) => l.prompts)).kit)
    : undefined;
  // Reflections cite sources by key, as entries do: every layer's bibliography resolves them.
  const bibliography = kit ? layersBibliography(layers) : undefined;
  return {
    check({ name, text: original }: Input): CheckedFile {
      const text = asLf(original);
      let detected: DocumentKindGuess | undefined;
      const documentKind = () =>
        options.kind === 'auto' ? (detected ??= detectDocumentKind(text)) : options.kind;
      const find: FindOptions = { documentKind };
      if (options.minSeverity) find.minSeverity = options.minSeverity;
      let found = 0;
      // Counts only: a file of millions of findings still never has them all in memory.
      const tally = kit ? new FlagTally(false) : undefined;
      function* findings(): Generator<LocatedFinding> {
        const position = createLineIndex(original);
        // `matcher.find` is exactly this loop; done here, only one paragraph's findings are held.
        for (const [from, to] of paragraphRanges(text)) {
          for (const finding of matcher.findInParagraph(text, from, to, find)) {
            found++;
            tally?.add(finding);
            const { start, end } = finding;
            yield { ...finding, match: original.slice(start, end), ...position(start) };
          }
        }
      }
      return {
        file: name,
        get kind() {
          return documentKind();
        },
        text,
        findings: findings(),
        get found() {
          return found;
        },
        ...(kit && {
          reflections: () =>
            reflect(text, {
              kind: documentKind(),
              kit,
              tally,
              bibliography,
              ...(options.locale ? { locale: options.locale } : {}),
            }),
        }),
      };
    },
  };
}

/** Files read this many at a time: far under any open-file limit, enough to keep the disk busy. */
export const READ_CONCURRENCY = 16;
/** Read-ahead stops while this much text waits to be checked, so memory stays bounded. */
const READ_AHEAD_BYTES = 64 * 1024 * 1024;

export type ReadResult = { input: Input; error?: never } | { input?: never; error: UsageError };

/**
 * Reads the paths a few at a time and yields each result in the order given, as soon as it and
 * every one before it are read. A file that cannot be read is yielded as its error, so the run
 * can report it and go on; errors that are not UsageErrors are bugs and are thrown.
 */
export async function* readInOrder(
  paths: readonly string[],
  concurrency = READ_CONCURRENCY,
): AsyncGenerator<ReadResult> {
  const queue: Promise<{ result: ReadResult; size: number } | { bug: unknown }>[] = [];
  let next = 0;
  let waiting = 0;
  const start = (path: string) =>
    readInput(path).then(
      (input) => {
        const size = input.text.length * 2;
        waiting += size;
        return { result: { input }, size };
      },
      (error: unknown) =>
        error instanceof UsageError ? { result: { error }, size: 0 } : { bug: error },
    );
  const fill = () => {
    while (next < paths.length && queue.length < concurrency && waiting < READ_AHEAD_BYTES) {
      queue.push(start(paths[next++]!));
    }
  };
  fill();
  while (queue.length > 0) {
    const settled = await queue.shift()!;
    if ('bug' in settled) throw settled.bug;
    waiting -= settled.size;
    fill();
    yield settled.result;
  }
}
