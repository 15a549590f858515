import type { DocumentKind } from '../lexicon/schema.ts';
import cues from './cues.json' with { type: 'json' };

/** What a text reads as; "unsure" behaves as a clinical note (letter-only entries stay silent). */
export type DocumentKindGuess = DocumentKind | 'unsure';

/** Only the start and the end of a long text carry the cues (salutation, headings, sign-off, cc). */
const HEAD = 4000;
const TAIL = 1500;

const lowerLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);

const startsWithAny = (line: string, list: readonly string[]) =>
  list.some((cue) => line === cue || (line.startsWith(cue) && !/[a-z]/.test(line[cue.length]!)));

/** A heading line: a cue alone, or followed by a colon ("PLAN:", "S: ..."), or in capitals. */
function isHeading(raw: string, line: string): boolean {
  for (const cue of cues.noteHeadings) {
    if (!line.startsWith(cue)) continue;
    const rest = line.slice(cue.length);
    if (/^\s*:/.test(rest)) return true;
    // A bare line in capitals ("FINDINGS", "HISTORY OF PRESENT ILLNESS"), not a sentence.
    if (rest.trim() === '' && cue.length > 2 && raw.trim() === raw.trim().toUpperCase()) return true;
  }
  return false;
}

/** "You"/"your" outside quotation marks, per hundred words: how much the text talks to the reader. */
function secondPersonRate(text: string): number {
  const unquoted = text.replace(/["“][^"”\n]*["”]/g, ' ');
  const words = unquoted.match(/[A-Za-z']+/g) ?? [];
  if (words.length === 0) return 0;
  let you = 0;
  for (const w of words) if (/^(you|your|yours|yourself)$/i.test(w)) you++;
  return (100 * you) / words.length;
}

/**
 * Guesses whether a text is a letter the person will read, a letter to a GP or colleague, or a
 * clinical note or report, from several cues together: the salutation, talking to the reader
 * ("you"), "Re:" and "cc:" lines, note headings (FINDINGS, PLAN:) and a sign-off. A letter to a
 * GP copied to the person counts as a letter the person reads. When the cues are too few or
 * disagree, it says "unsure". The cue words are data (`cues.json`).
 */
export function detectDocumentKind(text: string): DocumentKindGuess {
  const sample = text.length > HEAD + TAIL ? text.slice(0, HEAD) + '\n' + text.slice(-TAIL) : text;
  const rawLines = sample.split(/\r?\n/).filter((l) => l.trim());
  const lines = lowerLines(sample);
  const flat = lines.join(' ');

  let toPerson = 0;
  let toColleague = 0;
  let letter = 0;
  let note = 0;
  let copiedToPerson = false;

  lines.forEach((line, k) => {
    if (startsWithAny(line, cues.salutationToColleague)) {
      toColleague += 2;
      letter += 2;
    } else if (startsWithAny(line, cues.salutationToPerson)) {
      toPerson += 2;
      letter += 2;
    } else if (/^dear [a-z]+,?$/.test(line)) {
      // "Dear Amira," — a first name: written to the person.
      toPerson += 2;
      letter += 2;
    }
    if (startsWithAny(line.replace(/[.,!]+$/, ''), cues.signOff) && line.length < 40) letter += 1;
    if (startsWithAny(line, cues.referenceLine)) letter += 1;
    const copy = cues.copyLine.find((cue) => startsWithAny(line, [cue]));
    if (copy) {
      letter += 1;
      const rest = line.slice(copy.length);
      if (cues.copyToPerson.some((w) => new RegExp(`\\b${w}\\b`).test(rest))) copiedToPerson = true;
      // "cc: Mrs A Patel, 12 High Street": a person by title, not a clinician or a team.
      else if (/^\s*[:\-]?\s*(mr|mrs|ms|miss|mx|master)\b/.test(rest) && !/\bdr\b/.test(rest)) {
        copiedToPerson = true;
      }
    }
    if (isHeading(rawLines[k] ?? '', line)) note += 1;
  });

  for (const cue of cues.aboutPatientToColleague) if (flat.includes(cue)) toColleague += 1;
  for (const cue of cues.addressedToPerson) if (flat.includes(cue)) toPerson += 1;
  const you = secondPersonRate(sample);
  if (you >= 2) toPerson += 2;
  else if (you >= 0.8) toPerson += 1;

  // A note with headings and no letter furniture; a letter may have a heading or two.
  if (note >= 2 && letter === 0) return toPerson >= 3 ? 'unsure' : 'clinical-note';
  if (letter === 0 && note === 0) {
    if (toPerson >= 3 && toColleague === 0) return 'letter-to-patient';
    return 'unsure';
  }
  if (letter < 2 && note >= letter) return note >= 2 ? 'clinical-note' : 'unsure';
  if (copiedToPerson || toPerson > toColleague + 1) return 'letter-to-patient';
  if (toColleague > 0 && toColleague >= toPerson) return 'letter-to-gp';
  return 'unsure';
}
