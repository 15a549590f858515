import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../core/index.ts';
import { effectiveLexicon, previewImport } from '../../components/options/ImportExport.tsx';

const layer = (extra: object) => ({ name: 'My changes', version: '1', entries: [], ...extra });

describe('previewImport', () => {
  it('says which entries a file switches off, and which it switches on again', () => {
    const current = { ...layer({ disable: ['heartsink'] }), disable: ['heartsink'] };
    const file = JSON.stringify(layer({ disable: ['claims', 'refused'] }));
    const preview = previewImport('mine.json', file, [defaultLexicon()], current);
    expect(preview).toMatchObject({
      errors: [],
      added: [],
      changed: [],
      removed: [],
      switchedOff: ['claims', 'refused'],
      switchedOn: ['heartsink'],
    });
  });

  it('says nothing is switched when the file switches off what is off already', () => {
    const current = { ...layer({}), disable: ['claims'] };
    const file = JSON.stringify(layer({ disable: ['claims'] }));
    expect(previewImport('mine.json', file, [defaultLexicon()], current)).toMatchObject({
      switchedOff: [],
      switchedOn: [],
    });
  });

  it('lists what a file does to the prompt kit: added, changed, put back, switched', () => {
    const own = {
      id: 'riverside-peer-group',
      section: 'community-routes',
      kind: 'reminder' as const,
      title: 'Riverside peer group',
      text: 'Tuesdays, 2 to 4 pm, at the library.',
    };
    const current = {
      ...layer({}),
      prompts: {
        items: [{ id: 'local-link-worker', text: 'Sam, on 01632 960123.' }],
        disable: ['frome-model'],
      },
    };
    const file = JSON.stringify(
      layer({
        prompts: {
          items: [own],
          reflections: [{ id: 'way-back-in', message: 'No way back in is written here yet.' }],
          disable: ['local-practical-help'],
        },
      }),
    );
    const preview = previewImport('mine.json', file, [defaultLexicon()], current);
    expect(preview.errors).toEqual([]);
    expect(preview.kit).toEqual([
      'Prompt added: riverside-peer-group',
      'Prompt put back as it was: local-link-worker',
      'Reflection changed: way-back-in',
      'Switched off in the prompt kit: local-practical-help',
      'Switched on again in the prompt kit: frome-model',
    ]);
    // Nothing of the kit is listed for a file that leaves it as it is.
    const same = previewImport('mine.json', JSON.stringify(current), [defaultLexicon()], current);
    expect(same.kit).toEqual([]);
  });
});

describe('the lexicon in force, exported', () => {
  it('holds the kit in force, its sources written out', () => {
    const service = layer({
      name: 'Riverside',
      prompts: {
        items: [{ id: 'local-link-worker', text: 'Sam, on 01632 960123.' }],
        disable: ['frome-model'],
      },
    });
    const kit = effectiveLexicon([defaultLexicon(), service]).prompts!;
    const items = kit.items!;
    expect(items.find((i) => i.id === 'local-link-worker')).toMatchObject({
      text: 'Sam, on 01632 960123.',
    });
    expect(items.some((i) => i.id === 'frome-model')).toBe(false);
    expect(kit.reflections!.map((r) => r.id)).toEqual([
      'way-back-in',
      'social-context',
      'written-to-person',
      'flag-summary',
    ]);
    // Every source is an object, none a key the file would need a bibliography for.
    const sources = [...items, ...kit.sections!].flatMap((x) => x.sources ?? []);
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter((s) => typeof s === 'string')).toEqual([]);
  });
});
