// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  offsetOf,
  rangeFor,
  readEditableText,
} from '../../extension/content/text/editable-text.ts';

function editor(html: string): HTMLElement {
  document.body.innerHTML = `<div contenteditable="true">${html}</div>`;
  return document.body.firstElementChild as HTMLElement;
}

describe('readEditableText', () => {
  it('gives each block its own paragraph and keeps inline formatting in one', () => {
    const root = editor(
      '<p>He <b>claims</b> pain.</p>\n  <p>Second<br>line</p><ul><li>one</li><li>two</li></ul>',
    );
    expect(readEditableText(root).text).toBe('He claims pain.\n\nSecond\nline\n\none\n\ntwo');
  });

  it('skips formatting whitespace between blocks and non-editable islands', () => {
    const root = editor('\n  <p>A</p>\n  <div contenteditable="false">widget</div><p>B</p>');
    expect(readEditableText(root).text).toBe('A\n\nB');
  });
});

describe('rangeFor and offsetOf', () => {
  it('maps model offsets to DOM ranges across inline elements', () => {
    const root = editor('<p>He is <i>non</i>-compliant today.</p><p>Next</p>');
    const model = readEditableText(root);
    const start = model.text.indexOf('non-compliant');
    const range = rangeFor(model, start, start + 'non-compliant'.length)!;
    expect(range.toString()).toBe('non-compliant');
    const next = model.text.indexOf('Next');
    expect(rangeFor(model, next, next + 4)!.toString()).toBe('Next');
  });

  it('maps a DOM position back to the same model offset', () => {
    const root = editor('<p>One <b>two</b></p><p>three</p>');
    const model = readEditableText(root);
    const three = root.querySelectorAll('p')[1]!.firstChild!;
    expect(offsetOf(model, three, 2)).toBe(model.text.indexOf('three') + 2);
    const bold = root.querySelector('b')!.firstChild!;
    expect(offsetOf(model, bold, 3)).toBe(model.text.indexOf('two') + 3);
  });

  it('treats an end offset at a node boundary as the end of the node before', () => {
    const root = editor('<p><b>claims</b> more</p>');
    const model = readEditableText(root);
    const range = rangeFor(model, 0, 6)!;
    expect(range.endContainer).toBe(root.querySelector('b')!.firstChild);
    expect(range.toString()).toBe('claims');
  });
});
