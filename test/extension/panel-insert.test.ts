import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// WXT's storage reaches for the browser when first imported: give it the in-memory fake first.
vi.stubGlobal('chrome', fakeBrowser);
const { createInsertRouter, focusedFramesItem } =
  await import('../../extension/panel/insert-router.ts');
const { isMessage } = await import('../../extension/messages.ts');
const { locateInserted, paragraphsHtml, paragraphsOf } =
  await import('../../extension/content/apply/insert-at-caret.ts');

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

/** Two windows, each with an active tab; the panel is beside the first. */
async function twoWindows() {
  const first = await fakeBrowser.windows.create({});
  const second = await fakeBrowser.windows.create({});
  const a = await fakeBrowser.tabs.create({ windowId: first.id, url: 'https://records.example/a' });
  const b = await fakeBrowser.tabs.create({
    windowId: second.id,
    url: 'https://records.example/b',
  });
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (info) =>
    [
      { ...a, active: true },
      { ...b, active: true },
    ].filter((t) => info.windowId === undefined || t.windowId === info.windowId),
  );
  return { first: first.id!, second: second.id!, a: a.id!, b: b.id! };
}

describe('the insert router', () => {
  it('sends a prompt to the frame of the field last focused in the tab beside the side panel', async () => {
    const { first, a, b } = await twoWindows();
    const router = createInsertRouter();
    await router.noteFocus(a, 0);
    await router.noteFocus(a, 3);
    await router.noteFocus(b, 0);
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValue({ outcome: 'inserted', gaps: 1 } as never);
    expect(await router.insert('Seen {when}.', first, undefined)).toEqual({
      outcome: 'inserted',
      gaps: 1,
    });
    // The frame focused last in that tab, and only it; not the more recent field of the other window.
    expect(send).toHaveBeenCalledExactlyOnceWith(
      a,
      { kind: 'insert-prompt', text: 'Seen {when}.' },
      { frameId: 3 },
    );
    // Kept where a stopped worker finds it again.
    expect(Object.keys(await focusedFramesItem.getValue()).sort()).toEqual(
      [String(a), String(b)].sort(),
    );
  });

  it('says so when no field was focused in that tab, or the frame does not answer', async () => {
    const { first, a } = await twoWindows();
    const router = createInsertRouter();
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    expect(await router.insert('Seen.', first, undefined)).toEqual({ outcome: 'no-field' });
    expect(send).not.toHaveBeenCalled();
    await router.noteFocus(a, 0);
    send.mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await router.insert('Seen.', first, undefined)).toEqual({ outcome: 'gone' });
    send.mockResolvedValue(undefined as never);
    expect(await router.insert('Seen.', first, undefined)).toEqual({ outcome: 'gone' });
    await router.forgetTab(a);
    expect(await router.insert('Seen.', first, undefined)).toEqual({ outcome: 'no-field' });
  });

  it("from the panel's page open in a tab, sends it to the field focused most recently among the tabs on show", async () => {
    const { first, a, b } = await twoWindows();
    const router = createInsertRouter();
    await router.noteFocus(a, 0);
    await router.noteFocus(b, 2);
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValue({ outcome: 'inserted' } as never);
    const panelTab = { id: 99, windowId: first } as Parameters<typeof router.insert>[2];
    await router.insert('Seen.', first, panelTab);
    expect(send).toHaveBeenCalledWith(b, { kind: 'insert-prompt', text: 'Seen.' }, { frameId: 2 });
  });
});

