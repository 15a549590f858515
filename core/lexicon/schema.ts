import { z } from 'zod';
import { DETECTORS, DOCUMENT_KINDS, LOCALES, MAX_CONTEXT_WINDOW, SEVERITIES } from './constants.ts';

/**
 * The lexicon file format. Everything else (types, JSON Schema, validation messages) derives from
 * these schemas, so a field is described once. Error messages are written for the service lead
 * editing a JSON file by hand: they say what was expected, in plain words.
 */

export { SEVERITIES, LOCALES, DOCUMENT_KINDS, DETECTORS };
export const SeveritySchema = z.enum(SEVERITIES, {
  error: 'expected one of "info", "suggest" or "warn"',
});
export type Severity = z.infer<typeof SeveritySchema>;

export const LocaleSchema = z.enum(LOCALES, { error: 'expected "en-GB" or "en-US"' });
export type Locale = z.infer<typeof LocaleSchema>;

export const DocumentKindSchema = z.enum(DOCUMENT_KINDS, {
  error: 'expected "letter-to-patient", "letter-to-gp" or "clinical-note"',
});
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const DetectorSchema = z.enum(DETECTORS, {
  error: `expected one of ${DETECTORS.map((d) => `"${d}"`).join(', ')}`,
});

const text = (what: string) =>
  z
    .string({ error: `expected ${what} as a string` })
    .trim()
    .min(1, { error: `${what} must not be empty` });

const stringList = (what: string) => z.array(text(what), { error: 'expected an array of strings' });

const kebabId = z.string({ error: 'expected a string id' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'use lower-case letters, digits and single hyphens, e.g. "claims-credibility"',
});

export const SourceSchema = z.strictObject(
  {
    citation: text('citation').describe('Authors, title and where it was published.'),
    year: z
      .number({ error: 'expected the year as a number, e.g. 2021' })
      .int({ error: 'expected a whole year, e.g. 2021' })
      .min(1900, { error: 'expected a year from 1900 on' })
      .max(2100, { error: 'expected a year before 2100' }),
    // https only: a link in the card must not run script (javascript:) or go out in the clear.
    url: z
      .url({ protocol: /^https$/, error: 'expected a full web address starting with https://' })
      .optional(),
    region: z
      .enum(['UK', 'US', 'international'], { error: 'expected "UK", "US" or "international"' })
      .optional()
      .describe(
        'Where the guidance comes from: a UK source is shown first in en-GB, a US one in en-US.',
      ),
  },
  { error: 'expected a source object: { "citation": "...", "year": 2021, "url": "https://..." }' },
);
export type Source = z.infer<typeof SourceSchema>;

/** A key of a bibliography, e.g. "nhs-language-matters-2018". */
export const SourceKeySchema = kebabId.describe(
  'The key of a source in the "bibliography" of this file or a layer below.',
);

/** How an entry cites a source: by its bibliography key, or written out in place. */
export const SourceRefSchema = z
  .union([SourceKeySchema, SourceSchema], {
    error:
      'expected a bibliography key such as "nhs-language-matters-2018", or a source object { "citation": "...", "year": 2021 }',
  })
  // In a managed policy a key is written { "key": "nhs-language-matters-2018" }.
  .meta({ policyObject: 'key' });
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const BibliographySchema = z
  .record(SourceKeySchema, SourceSchema, {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? 'a key uses lower-case letters, digits and single hyphens, e.g. "nhs-language-matters-2018"'
        : 'expected "bibliography" as an object of sources by key',
  })
  .describe(
    'Sources defined once, by key, for entries to cite ("sources": ["nhs-language-matters-2018"]). A later layer may cite the keys of the layers below and add its own.',
  );
export type Bibliography = z.infer<typeof BibliographySchema>;

const windowWords = z
  .number({ error: 'expected window as a number of words' })
  .int({ error: 'expected window as a whole number of words' })
  .min(1, { error: 'window must be at least 1' })
  .max(MAX_CONTEXT_WINDOW, { error: `window must be at most ${MAX_CONTEXT_WINDOW} words` });

