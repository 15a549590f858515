/** Closed vocabularies of the lexicon format, kept free of zod so shipping code can use them. */
export const SEVERITIES = ['info', 'suggest', 'warn'] as const;
export const LOCALES = ['en-GB', 'en-US'] as const;
export const DOCUMENT_KINDS = ['letter-to-patient', 'letter-to-gp', 'clinical-note'] as const;
/** Detectors that are not phrase lists but are still described, explained and tested as data. */
export const DETECTORS = [
  'scare-quotes',
  'doubting-quotes',
  'dialect-quotes',
  'unfilled-placeholder',
] as const;

/** How far a context rule may look, in words; context never crosses a sentence end anyway. */
export const MAX_CONTEXT_WINDOW = 12;

/**
 * The most words one form of a phrase may have ([context] words included), and the most an
 * allow or context phrase may have. The longest built-in form has 13; a phrase of thousands of
 * words matches nothing real and makes every check slow.
 */
export const MAX_PHRASE_WORDS = 20;
/**
 * The matcher looks for a notPrecededBy/onlyPrecededBy phrase starting at most this many words
 * back from where it ends (core/matcher/context.ts), so a longer one never matches.
 */
export const MAX_PRECEDING_CONTEXT_WORDS = 8;
/** The largest lexicon file read, in characters: the biggest built-in category is about 0.5 MB. */
export const MAX_LEXICON_CHARS = 2_000_000;
