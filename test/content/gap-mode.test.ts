// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { startGapMode } from '../../extension/content/gaps/gap-mode.ts';
import { adapterFor } from '../../extension/content/text/field-adapter.ts';

const INSERTED = 'has not been taking his {medication} because {reason}';
const TEXT = `He ${INSERTED}. Seen with his wife.`;

const stops: AbortController[] = [];
afterEach(() => stops.splice(0).forEach((s) => s.abort()));

function setUp() {
  document.body.innerHTML = '<p>Notes</p><textarea></textarea><button>Save</button>';
  const el = document.querySelector('textarea')!;
  el.value = TEXT;
  el.focus();
  const gap = TEXT.indexOf('{medication}');
  el.setSelectionRange(gap, gap + '{medication}'.length);
  const said: string[] = [];
  const stop = new AbortController();
  stops.push(stop);
  const mode = startGapMode(
    adapterFor(el),
    { start: 3, text: INSERTED },
    { announce: (m) => said.push(m), signal: stop.signal },
  )!;
  return { el, mode, said, stop };
}

/** A key pressed in the field; true when something took it (default prevented). */
function press(el: HTMLElement, key: string, init: KeyboardEventInit = {}): boolean {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  el.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Types over the selection the way the browser does: replace it, caret after, an input event. */
function type(el: HTMLTextAreaElement, text: string) {
  const start = el.selectionStart!;
  el.setRangeText(text, start, el.selectionEnd!);
  // Set by hand: happy-dom's setRangeText(…, 'end') puts the caret at the end of the value.
  el.setSelectionRange(start + text.length, start + text.length);
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

const selected = (el: HTMLTextAreaElement) => el.value.slice(el.selectionStart!, el.selectionEnd!);

describe('gap mode in a textarea', () => {
  it('Tab selects the next gap still there, even after the first was typed over', () => {
    const { el, mode, said } = setUp();
    expect(said).toEqual(['Gap 1 of 2: {medication}. Tab moves to the next gap.']);
    type(el, 'ramipril');
    expect(press(el, 'Tab')).toBe(true);
    expect(selected(el)).toBe('{reason}');
    expect(said.at(-1)).toBe('Gap 2 of 2: {reason}');
    type(el, 'it made him dizzy');
    expect(el.value).toBe(
      'He has not been taking his ramipril because it made him dizzy. Seen with his wife.',
    );
    expect(mode.active).toBe(true);

    // Tab at the last gap: the caret goes after the inserted text, whose end moved as it grew.
    expect(press(el, 'Tab')).toBe(true);
    expect(mode.active).toBe(false);
    const end = el.value.indexOf('. Seen');
    expect([el.selectionStart, el.selectionEnd]).toEqual([end, end]);
    expect(said.at(-1)).toBe('End of the suggestion.');
    // Now Tab is the page's again.
    expect(press(el, 'Tab')).toBe(false);
  });

  it('Shift+Tab goes back to an earlier gap, and stays put at the first', () => {
    const { el, mode } = setUp();
    press(el, 'Tab');
    expect(selected(el)).toBe('{reason}');
    expect(press(el, 'Tab', { shiftKey: true })).toBe(true);
    expect(selected(el)).toBe('{medication}');
    expect(press(el, 'Tab', { shiftKey: true })).toBe(true);
    expect(selected(el)).toBe('{medication}');
    expect(mode.active).toBe(true);
  });

  it('ends on Escape, leaving the selection where it is', () => {
    const { el, mode, said } = setUp();
    expect(press(el, 'Escape')).toBe(true);
    expect(mode.active).toBe(false);
    expect(selected(el)).toBe('{medication}');
    expect(said.at(-1)).toBe('Left the gaps.');
    expect(press(el, 'Tab')).toBe(false);
  });

  it('ends when the caret leaves the inserted text', () => {
    const { el, mode } = setUp();
    el.setSelectionRange(el.value.length, el.value.length);
    document.dispatchEvent(new Event('selectionchange'));
    expect(mode.active).toBe(false);
    expect(press(el, 'Tab')).toBe(false);
  });

  it('keeps going while the caret moves inside the inserted text', () => {
    const { el, mode } = setUp();
    el.setSelectionRange(5, 5);
    document.dispatchEvent(new Event('selectionchange'));
    expect(mode.active).toBe(true);
    press(el, 'Tab');
    expect(selected(el)).toBe('{medication}');
  });

  it('ends on undo, and with the rest of the frame', () => {
    const first = setUp();
    press(first.el, 'z', { ctrlKey: true });
    expect(first.mode.active).toBe(false);
    const second = setUp();
    second.stop.abort();
    expect(second.mode.active).toBe(false);
    expect(press(second.el, 'Tab')).toBe(false);
  });

  it('leaves keys pressed outside the field alone', () => {
    const { mode } = setUp();
    expect(press(document.querySelector('p')!, 'Tab')).toBe(false);
    expect(mode.active).toBe(true);
  });

  it('does not start when the suggestion has no gaps or is not where it was written', () => {
    document.body.innerHTML = '<textarea></textarea>';
    const el = document.querySelector('textarea')!;
    el.value = TEXT;
    const signal = new AbortController().signal;
    const announce = () => {};
    const adapter = adapterFor(el);
    expect(
      startGapMode(adapter, { start: 3, text: 'has not been taking' }, { announce, signal }),
    ).toBeUndefined();
    expect(
      startGapMode(adapter, { start: 4, text: INSERTED }, { announce, signal }),
    ).toBeUndefined();
  });
});

describe('gap mode in a contenteditable region', () => {
  it('follows the inserted text across formatting and selects gaps as DOM ranges', () => {
    document.body.innerHTML =
      '<div contenteditable="true"><p>He <b>has not been taking</b> his {medication} because {reason}.</p><p>Plan.</p></div>';
    const root = document.querySelector<HTMLElement>('[contenteditable]')!;
    root.focus();
    const adapter = adapterFor(root);
    const stop = new AbortController();
    stops.push(stop);
    const said: string[] = [];
    const text = () => window.getSelection()!.toString();
    const node = root.querySelector('p')!.lastChild as Text;
    const range = document.createRange();
    range.setStart(node, node.data.indexOf('{medication}'));
    range.setEnd(node, node.data.indexOf('{medication}') + 12);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);

    const mode = startGapMode(
      adapter,
      { start: 3, text: INSERTED },
      {
        announce: (m) => said.push(m),
        signal: stop.signal,
      },
    )!;
    expect(mode).toBeDefined();
    // The clinician types over the first gap (the text node changes under us).
    node.data = node.data.replace('{medication}', 'ramipril');
    const caret = node.data.indexOf('ramipril') + 8;
    window.getSelection()!.collapse(node, caret);
    root.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    expect(mode.active).toBe(true);

    expect(press(root, 'Tab')).toBe(true);
    expect(text()).toBe('{reason}');
    expect(said.at(-1)).toBe('Gap 2 of 2: {reason}');
    expect(press(root, 'Tab')).toBe(true);
    expect(mode.active).toBe(false);
    const selection = window.getSelection()!;
    expect(selection.isCollapsed).toBe(true);
    expect(selection.focusNode).toBe(node);
    expect(node.data.slice(0, selection.focusOffset)).toBe(' his ramipril because {reason}');
  });
});