export const ContextRulesSchema = z
  .strictObject(
    {
      notPrecededBy: stringList('phrases')
        .optional()
        .describe(
          'Skip the match when one of these phrases comes just before it (within `window` words).',
        ),
      notFollowedBy: stringList('phrases')
        .optional()
        .describe(
          'Skip the match when one of these phrases comes just after it (within `window` words).',
        ),
      onlyPrecededBy: stringList('phrases')
        .optional()
        .describe(
          'Report the match only when one of these phrases comes just before it. A phrase ending in ":" is a label just before a colon that starts the match ("outcome:" for "Outcome: self-management"); "^" is the start of the clause.',
        ),
      onlyFollowedBy: stringList('phrases')
        .optional()
        .describe(
          'Report the match only when one of these phrases comes just after it. A phrase starting with ":" comes just after a colon that ends the match; "$" is the end of the clause.',
        ),
      window: z
        .union(
          [
            windowWords,
            z.strictObject(
              {
                notPrecededBy: windowWords.optional(),
                notFollowedBy: windowWords.optional(),
                onlyPrecededBy: windowWords.optional(),
                onlyFollowedBy: windowWords.optional(),
              },
              { error: 'expected window per rule as an object of numbers' },
            ),
          ],
          { error: 'expected window as a number of words, or an object with one per rule' },
        )
        .optional()
        .describe(
          'How many words away a context phrase may start (1 = right next to the match). Default 1. An object gives each rule its own ({ "notPrecededBy": 2, "onlyFollowedBy": 10 }); rules it leaves out look 1 word away.',
        ),
    },
    { error: 'expected an object of context rules' },
  )
  .describe(
    'When a match counts. Context never reaches across a sentence end or a blank line, and across a colon only for a label phrase ("outcome:").',
  );
export type ContextRules = z.infer<typeof ContextRulesSchema>;

/**
 * Rules that say where an entry applies (onlyPrecededBy/onlyFollowedBy): such an entry may share
 * a phrase with a general one, and wins a tie with it on the same words.
 */
export const saysWhereItApplies = (rules: ContextRules | undefined) =>
  Boolean(rules?.onlyPrecededBy || rules?.onlyFollowedBy);

/**
 * One choice offered for a match: the text that replaces the matched words (the [context] words
 * included). `$1`…`$9` carry over what the phrase's groups matched, as written; `{reason}` is a
 * gap for the clinician. Where the wording must agree with what matched (the tense of "is" or
 * "was", "clean" or "dirty"), a table gives one text per option of a group.
 */
const template = z
  .string({ error: 'expected the alternative as a string' })
  .trim()
  .describe('The replacing text; "" removes the matched words (for "supposedly" and the like).');

export const AlternativeSchema = z
  .union(
    [
      template,
      z.strictObject(
        {
          group: z
            .number({
              error:
                'expected group as a number: 1 for the first (a|b) group, 0 for the whole match',
            })
            .int({ error: 'expected group as a whole number' })
            .min(0, { error: 'group must be 0 or more' })
            .max(9, { error: 'group must be at most 9' })
            .describe(
              'Which group picks the wording: 1 for the first "(a|b)" group; 0 for the whole flagged phrase.',
            ),
          cases: z
            .record(z.string(), template, { error: 'expected cases as { "what matched": "text" }' })
            .describe(
              'Text for each option the group can match, keyed by the option as written in the phrase; "" for an empty option.',
            ),
          otherwise: template.optional().describe('Text for any option without a case.'),
        },
        { error: 'expected an alternative as a string or { "group", "cases", "otherwise" }' },
      ),
    ],
    { error: 'expected an alternative as a string or { "group": 1, "cases": { ... } }' },
    // In a managed policy, whose schema cannot say "a string or an object", a plain alternative
    // is written { "text": "reports" } (core/settings/chromium-schema.ts).
  )
  .meta({ policyObject: 'text' });
