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
    if (rest.trim() === '' && cue.length > 2 && raw.trim() === raw.trim().toUpperCase())
      return true;
  }
  return false;
}

const YOU = new Set(['you', 'your', 'yours', 'yourself']);
const THIRD = new Set(['he', 'she', 'his', 'her', 'him', 'hers', 'himself', 'herself']);
const LONGEST_PRONOUN = 8;

/** A-Z, a-z or a straight apostrophe: what a "word" is for the person rates. */
const isRateCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39;

/**
 * "You"/"your" and "he"/"she"/"his"/"her" outside quotation marks, per hundred words: whether
 * the text talks to the reader or about the person. One pass over the characters, building a
 * string only for words short enough to be a pronoun (a regex per word was most of the
 * detector's time on a folder of notes).
 */
function personRates(text: string): { you: number; third: number } {
  const unquoted = text.replace(/["“][^"”\n]*["”]/g, ' ');
  let words = 0;
  let you = 0;
  let third = 0;
  const n = unquoted.length;
  for (let i = 0; i < n;) {
    if (!isRateCode(unquoted.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isRateCode(unquoted.charCodeAt(i))) i++;
    words++;
    if (i - start > LONGEST_PRONOUN) continue;
    const word = unquoted.slice(start, i).toLowerCase();
    if (YOU.has(word)) you++;
    else if (THIRD.has(word)) third++;
  }
  if (words === 0) return { you: 0, third: 0 };
  return { you: (100 * you) / words, third: (100 * third) / words };
}

/** One alternation of literal cues, for finding where any of them may start. */
function anyOf(list: readonly string[]): RegExp {
  const escaped = list.map((cue) => cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'g');
}

const toColleagueCues = anyOf(cues.aboutPatientToColleague);
const toPersonCues = anyOf(cues.addressedToPerson);

/**
 * How many of the cues occur anywhere in `flat` (each counted once), as `flat.includes(cue)` for
 * each would say, in one scan: the alternation finds where some cue starts, and every cue is then
 * tried at that place, so one cue inside or overlapping another is still counted.
 */
function cuesPresent(flat: string, list: readonly string[], finder: RegExp): number {
  const seen = new Set<string>();
  finder.lastIndex = 0;
  for (let m = finder.exec(flat); m; m = finder.exec(flat)) {
    for (const cue of list) if (flat.startsWith(cue, m.index)) seen.add(cue);
    if (seen.size === list.length) break;
    finder.lastIndex = m.index + 1;
  }
  return seen.size;
}

/** What follows "cc": a title, a clinician or a team, not a symptom. */
function isCopyLine(rest: string): boolean {
  return (
    /^(mr|mrs|ms|miss|mx|master|dr|prof|professor|sister|nurse)\b/.test(rest) ||
    /\b(gp|patient|team|clinic|service|nurse|physiotherap\w*|practice|surgery|file|notes)\b/.test(
      rest,
    )
  );
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
  let labels = 0;

  lines.forEach((line, k) => {
    if (startsWithAny(line, cues.salutationToColleague)) {
      toColleague += 2;
      letter += 2;
    } else if (startsWithAny(line, cues.salutationToPerson)) {
      toPerson += 2;
      letter += 2;
    } else if (/^dear [a-z'-]+,?$/.test(line)) {
      // "Dear Amira," — a first name: the person, or a colleague on first-name terms.
      letter += 2;
    }
    const bare = line.replace(/[.,!]+$/, '');
    if (line.length < 50 && cues.signOff.some((cue) => bare === cue || bare.endsWith(' ' + cue))) {
      letter += 1;
    }
    if (startsWithAny(line, cues.referenceLine)) letter += 1;
    const copy = cues.copyLine.find((cue) => startsWithAny(line, [cue]));
    // Who is copied in, up to the first comma: "cc: Mrs A Patel, 12 High Street".
    const rest = copy
      ? line
          .slice(copy.length)
          .replace(/^\s*[:-]?\s*/, '')
          .split(/[,;\n]/)[0]!
      : '';
    // "CC: Headache" is a chief complaint; a copy line names a person or a team.
    if (copy && !isCopyLine(rest)) note += 1;
    else if (copy) {
      letter += 1;
      if (cues.copyToPerson.some((w) => new RegExp(`\\b${w}\\b`).test(rest))) copiedToPerson = true;
      // "cc: Mrs A Patel, 12 High Street": a person by title, not a clinician or a team.
      else if (/^(mr|mrs|ms|miss|mx|master)\b/.test(rest) && !/\bdr\b/.test(rest)) {
        copiedToPerson = true;
      }
    }
    if (isHeading(rawLines[k] ?? '', line)) note += 1;
    else if (/^[a-z][a-z /&()'-]{1,28}:/.test(line)) labels++;
    // A title in capitals: "DISCHARGE SUMMARY", "NURSING NOTE - Ward 4".
    const raw = rawLines[k] ?? '';
    const capitals = /^[A-Z0-9 &/()-]{4,}(?=\s|$)/.exec(raw)?.[0] ?? '';
    if (k < 3 && /\b(NOTE|NOTES|SUMMARY|REPORT|OUTCOME|RECORD)\b/.test(capitals)) note += 2;
  });
  // Headings run together on one line, as transcriptions have them ("CC:, Headache.,HX:, ...").
  let inline = 0;
  for (const m of sample.matchAll(/(?:^|[\s,.;])([A-Z][A-Z/&' -]{1,40}):/g)) {
    if (cues.noteHeadings.includes(m[1]!.trim().toLowerCase())) inline++;
  }
  if (inline >= 3) note += Math.floor(inline / 3);
  // Many "Label: value" lines read as a form or a note, not a letter.
  note += Math.floor(labels / 3);

  toColleague += cuesPresent(flat, cues.aboutPatientToColleague, toColleagueCues);
  toPerson += cuesPresent(flat, cues.addressedToPerson, toPersonCues);
  const { you, third } = personRates(sample);
  if (you >= 2) toPerson += 2;
  else if (you >= 0.8) toPerson += 1;
  // Written about the person ("she", "his") far more than to them.
  if (third >= 2 && third > 3 * you) toColleague += 1;

  // A note with headings and no letter furniture; a letter may have a heading or two.
  if (note >= 2 && letter === 0) return toPerson >= 3 ? 'unsure' : 'clinical-note';
  if (letter === 0 && note === 0) {
    // A sentence or two with no letter furniture: talking to the reader is the only cue.
    // Talking to the reader about someone else ("keep you apprised of her progress") is not it.
    const aboutSomeoneElse = third >= you / 2;
    if (toPerson >= (text.length < 400 ? 2 : 3) && toColleague === 0 && !aboutSomeoneElse) {
      return 'letter-to-patient';
    }
    return 'unsure';
  }
  if (letter < 2 && note >= letter) return note >= 2 ? 'clinical-note' : 'unsure';
  if (copiedToPerson || toPerson > toColleague + 1) return 'letter-to-patient';
  if (toColleague > 0 && toColleague >= toPerson) return 'letter-to-gp';
  return 'unsure';
}
