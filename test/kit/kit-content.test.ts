// The default prompt kit (lexicon/default/kit.json) as content: it validates, each section the
// kit promises has enough in it, every fact carries its source, every {gap} can be filled in,
// and the scaffolds read as letters, a paragraph at a time.
import { describe, expect, it } from 'vitest';
import { defaultBibliography, defaultLexicon, validateLexicon } from '../../core/index.ts';
import { mergeKits } from '../../core/kit/merge-kit.ts';
import { toUsSpelling } from '../../core/lexicon/spelling.ts';
import type { KitItem, KitSection } from '../../core/lexicon/schema.ts';
import kitFile from '../../lexicon/default/kit.json' with { type: 'json' };

const { kit, errors } = mergeKits([defaultLexicon().prompts]);
const items = kit.items;
const inSection = (id: string) => items.filter((i) => i.section === id);
const byId = (id: string) => {
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`no kit item "${id}"`);
  return item;
};

/** Every text a reader may see, in both locales, with where it is. */
function shownTexts(): { at: string; text: string }[] {
  const out: { at: string; text: string }[] = [];
  const add = (at: string, fields: Record<string, string | undefined>) => {
    for (const [field, text] of Object.entries(fields))
      if (text !== undefined) out.push({ at: `${at}.${field}`, text });
  };
  for (const s of kit.sections as KitSection[]) {
    add(s.id, { title: s.title, intro: s.intro });
    add(`${s.id}.en-US`, { ...s.locales?.['en-US'] });
  }
  for (const i of items) {
    add(i.id, { title: i.title, text: i.text, note: i.note });
    add(`${i.id}.en-US`, { ...i.locales?.['en-US'] });
  }
  return out;
}

const GAP = /\{[^{}\n]*\}/g;
const withoutGaps = (text: string) => text.replace(GAP, '');