export type Alternative = z.infer<typeof AlternativeSchema>;

const alternativeList = z.array(AlternativeSchema, { error: 'expected an array of alternatives' });

export const RewriteSchema = z.strictObject(
  {
    before: text('before').describe('A whole sentence with the flagged wording.'),
    after: text('after').describe('The same sentence as a clinician might rewrite it.'),
  },
  { error: 'expected a rewrite as { "before": "...", "after": "..." }' },
);

export const LocaleOverrideSchema = z
  .strictObject(
    {
      message: text('message').optional(),
      why: text('why').optional(),
      alternatives: alternativeList.optional(),
      advice: text('advice').optional(),
      rewrite: RewriteSchema.optional(),
    },
    { error: 'expected an object with message, why, alternatives or advice for that locale' },
  )
  .describe(
    'Wording for the locale where it differs. For en-US, a field left out is derived from the en-GB text with the common spelling pairs (behaviour/behavior, programme/program, -ise/-ize; core/lexicon/spelling.ts), so give only what really differs.',
  );

export const FlagExampleSchema = z
  .union(
    [
      text('example sentence'),
      z.strictObject(
        {
          text: text('example sentence'),
          flagged: text('flagged words')
            .optional()
            .describe(
              'The words the entry must underline, exactly as written in the sentence (e.g. "claims"), where the sentence alone does not say.',
            ),
          corrections: stringList('corrected sentences')
            .min(1, { error: 'give the corrected sentence for at least the first alternative' })
            .optional()
            .describe(
              'The whole sentence after applying each alternative, in order (the first one at least). Needed when the entry offers alternatives.',
            ),
          'en-US': stringList('corrected sentences')
            .optional()
            .describe('The corrected sentences with the en-US alternatives, where those differ.'),
        },
        { error: 'expected { "text": "...", "corrections": ["..."] }' },
      ),
    ],
    { error: 'expected an example sentence, or { "text", "corrections" }' },
  )
  .meta({ policyObject: 'text' });
export type FlagExample = z.infer<typeof FlagExampleSchema>;

export const ExamplesSchema = z.strictObject(
  {
    flag: z
      .array(FlagExampleSchema, { error: 'expected an array of example sentences' })
      .min(1, { error: 'give at least one sentence that should be flagged' })
      .describe(
        'Sentences this entry must flag, each with the exact sentence every alternative leaves. The test suite checks each one.',
      ),
    pass: stringList('example sentences')
      .min(1, { error: 'give at least one sentence that should not be flagged' })
      .describe('Sentences this entry must leave alone. The test suite checks each one.'),
  },
  { error: 'expected examples as { "flag": [...], "pass": [...] }' },
);

