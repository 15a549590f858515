import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../core/index.ts';
import { previewImport } from '../../components/options/ImportExport.tsx';

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
});
