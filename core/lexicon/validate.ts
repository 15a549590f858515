import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import {
  contextPhrase,
  expandPattern,
  expandPhrase,
  PhraseError,
  type PhrasePattern,
} from './expand-phrase.ts';
import { formatIssue, formatPath } from './format-issue.ts';
import {
  EntrySchema,
  LexiconSchema,
  saysWhereItApplies,
  SourceSchema,
  type Alternative,
  type Entry,
  type Lexicon,
} from './schema.ts';

export type Validation = { ok: true; lexicon: Lexicon } | { ok: false; errors: string[] };

/** Field names allowed at a path, for "did you mean" hints on unknown fields. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 0) return Object.keys(LexiconSchema.shape);
  if (path[0] === 'entries' && path.length === 2) return Object.keys(EntrySchema.shape);
  if (parent === 'sources' || last === 'sources') return Object.keys(SourceSchema.shape);
  if (last === 'context')
    return ['notPrecededBy', 'notFollowedBy', 'onlyPrecededBy', 'onlyFollowedBy', 'window'];
  if (last === 'examples') return ['flag', 'pass'];
  if (parent === 'locales') return ['message', 'why', 'alternatives', 'advice'];
  if (last === 'locales') return ['en-GB', 'en-US'];
  return [];
}

/** Checks what zod cannot see alone: phrases that could never match, and the same phrase in two entries. */
function phraseErrors(lexicon: Lexicon): string[] {
  const errors: string[] = [];
  const owner = new Map<string, { index: number; phrase: string }>();
  lexicon.entries.forEach((entry, index) => {
    entry.phrases?.forEach((phrase, p) => {
      const where = formatPath(['entries', index, 'phrases', p]);
      let forms: string[][];
      try {
        forms = expandPhrase(phrase, entry.inflect);
      } catch (error) {
        if (error instanceof PhraseError) {
          errors.push(`${where}: ${error.message}`);
          return;
        }
        throw error;
      }
      // An entry that says where it applies (onlyPrecededBy/onlyFollowedBy) may share a phrase
      // with a general one: "self-management" is noted anywhere but suggested after "Outcome:".
      const contextual = saysWhereItApplies(entry.context);
      for (const form of forms) {
        const key = form.join(' ');
        const first = owner.get(key);
        const firstContextual = first && saysWhereItApplies(lexicon.entries[first.index]!.context);
        if (first && first.index !== index && !contextual && !firstContextual) {
          errors.push(
            `${where}: "${phrase}" also matches "${key}", already matched by entries[${first.index}] ` +
              `("${first.phrase}", id "${lexicon.entries[first.index]!.id}"); keep each phrase in one entry, ` +
              'or say where the second applies (onlyPrecededBy or onlyFollowedBy)',
          );
          break;
        }
        if (!first) owner.set(key, { index, phrase });
      }
    });
    for (const rule of [
      'notPrecededBy',
      'notFollowedBy',
      'onlyPrecededBy',
      'onlyFollowedBy',
    ] as const) {
      entry.context?.[rule]?.forEach((phrase, p) => {
        try {
          const { words, anchor } = contextPhrase(phrase);
          if (!anchor) expandPhrase(words);
        } catch (error) {
          if (!(error instanceof PhraseError)) throw error;
          errors.push(`${formatPath(['entries', index, 'context', rule, p])}: ${error.message}`);
        }
      });
    }
  });
  return errors;
}

const templatesOf = (alt: Alternative) =>
  typeof alt === 'string'
    ? [alt]
    : [...Object.values(alt.cases), ...(alt.otherwise ? [alt.otherwise] : [])];

const quoteList = (items: string[]) =>
  items
    .slice(0, 3)
    .map((i) => `"${i}"`)
    .join(', ') + (items.length > 3 ? ` and ${items.length - 3} more` : '');

/**
 * Alternatives must fit every phrase of their entry: each `$n` names a group the phrase has, and
 * a table has wording for every option its group can match. Checked for every form, so a
 * service's lexicon cannot ship a suggestion that breaks on a variant nobody tried.
 */
