// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Finding, Replacement } from '../../core/engine.ts';
import { applySuggestion } from '../../extension/content/apply/apply-suggestion.ts';
import {
  BRIDGE_REPLACE,
  BRIDGE_REPLACED,
  BRIDGE_VERSION,
  readRequest,
} from '../../extension/bridge/protocol.ts';
import { adapterFor } from '../../extension/content/text/field-adapter.ts';

/**
 * A finding over `match` in `text` whose one suggestion rewrites `from`..`to` (by default the
 * match itself) as `replacement`: the engine's contract, where a replacement may be wider.
 */
function finding(text: string, match: string, replacement: string, wide?: string): Finding {
  const start = text.indexOf(match);
  const end = start + match.length;
  const r: Replacement = wide
    ? { start: text.indexOf(wide), end: text.indexOf(wide) + wide.length, text: replacement }
    : { start, end, text: replacement };
  return { start, end, match, suggestions: [replacement], replacements: [r] } as Finding;
}

const SENTENCE = 'He is non-compliant with his medication.';
const WIDE = 'has not been taking his {medication} because {reason}';
/** The lexicon's replacement for SENTENCE: it starts at "is", before the flagged words. */
const wide = (text: string) =>
  finding(text, 'non-compliant with his medication', WIDE, 'is non-compliant with his medication');

function textarea(value: string): HTMLTextAreaElement {
  document.body.innerHTML = '<textarea></textarea>';
  const el = document.querySelector('textarea')!;
  el.value = value;
  return el;
}

// happy-dom has no execCommand, so these exercise the fallback route; the execCommand route (native
// undo) is tested in real Chromium by test/e2e/editors.test.ts.
describe('applySuggestion in a textarea', () => {
  it('replaces the flagged phrase and leaves the caret after it', () => {
    const el = textarea('He refused the injection.');
    const inputs: string[] = [];
    el.addEventListener('input', (e) => inputs.push((e as InputEvent).inputType));
    const f = finding(el.value, 'refused', 'declined');
    expect(applySuggestion(adapterFor(el), f, 0, el.value)).toBe('applied');
    expect(el.value).toBe('He declined the injection.');
    expect([el.selectionStart, el.selectionEnd]).toEqual([11, 11]);
    // The page hears about the edit as input, so frameworks update their state.
    expect(inputs.length).toBe(1);
  });

  it("writes the replacement's whole range, wider than the flagged words", () => {
    const el = textarea(SENTENCE);
    expect(applySuggestion(adapterFor(el), wide(el.value), 0, el.value)).toBe('applied');
    expect(el.value).toBe('He has not been taking his {medication} because {reason}.');
  });

  it('writes the chosen replacement, not the first', () => {
    const el = textarea('He refused the injection.');
    const f = finding(el.value, 'refused', 'declined');
    f.suggestions.push('did not want');
    f.replacements.push({ start: 0, end: 10, text: 'They did not want' });
    expect(applySuggestion(adapterFor(el), f, 1, el.value)).toBe('applied');
    expect(el.value).toBe('They did not want the injection.');
  });

  it('selects the first placeholder so the clinician types straight over it', () => {
    const el = textarea(SENTENCE);
    applySuggestion(adapterFor(el), wide(el.value), 0, el.value);
    expect(el.value.slice(el.selectionStart!, el.selectionEnd!)).toBe('{medication}');
  });

  it('writes nothing when the text under the flag has changed since it was found', () => {
    const el = textarea('He refused the injection.');
    const source = el.value;
    const stale = finding(source, 'refused', 'declined');
    el.value = 'He has refused the injection.';
    expect(applySuggestion(adapterFor(el), stale, 0, source)).toBe('stale');
    expect(el.value).toBe('He has refused the injection.');
  });

  it('writes nothing when words of the wider range outside the flag have changed', () => {
    const el = textarea(SENTENCE);
    const source = el.value;
    const f = wide(source);
    // Same length, same flagged words, but "is" became "was" minus a letter: "as".
    el.value = 'He as non-compliant with his medication.';
    expect(applySuggestion(adapterFor(el), f, 0, source)).toBe('stale');
    expect(el.value).toBe('He as non-compliant with his medication.');
  });

  it('writes nothing without the text the finding came from, or for a replacement off the flag', () => {
    const el = textarea(SENTENCE);
    expect(applySuggestion(adapterFor(el), wide(el.value), 0, undefined)).toBe('stale');
    const off = wide(el.value);
    off.replacements[0] = { start: 0, end: 2, text: 'She' };
    expect(applySuggestion(adapterFor(el), off, 0, el.value)).toBe('stale');
    expect(applySuggestion(adapterFor(el), wide(el.value), 3, el.value)).toBe('stale');
    expect(el.value).toBe(SENTENCE);
  });
});