describe('the letter beside the panel, through the router', () => {
  it('is read from the same frame a prompt would go to, with its tab’s title', async () => {
    const { first, a } = await twoWindows();
    const router = createInsertRouter();
    expect(await router.readLetter(first, undefined)).toEqual({ outcome: 'no-field' });
    await router.noteFocus(a, 3);
    const letter = {
      text: 'Seen.',
      kind: 'clinical-note',
      chosen: false,
      flags: [],
      waiting: false,
    };
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValue({ outcome: 'read', letter } as never);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: a, title: 'Clinic letter' } as never);
    expect(await router.readLetter(first, undefined)).toEqual({
      outcome: 'read',
      letter,
      page: 'Clinic letter',
    });
    expect(send).toHaveBeenCalledExactlyOnceWith(a, { kind: 'read-letter' }, { frameId: 3 });
    send.mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(await router.readLetter(first, undefined)).toEqual({ outcome: 'gone' });
  });

  it('shows a flag in that frame, and passes on what became of it', async () => {
    const { first, a } = await twoWindows();
    const router = createInsertRouter();
    await router.noteFocus(a, 1);
    const flag = { start: 4, end: 10, match: 'claims' };
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValue({ outcome: 'moved' } as never);
    expect(await router.showFlag(flag, first, undefined)).toEqual({ outcome: 'moved' });
    expect(send).toHaveBeenCalledExactlyOnceWith(a, { kind: 'show-flag', flag }, { frameId: 1 });
  });
});

describe('the insert messages', () => {
  it('are well formed only with text to insert and a whole window id, if any', () => {
    expect(isMessage({ kind: 'field-focused' })).toBe(true);
    expect(isMessage({ kind: 'insert-prompt', text: 'Seen.' })).toBe(true);
    expect(isMessage({ kind: 'insert-prompt', text: 'Seen.', windowId: 4 })).toBe(true);
    expect(isMessage({ kind: 'insert-prompt', text: '' })).toBe(false);
    expect(isMessage({ kind: 'insert-prompt', text: 3 })).toBe(false);
    expect(isMessage({ kind: 'insert-prompt', text: 'Seen.', windowId: '4' })).toBe(false);
  });

  it('ask for the letter, or show one of its flags, only with a flag that is a real place', () => {
    expect(isMessage({ kind: 'letter-changed' })).toBe(true);
    expect(isMessage({ kind: 'read-letter' })).toBe(true);
    expect(isMessage({ kind: 'read-letter', windowId: 2 })).toBe(true);
    expect(isMessage({ kind: 'read-letter', windowId: 2.5 })).toBe(false);
    const flag = { start: 4, end: 10, match: 'claims' };
    expect(isMessage({ kind: 'show-flag', flag })).toBe(true);
    expect(isMessage({ kind: 'show-flag', flag, windowId: 1 })).toBe(true);
    for (const bad of [
      undefined,
      { ...flag, start: -1 },
      { ...flag, end: 4 },
      { ...flag, end: 10.5 },
      { ...flag, match: 3 },
      { start: 4, end: 10 },
    ]) {
      expect(isMessage({ kind: 'show-flag', flag: bad })).toBe(false);
    }
  });
});

describe('paragraphs of a prompt', () => {
  it('are separated by blank lines; a single line break stays inside one', () => {
    expect(
      paragraphsOf('\nDear {name},\r\n\r\nWe met.\nThen talked.\n \n\n\nBest wishes '),
    ).toEqual(['Dear {name},', 'We met.\nThen talked.', 'Best wishes']);
  });

  it('become HTML paragraphs, escaped, a line break as <br>', () => {
    expect(paragraphsHtml(['A & B <ok>', 'Line one\nline two'])).toBe(
      '<p>A &#38; B &#60;ok&#62;</p><p>Line one<br>line two</p>',
    );
  });

  it('are found where they were inserted, or just after a paragraph the editor opened', () => {
    const inserted = 'Seen {when}.\n\nAgreed.';
    expect(locateInserted(`Dear Sam,\n${inserted}`, 10, inserted)).toBe(10);
    expect(locateInserted(`Dear Sam,\n\n${inserted}`, 9, inserted)).toBe(11);
    expect(
      locateInserted(`Dear Sam,\u00a0${inserted}`.replace('Seen ', 'Seen\u00a0'), 10, inserted),
    ).toBe(10);
    expect(
      locateInserted(`Dear Sam, and then much later ${inserted}`, 9, inserted),
    ).toBeUndefined();
  });
});