function alternativeErrors(entry: Entry, index: number): string[] {
  const errors: string[] = [];
  const patterns: [string, PhrasePattern][] = [];
  for (const phrase of entry.phrases ?? []) {
    try {
      patterns.push([phrase, expandPattern(phrase, entry.inflect)]);
    } catch (error) {
      if (!(error instanceof PhraseError)) throw error;
    }
  }
  const lists: [path: (string | number)[], alts: Alternative[]][] = [
    [['alternatives'], entry.alternatives],
  ];
  for (const locale of ['en-GB', 'en-US'] as const) {
    const alts = entry.locales?.[locale]?.alternatives;
    if (alts) lists.push([['locales', locale, 'alternatives'], alts]);
  }
  for (const [path, alts] of lists) {
    alts.forEach((alt, k) => {
      const where = formatPath(['entries', index, ...path, k]);
      for (const [phrase, { options }] of patterns) {
        const refs = templatesOf(alt).flatMap((t) =>
          [...t.matchAll(/\$(\d)/g)].map((m) => Number(m[1])),
        );
        for (const n of new Set(refs)) {
          if (n === 0 || n > options.length) {
            errors.push(
              `${where}: "$${n}" names group ${n}, but "${phrase}" has ${options.length === 1 ? '1 group' : `${options.length} groups`}; number groups from $1`,
            );
          }
        }
        if (typeof alt === 'string') continue;
        let keys: string[];
        if (alt.group === 0) {
          // Forms as written with spaces: a phrase run together ("insiststhat") is too rare in
          // text to need wording of its own, and falls back to "otherwise" or is not offered.
          keys = expandPattern(phrase, entry.inflect, false, false).forms.map((f) =>
            f.words.slice(f.lead, f.words.length - f.trail).join(' '),
          );
        } else if (alt.group > options.length) {
          errors.push(`${where}: group ${alt.group} does not exist in "${phrase}"`);
          continue;
        } else keys = options[alt.group - 1]!;
        const missing = [...new Set(keys)].filter((key) => !Object.hasOwn(alt.cases, key));
        if (missing.length && !alt.otherwise) {
          errors.push(
            `${where}: no wording for ${quoteList(missing)} (group ${alt.group} of "${phrase}"); add ${missing.length === 1 ? 'it' : 'them'} to "cases" or give "otherwise"`,
          );
        }
      }
    });
  }
  return errors;
}

/** Validates parsed JSON as a lexicon. Errors are "path: problem" lines, most useful first. */
export function validateLexicon(input: unknown): Validation {
  const parsed = LexiconSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => formatIssue(issue, knownKeys)) };
  }
  const errors = phraseErrors(parsed.data);
  parsed.data.entries.forEach((entry, index) => errors.push(...alternativeErrors(entry, index)));
  return errors.length ? { ok: false, errors } : { ok: true, lexicon: parsed.data };
}

/** "line 4, column 7" for a character offset, 1-based. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

const JSON_PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  ValueExpected: 'a value was expected',
  PropertyNameExpected: 'a "quoted" field name was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'nothing more was expected',
  UnexpectedEndOfString: 'the text ends inside a string',
  InvalidCommentToken: 'comments are not allowed in JSON',
};

/** Where and why JSON.parse failed: V8 on Node 20 does not always say where. */
function describeJsonError(text: string, fallback: string): string {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return `not valid JSON: ${fallback}`;
  const code = printParseErrorCode(first.error);
  const problem = JSON_PROBLEMS[code] ?? code;
  return `not valid JSON at ${lineAndColumn(text, first.offset)}: ${problem}`;
}

/** Parses lexicon JSON text (a leading BOM is fine) and validates it. */
export function parseLexicon(json: string): Validation {
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [describeJsonError(text, error instanceof Error ? error.message : String(error))],
    };
  }
  return validateLexicon(data);
}

/** JSON Schema for lexicon files, generated from the zod schema so the two never drift. */
export function lexiconJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(LexiconSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