const EntryObjectSchema = z.strictObject(
  {
    id: kebabId.describe('Stable identifier; a later lexicon layer overrides an entry by id.'),
    category: kebabId.describe('Group name, e.g. "credibility" or "door-closing".'),
    severity: SeveritySchema.describe('info < suggest < warn.'),
    phrases: stringList('phrases')
      .optional()
      .describe(
        'What to match. Case, hyphen/space/no-space and curly/straight apostrophes are treated alike; ' +
          'a line break may fall inside a phrase. "(his|her|their)" lists alternatives for one word.',
      ),
    detect: DetectorSchema.optional().describe('A built-in detector instead of phrases.'),
    inflect: z
      .enum(['noun', 'verb'], { error: 'expected "noun" or "verb"' })
      .optional()
      .describe(
        '"verb" also matches -s/-ed/-ing forms of the first word; "noun" the plural of the last word. ' +
          'Irregular forms go in `phrases`.',
      ),
    caseSensitive: z.boolean({ error: 'expected true or false' }).optional(),
    context: ContextRulesSchema.optional(),
    message: text('message').describe('One short, calm line shown beside the flag.'),
    why: text('why').describe('Plain-language rationale: why this wording may harm, and when.'),
    sources: z
      .array(SourceRefSchema, { error: 'expected an array of sources' })
      .min(1, { error: 'give at least one source' })
      .describe(
        'Bibliography keys ("nhs-language-matters-2018") or source objects; the engine resolves keys when the layers are merged.',
      ),
    alternatives: alternativeList.describe(
      'Relational, person-in-context wordings that replace the matched words. "{reason}"-style placeholders are for the clinician to fill; $1 carries over what the first (a|b) group matched.',
    ),
    advice: text('advice')
      .optional()
      .describe('Guidance when the honest fix is to remove or rethink the phrase.'),
    rewrite: RewriteSchema.optional().describe(
      'For entries with advice and no drop-in alternative: a whole sentence before and after.',
    ),
    examples: ExamplesSchema,
    locales: z
      .strictObject(
        { 'en-US': LocaleOverrideSchema.optional(), 'en-GB': LocaleOverrideSchema.optional() },
        { error: 'expected an object keyed by "en-GB" or "en-US"' },
      )
      .optional()
      .describe('Wording for another locale; the base text is en-GB.'),
    appliesTo: z
      .array(DocumentKindSchema, { error: 'expected an array of document kinds' })
      .optional()
      .describe('Where the entry applies; omitted means everywhere.'),
    tags: stringList('tags').optional(),
    enabled: z.boolean({ error: 'expected true or false' }).optional(),
  },
  { error: 'expected an entry object' },
);

export const EntrySchema = EntryObjectSchema.superRefine((entry, ctx) => {
  if (!entry.phrases?.length && !entry.detect) {
    ctx.addIssue({
      code: 'custom',
      path: ['phrases'],
      message: 'give at least one phrase to match (or a "detect" detector)',
    });
  }
  if (entry.alternatives.length === 0 && !entry.advice) {
    ctx.addIssue({
      code: 'custom',
      path: ['alternatives'],
      message: 'give at least one alternative, or "advice" on removing the phrase',
    });
  }
  if (entry.alternatives.length === 0 && entry.advice && !entry.rewrite && !entry.detect) {
    ctx.addIssue({
      code: 'custom',
      path: ['rewrite'],
      message:
        'an entry with advice and no alternatives needs a "rewrite": { "before": "...", "after": "..." }',
    });
  }
});
export type Entry = z.infer<typeof EntrySchema>;

/** An entry as the engine uses it: every source key resolved to its source (merge-layers.ts). */
export type ResolvedEntry = Omit<Entry, 'sources'> & { sources: Source[] };

/** Fields every whole entry has; an entry in a later layer without one of them is a patch. */
export const REQUIRED_ENTRY_FIELDS = Object.entries(EntryObjectSchema.shape)
  .filter(([, field]) => !field.safeParse(undefined).success)
  .map(([key]) => key as keyof Entry);

/**
 * A later layer's change to an entry below it: its id and only the fields it changes, merged
 * over that entry (objects field by field, arrays and values replaced) and validated as a whole.
 */
export const EntryPatchSchema = EntryObjectSchema.partial()
  .required({ id: true })
  // Objects are merged, so a patch may give only some of theirs: new "flag" examples keep the
  // "pass" ones below.
  .extend({
    examples: ExamplesSchema.partial().optional(),
    rewrite: RewriteSchema.partial().optional(),
  });
export type EntryPatch = z.infer<typeof EntryPatchSchema>;

/**
 * The prompt kit: sections a clinician moves through, the prompts and scaffolds in each, and
 * the whole-letter reflections with their cue words. Layered as entries are: a later layer adds
 * an item, replaces one with the same id, changes one by a patch (its id and only the fields it
 * changes), or switches one off (`disable`, or `"enabled": false`).
 */
export const REFLECTION_IDS = [
  'way-back-in',
  'social-context',
  'written-to-person',
  'flag-summary',
] as const;
export type ReflectionId = (typeof REFLECTION_IDS)[number];

