import type { DocumentKind, DocumentKindGuess } from '../../core/engine.ts';
import type { Locale } from '../../core/lexicon/schema.ts';
import { cardMessages } from '../../locales/card.ts';

/** What a field is read as, in plain words: "Read as: a letter to the patient". */
export function documentKindLabels(locale: Locale): Record<DocumentKindGuess, string> {
  const m = cardMessages(locale);
  return {
    'letter-to-patient': m.kindLetterToPatient,
    'letter-to-gp': m.kindLetterToGp,
    'clinical-note': m.kindClinicalNote,
    unsure: m.kindUnsure,
  };
}

/** The en-GB words. */
export const DOCUMENT_KIND_LABEL: Record<DocumentKindGuess, string> =
  /* @__PURE__ */ documentKindLabels('en-GB');

/** The kinds a clinician can choose for a field, in the order the card offers them. */
export const CHOOSABLE_KINDS: readonly DocumentKind[] = [
  'letter-to-patient',
  'letter-to-gp',
  'clinical-note',
];
