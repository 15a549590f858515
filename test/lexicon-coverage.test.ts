import { describe, expect, it } from 'vitest';
import { compile, defaultLexicon } from '../core/index.ts';

/**
 * The phrases the project exists for: each must be flagged by the default lexicon, in a sentence
 * a clinician might write, with the flag covering the phrase itself.
 */
const REQUIRED: [category: string, sentence: string, phrase: string][] = [
  ['responsibilising', 'He needs self-management of his pain.', 'self-management'],
  ['responsibilising', 'She is now successfully self-managing.', 'successfully self-managing'],
  ['responsibilising', 'He has been advised to self-manage.', 'to self-manage'],
  ['responsibilising', 'She must take responsibility for her weight.', 'take responsibility'],
  ['door-closing', 'I am afraid he is not for us.', 'not for us'],
  ['door-closing', 'She is not suitable for the pain programme.', 'not suitable for'],
  ['door-closing', 'He does not fit our criteria.', 'does not fit our criteria'],
  ['door-closing', 'This was an inappropriate referral.', 'inappropriate referral'],
  ['door-closing', 'There is nothing more we can do.', 'nothing more we can do'],
  ['door-closing', 'She has been discharged back to GP.', 'discharged back to GP'],
  ['credibility', 'He claims that the pain is constant.', 'claims'],
  ['credibility', 'She insists that the pain is 10/10.', 'insists'],
  ['credibility', 'He was adamant that he had taken them.', 'adamant'],
  ['credibility', 'He denies that he has been drinking.', 'denies'],
  ['credibility', 'She apparently has fibromyalgia.', 'apparently'],
  ['credibility', 'He was allegedly assaulted.', 'allegedly'],
  ['credibility', 'She complains of back pain.', 'complains of'],
  ['credibility', 'Her pain is "still a 10" today.', '"still a 10"'],
  ['blame-adherence', 'He is non-compliant with his medication.', 'non-compliant'],
  ['blame-adherence', 'He is noncompliant with his inhalers.', 'noncompliant'],
  ['blame-adherence', 'She is nonadherent to treatment.', 'nonadherent'],
  ['blame-adherence', 'He refused the injection.', 'refused'],
  ['blame-adherence', 'She failed treatment with gabapentin.', 'failed treatment'],
  ['blame-adherence', 'He is poorly motivated.', 'poorly motivated'],
  ['blame-adherence', 'She is not engaging with physiotherapy.', 'not engaging'],
  ['dismissal', 'I told her it is all in her head.', 'all in her head'],
  ['dismissal', 'There is a functional overlay.', 'functional overlay'],
  ['dismissal', 'He shows abnormal illness behaviour.', 'abnormal illness behaviour'],
  ['dismissal', 'She is somatising.', 'somatising'],
  ['dismissal', 'This looks like attention seeking.', 'attention seeking'],
  ['labels', 'A heartsink patient.', 'heartsink'],
  ['labels', 'He is a frequent flyer in the department.', 'frequent flyer'],
  ['labels', 'She is drug-seeking.', 'drug-seeking'],
  ['labels', 'He is a poor historian.', 'poor historian'],
  ['labels', 'A difficult patient.', 'difficult patient'],
  ['labels', 'He has become a bed blocker.', 'bed blocker'],
  ['labels', 'A known sickler.', 'sickler'],
  ['demeanour', 'She was hysterical on the ward.', 'hysterical'],
  ['demeanour', 'He was combative with staff.', 'combative'],
  ['demeanour', 'She can be manipulative.', 'manipulative'],
  ['demeanour', 'He was aggressive towards the nurse.', 'aggressive'],
  ['nocebo', 'Your scan shows wear and tear.', 'wear and tear'],
  ['nocebo', 'You have a crumbling spine.', 'crumbling spine'],
  ['nocebo', 'Your knee is bone on bone.', 'bone on bone'],
  ['nocebo', 'You have a slipped disc.', 'slipped disc'],
  ['person-first', 'A chronic pain patient.', 'chronic pain patient'],
  ['person-first', 'He is a pain sufferer.', 'pain sufferer'],
  ['person-first', 'She suffers from migraines.', 'suffers from'],
  ['person-first', 'He is a diabetic.', 'diabetic'],
  ['person-first', 'He is an addict.', 'addict'],
  ['person-first', 'He is an alcoholic.', 'alcoholic'],
  ['person-first', 'A history of substance abuse.', 'substance abuse'],
  ['person-first', 'Her urine was clean.', 'clean'],
  ['giving-up', 'You will have to learn to live with it.', 'learn to live with it'],
  ['giving-up', 'You will have to put up with it.', 'have to put up with'],
  ['suicide-self-harm', 'Her father committed suicide in 2010.', 'committed suicide'],
  ['suicide-self-harm', 'Previous failed suicide attempt in 2021.', 'failed suicide attempt'],
  [
    'child-safeguarding',
    'Chloe, aged 14, keeps putting herself at risk.',
    'putting herself at risk',
  ],
  ['child-safeguarding', 'The 15-year-old is streetwise and knows the dealers.', 'streetwise'],
  ['labels', 'He says he "ain\'t got no money" for the bus.', '"ain\'t got no money"'],
  ['credibility', 'Says she is "allergic" to all opioids.', '"allergic"'],
];

const matcher = compile([defaultLexicon()]);

describe('default lexicon covers the phrases it was made for', () => {
  it.each(REQUIRED)('%s: %s', (category, sentence, phrase) => {
    const at = sentence.indexOf(phrase);
    const covering = matcher
      .find(sentence)
      .filter((f) => f.start <= at && f.end >= at + phrase.length);
    expect(covering.map((f) => f.category)).toContain(category);
  });
});
