// @vitest-environment happy-dom
// The page-world bridge and the content script's side of it, on a page that can send anything:
// the bridge edits only when the selection holds the text the request expects, answers only its
// own protocol version, and the content script believes no answer without reading the field back.
// In Chromium, with CKEditor 5 and a page that forges events: test/e2e/hostile-bridge.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../core/engine.ts';
import { listenForReplaceRequests } from '../../extension/bridge/editor-routes.ts';
import {
  BRIDGE_REPLACE,
  BRIDGE_REPLACED,
  BRIDGE_VERSION,
  readAnswer,
  readRequest,
  type ReplaceOutcome,
} from '../../extension/bridge/protocol.ts';
import { applySuggestion, writeText } from '../../extension/content/apply/apply-suggestion.ts';
import { adapterFor } from '../../extension/content/text/field-adapter.ts';

/** The page's editable, with "claims" in it. */
function editable(html = '<p>She claims her pain is bad.</p>'): HTMLElement {
  document.body.innerHTML = `<div contenteditable="true">${html}</div>`;
  return document.querySelector<HTMLElement>('[contenteditable]')!;
}

/** Selects `phrase` inside `root`, as the content script does before it asks. */
function select(root: HTMLElement, phrase: string): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(phrase);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + phrase.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    return range;
  }
  throw new Error(`"${phrase}" is not in the field`);
}

/**
 * A CKEditor 5 stand-in on the editable, as the bridge finds one (`ckeditorInstance`): its
 * "model" is the DOM, its insertContent replaces the selected range. `calls` counts the edits.
 */
function fakeCkEditor(root: HTMLElement, insertContent?: () => void) {
  const calls: string[] = [];
  const model = {
    change: <T>(fn: (writer: unknown) => T) =>
      fn({
        createText: (text: string) => text,
        createSelection: (range: Range) => ({ range, getLastPosition: () => null }),
        setSelection: () => {},
      }),
    insertContent(text: string, selection: { range: Range }) {
      insertContent?.();
      calls.push(text);
      selection.range.deleteContents();
      selection.range.insertNode(document.createTextNode(text));
    },
  };
  const toModel = (range: Range) =>
    Object.assign(range, {
      getItems: () => [{ is: (type: string) => type === '$textProxy', data: range.toString() }],
      start: { textNode: null, nodeAfter: null },
    });
  Object.assign(root, {
    ckeditorInstance: {
      model,
      editing: {
        view: { domConverter: { domRangeToView: (range: Range) => range } },
        mapper: { toModelRange: toModel },
      },
    },
  });
  return calls;
}

/** Every answer the bridge sends on `root`, as the page (or the content script) would hear it. */
function answersOn(root: HTMLElement): { names: string[]; details: unknown[] } {
  const heard = { names: [] as string[], details: [] as unknown[] };
  for (const name of [BRIDGE_REPLACED, 'alongside:replaced']) {
    root.addEventListener(name, (event) => {
      heard.names.push(name);
      heard.details.push((event as CustomEvent).detail);
    });
  }
  return heard;
}

const request = (fields: Record<string, unknown>) =>
  JSON.stringify({ v: BRIDGE_VERSION, id: 'r1', ...fields });

// One bridge per document, as the page-world content script installs it; each test's page is new.
listenForReplaceRequests(document);

