import { describe, expect, it } from 'vitest';
import {
  kitView,
  reflectionRows,
  withKitItemPatched,
  withKitItemRestored,
  withKitItemSwitched,
  withOwnKitItem,
  withReflectionPatched,
  withReflectionRestored,
} from '../../core/kit/kit-view.ts';
import type { KitItem, Lexicon } from '../../core/lexicon/schema.ts';

const ask: KitItem = {
  id: 'ask-housing',
  section: 'context-first',
  kind: 'question',
  title: 'Home',
  text: 'Where are you living at the moment, and how is it for you?',
};
const builtIn: Lexicon = {
  name: 'built-in',
  version: '1',
  entries: [],
  prompts: {
    sections: [{ id: 'context-first', title: 'Context first' }],
    items: [
      ask,
      { ...ask, id: 'ask-money', title: 'Money', text: 'How are you managing for money?' },
    ],
  },
};
const empty: Lexicon = { name: 'My changes', version: '1', entries: [] };
const rows = (personal: Lexicon) =>
  kitView([
    { name: 'built-in', lexicon: builtIn },
    { name: 'personal', lexicon: personal },
  ]).map((r) => [r.item.id, r.item.text, r.from, r.changedBy, r.enabled, r.personal]);

describe('the kit on the options page', () => {
  it('lists every prompt with where it comes from', () => {
    expect(rows(empty)).toEqual([
      ['ask-housing', ask.text, 'built-in', [], true, 'none'],
      ['ask-money', 'How are you managing for money?', 'built-in', [], true, 'none'],
    ]);
  });

  it('switches a prompt off and on, in the personal layer', () => {
    const off = withKitItemSwitched(empty, 'ask-money', false);
    expect(off.prompts).toEqual({ disable: ['ask-money'] });
    expect(rows(off)[1]).toEqual([
      'ask-money',
      'How are you managing for money?',
      'built-in',
      ['personal'],
      false,
      'off',
    ]);
    expect(withKitItemSwitched(off, 'ask-money', true)).toEqual(empty);
  });

  it('keeps only the wording that differs, and Restore takes it all away', () => {
    const text = 'Where do you live, and does it help or hinder you?';
    const changed = withKitItemPatched(empty, ask, { title: 'Home', text, note: '' });
    expect(changed.prompts).toEqual({ items: [{ id: 'ask-housing', text }] });
    expect(rows(changed)[0]).toEqual([
      'ask-housing',
      text,
      'built-in',
      ['personal'],
      true,
      'changed',
    ]);
    // Set back as it was below: no patch left.
    expect(withKitItemPatched(changed, ask, { text: ask.text })).toEqual(empty);
    expect(withKitItemRestored(changed, 'ask-housing')).toEqual(empty);
  });

  it('adds a prompt of the clinician’s own, listed as theirs', () => {
    const mine: KitItem = {
      id: 'my-peer-group',
      section: 'context-first',
      kind: 'reminder',
      title: 'Peer group',
      text: 'The Tuesday pain peer group at {the library}.',
    };
    const added = withOwnKitItem(empty, mine);
    expect(added.prompts).toEqual({ items: [mine] });
    expect(rows(added)[2]).toEqual(['my-peer-group', mine.text, 'personal', [], true, 'own']);
    expect(withKitItemRestored(added, 'my-peer-group')).toEqual(empty);
  });
});

describe('the reflections on the options page', () => {
  const wayBack = {
    id: 'way-back-in' as const,
    message: 'No way back in is mentioned.',
    why: 'A way back in keeps the door open.',
    kinds: ['letter-to-gp' as const],
    cues: { contact: ['contact us'], negations: ['not'] },
  };
  const base: Lexicon = { ...builtIn, prompts: { ...builtIn.prompts, reflections: [wayBack] } };
  const service: Lexicon = {
    name: 'Riverside',
    version: '1',
    entries: [],
    prompts: { reflections: [{ id: 'way-back-in', cues: { contact: ['ring the desk'] } }] },
  };
  const layers = (personal: Lexicon) => [
    { name: 'built-in' as const, lexicon: base },
    { name: 'service' as const, lexicon: service },
    { name: 'personal' as const, lexicon: personal },
  ];

  it('says where each comes from and what changed it, measured against the layers below', () => {
    const [row] = reflectionRows(layers(empty));
    expect(row).toMatchObject({
      from: 'built-in',
      changedBy: ['service'],
      enabled: true,
      personal: 'none',
      below: { cues: { contact: ['ring the desk'], negations: ['not'] } },
    });
    const off = reflectionRows(layers(withKitItemSwitched(empty, 'way-back-in', false)))[0]!;
    expect(off).toMatchObject({
      enabled: false,
      personal: 'off',
      changedBy: ['service', 'personal'],
    });
  });

  it('keeps a patch of only the words and whole cue lists that differ, and restores', () => {
    const below = reflectionRows(layers(empty))[0]!.below!;
    const changed = withReflectionPatched(empty, below, {
      message: 'No way back in is mentioned.',
      why: 'Say how to come back.',
      cues: { contact: ['ring the desk', ' phone the team ', ''], negations: ['not'] },
    });
    expect(changed.prompts).toEqual({
      reflections: [
        {
          id: 'way-back-in',
          why: 'Say how to come back.',
          cues: { contact: ['ring the desk', 'phone the team'] },
        },
      ],
    });
    expect(reflectionRows(layers(changed))[0]).toMatchObject({
      personal: 'changed',
      reflection: {
        why: 'Say how to come back.',
        cues: { contact: ['ring the desk', 'phone the team'] },
      },
    });
    // Put back as it was below: no patch left.
    const same = withReflectionPatched(changed, below, { why: below.why, cues: below.cues });
    expect(same.prompts).toBeUndefined();
    expect(withReflectionRestored(changed, 'way-back-in').prompts).toBeUndefined();
  });
});
