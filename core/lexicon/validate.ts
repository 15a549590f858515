import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { checkExamples, type EntryAt } from './check-examples.ts';
import { MAX_LEXICON_CHARS, MAX_PHRASE_WORDS, MAX_PRECEDING_CONTEXT_WORDS } from './constants.ts';
import {
  contextPhrase,
  expandPattern,
  expandPhrase,
  PhraseError,
  type PhrasePattern,
} from './expand-phrase.ts';
import { closest, formatIssue, formatPath } from './format-issue.ts';
import { applyPatch, mergeLayers } from './merge-layers.ts';
import { mergeKits, type MergedKit } from '../kit/merge-kit.ts';
import { compileReflections } from '../kit/reflect.ts';
import type { Kit, ReflectionId, SourceRef } from './schema.ts';
import {
  EntryPatchSchema,
  EntrySchema,
  LexiconFileSchema,
  REQUIRED_ENTRY_FIELDS,
  saysWhereItApplies,
  SourceSchema,
  type Alternative,
  type Bibliography,
  type Entry,
  type EntryPatch,
  type Lexicon,
} from './schema.ts';

export type Validation = { ok: true; lexicon: Lexicon } | { ok: false; errors: string[] };

export interface ValidateOptions {
  /**
   * The layers this one goes on top of (the default lexicon first). Given, a patch is merged
   * over the entry it names and validated whole, and `disable` ids must name entries below.
   * Left out, every entry must be whole.
   */
  below?: readonly Lexicon[];
  /** Also run every entry's examples through the engine (slower: compiles the layers). */
  examples?: boolean;
}

