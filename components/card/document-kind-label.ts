import type { DocumentKind, DocumentKindGuess } from '@/core/engine';

/** What a field is read as, in plain words: "Read as: a letter to the patient". */
export const DOCUMENT_KIND_LABEL: Record<DocumentKindGuess, string> = {
  'letter-to-patient': 'a letter to the patient',
  'letter-to-gp': 'a letter to a GP or colleague',
  'clinical-note': 'a clinical note',
  // Unsure reads as a note: letter-only suggestions stay silent until the text says more.
  unsure: 'a clinical note (not sure yet)',
};

/** The kinds a clinician can choose for a field, in the order the card offers them. */
export const CHOOSABLE_KINDS: readonly DocumentKind[] = [
  'letter-to-patient',
  'letter-to-gp',
  'clinical-note',
];
