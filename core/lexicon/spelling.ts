/**
 * en-US wording derived from en-GB: a small table of the spelling pairs that differ, so an entry
 * gives its American text only where the words themselves differ ("migrant" → "immigrant"), not
 * a copy of the British text with -ize for -ise. Whole words and word stems only, at the start of
 * a word ("organism", "programmer", "mummy" and "epicentre" are left alone), and the case of what
 * was written is kept ("Behaviour" → "Behavior", "NHS PROGRAMME" → "NHS PROGRAM").
 */

/** -ise verbs: the stem before "is", with the endings that take "iz" in en-US. */
const ISE_STEMS = [
  'apolog',
  'author',
  'catastroph',
  'categor',
  'character',
  'critic',
  'criminal',
  'emphas',
  'empath',
  'final',
  'general',
  'hospital',
  'immun',
  'individual',
  'infantil',
  'institutional',
  'internal',
  'legitim',
  'marginal',
  'medical',
  'minim',
  'mobil',
  'moral',
  'normal',
  'optim',
  'organ',
  'patholog',
  'patron',
  'personal',
  'priorit',
  'random',
  'real',
  'recogn',
  'sensit',
  'somat',
  'special',
  'stabil',
  'stigmat',
  'summar',
  'sympath',
  'traumat',
  'trivial',
  'util',
  'verbal',
  'visual',
];
const ISE_ENDINGS = 'e|es|ed|ing|er|ers|ation|ations|ational|able';

/** -our words whose stem may take any ending ("colourful", "favourite", "neighbourhood"). */
const OUR_STEMS = [
  'behavi',
  'col',
  'demean',
  'endeav',
  'fav',
  'flav',
  'harb',
  'hon',
  'hum',
  'lab',
  'neighb',
  'od',
  'rig',
  'rum',
  'tum',
  'vig',
];

/** Stems spelt "ae"/"oe" in en-GB, "e" in en-US, with any ending ("haematoma", "oedematous"). */
const AE_STEMS: [string, string][] = [
  ['anaem', 'anem'],
  ['anaesth', 'anesth'],
  ['caesarean', 'cesarean'],
  ['diarrhoea', 'diarrhea'],
  ['faec', 'fec'],
  ['foet', 'fet'],
  ['gynaecolog', 'gynecolog'],
  ['haem', 'hem'],
  ['ischaem', 'ischem'],
  ['leukaem', 'leukem'],
  ['oedem', 'edem'],
  ['oesophag', 'esophag'],
  ['oestrogen', 'estrogen'],
  ['orthopaed', 'orthoped'],
  ['paediatr', 'pediatr'],
];

/** Whole words (lower case, as en-GB spells them) and their en-US spelling. */
const WORDS: Record<string, string> = {
  ageing: 'aging',
  centre: 'center',
  centres: 'centers',
  centred: 'centered',
  centring: 'centering',
  counselling: 'counseling',
  counselled: 'counseled',
  counsellor: 'counselor',
  counsellors: 'counselors',
  defence: 'defense',
  defences: 'defenses',
  dishevelled: 'disheveled',
  enrol: 'enroll',
  enrols: 'enrolls',
  enrolment: 'enrollment',
  enrolments: 'enrollments',
  fibre: 'fiber',
  fibres: 'fibers',
  fulfil: 'fulfill',
  fulfils: 'fulfills',
  fulfilment: 'fulfillment',
  grey: 'gray',
  greying: 'graying',
  labelled: 'labeled',
  labelling: 'labeling',
  licence: 'license',
  licences: 'licenses',
  modelled: 'modeled',
  modelling: 'modeling',
  mum: 'mom',
  mums: 'moms',
  offence: 'offense',
  offences: 'offenses',
  practise: 'practice',
  practises: 'practices',
  practised: 'practiced',
  practising: 'practicing',
  programme: 'program',
  programmes: 'programs',
  travelled: 'traveled',
  travelling: 'traveling',
  traveller: 'traveler',
  travellers: 'travelers',
  cancelled: 'canceled',
  cancelling: 'canceling',
  towards: 'toward',
  wilful: 'willful',
  wilfully: 'willfully',
};

/** Word stems with any ending: "judgement" → "judgment" gives "judgemental" → "judgmental". */
const STEMS: [string, string][] = [
  ['judgement', 'judgment'],
  ['acknowledgement', 'acknowledgment'],
  ['sceptic', 'skeptic'],
  ...AE_STEMS,
  ...OUR_STEMS.map((s): [string, string] => [`${s}our`, `${s}or`]),
];

const LETTER = '\\p{L}\\p{N}';
const pattern = new RegExp(
  `(?<![${LETTER}])(?:` +
    `(${ISE_STEMS.join('|')})is(${ISE_ENDINGS})(?![${LETTER}])` +
    `|(${STEMS.map(([gb]) => gb).join('|')})([${LETTER}]*)` +
    `|(${Object.keys(WORDS).join('|')})(?![${LETTER}])` +
    ')',
  'giu',
);
const stemTo = new Map(STEMS);

/** `to` in the case `written` was in: all capitals, a capital first, or as given. */
function keepCase(written: string, to: string): string {
  if (written.length > 1 && written === written.toUpperCase()) return to.toUpperCase();
  if (written[0] !== written[0]!.toLowerCase()) return to[0]!.toUpperCase() + to.slice(1);
  return to;
}

/** The text with en-GB spellings of the table replaced by en-US ones. */
export function toUsSpelling(text: string): string {
  return text.replace(
    pattern,
    (match, iseStem?: string, iseEnding?: string, stem?: string, rest?: string, word?: string) => {
      if (iseStem !== undefined && iseEnding !== undefined) {
        return keepCase(match, `${iseStem.toLowerCase()}iz${iseEnding.toLowerCase()}`);
      }
      if (stem !== undefined) {
        const to = stemTo.get(stem.toLowerCase())!;
        return keepCase(stem, to) + (rest ?? '');
      }
      return keepCase(match, WORDS[word!.toLowerCase()]!);
    },
  );
}
