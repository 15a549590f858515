import { normAt, type Tokens } from './tokenize.ts';
import { soundsLikeDialect } from './dialect.ts';
import { isJoiner, isWordCode } from './word-chars.ts';

/**
 * Quotations in one paragraph, told apart by how they are framed:
 * - `direct`: the person's own words, quoted properly (introduced by a reporting verb with a comma
 *   or colon, attributed after, holding first-person words, or long). Quoting people is good
 *   practice, so phrases inside are not the clinician's language.
 * - `scare`: a short quotation with no such frame, around a word or two of the person's account
 *   (`her pain is "still a 10"`): the quotation marks themselves cast doubt.
 */
export interface Quotation {
  kind: 'direct' | 'scare';
  /**
   * A scare quote that doubts the person's own account outright: straight after "his", "her",
   * "their" or "the patient's" (her "chronic fatigue"), around a pain score (his pain is
   * "still a 10"), or a short quotation of the person's account set against what the writer saw
   * (describes the pain as "unbearable" but was chatting on the phone). Rare in notes that quote
   * people verbatim, so it can be suggested, not noted.
   */
  doubt: boolean;
  /**
   * The quotation renders the person's speech as non-standard English ("ain't got no money"),
   * whether or not it is framed as theirs: quoting dialect word for word stereotypes (Park 2021).
   */
  dialect: boolean;
  /** Offsets of the opening and just past the closing quotation mark. */
  start: number;
  end: number;
}

const REPORTING = new Set(
  (
    'said says say stated states told tells telling reported reports described describes ' +
    'explained explains asked asks replied replies wrote writes commented comments put words ' +
    'exclaimed mentioned mentions added adds quote quoted call calls called complaint complaints'
  ).split(' '),
);
/**
 * Words that introduce a quotation as a name or a label rather than as the person's account:
 * `a specimen labelled "left breast"`, `asked to spell "world" backwards`, `the "Pain Toolkit" leaflet`.
 */
const NAMING = new Set(
  (
    'labeled labelled label marked titled entitled named called calls call spell spelled spelt ' +
    'spelling word term phrase leaflet booklet sign reads read known'
  ).split(' '),
);
const FIRST_PERSON = new Set(
  "i i'm i've i'd i'll me my mine myself we we're us our ours".split(' '),
);
const LONG_QUOTE_WORDS = 7;
/** A word or three: a descriptor or a claim rather than something the person said in full. */
const SHORT_QUOTE_WORDS = 3;
/**
 * Up to this many words, a quotation of the person's account can still be set against what the
 * writer saw, or marked as only theirs ('taking all her meds', although INR remains low).
 */
const MEDIUM_QUOTE_WORDS = 5;

const DOUBLE_OPEN = new Set([0x201c, 0xab, 0x201e]);
const DOUBLE_CLOSE = new Set([0x201d, 0xbb]);