describe('the page-world bridge', () => {
  it('replaces the selection when it holds the expected text, and answers in its version', () => {
    const root = editable();
    const calls = fakeCkEditor(root);
    const heard = answersOn(root);
    select(root, 'claims');
    root.dispatchEvent(
      new CustomEvent(BRIDGE_REPLACE, { detail: request({ expected: 'claims', text: 'reports' }) }),
    );
    expect(calls).toEqual(['reports']);
    expect(root.textContent).toBe('She reports her pain is bad.');
    expect(heard.names).toEqual([BRIDGE_REPLACED]);
    expect(readAnswer(heard.details[0], 'r1')).toBe('replaced');
    expect(BRIDGE_REPLACE).toBe(`alongside:v${BRIDGE_VERSION}:replace`);
  });

  it('refuses, and writes nothing, when the selection holds other words than expected', () => {
    const root = editable();
    const calls = fakeCkEditor(root);
    const heard = answersOn(root);
    // A page's forged request at a place of its choosing, with the wrong text for it.
    select(root, 'pain');
    root.dispatchEvent(
      new CustomEvent(BRIDGE_REPLACE, { detail: request({ expected: 'claims', text: 'X' }) }),
    );
    expect(calls).toEqual([]);
    expect(root.textContent).toBe('She claims her pain is bad.');
    expect(heard.details.map((d) => readAnswer(d, 'r1'))).toEqual(['refused']);
  });

  it('answers "failed", with the text as it was, when the editor throws', () => {
    const root = editable();
    const calls = fakeCkEditor(root, () => {
      throw new Error('patched by the page');
    });
    const heard = answersOn(root);
    select(root, 'claims');
    root.dispatchEvent(
      new CustomEvent(BRIDGE_REPLACE, { detail: request({ expected: 'claims', text: 'reports' }) }),
    );
    expect(calls).toEqual([]);
    expect(root.textContent).toBe('She claims her pain is bad.');
    expect(heard.details.map((d) => readAnswer(d, 'r1'))).toEqual(['failed']);
  });

  it('does nothing for requests of another version or shape, or where there is no editor', () => {
    const root = editable();
    const calls = fakeCkEditor(root);
    const heard = answersOn(root);
    select(root, 'claims');
    const hostile = { toString: () => request({ expected: 'claims', text: 'X' }) };
    const sent: [string, unknown][] = [
      // An older build's content script: its event name and its request shape.
      ['alongside:replace', JSON.stringify({ text: 'X' })],
      ['alongside:replace', request({ expected: 'claims', text: 'X' })],
      // This version's name with anything but this version's request.
      [BRIDGE_REPLACE, JSON.stringify({ v: 1, id: 'r1', expected: 'claims', text: 'X' })],
      [BRIDGE_REPLACE, JSON.stringify({ text: 'X' })],
      [BRIDGE_REPLACE, request({ expected: 'claims', text: 7 })],
      [BRIDGE_REPLACE, request({ text: 'X' })],
      [BRIDGE_REPLACE, '{"v":2,'],
      [BRIDGE_REPLACE, 'null'],
      [BRIDGE_REPLACE, '[2,"r1","claims","X"]'],
      [BRIDGE_REPLACE, hostile],
      [BRIDGE_REPLACE, { v: BRIDGE_VERSION, id: 'r1', expected: 'claims', text: 'X' }],
      [BRIDGE_REPLACE, undefined],
    ];
    for (const [name, detail] of sent) root.dispatchEvent(new CustomEvent(name, { detail }));
    expect(calls).toEqual([]);
    expect(heard.names).toEqual([]);
    expect(root.textContent).toBe('She claims her pain is bad.');

    // A field with no editor the bridge knows: no answer, so the content script takes its own way.
    const plain = editable();
    const plainHeard = answersOn(plain);
    select(plain, 'claims');
    plain.dispatchEvent(
      new CustomEvent(BRIDGE_REPLACE, { detail: request({ expected: 'claims', text: 'X' }) }),
    );
    expect(plainHeard.names).toEqual([]);
    expect(plain.textContent).toBe('She claims her pain is bad.');
  });
});