const kitLocales = <T extends z.ZodType>(words: T) =>
  z
    .strictObject({ 'en-US': words.optional() }, { error: 'expected an object keyed by "en-US"' })
    .optional()
    .describe(
      'Wording for en-US where it differs; a field left out is the en-GB text with US spelling.',
    );

export const KitSectionSchema = z.strictObject(
  {
    id: kebabId.describe('Stable identifier; items name their section by it.'),
    title: text('title').describe('The heading, a few words.'),
    intro: text('intro').optional().describe('One or two lines under the heading.'),
    sources: z.array(SourceRefSchema, { error: 'expected an array of sources' }).optional(),
    locales: kitLocales(
      z.strictObject({ title: text('title').optional(), intro: text('intro').optional() }),
    ),
    enabled: z.boolean({ error: 'expected true or false' }).optional(),
  },
  { error: 'expected a section object' },
);
export type KitSection = z.infer<typeof KitSectionSchema>;

export const KitItemSchema = z.strictObject(
  {
    id: kebabId.describe('Stable identifier; a later layer changes an item by id.'),
    section: kebabId.describe('The id of the section it is listed in.'),
    kind: z
      .enum(['reminder', 'question', 'scaffold'], {
        error: 'expected "reminder", "question" or "scaffold"',
      })
      .describe(
        'A reminder to read, a question to ask (or adapt), or a scaffold to insert and fill in.',
      ),
    title: text('title').describe('A few words naming it in the list.'),
    text: text('text').describe(
      'What is read, copied or inserted. A {gap} in braces is filled in after inserting (Tab moves between gaps); a blank line starts a new paragraph.',
    ),
    note: text('note').optional().describe('A line on why or when, shown under it.'),
    sources: z.array(SourceRefSchema, { error: 'expected an array of sources' }).optional(),
    kinds: z
      .array(DocumentKindSchema, { error: 'expected an array of document kinds' })
      .optional()
      .describe('The documents it fits; omitted means all.'),
    locales: kitLocales(
      z.strictObject({
        title: text('title').optional(),
        text: text('text').optional(),
        note: text('note').optional(),
      }),
    ),
    enabled: z.boolean({ error: 'expected true or false' }).optional(),
  },
  { error: 'expected a prompt object' },
);
export type KitItem = z.infer<typeof KitItemSchema>;

export const ReflectionSchema = z.strictObject(
  {
    id: z
      .enum(REFLECTION_IDS, {
        error: `expected one of ${REFLECTION_IDS.map((r) => `"${r}"`).join(', ')}`,
      })
      .describe('Which reflection: the engine knows how each is worked out.'),
    message: text('message').describe(
      'The observation, one or two calm lines. Filled in where the reflection gives them: {count} (flags, areas looked for, or third-person references), {areas} (social-context: the areas looked for, in words) and {categories} (flag-summary: "credibility 2, door-closing 1").',
    ),
    why: text('why').describe('Why it may matter to the person reading the letter.'),
    kinds: z
      .array(DocumentKindSchema, { error: 'expected an array of document kinds' })
      .min(1, { error: 'give at least one document kind' })
      .describe('The documents it is shown for.'),
    cues: z
      .record(kebabId, stringList('cue phrases'), {
        error: 'expected "cues" as an object of phrase lists by name',
      })
      .optional()
      .describe(
        'Named lists of phrases the reflection looks for, matched as lexicon phrases are (e.g. "housing": ["lives alone", "tenancy"]); an empty list is no longer looked for. Any reflection\'s "ignore" list holds look-alikes that do not count ("work-up"). way-back-in: every list but "negations" (words that negate a route: "not", "unable") is a route back in. social-context: every list is an area, named in {areas}. written-to-person reads only "salutation", "not-to-person", "third-person", "second-person" and "about-someone-else". flag-summary has no cues.',
      ),
    sources: z.array(SourceRefSchema, { error: 'expected an array of sources' }).optional(),
    locales: kitLocales(
      z.strictObject({ message: text('message').optional(), why: text('why').optional() }),
    ),
    enabled: z.boolean({ error: 'expected true or false' }).optional(),
  },
  { error: 'expected a reflection object' },
);
export type Reflection = z.infer<typeof ReflectionSchema>;