describe('the default kit', () => {
  it('validates, with the rest of the default lexicon and as a layer of its own', () => {
    const whole = validateLexicon(defaultLexicon());
    expect(whole.ok ? [] : whole.errors).toEqual([]);
    expect(errors).toEqual([]);
    const alone = validateLexicon({
      name: 'kit only',
      version: '1',
      entries: [],
      bibliography: defaultBibliography(),
      prompts: kitFile,
    });
    expect(alone.ok ? [] : alone.errors).toEqual([]);
  });

  it('has the sections of the issue, in the order a consultation meets them', () => {
    expect(kit.sections.map((s) => s.id)).toEqual([
      'before-and-start',
      'context-first',
      'done-with-you',
      'community-routes',
      'closing-well',
      'not-the-right-service',
      'letter-scaffolds',
    ]);
    for (const s of kit.sections) expect(s.intro, s.id).toBeTruthy();
  });

  it.each([
    'before-and-start',
    'context-first',
    'done-with-you',
    'community-routes',
    'closing-well',
    'not-the-right-service',
  ])('has at least 3 items in %s', (section) => {
    expect(inSection(section).length).toBeGreaterThanOrEqual(3);
  });

  it('has the two letter scaffolds: to the person (GP copied), and a discharge letter to the GP', () => {
    const scaffolds = inSection('letter-scaffolds').filter((i) => i.kind === 'scaffold');
    expect(scaffolds.map((i) => [i.id, i.kinds])).toEqual([
      ['letter-to-the-person', ['letter-to-patient']],
      ['discharge-letter-to-gp', ['letter-to-gp']],
    ]);
    expect(byId('letter-to-the-person').text).toMatch(/copy to your GP/);
    expect(byId('letter-to-the-person').text).toMatch(/^Copy to: \{[^}]*GP/m);
  });

  it('gives every item a unique id, a section in force and a kind', () => {
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sections = new Set(kit.sections.map((s) => s.id));
    for (const i of items) expect(sections.has(i.section), i.id).toBe(true);
  });

  it('covers the six SAMHSA principles and the three opening questions', () => {
    const start = inSection('before-and-start');
    expect(start.filter((i) => i.kind === 'reminder').map((i) => i.title)).toEqual([
      'Safety',
      'Trustworthiness and transparency',
      'Peer support',
      'Collaboration and mutuality',
      'Empowerment, voice and choice',
      'Cultural, historical and gender issues',
    ]);
    for (const i of start.filter((r) => r.kind === 'reminder'))
      expect(i.sources, i.id).toEqual(['samhsa-trauma-informed-2014']);
    expect(start.filter((i) => i.kind === 'question').map((i) => i.text)).toEqual([
      'What matters to you?',
      'What has been happening in your life?',
      'What would you like from today?',
    ]);
    expect(byId('ask-what-matters').sources).toEqual(['barry-shared-decision-2012']);
  });

  it('asks about each part of a life, with consent, in the person’s words', () => {
    const asked = inSection('context-first')
      .filter((i) => i.kind === 'question')
      .map((i) => i.title);
    expect(asked).toEqual([
      'Home',
      'Money and benefits',
      'Work',
      'Caring',
      'Relationships and support',
      'Community and faith',
      'Past experiences, if they choose',
    ]);
    expect(byId('context-ask-first').text).toMatch(/Would it be all right/);
    expect(byId('context-ask-first').text).toMatch(/in their own words/);
  });

  it('presents “done with you” as the project’s own framing, and co-production with its sources', () => {
    const triad = byId('done-with-you');
    expect(triad.sources ?? []).toEqual([]);
    expect(triad.note).toMatch(/pain-service discussion/);
    expect(triad.note).toMatch(/not a published model/);
    expect(byId('co-production').sources).toEqual(['boyle-challenge-coproduction-2009']);
    expect(byId('ladder-of-co-production').sources).toEqual(['tlap-ladder-coproduction-2021']);
    expect(byId('shared-plan').text).toMatch(
      /What you will try[\s\S]*What we will do[\s\S]*What others can offer/,
    );
  });

  it('says the Frome study is observational (a retrospective cohort), with its figures and source', () => {
    const frome = byId('frome-model');
    expect(frome.sources).toEqual(['abel-reducing-emergency-2018']);
    expect(`${frome.text} ${frome.note}`).toMatch(/observational/);
    expect(frome.note).toMatch(/retrospective cohort/);
    expect(frome.note).toMatch(/not proof/);
    expect(frome.text).toMatch(/14%/);
    expect(frome.text).toMatch(/28\.5%/);
    expect(byId('social-prescribing').sources).toEqual(['nhs-england-social-prescribing-2019']);
  });

  it('leaves each service its own local routes to fill in', () => {
    const local = inSection('community-routes').filter((i) => /^\{[^{}]+\}$/.test(i.text));
    expect(local.length).toBeGreaterThanOrEqual(3);
    expect(local.map((i) => i.text)).toContain(
      '{our social prescribing link worker and how to reach them}',
    );
  });

  it('closes with a way back in, what happens next and who holds the plan', () => {
    expect(byId('way-back-in').text).toMatch(
      /contact \{who to contact\} on \{phone number or email\}, \{days and times\}/,
    );
    expect(byId('way-back-in').text).toMatch(/help with \{what we can help with\}/);
    expect(byId('what-happens-next').text).toMatch(/^Next, \{/);
    expect(byId('who-holds-the-plan').text).toMatch(/^Your plan is held by \{who holds the plan\}/);
  });

  it('says kindly why another route fits, what was done and how to come back', () => {
    const text = byId('another-route-to-person').text;
    expect(text).toMatch(/what you need most now is \{/);
    expect(text).toMatch(/because \{why it fits better\}/);
    expect(text).toMatch(/We have \{made a referral, or given you their details\}/);
    expect(text).toMatch(/welcome to come back to us/);
  });
});

describe('sources', () => {
  const bibliography = defaultBibliography();
  // Words that state a fact from elsewhere: a number, a study, a named source or author.
  const STATES_A_FACT =
    /\d|%|\bet al\b|\bstud(y|ies)\b|\bSAMHSA\b|\bNHS England\b|\bBMJ\b|\bAcademy of Medical Royal Colleges\b|\bThink Local Act Personal\b|\b(Barry|Rayner|Abel|Boyle)\b/;

  it('cites a source for every item that states a fact', () => {
    const uncited = items
      .filter((i) => STATES_A_FACT.test(withoutGaps(`${i.text} ${i.note ?? ''}`)))
      .filter((i) => (i.sources ?? []).length === 0)
      .map((i) => i.id);
    expect(uncited).toEqual([]);
  });

  it('cites each source by a key the default bibliography defines, once per item', () => {
    for (const i of items as KitItem[]) {
      const keys = i.sources ?? [];
      for (const key of keys) {
        expect(typeof key, i.id).toBe('string');
        expect(Object.hasOwn(bibliography, key as string), `${i.id}: ${String(key)}`).toBe(true);
      }
      expect(new Set(keys).size, i.id).toBe(keys.length);
    }
  });

  it('defines the kit’s sources with https addresses only where given, and a region', () => {
    for (const key of [
      'samhsa-trauma-informed-2014',
      'barry-shared-decision-2012',
      'rayner-writing-outpatient-2020',
      'nhs-england-social-prescribing-2019',
      'abel-reducing-emergency-2018',
      'boyle-challenge-coproduction-2009',
      'tlap-ladder-coproduction-2021',
      'aomrc-please-write-2018',
    ]) {
      const source = bibliography[key];
      expect(source, key).toBeDefined();
      expect(source!.region, key).toBeDefined();
      if (source!.url) expect(source!.url, key).toMatch(/^https:\/\//);
    }
    expect(bibliography['abel-reducing-emergency-2018']!.citation).toMatch(
      /2018;68\(676\):e803-e810.*retrospective cohort/,
    );
    expect(bibliography['rayner-writing-outpatient-2020']!.citation).toMatch(/BMJ 2020;368:m24/);
    expect(bibliography['barry-shared-decision-2012']!.citation).toMatch(/2012;366\(9\):780-781/);
  });
});

describe('gaps and wording', () => {
  it('writes every {gap} well formed: balanced, not nested, on one line, lower-case, short', () => {
    const problems: string[] = [];
    for (const { at, text } of shownTexts()) {
      let depth = 0;
      for (const ch of text) {
        if (ch === '{') depth += 1;
        if (ch === '}') depth -= 1;
        if (depth < 0 || depth > 1) problems.push(`${at}: unbalanced or nested braces`);
      }
      if (depth !== 0) problems.push(`${at}: unbalanced braces`);
      for (const [gap] of text.matchAll(GAP)) {
        const words = gap.slice(1, -1);
        if (!/^[a-z]/.test(words)) problems.push(`${at}: ${gap} should start lower-case`);
        if (words !== words.trim()) problems.push(`${at}: ${gap} has spaces inside its braces`);
        // The engine flags a gap left unfilled only up to 60 characters (detectors.ts).
        if (words.length > 60) problems.push(`${at}: ${gap} is too long to be flagged if left`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('keeps gaps out of titles, notes and intros: only what is inserted is filled in', () => {
    const misplaced = shownTexts()
      .filter(({ at }) => !/\.text$/.test(at))
      .filter(({ text }) => /\{[^{}\n]*\}/.test(text))
      .map(({ at }) => at);
    expect(misplaced).toEqual([]);
  });

  it('separates a scaffold’s paragraphs with one blank line, and nothing else breaks a line', () => {
    for (const i of items.filter((x) => x.kind === 'scaffold')) {
      const texts = [i.text, i.locales?.['en-US']?.text].filter((t): t is string => !!t);
      for (const text of texts) {
        expect(text, i.id).not.toMatch(/\n{3,}/);
        const paragraphs = text.split('\n\n');
        for (const p of paragraphs) {
          expect(p, i.id).not.toMatch(/\n/);
          expect(p, i.id).toBe(p.trim());
          expect(p.length, i.id).toBeGreaterThan(0);
        }
      }
    }
    // The letters and the longer scaffolds are several paragraphs; the short ones are one.
    const count = (id: string) => byId(id).text.split('\n\n').length;
    expect(count('letter-to-the-person')).toBeGreaterThanOrEqual(8);
    expect(count('discharge-letter-to-gp')).toBeGreaterThanOrEqual(8);
    expect(count('shared-plan')).toBe(4);
    expect(count('another-route-to-person')).toBe(4);
    expect(count('way-back-in')).toBe(1);
    // Reminders and questions are read, not inserted: one paragraph each.
    for (const i of items.filter((x) => x.kind !== 'scaffold'))
      expect(i.text, i.id).not.toMatch(/\n/);
  });

  it('writes to the person as “you”, and about them in a note', () => {
    const scaffolds = items.filter((x) => x.kind === 'scaffold');
    for (const i of scaffolds.filter((x) => x.kinds?.includes('letter-to-patient')))
      expect(withoutGaps(i.text), i.id).toMatch(/\b(you|your)\b/i);
    for (const i of scaffolds.filter((x) => x.kinds?.includes('clinical-note')))
      expect(withoutGaps(i.text), i.id).not.toMatch(/\b(you|your)\b/i);
    // Every scaffold says which documents it fits.
    expect(scaffolds.filter((i) => !i.kinds?.length).map((i) => i.id)).toEqual([]);
  });

  it('gives en-US wording only where the words differ, not just the spelling', () => {
    const copies: string[] = [];
    for (const part of [kit.sections, items] as const) {
      for (const thing of part as (KitSection | KitItem)[]) {
        const us = thing.locales?.['en-US'] as Record<string, string> | undefined;
        for (const [field, text] of Object.entries(us ?? {})) {
          const base = (thing as unknown as Record<string, string>)[field];
          if (base !== undefined && toUsSpelling(base) === text)
            copies.push(`${thing.id}.${field}`);
        }
      }
    }
    expect(copies).toEqual([]);
    // Where the en-GB words name a GP, the en-US words name the primary care provider.
    const gps: string[] = [];
    for (const thing of [...kit.sections, ...items] as (KitSection | KitItem)[]) {
      const us = (thing.locales?.['en-US'] ?? {}) as Record<string, string>;
      for (const field of ['title', 'intro', 'text', 'note']) {
        const base = (thing as unknown as Record<string, string | undefined>)[field];
        if (base === undefined || !/\bGP\b/.test(base)) continue;
        if (!us[field] || /\bGP\b/.test(us[field]) || !/primary care provider/.test(us[field]))
          gps.push(`${thing.id}.${field}`);
      }
    }
    expect(gps).toEqual([]);
  });

  it('keeps typography and tone consistent: curly quotes, no notes for authors, no scolding', () => {
    for (const { at, text } of shownTexts()) {
      expect(text, at).not.toMatch(/['"]/);
      expect(text, at).not.toMatch(/ {2}|\s$|^\s/);
      expect(text, at).not.toMatch(/\b(TODO|FIXME|TBC|XXX)\b/);
      expect(text, at).not.toMatch(/\b(must|should|never|failed to|non-compliant)\b/i);
    }
  });
});