describe('the protocol readers', () => {
  it('read only this version, with every field of the right type', () => {
    expect(readRequest(request({ expected: 'a', text: 'b' }))).toEqual({
      v: BRIDGE_VERSION,
      id: 'r1',
      expected: 'a',
      text: 'b',
    });
    expect(readRequest(JSON.stringify({ v: 1, id: 'r1', expected: 'a', text: 'b' }))).toBe(
      undefined,
    );
    expect(readRequest(request({ expected: 'a', text: 'b', id: 3 }))).toBe(undefined);
    const answer = (fields: Record<string, unknown>) =>
      JSON.stringify({ v: BRIDGE_VERSION, id: 'r1', ...fields });
    expect(readAnswer(answer({ outcome: 'replaced' }), 'r1')).toBe('replaced');
    expect(readAnswer(answer({ outcome: 'replaced' }), 'r2')).toBe(undefined);
    expect(readAnswer(answer({ outcome: 'done' }), 'r1')).toBe(undefined);
    expect(readAnswer(JSON.stringify({ v: 1, id: 'r1', outcome: 'replaced' }), 'r1')).toBe(
      undefined,
    );
    expect(readAnswer({ v: BRIDGE_VERSION, id: 'r1', outcome: 'replaced' }, 'r1')).toBe(undefined);
    expect(readAnswer('x'.repeat(2_000_000), 'r1')).toBe(undefined);
  });
});

/** The finding for `match` in `text`, replaced by `replacement`. */
function finding(text: string, match: string, replacement: string): Finding {
  const start = text.indexOf(match);
  const end = start + match.length;
  return {
    start,
    end,
    match,
    suggestions: [replacement],
    replacements: [{ start, end, text: replacement }],
  } as Finding;
}

/**
 * happy-dom has no StaticRange, which the generic route's beforeinput carries: a plain one, so
 * that route runs here as in Chromium.
 */
class PlainStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: Range) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
}