const QUOTE_MARK = /["“”«»„‘’']/g;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Pairs quotation marks in text[from, to), jumping from mark to mark. Unpaired marks are ignored. */
export function pairQuotes(text: string, from: number, to: number): [number, number][] {
  const pairs: [number, number][] = [];
  let openDouble = -1;
  let openSingle = -1;
  QUOTE_MARK.lastIndex = from;
  for (let m = QUOTE_MARK.exec(text); m && m.index < to; m = QUOTE_MARK.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    // 2" or 5'10": after a digit, with no quotation open, a mark is a unit (inches, feet).
    const unit = isDigit(text.charCodeAt(i - 1)) && !isWordCode(text.charCodeAt(i + 1));
    if (unit && ((c === 34 && openDouble < 0) || (c === 39 && openSingle < 0))) continue;
    if (c === 34) {
      // A straight mark has no direction of its own: read it from its neighbours, so one stray
      // mark in a long note does not pair every later quotation the wrong way round.
      const before = i > from ? text.charCodeAt(i - 1) : 32;
      const after = i + 1 < to ? text.charCodeAt(i + 1) : 32;
      const spaceBefore = isJoiner(before) || before === 40 || before === 91;
      const spaceAfter = isJoiner(after) || !isWordCode(after);
      const looksOpening = spaceBefore && !spaceAfter;
      const looksClosing = !spaceBefore && spaceAfter;
      if (openDouble < 0) {
        // A closing mark with nothing open is a stray: skip it.
        if (!looksClosing) openDouble = i;
      } else if (looksOpening) {
        // An opening mark while one is open: the earlier one had no partner.
        openDouble = i;
      } else {
        pairs.push([openDouble, i + 1]);
        openDouble = -1;
      }
    } else if (DOUBLE_OPEN.has(c) && openDouble < 0) openDouble = i;
    else if (DOUBLE_CLOSE.has(c) && openDouble >= 0) {
      pairs.push([openDouble, i + 1]);
      openDouble = -1;
    } else if (c === 39 || c === 0x2018 || c === 0x2019) {
      const wordBefore = i > from && isWordCode(text.charCodeAt(i - 1));
      const wordAfter = i + 1 < to && isWordCode(text.charCodeAt(i + 1));
      if (wordBefore && wordAfter) continue; // an apostrophe inside a word
      if (openSingle < 0 && !wordBefore && wordAfter && c !== 0x2019) openSingle = i;
      else if (openSingle >= 0 && !wordAfter && c !== 0x2018) {
        pairs.push([openSingle, i + 1]);
        openSingle = -1;
      }
    }
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

function tokenIndexAtOrAfter(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.start[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function framedBefore(text: string, tokens: Tokens, open: number, from: number): boolean {
  // `said, "…"` / `told me: "…"` / `In her words: "…"`
  let g = open - 1;
  while (g >= from && (text.charCodeAt(g) === 32 || text.charCodeAt(g) === 9)) g--;
  const punct = g >= from ? text.charCodeAt(g) : NaN;
  if (punct === 58) return true;
  const first = tokenIndexAtOrAfter(tokens, open);
  // `described the pain as "burning"`: the person's own descriptor, recorded as theirs.
  const framedByAs =
    first > 0 && normAt(tokens, first - 1) === 'as' && tokens.end[first - 1] === g + 1;
  if (punct !== 44 && !framedByAs) return false;
  const reach = framedByAs ? 5 : 3;
  for (let k = first - 1; k >= 0 && k >= first - reach; k--) {
    if (REPORTING.has(normAt(tokens, k))) return true;
    if (tokens.clause[k]) break;
  }
  return false;
}

/** After a quotation, words that start the writer's own clause, not an attribution. */
const NOT_ATTRIBUTION = new Set(['which', 'that', 'what', 'i', 'we']);

function attributedAfter(tokens: Tokens, close: number): boolean {
  // `"…," she said.` — but not `"…", which I explained…`: that is the writer speaking.
  const first = tokenIndexAtOrAfter(tokens, close);
  for (let k = first; k < tokens.count && k < first + 3; k++) {
    if (k > first && tokens.clause[k]) break;
    const word = normAt(tokens, k);
    if (NOT_ATTRIBUTION.has(word)) return false;
    if (REPORTING.has(word)) return true;
  }
  return false;
}

/** `"Bloody bump on penis."` — punctuation inside the marks belongs to a verbatim quotation. */
function punctuatedInside(text: string, end: number): boolean {
  const c = text.charCodeAt(end - 2);
  return c === 46 || c === 44 || c === 33 || c === 63 || c === 59;
}

/** Introduced by a naming word just before it: a label, not the person's account. */
function named(tokens: Tokens, open: number, firstWord: number): boolean {
  for (let k = firstWord - 1; k >= 0 && k >= firstWord - 2; k--) {
    if (tokens.end[k]! > open) continue;
    if (NAMING.has(normAt(tokens, k))) return true;
    if (tokens.clause[k]) break;
  }
  return false;
}

/** "Pain Toolkit", "Living Well": several capitalised words are a title. */
function titleCase(text: string, tokens: Tokens, firstWord: number, count: number): boolean {
  if (count < 2) return false;
  for (let k = firstWord; k < firstWord + count; k++) {
    const c = text.charCodeAt(tokens.start[k]!);
    if (!(c >= 65 && c <= 90)) return false;
  }
  return true;
}

const POSSESSIVE = new Set(['his', 'her', 'their', "patient's", "patients'"]);
const SCORED = new Set(['pain', 'score', 'severity']);

function doubtsAccount(tokens: Tokens, open: number, firstWord: number): boolean {
  const k = firstWord - 1;
  if (k < 0 || tokens.end[k]! > open || tokens.clause[firstWord]) return false;
  if (POSSESSIVE.has(normAt(tokens, k))) return true;
  // "pain is (still) "…"": the score as the person gave it, put in doubt.
  let verb = k;
  if (normAt(tokens, verb) === 'still') verb--;
  if (verb < 1 || !['is', 'was', 'remains', 'remained'].includes(normAt(tokens, verb)))
    return false;
  return SCORED.has(normAt(tokens, verb - 1));
}

/** Words that set what follows against what came before, within a sentence. */
const CONTRAST = new Set('but though although however yet whereas despite while whilst'.split(' '));
/** Words that make the quotation the person's account: who gave it, or a verb of reporting. */
const ACCOUNT = new Set(
  (
    'he she they his her their pt patient reports reported states stated says said describes ' +
    'described complains complained per according insists insisted claims claimed mother father ' +
    'mum dad wife husband partner son daughter'
  ).split(' '),
);
/** What the writer set against the account: their own observation, an examination or a test. */
const OBSERVED = new Set(
  (
    'appears appeared appear looks looked look seems seemed seem observed seen noted witnessed ' +
    'chatting laughing smiling joking texting sleeping asleep comfortable distress exam ' +
    'examination unremarkable unchanged a1c hba1c level levels bloods scan imaging x-ray xray mri ' +
    'ct tox screen weight inr bp cholesterol ldl bmi sats saturations viral peak remains ' +
    'subtherapeutic comfortably'
  ).split(' '),
);
const REACH = 6;
/**
 * Claims that notes put in quotation marks to doubt them (Beach et al. 2021; Goddu et al. 2018):
 * an allergy or a reaction to a medicine, the strength of pain or a pain crisis, an account of
 * running out, losing or being hurt, and the person's own recall, belief or feeling put in
 * quotation marks ('thinks', "feels"), and that only one medicine 'works'.
 */
const CONTESTED = new Set(
  (
    'allergic allergy allergies reaction reactions hives rash intolerance intolerant ' +
    'agonising agonizing excruciating unbearable horrendous crisis crises ' +
    'ran lost stolen pushed tried everything holding thinks believes feels felt remembers ' +
    'recalls forgot works worked'
  ).split(' '),
);
/**
 * The person's reason, choice or belief in quotation marks after "because", "prefers",
 * "willing", "believes": the marks disapprove of their reasoning. Park et al. (2021) give "is willing 'to take the risk'"
 * and "stopped eating fruit because 'it could have killed her'" as examples of disapproval.
 */
const CHOICE = new Set(
  (
    'because prefers preferred prefer willing decided decides chose chooses opted opts happy ' +
    'content'
  ).split(' '),
);
/** Words a choice may have between it and the quotation: "because she", "prefers to". */
const CHOICE_GAP = new Set('he she they it to her his their the a'.split(' '));
/** A belief in quotation marks: "believes it was 'poisoning her'", "convinced that it is". */
const BELIEF = new Set(['believes', 'believed', 'convinced']);
const BELIEF_GAP = new Set(['that', 'is', 'was']);

/** Asking for a medicine: requesting "the strong stuff" in quotation marks (Goddu et al. 2018). */
const REQUEST = new Set(
  'requesting requests requested asking asks asked wants wanted demanding demands demanded'.split(
    ' ',
  ),
);

/** Words of doubt just before a quotation: apparently "passed out", a supposed "seizure". */
const HEDGE = new Set(
  (
    'apparently supposedly supposed so-called alleged allegedly ' +
    'purported purportedly reportedly claimed claims claiming'
  ).split(' '),
);

const SELF_HEDGE = new Set(['described', 'reported', 'diagnosed', 'proclaimed', 'confessed']);

/** The person whose account "per …" and "according to …" attribute it to. */
const TELLER = new Set(['pt', 'patient', 'him', 'her', 'them']);

/**
 * `Per patient, she "never misses a dose"`: an evidential that marks the account as only the
 * person's (Beach et al. 2021), then their words in quotation marks, in the same sentence.
 * "Per PT" in capitals is physical therapy in US notes, not the patient.
 */
function attributedBefore(tokens: Tokens, open: number, firstWord: number): boolean {
  for (let k = firstWord - 1; k >= 1 && k >= firstWord - REACH; k--) {
    if (tokens.end[k]! > open) continue;
    if (
      TELLER.has(normAt(tokens, k)) &&
      tokens.text.slice(tokens.start[k], tokens.end[k]) !== 'PT'
    ) {
      // "per the patient", "according to the pt": past the article.
      let at = k - 1;
      if (at >= 1 && normAt(tokens, at) === 'the') at--;
      const before = normAt(tokens, at);
      if (before === 'per') return true;
      if (before === 'to' && at >= 1 && normAt(tokens, at - 1) === 'according') return true;
    }
    if (tokens.clause[k]) break;
  }
  return false;
}

function hedged(tokens: Tokens, open: number, firstWord: number): boolean {
  for (let k = firstWord - 1; k >= 0 && k >= firstWord - 2; k--) {
    if (tokens.end[k]! > open) continue;
    const word = normAt(tokens, k);
    if (HEDGE.has(word)) return true;
    // self-described, self-reported, self-diagnosed: the hyphen splits them into two words.
    if (k > 0 && SELF_HEDGE.has(word) && normAt(tokens, k - 1) === 'self' && tokens.joined[k])
      return true;
    if (tokens.clause[k]) break;
  }
  return false;
}

function contested(tokens: Tokens, open: number, firstWord: number, lastWord: number): boolean {
  for (let k = firstWord; k <= lastWord; k++) if (CONTESTED.has(normAt(tokens, k))) return true;
  // requesting "the strong stuff", asking for "something stronger".
  let before = firstWord - 1;
  if (before >= 0 && tokens.end[before]! <= open && !tokens.clause[firstWord]) {
    if (normAt(tokens, before) === 'for' && before > 0) before--;
    if (REQUEST.has(normAt(tokens, before))) return true;
  }
  // requesting "his usual": a medicine the person asks for, put in doubt (Goddu et al. 2018).
  return (
    lastWord > firstWord &&
    POSSESSIVE.has(normAt(tokens, firstWord)) &&
    normAt(tokens, firstWord + 1) === 'usual'
  );
}

/** `prefers 'natural' remedies`, `because she "felt fine"`: a choice or reason put in doubt. */
function choiceBefore(tokens: Tokens, open: number, firstWord: number): boolean {
  // "because she was 'shy'" is the person's own reason, often given in their words: only a
  // belief reaches past "is" or "was".
  let beliefOnly = false;
  // ("convinced that it was …" is three words from the marks.)
  for (let k = firstWord - 1, gap = 0; k >= 0 && gap <= 3; k--, gap++) {
    if (tokens.end[k]! > open || tokens.clause[k + 1]) return false;
    const word = normAt(tokens, k);
    if (BELIEF.has(word)) return true;
    if (CHOICE.has(word)) return !beliefOnly && gap <= 2;
    if (BELIEF_GAP.has(word)) beliefOnly = true;
    else if (!CHOICE_GAP.has(word)) return false;
  }
  return false;
}

/**
 * Is the person's account in quotation marks set against what the writer saw: `describes the
 * pain as "unbearable" but was chatting on the phone`, `"eating healthy" but A1c is 11.2`?
 * Beach et al. (2021) describe this juxtaposition as one of the ways notes discredit an account.
 * Both halves are needed: a contrast alone ("'normal' then, but no imaging") is just history.
 */
function contrasted(tokens: Tokens, firstWord: number, lastWord: number): boolean {
  let account = false;
  for (let k = firstWord - 1; k >= 0 && k >= firstWord - REACH && !tokens.clause[k + 1]; k--) {
    if (ACCOUNT.has(normAt(tokens, k))) account = true;
  }
  if (!account) return false;
  if (unwitnessedAfter(tokens, lastWord)) return true;
  for (let k = lastWord + 1; k < tokens.count && k <= lastWord + REACH; k++) {
    if (tokens.clause[k]) break;
    if (!CONTRAST.has(normAt(tokens, k))) continue;
    for (let j = k + 1; j < tokens.count && j <= k + REACH && !tokens.clause[j]; j++) {
      if (OBSERVED.has(normAt(tokens, j))) return true;
    }
    return false;
  }
  return false;
}

const NOBODY = new Set(['nobody', 'noone', 'anyone', 'anybody']);
const SEEN = new Set(['witnessed', 'seen', 'observed']);

/**
 * `describes "blackouts" that no one has ever witnessed`, `"seizures", unwitnessed`: the account
 * followed by the writer's note that nobody else saw it, the other half of the juxtaposition.
 */
function unwitnessedAfter(tokens: Tokens, lastWord: number): boolean {
  for (let k = lastWord + 1; k < tokens.count && k <= lastWord + REACH; k++) {
    if (tokens.clause[k]) return false;
    const word = normAt(tokens, k);
    if (word === 'unwitnessed') return true;
    const nobody = NOBODY.has(word) || (word === 'one' && normAt(tokens, k - 1) === 'no');
    if (!nobody && word !== 'not') continue;
    for (let j = k + 1; j < tokens.count && j <= k + 3 && !tokens.clause[j]; j++) {
      if (SEEN.has(normAt(tokens, j))) return true;
    }
  }
  return false;
}

/** `speaks broken English, says "pain very bad"`: the quotation shows off the person's English. */
function afterBrokenEnglish(tokens: Tokens, firstWord: number): boolean {
  for (let k = firstWord - 1; k >= 1 && k >= firstWord - REACH && !tokens.clause[k + 1]; k--) {
    if (normAt(tokens, k) !== 'english') continue;
    if (['broken', 'poor', 'pidgin', 'limited', 'bad'].includes(normAt(tokens, k - 1))) return true;
  }
  return false;
}

export function classifyQuotations(
  text: string,
  tokens: Tokens,
  from: number,
  to: number,
): Quotation[] {
  const result: Quotation[] = [];
  for (const [start, end] of pairQuotes(text, from, to)) {
    const firstWord = tokenIndexAtOrAfter(tokens, start);
    let count = 0;
    let firstPerson = false;
    for (let k = firstWord; k < tokens.count && tokens.end[k]! <= end; k++) {
      count++;
      if (FIRST_PERSON.has(normAt(tokens, k))) firstPerson = true;
    }
    if (count === 0) continue;
    const lastWord = firstWord + count - 1;
    const label = named(tokens, start, firstWord) || titleCase(text, tokens, firstWord, count);
    // `described the pain as "unbearable"`: the person's own word, recorded as theirs, unless
    // the sentence goes on to set it against something else.
    const framed = framedBefore(text, tokens, start, from);
    const direct =
      firstPerson ||
      punctuatedInside(text, end) ||
      label ||
      count >= LONG_QUOTE_WORDS ||
      framed ||
      attributedAfter(tokens, end);
    const short = !firstPerson && !label && count <= SHORT_QUOTE_WORDS;
    const medium = !firstPerson && !label && count <= MEDIUM_QUOTE_WORDS;
    const doubt =
      (!direct &&
        (doubtsAccount(tokens, start, firstWord) ||
          (short &&
            (contested(tokens, start, firstWord, lastWord) || hedged(tokens, start, firstWord))) ||
          (medium &&
            (attributedBefore(tokens, start, firstWord) ||
              choiceBefore(tokens, start, firstWord))))) ||
      (medium && (!direct || framed) && contrasted(tokens, firstWord, lastWord));
    result.push({
      kind: direct && !doubt ? 'direct' : 'scare',
      start,
      end,
      doubt,
      dialect:
        !label &&
        (soundsLikeDialect(tokens, firstWord, lastWord) || afterBrokenEnglish(tokens, firstWord)),
    });
  }
  return result;
}
