/** Alongside's engine: DOM-free, shared by the CLI, the extension and the playground. */
export { compile, type CompileOptions, type FindOptions, type Matcher } from './matcher/compile.ts';
export type { Finding } from './finding.ts';
export { createIncrementalScanner, type IncrementalScanner } from './incremental.ts';
export { defaultLexicon } from './default-lexicon.ts';
export {
  parseLexicon,
  validateLexicon,
  lexiconJsonSchema,
  type Validation,
} from './lexicon/validate.ts';
export * from './lexicon/schema.ts';
export { paragraphRanges } from './text/paragraphs.ts';
export { placeholders, type Placeholder } from './suggestions/placeholders.ts';