describe('the content script asking the bridge, on a page that answers for it', () => {
  beforeEach(() => vi.stubGlobal('StaticRange', PlainStaticRange));
  afterEach(() => vi.unstubAllGlobals());

  /**
   * A page listener that answers every request on `root` with `outcome` (the request's id
   * copied), before the bridge hears it: on the window, in the capture phase.
   */
  const forgeAnswers = (root: HTMLElement, outcome: ReplaceOutcome) => {
    const forge = (event: Event) => {
      if (event.target !== root) return;
      const id = readRequest((event as CustomEvent).detail)?.id;
      root.dispatchEvent(
        new CustomEvent(BRIDGE_REPLACED, {
          detail: JSON.stringify({ v: BRIDGE_VERSION, id, outcome }),
        }),
      );
    };
    window.addEventListener(BRIDGE_REPLACE, forge, true);
    forged.push(forge);
  };
  const forged: ((event: Event) => void)[] = [];
  afterEach(() => {
    for (const forge of forged.splice(0)) window.removeEventListener(BRIDGE_REPLACE, forge, true);
  });

  /** An editor of the Slate or Lexical kind: it takes beforeinput itself, now or a moment later. */
  const takesBeforeInput = (root: HTMLElement, when: 'now' | 'later' | 'never') => {
    const offered: string[] = [];
    root.addEventListener('beforeinput', (event) => {
      const e = event as InputEvent;
      offered.push(e.data ?? '');
      e.preventDefault();
      const write = () => {
        const range = document.getSelection()!.getRangeAt(0);
        range.deleteContents();
        range.insertNode(document.createTextNode(e.data ?? ''));
      };
      if (when === 'now') write();
      if (when === 'later') queueMicrotask(write);
    });
    return offered;
  };

  it('sends what it expects at the selection, in this version, and reads the field back', () => {
    const root = editable();
    const calls = fakeCkEditor(root);
    const seen: unknown[] = [];
    root.addEventListener(BRIDGE_REPLACE, (event) => seen.push((event as CustomEvent).detail));
    const adapter = adapterFor(root);
    const text = adapter.read();
    expect(applySuggestion(adapter, finding(text, 'claims', 'reports'), 0, text)).toBe('applied');
    expect(calls).toEqual(['reports']);
    expect(readRequest(seen[0])).toMatchObject({ expected: 'claims', text: 'reports' });
    expect(adapter.read()).toBe('She reports her pain is bad.');
  });

  it('takes its own route when the only "replaced" is forged and changed nothing', () => {
    const root = editable();
    forgeAnswers(root, 'replaced');
    const offered = takesBeforeInput(root, 'now');
    const adapter = adapterFor(root);
    const text = adapter.read();
    expect(applySuggestion(adapter, finding(text, 'claims', 'reports'), 0, text)).toBe('applied');
    expect(offered).toEqual(['reports']);
    expect(adapter.read()).toBe('She reports her pain is bad.');
  });

  it('ignores answers to other requests or of another version', () => {
    const root = editable();
    root.addEventListener(BRIDGE_REPLACE, () => {
      for (const detail of [
        JSON.stringify({ v: BRIDGE_VERSION, id: 'someone-else', outcome: 'failed' }),
        JSON.stringify({ v: 1, outcome: 'failed' }),
        'failed',
      ]) {
        root.dispatchEvent(new CustomEvent(BRIDGE_REPLACED, { detail }));
      }
      root.dispatchEvent(new CustomEvent('alongside:replaced'));
    });
    const offered = takesBeforeInput(root, 'now');
    const adapter = adapterFor(root);
    const text = adapter.read();
    expect(applySuggestion(adapter, finding(text, 'claims', 'reports'), 0, text)).toBe('applied');
    expect(offered).toEqual(['reports']);
  });

  it('says "failed", writes nothing and puts the caret back when the editor threw, however a forged "replaced" races it', () => {
    const root = editable();
    // The forged answer is heard first: the page listens before the bridge does.
    forgeAnswers(root, 'replaced');
    fakeCkEditor(root, () => {
      throw new Error('patched by the page');
    });
    const offered = takesBeforeInput(root, 'now');
    const adapter = adapterFor(root);
    const text = adapter.read();
    select(root, 'pain');
    expect(applySuggestion(adapter, finding(text, 'claims', 'reports'), 0, text)).toBe('failed');
    expect(adapter.read()).toBe(text);
    expect(offered).toEqual([]);
    expect(document.getSelection()!.toString()).toBe('pain');
  });

  it('says "stale" and writes nothing when the bridge refused, or the text became something else', () => {
    const root = editable();
    forgeAnswers(root, 'refused');
    const offered = takesBeforeInput(root, 'now');
    const adapter = adapterFor(root);
    const text = adapter.read();
    expect(applySuggestion(adapter, finding(text, 'claims', 'reports'), 0, text)).toBe('stale');
    expect(adapter.read()).toBe(text);

    const other = editable();
    other.addEventListener(BRIDGE_REPLACE, () => {
      other.querySelector('p')!.textContent = 'She says her pain is bad.';
      forgeAnswers(other, 'replaced');
    });
    const otherOffered = takesBeforeInput(other, 'now');
    const otherAdapter = adapterFor(other);
    const before = otherAdapter.read();
    expect(applySuggestion(otherAdapter, finding(before, 'claims', 'reports'), 0, before)).toBe(
      'stale',
    );
    expect(otherAdapter.read()).toBe('She says her pain is bad.');
    expect([...offered, ...otherOffered]).toEqual([]);
  });

  it('waits a moment for an editor that takes beforeinput and draws later, then says what happened', async () => {
    const root = editable();
    takesBeforeInput(root, 'later');
    const adapter = adapterFor(root);
    const text = adapter.read();
    const later = applySuggestion(adapter, finding(text, 'claims', 'reports'), 0, text);
    expect(later).toBeInstanceOf(Promise);
    await expect(later).resolves.toBe('applied');
    expect(adapter.read()).toBe('She reports her pain is bad.');

    // An editor that cancels the edit and never makes it: the text is as it was.
    const never = editable();
    const offered = takesBeforeInput(never, 'never');
    const neverAdapter = adapterFor(never);
    select(never, 'pain');
    await expect(writeText(neverAdapter, 4, 10, 'reports')).resolves.toBe('failed');
    expect(offered).toEqual(['reports']);
    expect(neverAdapter.read()).toBe('She claims her pain is bad.');
    expect(document.getSelection()!.toString()).toBe('pain');
  });
});