/** A change of something in a layer below: its id and only the fields it changes. */
const patchOf = <T extends z.ZodObject>(whole: T) => whole.partial().required({ id: true });
export const KitSectionPatchSchema = patchOf(KitSectionSchema);
export const KitItemPatchSchema = patchOf(KitItemSchema);
export const ReflectionPatchSchema = patchOf(ReflectionSchema);

export const KitSchema = z
  .strictObject(
    {
      sections: z
        .array(z.union([KitSectionSchema, KitSectionPatchSchema]), {
          error: 'expected "sections" as an array of section objects',
        })
        .optional(),
      items: z
        .array(z.union([KitItemSchema, KitItemPatchSchema]), {
          error: 'expected "items" as an array of prompt objects',
        })
        .optional(),
      reflections: z
        .array(z.union([ReflectionSchema, ReflectionPatchSchema]), {
          error: 'expected "reflections" as an array of reflection objects',
        })
        .optional(),
      disable: z
        .array(kebabId, { error: 'expected an array of ids' })
        .optional()
        .describe('Ids of sections, items or reflections from earlier layers to switch off.'),
    },
    { error: 'expected "prompts" as an object with sections, items and reflections' },
  )
  .describe(
    'The prompt kit: sections, their prompts and scaffolds, and the whole-letter reflections.',
  );
export type Kit = z.infer<typeof KitSchema>;

const lexiconShape = {
  $schema: z.string().optional(),
  name: text('name'),
  version: text('version'),
  locale: LocaleSchema.optional(),
  description: text('description').optional(),
  bibliography: BibliographySchema.optional(),
  entries: z.array(EntrySchema, { error: 'expected "entries" as an array of entry objects' }),
  disable: z
    .array(kebabId, { error: 'expected an array of entry ids' })
    .optional()
    .describe('Entry ids from earlier layers to switch off.'),
  allow: stringList('phrases')
    .optional()
    .describe('Phrases never to flag, e.g. "claims department".'),
  prompts: KitSchema.optional(),
};
const lexiconError = { error: 'expected a lexicon object with "name", "version" and "entries"' };

/** A lexicon whose entries are all whole (the default lexicon, or a layer with no patches). */
export const LexiconSchema = z
  .strictObject(lexiconShape, lexiconError)
  .superRefine((lexicon, ctx) => {
    const seenIds = new Map<string, number>();
    lexicon.entries.forEach((entry, index) => {
      const first = seenIds.get(entry.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'id'],
          message: `duplicate id "${entry.id}" (also entries[${first}]); give each entry its own id`,
        });
      } else seenIds.set(entry.id, index);
    });
  });

/**
 * A lexicon file as written: an entry may be whole, or a patch of an entry in a layer below.
 * Used for the top-level fields and the JSON Schema; validate.ts checks each entry on its own.
 */
export const LexiconFileSchema = z.strictObject(
  {
    ...lexiconShape,
    entries: z
      .array(z.union([EntrySchema, EntryPatchSchema]), {
        error: 'expected "entries" as an array of entry objects',
      })
      .describe(
        'Whole entries, or patches: { "id": "claims", "severity": "info" } changes only those fields of the entry with that id in a layer below.',
      ),
  },
  lexiconError,
);

/**
 * A validated layer. `entries` are whole; `patches` (set by validation) are the file's entries
 * that change an entry below, as written, applied by mergeLayers in the engine too.
 */
export type Lexicon = z.infer<typeof LexiconSchema> & { patches?: EntryPatch[] };
