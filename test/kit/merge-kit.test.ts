import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../core/index.ts';
import { mergeKits } from '../../core/kit/merge-kit.ts';
import { compileReflections } from '../../core/kit/reflect.ts';
import { validateLexicon } from '../../core/lexicon/validate.ts';
import type { Kit } from '../../core/lexicon/schema.ts';

const base: Kit = {
  sections: [
    { id: 'context-first', title: 'Context first' },
    { id: 'community-routes', title: 'Community routes' },
  ],
  items: [
    {
      id: 'ask-housing',
      section: 'context-first',
      kind: 'question',
      title: 'Home',
      text: 'Where are you living at the moment, and how is it for you?',
    },
    {
      id: 'local-link-worker',
      section: 'community-routes',
      kind: 'reminder',
      title: 'Our link worker',
      text: '{our social prescribing link worker and how to reach them}',
    },
  ],
  reflections: [
    {
      id: 'way-back-in',
      message: 'This letter does not say how to get back in touch.',
      why: 'A way back in keeps the door open.',
      kinds: ['letter-to-patient', 'letter-to-gp'],
      cues: { routes: ['get in touch', 'contact us'] },
    },
  ],
};

const ids = (kit: { items: { id: string }[] }) => kit.items.map((i) => i.id);

describe('mergeKits', () => {
  it('lays a service kit over the built-in one: adds, changes by a patch, switches off', () => {
    const service: Kit = {
      items: [
        {
          id: 'riverside-link-worker',
          section: 'community-routes',
          kind: 'reminder',
          title: 'Riverside link worker',
          text: 'Sam at Riverside Surgery: 01632 960 123, Monday to Thursday.',
        },
        { id: 'ask-housing', text: 'Where do you live, and does it help or hinder you?' },
      ],
      reflections: [{ id: 'way-back-in', cues: { routes: ['ring the clinic'] } }],
      disable: ['local-link-worker'],
    };
    const { kit, errors } = mergeKits([base, service]);
    expect(errors).toEqual([]);
    expect(ids(kit)).toEqual(['ask-housing', 'riverside-link-worker']);
    expect(kit.items[0]).toEqual({
      id: 'ask-housing',
      section: 'context-first',
      kind: 'question',
      title: 'Home',
      text: 'Where do you live, and does it help or hinder you?',
    });
    // A patched list replaces the one below, as with entries: it is not appended.
    expect(kit.reflections[0]!.cues).toEqual({ routes: ['ring the clinic'] });
    expect(kit.reflections[0]!.message).toBe('This letter does not say how to get back in touch.');
  });

  it('leaves out the items of a section switched off, and switches one back on', () => {
    const off = mergeKits([base, { sections: [{ id: 'community-routes', enabled: false }] }]);
    expect(off.errors).toEqual([]);
    expect(off.kit.sections.map((s) => s.id)).toEqual(['context-first']);
    expect(ids(off.kit)).toEqual(['ask-housing']);
    const on = mergeKits([
      base,
      { disable: ['community-routes'] },
      { sections: [{ id: 'community-routes', enabled: true }] },
    ]);
    expect(on.kit.sections.map((s) => s.id)).toEqual(['context-first', 'community-routes']);
  });

  it('names what cannot be used in the newest layer, with did-you-mean', () => {
    const { errors, kit } = mergeKits([
      base,
      {
        items: [
          { id: 'ask-housng', text: 'Where do you live?' },
          {
            id: 'peer-group',
            section: 'comunity-routes',
            kind: 'reminder',
            title: 'Peer support',
            text: 'The Tuesday group.',
          },
          { id: 'new-thing', section: 'context-first', kind: 'note', title: 'X', text: 'Y' },
        ],
        disable: ['way-back-inn'],
      },
    ]);
    expect(errors).toEqual([
      'prompts.items[0].id: there is no prompt "ask-housng" in the layers below to change; did you mean "ask-housing"?',
      'prompts.items[2].kind: expected "reminder", "question" or "scaffold"',
      'prompts.disable[0]: there is nothing with the id "way-back-inn" in the kit below to switch off; did you mean "way-back-in"?',
      'prompts.items[1].section: there is no section "comunity-routes"; did you mean "community-routes"?',
    ]);
    // What can be used still is; an item in no section in force is not shown.
    expect(ids(kit)).toEqual(['ask-housing', 'local-link-worker']);
  });

  it('checks a change as a whole item, and says it was a change', () => {
    const { errors } = mergeKits([base, { items: [{ id: 'ask-housing', title: '' }] }]);
    expect(errors).toEqual([
      'prompts.items[0].title: title must not be empty (in "ask-housing" as changed)',
    ]);
  });
});

describe('validating a layer’s reflections', () => {
  const layer = (cues: Record<string, string[]>) => ({
    name: 'Riverside',
    version: '1',
    entries: [],
    prompts: { reflections: [{ id: 'way-back-in', cues }] },
  });

  it('names a cue phrase that could never be found in a letter, by where it is', () => {
    const result = validateLexicon(layer({ contact: ['ring the desk!', 'phone the team'] }), {
      below: [defaultLexicon()],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        'prompts.reflections[0].cues.contact: "ring the desk!" contains "!", which never joins words in text; use only words, spaces, hyphens and apostrophes',
      ],
    });
  });

  it('passes cue phrases made of words, and says nothing of the layers below', () => {
    expect(
      validateLexicon(layer({ contact: ['phone the team', "the team's duty line"] }), {
        below: [defaultLexicon()],
      }).ok,
    ).toBe(true);
    // The built-in reflections' own cues can all be found.
    expect(compileReflections(mergeKits([defaultLexicon().prompts]).kit).problems).toEqual([]);
  });
});
