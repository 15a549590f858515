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
export { mergeKits, type MergedKit } from './kit/merge-kit.ts';
export {
  reflect,
  compileReflections,
  areaLabel,
  FlagTally,
  REFLECTION_ORDER,
  type CompiledReflections,
  type FlagCategory,
  type ReflectionResult,
  type ReflectOptions,
} from './kit/reflect.ts';
