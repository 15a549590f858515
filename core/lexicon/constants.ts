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
