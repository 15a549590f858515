// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fieldOf, isCheckableField } from '../../extension/content/fields/is-checkable-field.ts';
import { watchEditableFields } from '../../extension/content/fields/watch-editable-fields.ts';

const html = (markup: string) => {
  document.body.innerHTML = markup;
};
const byId = (id: string) => document.getElementById(id)!;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('isCheckableField', () => {
  it('checks textareas, text inputs and editing hosts', () => {
    html(`<textarea id="t"></textarea><input id="i"><input id="s" type="search">
      <div id="ce" contenteditable="true"><p id="inner">x</p></div><textarea id="sp" spellcheck="false"></textarea>`);
    for (const id of ['t', 'i', 's', 'ce', 'sp']) expect(isCheckableField(byId(id)), id).toBe(true);
    // A paragraph inside an editor is part of its host, not a field of its own.
    expect(isCheckableField(byId('inner'))).toBe(false);
    expect(fieldOf(byId('inner').firstChild)).toBe(byId('ce'));
  });

  it('never touches password, hidden, disabled, read-only or opted-out fields', () => {
    html(`<input id="p" type="password"><input id="h" type="hidden"><input id="e" type="email">
      <textarea id="d" disabled></textarea><textarea id="r" readonly></textarea>
      <textarea id="g" data-gramm="false"></textarea><div data-alongside="off"><textarea id="o"></textarea></div>`);
    for (const id of ['p', 'h', 'e', 'd', 'r', 'g', 'o'])
      expect(isCheckableField(byId(id)), id).toBe(false);
  });
});

describe('watchEditableFields', () => {
  it('offers fields present at start, added later, and inside open shadow roots, once each', async () => {
    html('<textarea id="first"></textarea><div id="host"></div>');
    const shadow = byId('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<textarea id="shadowed"></textarea>';
    const seen: string[] = [];
    const stop = new AbortController();
    watchEditableFields(document, (f) => seen.push(f.id), stop.signal);
    expect(seen).toEqual(['first', 'shadowed']);

    const later = document.createElement('div');
    later.innerHTML = '<input id="added"><div id="ce" contenteditable="true"></div>';
    document.body.append(later);
    shadow.append(Object.assign(document.createElement('textarea'), { id: 'shadow-added' }));
    await new Promise((done) => setTimeout(done, 0));
    expect(seen.sort()).toEqual(['added', 'ce', 'first', 'shadow-added', 'shadowed']);

    // Focusing a field already offered does not offer it again.
    byId('first').dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(seen.filter((id) => id === 'first')).toHaveLength(1);
    stop.abort();
  });

  it('picks up a region made editable later', async () => {
    html('<div id="later"></div>');
    const seen: string[] = [];
    const stop = new AbortController();
    watchEditableFields(document, (f) => seen.push(f.id), stop.signal);
    byId('later').setAttribute('contenteditable', 'true');
    await new Promise((done) => setTimeout(done, 0));
    expect(seen).toEqual(['later']);
    stop.abort();
  });
});