describe('applySuggestion and maxlength', () => {
  it('refuses a replacement the field has no room for, rather than cut it off', () => {
    const el = textarea('He refused.');
    el.maxLength = 14;
    const f = finding(el.value, 'refused', 'did not want it');
    expect(applySuggestion(adapterFor(el), f, 0, el.value)).toBe('too-long');
    expect(el.value).toBe('He refused.');
  });

  it('counts the whole replaced range as room freed', () => {
    // 40 characters; the replacement frees 36 ("is … medication") and writes 53.
    const el = textarea(SENTENCE);
    el.maxLength = 57;
    expect(applySuggestion(adapterFor(el), wide(el.value), 0, el.value)).toBe('applied');
    expect(el.value.length).toBe(57);
    const again = textarea(SENTENCE);
    again.maxLength = 56;
    expect(applySuggestion(adapterFor(again), wide(again.value), 0, again.value)).toBe('too-long');
    expect(again.value).toBe(SENTENCE);
  });
});

describe('applySuggestion in a contenteditable region', () => {
  const editable = (html: string) => {
    document.body.innerHTML = `<div contenteditable="true">${html}</div>`;
    return document.querySelector<HTMLElement>('[contenteditable]')!;
  };

  it('refuses a stale flag and leaves the DOM alone', () => {
    const root = editable('<p>He <b>refused</b> it.</p>');
    const adapter = adapterFor(root);
    const text = adapter.read();
    const stale = finding(text, 'refused', 'declined');
    root.querySelector('b')!.textContent = 'accepted';
    const before = root.innerHTML;
    expect(applySuggestion(adapter, stale, 0, text)).toBe('stale');
    expect(root.innerHTML).toBe(before);
  });

  // The beforeinput route needs StaticRange, which happy-dom lacks: test/e2e/apply-routes.test.ts
  // tries it in Chromium with an editor that takes beforeinput itself.
  it('asks the page-world bridge to replace the whole range, selected', () => {
    const root = editable('<p>He <b>is non-compliant</b> with <a href="#">his medication</a>.</p>');
    const adapter = adapterFor(root);
    const text = adapter.read();
    const asked: { selected: string; expected: string; text: string }[] = [];
    // A stand-in for the bridge: it makes the change, as an editor's API would, and answers.
    root.addEventListener(BRIDGE_REPLACE, (event) => {
      const request = readRequest((event as CustomEvent).detail)!;
      const range = document.getSelection()!.getRangeAt(0);
      asked.push({ selected: range.toString(), expected: request.expected, text: request.text });
      range.deleteContents();
      range.insertNode(document.createTextNode(request.text));
      const answer = { v: BRIDGE_VERSION, id: request.id, outcome: 'replaced' };
      root.dispatchEvent(new CustomEvent(BRIDGE_REPLACED, { detail: JSON.stringify(answer) }));
    });
    let offered = false;
    root.addEventListener('beforeinput', () => (offered = true));
    expect(applySuggestion(adapter, wide(text), 0, text)).toBe('applied');
    const selected = 'is non-compliant with his medication';
    expect(asked).toEqual([{ selected, expected: selected, text: WIDE }]);
    expect(adapter.read()).toBe(`He ${WIDE}.`);
    // The editor made the change: no second route writes it again.
    expect(offered).toBe(false);
  });
});
