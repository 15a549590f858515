/**
 * The engine without validation: what shipping code (the content script) imports. It pulls in no
 * zod, so it stays small; `core/index.ts` adds the schema, validation and JSON Schema on top.
 */
export { compile, type CompileOptions, type FindOptions, type Matcher } from './matcher/compile.ts';
export type { Finding, Replacement } from './finding.ts';
export { applyReplacement } from './suggestions/apply-replacement.ts';
export { previewReplacement, type Preview } from './suggestions/preview.ts';
export { createIncrementalScanner, type IncrementalScanner } from './incremental.ts';
export { defaultLexicon } from './default-lexicon.ts';
export {
  detectDocumentKind,
  type DocumentKindGuess,
} from './document-kind/detect-document-kind.ts';
export { paragraphRanges } from './text/paragraphs.ts';
export { placeholders, type Placeholder } from './suggestions/placeholders.ts';
export { SEVERITIES, LOCALES, DOCUMENT_KINDS } from './lexicon/constants.ts';
export type { Entry, Lexicon, Locale, Severity, DocumentKind } from './lexicon/schema.ts';