/** Field names allowed at a path, for "did you mean" hints on unknown fields. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 0) return Object.keys(LexiconFileSchema.shape);
  if (path[0] === 'bibliography' && path.length === 2) return Object.keys(SourceSchema.shape);
  if (path[0] === 'entries' && path.length === 2) return Object.keys(EntrySchema.shape);
  if (parent === 'sources' || last === 'sources') return Object.keys(SourceSchema.shape);
  if (last === 'context')
    return ['notPrecededBy', 'notFollowedBy', 'onlyPrecededBy', 'onlyFollowedBy', 'window'];
  if (last === 'examples') return ['flag', 'pass'];
  if (parent === 'flag') return ['text', 'flagged', 'corrections', 'en-US'];
  if (parent === 'locales') return ['message', 'why', 'alternatives', 'advice', 'rewrite'];
  if (path[0] === 'prompts' && path.length === 1)
    return ['sections', 'items', 'reflections', 'disable'];
  if (last === 'locales') return ['en-GB', 'en-US'];
  return [];
}

const CONTEXT_RULES = [
  'notPrecededBy',
  'notFollowedBy',
  'onlyPrecededBy',
  'onlyFollowedBy',
] as const;

/** A phrase as shown in a message: a long one is cut, so one line stays one line. */
const shown = (phrase: string) => {
  const words = phrase.trim().split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 6).join(' ')} …` : phrase;
};

/** The most words any form of the phrase has, or a PhraseError where it could never match. */
function longestForm(phrase: string, inflect?: 'noun' | 'verb'): number {
  return expandPhrase(phrase, inflect).reduce((n, form) => Math.max(n, form.length), 0);
}

const tooLong = (phrase: string, words: number, most: number, what: string) =>
  `"${shown(phrase)}" has ${words.toLocaleString('en-GB')} words; ${what} may have at most ${most}`;

/**
 * Checks what zod cannot see alone: phrases that could never match or are too long, and the
 * same phrase in two entries.
 */
function phraseErrors(entries: readonly EntryAt[]): string[] {
  const errors: string[] = [];
  const owner = new Map<string, { index: number; phrase: string; entry: Entry }>();
  for (const { entry, index } of entries) {
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
      const longest = forms.reduce((n, form) => Math.max(n, form.length), 0);
      if (longest > MAX_PHRASE_WORDS) {
        errors.push(
          `${where}: ${tooLong(phrase, longest, MAX_PHRASE_WORDS, 'a phrase ([context] words included)')}`,
        );
        return;
      }
      // An entry that says where it applies (onlyPrecededBy/onlyFollowedBy) may share a phrase
      // with a general one: "self-management" is noted anywhere but suggested after "Outcome:".
      const contextual = saysWhereItApplies(entry.context);
      for (const form of forms) {
        const key = form.join(' ');
        const first = owner.get(key);
        const firstContextual = first && saysWhereItApplies(first.entry.context);
        if (first && first.index !== index && !contextual && !firstContextual) {
          errors.push(
            `${where}: "${phrase}" also matches "${key}", already matched by entries[${first.index}] ` +
              `("${first.phrase}", id "${first.entry.id}"); keep each phrase in one entry, ` +
              'or say where the second applies (onlyPrecededBy or onlyFollowedBy)',
          );
          break;
        }
        if (!first) owner.set(key, { index, phrase, entry });
      }
    });
    for (const rule of CONTEXT_RULES) {
      // The matcher looks back a fixed distance for a phrase before the match (context.ts).
      const most = rule.endsWith('PrecededBy') ? MAX_PRECEDING_CONTEXT_WORDS : MAX_PHRASE_WORDS;
      entry.context?.[rule]?.forEach((phrase, p) => {
        const where = formatPath(['entries', index, 'context', rule, p]);
        try {
          const { words, anchor } = contextPhrase(phrase);
          if (anchor) return;
          const longest = longestForm(words);
          if (longest > most) {
            errors.push(
              `${where}: ${tooLong(phrase, longest, most, `a ${rule} phrase`)}` +
                (most === MAX_PRECEDING_CONTEXT_WORDS
                  ? ', as the matcher looks no further back, so it would never match'
                  : ''),
            );
          }
        } catch (error) {
          if (!(error instanceof PhraseError)) throw error;
          errors.push(`${where}: ${error.message}`);
        }
      });
    }
  }
  return errors;
}

/** Allow phrases the matcher would skip (punctuation it drops, "Dr. Jones claims") or too long. */
function allowErrors(allow: readonly string[] | undefined): string[] {
  const errors: string[] = [];
  allow?.forEach((phrase, k) => {
    try {
      const longest = longestForm(phrase);
      if (longest > MAX_PHRASE_WORDS) {
        errors.push(
          `allow[${k}]: ${tooLong(phrase, longest, MAX_PHRASE_WORDS, 'an allow phrase')}`,
        );
      }
    } catch (error) {
      if (!(error instanceof PhraseError)) throw error;
      errors.push(`allow[${k}]: never matches: ${error.message}`);
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

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const issuesAt = (index: number, issues: readonly z.core.$ZodIssue[]) =>
  issues.map((issue) =>
    formatIssue({ ...issue, path: ['entries', index, ...issue.path] }, knownKeys),
  );

/** The top level first, with entries only as values: each is checked on its own. */
const HeadSchema = LexiconFileSchema.extend({
  entries: z.array(z.unknown(), { error: 'expected "entries" as an array of entry objects' }),
  // The kit's items likewise: mergeKits checks each, over the kits below.
  prompts: z
    .strictObject(
      {
        sections: z.array(z.unknown(), { error: 'expected "sections" as an array' }).optional(),
        items: z.array(z.unknown(), { error: 'expected "items" as an array' }).optional(),
        reflections: z
          .array(z.unknown(), { error: 'expected "reflections" as an array' })
          .optional(),
        disable: z.array(z.string(), { error: 'expected an array of ids' }).optional(),
      },
      { error: 'expected "prompts" as an object with sections, items and reflections' },
    )
    .optional(),
});

/** Fields whose change makes the earlier entry's examples say nothing about the new one. */
const REWRITES_EXAMPLES = ['phrases', 'alternatives', 'detect', 'inflect'] as const;

const quoteAll = (items: readonly string[]) => items.map((i) => `"${i}"`).join(', ');

/** Source keys no layer defines, and keys this layer defines again over a layer below. */
function bibliographyErrors(
  entries: readonly EntryAt[],
  own: Readonly<Bibliography> | undefined,
  below: Readonly<Bibliography>,
): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(own ?? {})) {
    if (Object.hasOwn(below, key)) {
      errors.push(
        `bibliography.${key}: "${key}" is already defined in a layer below; cite it as it is, or give your source a key of its own`,
      );
    }
  }
  const keys = [...Object.keys(below), ...Object.keys(own ?? {})];
  for (const { entry, index } of entries) {
    entry.sources.forEach((source, k) => {
      if (typeof source !== 'string' || keys.includes(source)) return;
      const hint = closest(source, keys);
      errors.push(
        `${formatPath(['entries', index, 'sources', k])}: there is no source "${source}" in the bibliography of this file or the layers below` +
          (hint
            ? `; did you mean "${hint}"?`
            : '; add it to "bibliography", or write the source out here'),
      );
    });
  }
  return errors;
}

/** Source keys the kit's sections, prompts and reflections cite that no layer defines. */
/**
 * Cue phrases of this layer's reflections that could never be found in a letter (a "!" in one,
 * say): the engine would leave them out without a word, so validation says so. Only the
 * reflections this layer gives or changes are reported, as "prompts.reflections[k].cues…".
 */
function cueErrors(kit: MergedKit, layer: Kit): string[] {
  const own = new Map((layer.reflections ?? []).map((r, k) => [r.id, k]));
  if (own.size === 0) return [];
  return compileReflections(kit).problems.flatMap((problem) => {
    const id = problem.slice(0, problem.indexOf(' '));
    const k = own.get(id as ReflectionId);
    return k === undefined ? [] : [`prompts.reflections[${k}].${problem.slice(id.length + 1)}`];
  });
}

function kitSourceErrors(kit: Kit | undefined, keys: readonly string[]): string[] {
  const errors: string[] = [];
  for (const part of ['sections', 'items', 'reflections'] as const) {
    (kit?.[part] ?? []).forEach((item: { sources?: readonly SourceRef[] }, index) => {
      (item.sources ?? []).forEach((source, k) => {
        if (typeof source !== 'string' || keys.includes(source)) return;
        const hint = closest(source, keys);
        errors.push(
          `prompts.${part}[${index}].sources[${k}]: there is no source "${source}" in the bibliography of this file or the layers below` +
            (hint
              ? `; did you mean "${hint}"?`
              : '; add it to "bibliography", or write it out here'),
        );
      });
    });
  }
  return errors;
}

/**
 * Validates parsed JSON as a lexicon layer. Errors are "path: problem" lines, most useful
 * first. With `below`, an entry that names an entry below and leaves out some required field is
 * a patch: merged over that entry (as the engine does, merge-layers.ts) and validated whole.
 */
export function validateLexicon(input: unknown, options: ValidateOptions = {}): Validation {
  const { below } = options;
  const merged = below ? mergeLayers(below) : undefined;
  const known = merged?.known;
  const knownIds = known ? [...known.keys()] : [];
  const whole: Entry[] = [];
  const patches: EntryPatch[] = [];
  /** Every entry this layer defines, patches merged: what the phrase and example checks see. */
  const checked: EntryAt[] = [];
  const seenIds = new Map<string, number>();

  function entryErrors(raw: readonly unknown[]): string[] {
    const out: string[] = [];
    raw.forEach((item, index) => {
      const id = isPlainObject(item) && typeof item.id === 'string' ? item.id : undefined;
      const missing = isPlainObject(item)
        ? REQUIRED_ENTRY_FIELDS.filter((key) => key !== 'id' && !Object.hasOwn(item, key))
        : [];
      if (id !== undefined) {
        const first = seenIds.get(id);
        if (first !== undefined) {
          out.push(
            `entries[${index}].id: duplicate id "${id}" (also entries[${first}]); give each entry its own id`,
          );
          return;
        }
        seenIds.set(id, index);
      }
      if (known && id !== undefined && missing.length) {
        const base = known.get(id);
        if (!base) {
          const hint = closest(id, knownIds);
          out.push(
            hint
              ? `entries[${index}].id: there is no entry "${id}" in the layers below to patch; did you mean "${hint}"?`
              : `entries[${index}].id: there is no entry "${id}" in the layers below to patch, and a new entry needs every field (missing ${quoteAll(missing)})`,
          );
          return;
        }
        const patch = EntryPatchSchema.safeParse(item, { reportInput: true });
        if (!patch.success) {
          out.push(...issuesAt(index, patch.error.issues));
          return;
        }
        const rewritten = REWRITES_EXAMPLES.filter((key) => patch.data[key] !== undefined);
        if (rewritten.length && !patch.data.examples?.flag) {
          out.push(
            `entries[${index}].examples: this patch changes ${quoteAll(rewritten)}, so give its own "examples" ("flag" sentences with their "corrections", and "pass" ones); those of "${id}" below were written for its old wording`,
          );
          return;
        }
        const merged = EntrySchema.safeParse(applyPatch(base.entry, patch.data), {
          reportInput: true,
        });
        if (!merged.success) {
          out.push(
            ...issuesAt(index, merged.error.issues).map((e) => `${e} (in "${id}" as patched)`),
          );
          return;
        }
        patches.push(patch.data);
        checked.push({ entry: merged.data, index });
        return;
      }
      const parsed = EntrySchema.safeParse(item, { reportInput: true });
      if (!parsed.success) {
        out.push(...issuesAt(index, parsed.error.issues));
        return;
      }
      whole.push(parsed.data);
      checked.push({ entry: parsed.data, index });
    });
    return out;
  }

  const head = HeadSchema.safeParse(input, { reportInput: true });
  if (!head.success) {
    const errors = head.error.issues.map((issue) => formatIssue(issue, knownKeys));
    // Still report the entries' problems, so one run lists everything to fix.
    const entries = isPlainObject(input) && Array.isArray(input.entries) ? input.entries : [];
    return { ok: false, errors: [...errors, ...entryErrors(entries)] };
  }
  const data = head.data;
  const errors: string[] = [];
  errors.push(...entryErrors(data.entries));
  data.disable?.forEach((id, k) => {
    if (!known || known.has(id)) return;
    const hint = closest(id, knownIds);
    errors.push(
      `disable[${k}]: there is no entry "${id}" in the layers below to switch off` +
        (hint ? `; did you mean "${hint}"?` : ''),
    );
  });
  if (data.prompts) {
    const kits = [...(below ?? []).map((l) => l.prompts), data.prompts as Kit];
    const { kit, errors: kitErrors } = mergeKits(kits);
    errors.push(...kitErrors);
    errors.push(...cueErrors(kit, data.prompts as Kit));
    const keys = [
      ...Object.keys(merged?.bibliography ?? {}),
      ...Object.keys(data.bibliography ?? {}),
    ];
    errors.push(...kitSourceErrors(data.prompts as Kit, keys));
  }
  errors.push(...allowErrors(data.allow));
  errors.push(...bibliographyErrors(checked, data.bibliography, merged?.bibliography ?? {}));
  if (errors.length) return { ok: false, errors };

  errors.push(...phraseErrors(checked));
  for (const { entry, index } of checked) errors.push(...alternativeErrors(entry, index));
  if (errors.length) return { ok: false, errors };

  const { entries: _raw, ...rest } = data;
  const lexicon: Lexicon = {
    ...rest,
    // Each part was checked by mergeKits above.
    prompts: rest.prompts as Kit | undefined,
    entries: whole,
    ...(patches.length ? { patches } : {}),
  };
  if (options.examples) {
    const problems = checkExamples([...(below ?? []), lexicon], lexicon, checked);
    if (problems.length) return { ok: false, errors: problems };
  }
  return { ok: true, lexicon };
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

/** jsonc-parser's error codes in plain words (the CSV reader's JSON cells use them too). */
export const JSON_PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'not a number as JSON writes one',
  ValueExpected: 'a value was expected',
  PropertyNameExpected: 'a "quoted" field name was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'nothing more was expected',
  InvalidCommentToken: 'a comment is not closed (a /* needs its */)',
  UnexpectedEndOfComment: 'a comment is not closed (a /* needs its */)',
  UnexpectedEndOfString: 'the text ends inside a string',
  UnexpectedEndOfNumber: 'the text ends inside a number',
  InvalidUnicode: 'a \\u escape needs four hex digits',
  InvalidEscapeCharacter: 'an unknown \\ escape in a string',
  InvalidCharacter:
    'a string holds a raw control character (a tab or line break: write \\t or \\n)',
};

/**
 * The value of a parsed tree. Fields are defined rather than assigned, so a "__proto__" field
 * is an ordinary (unknown) field, as with JSON.parse; a field given twice is told to `twice`
 * (with the offset of its second key). The CSV reader's JSON cells use it too.
 */
export function treeValue(node: Node, twice: (name: string, offset: number) => void): unknown {
  if (node.type === 'array') return (node.children ?? []).map((c) => treeValue(c, twice));
  if (node.type !== 'object') return node.value;
  const out: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) continue;
    const name = String(key.value);
    if (Object.hasOwn(out, name)) twice(name, key.offset);
    Object.defineProperty(out, name, {
      value: treeValue(value, twice),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * Parses lexicon text and validates it. JSONC, as VS Code reads it: comments and trailing
 * commas are fine, so a hand-written file can say why a list is what it is. A leading BOM is
 * fine too. A broken file is reported with the line and column where it breaks.
 */
export function parseLexicon(json: string, options: ValidateOptions = {}): Validation {
  if (json.length > MAX_LEXICON_CHARS) {
    return {
      ok: false,
      errors: [
        `is ${json.length.toLocaleString('en-GB')} characters; a lexicon file may have at most ${MAX_LEXICON_CHARS.toLocaleString('en-GB')} (about 2 MB): split it into layers`,
      ],
    };
  }
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  const syntax: ParseError[] = [];
  const tree = parseTree(text, syntax, { allowTrailingComma: true, disallowComments: false });
  const first = syntax[0];
  if (first || !tree) {
    const problem = first
      ? (JSON_PROBLEMS[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error))
      : 'the file is empty';
    const at = first ? ` at ${lineAndColumn(text, first.offset)}` : '';
    return { ok: false, errors: [`not valid JSON${at}: ${problem}`] };
  }
  const duplicates: string[] = [];
  const data = treeValue(tree, (name, offset) =>
    duplicates.push(
      `"${name}" is given twice in one object (again at ${lineAndColumn(text, offset)}); keep one`,
    ),
  );
  if (duplicates.length) return { ok: false, errors: duplicates };
  return validateLexicon(data, options);
}

/** JSON Schema for lexicon files, generated from the zod schema so the two never drift. */
export function lexiconJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(LexiconFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
