// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/engine.ts';
import { applySuggestion } from '../../extension/content/apply/apply-suggestion.ts';
import { adapterFor } from '../../extension/content/text/field-adapter.ts';

const finding = (text: string, match: string): Finding =>
  ({ start: text.indexOf(match), end: text.indexOf(match) + match.length, match }) as Finding;

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
    const result = applySuggestion(adapterFor(el), finding(el.value, 'refused'), 'declined');
    expect(result).toBe('applied');
    expect(el.value).toBe('He declined the injection.');
    expect([el.selectionStart, el.selectionEnd]).toEqual([11, 11]);
    // The page hears about the edit as input, so frameworks update their state.
    expect(inputs.length).toBe(1);
  });

  it('selects the first placeholder so the clinician types straight over it', () => {
    const el = textarea('He is non-compliant.');
    applySuggestion(
      adapterFor(el),
      finding(el.value, 'non-compliant'),
      'finding {treatment} hard because {reason}',
    );
    expect(el.value.slice(el.selectionStart!, el.selectionEnd!)).toBe('{treatment}');
  });

  it('writes nothing when the text under the flag has changed since it was found', () => {
    const el = textarea('He refused the injection.');
    const stale = finding(el.value, 'refused');
    el.value = 'He has refused the injection.';
    expect(applySuggestion(adapterFor(el), stale, 'declined')).toBe('stale');
    expect(el.value).toBe('He has refused the injection.');
  });
});

describe('applySuggestion in a contenteditable region', () => {
  it('refuses a stale flag and leaves the DOM alone', () => {
    document.body.innerHTML = '<div contenteditable="true"><p>He <b>refused</b> it.</p></div>';
    const root = document.querySelector('div')!;
    const adapter = adapterFor(root);
    const text = adapter.read();
    const stale = finding(text, 'refused');
    root.querySelector('b')!.textContent = 'accepted';
    const before = root.innerHTML;
    expect(applySuggestion(adapter, stale, 'declined')).toBe('stale');
    expect(root.innerHTML).toBe(before);
  });
});

describe('applySuggestion and maxlength', () => {
  it('refuses a replacement the field has no room for, rather than cut it off', () => {
    const el = textarea('He refused.');
    el.maxLength = 14;
    expect(applySuggestion(adapterFor(el), finding(el.value, 'refused'), 'did not want it')).toBe(
      'too-long',
    );
    expect(el.value).toBe('He refused.');
  });
});
