/** Alongside's engine: DOM-free, shared by the CLI, the extension and the playground. */
export * from './engine.ts';
export {
  parseLexicon,
  validateLexicon,
  lexiconJsonSchema,
  type Validation,
} from './lexicon/validate.ts';
export * from './lexicon/schema.ts';
export { defaultBibliography } from './default-lexicon.ts';
