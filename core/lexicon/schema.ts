import { z } from 'zod';
import { DETECTORS, DOCUMENT_KINDS, LOCALES, SEVERITIES } from './constants.ts';

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

export const DetectorSchema = z.enum(DETECTORS, { error: 'expected "scare-quotes"' });

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
    url: z.url({ error: 'expected a full web address starting with https://' }).optional(),
  },
  { error: 'expected a source object: { "citation": "...", "year": 2021, "url": "https://..." }' },
);
export type Source = z.infer<typeof SourceSchema>;

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
        .describe('Report the match only when one of these phrases comes just before it.'),
      onlyFollowedBy: stringList('phrases')
        .optional()
        .describe('Report the match only when one of these phrases comes just after it.'),
      window: z
        .number({ error: 'expected window as a number of words' })
        .int({ error: 'expected window as a whole number of words' })
        .min(1, { error: 'window must be at least 1' })
        .max(8, { error: 'window must be at most 8 words' })
        .optional()
        .describe(
          'How many words away a context phrase may start (1 = right next to the match). Default 1.',
        ),
    },
    { error: 'expected an object of context rules' },
  )
  .describe('When a match counts. Context never reaches across a sentence end or a blank line.');
export type ContextRules = z.infer<typeof ContextRulesSchema>;

export const LocaleOverrideSchema = z.strictObject(
  {
    message: text('message').optional(),
    why: text('why').optional(),
    alternatives: stringList('alternatives').optional(),
    advice: text('advice').optional(),
  },
  { error: 'expected an object with message, why, alternatives or advice for that locale' },
);

export const ExamplesSchema = z.strictObject(
  {
    flag: stringList('example sentences')
      .min(1, { error: 'give at least one sentence that should be flagged' })
      .describe('Sentences this entry must flag. The test suite checks each one.'),
    pass: stringList('example sentences')
      .min(1, { error: 'give at least one sentence that should not be flagged' })
      .describe('Sentences this entry must leave alone. The test suite checks each one.'),
  },
  { error: 'expected examples as { "flag": [...], "pass": [...] }' },
);

export const EntrySchema = z
  .strictObject(
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
        .array(SourceSchema, { error: 'expected an array of sources' })
        .min(1, { error: 'give at least one source' }),
      alternatives: stringList('alternatives').describe(
        'Relational, person-in-context wordings. "{reason}"-style placeholders are for the clinician to fill.',
      ),
      advice: text('advice')
        .optional()
        .describe('Guidance when the honest fix is to remove or rethink the phrase.'),
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
  )
  .superRefine((entry, ctx) => {
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
  });
export type Entry = z.infer<typeof EntrySchema>;

export const LexiconSchema = z
  .strictObject(
    {
      $schema: z.string().optional(),
      name: text('name'),
      version: text('version'),
      locale: LocaleSchema.optional(),
      description: text('description').optional(),
      entries: z.array(EntrySchema, { error: 'expected "entries" as an array of entry objects' }),
      disable: z
        .array(kebabId, { error: 'expected an array of entry ids' })
        .optional()
        .describe('Entry ids from earlier layers to switch off.'),
      allow: stringList('phrases')
        .optional()
        .describe('Phrases never to flag, e.g. "claims department".'),
      prompts: z
        .array(z.unknown(), { error: 'expected an array' })
        .optional()
        .describe('Reserved for the prompt kit.'),
    },
    { error: 'expected a lexicon object with "name", "version" and "entries"' },
  )
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
export type Lexicon = z.infer<typeof LexiconSchema>;
