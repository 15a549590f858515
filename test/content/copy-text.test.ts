// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from '../../extension/content/card/copy-text.ts';

// The real clipboard, in both kinds of page, is tested in Chromium by
// test/e2e/content-card-example.test.ts; these pin down the choice of route and the clean-up.
function setup(secure: boolean) {
  document.body.innerHTML = '<textarea id="field">He said {x}.</textarea><div id="host"></div>';
  const field = document.querySelector<HTMLTextAreaElement>('#field')!;
  const root = document.querySelector('#host')!.attachShadow({ mode: 'open' });
  Object.defineProperty(window, 'isSecureContext', { value: secure, configurable: true });
  const writeText = vi.fn(async (_text: string) => {});
  Object.defineProperty(window.navigator, 'clipboard', {
    value: secure ? { writeText } : undefined,
    configurable: true,
  });
  const copied: string[] = [];
  const execCommand = vi.fn((command: string) => {
    const area = root.activeElement as HTMLTextAreaElement | null;
    if (command === 'copy' && area)
      copied.push(area.value.slice(area.selectionStart, area.selectionEnd));
    return command === 'copy';
  });
  Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  const restore = vi.fn(() => field.focus());
  return { field, root, writeText, execCommand, copied, restore };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('copyText', () => {
  it('uses the Clipboard API in a secure context, and leaves focus alone', async () => {
    const t = setup(true);
    expect(await copyText('He said it hurt.', t.root, t.restore)).toBe(true);
    expect(t.writeText).toHaveBeenCalledWith('He said it hurt.');
    expect(t.execCommand).not.toHaveBeenCalled();
    expect(t.restore).not.toHaveBeenCalled();
  });

  it('without navigator.clipboard, copies from a hidden read-only textarea and restores', async () => {
    const t = setup(false);
    t.field.focus();
    expect(await copyText('He said it hurt.', t.root, t.restore)).toBe(true);
    expect(t.copied).toEqual(['He said it hurt.']);
    expect(t.root.querySelector('textarea')).toBeNull();
    expect(t.restore).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(t.field);
    expect(t.field.value).toBe('He said {x}.');
  });

  it('falls back when the Clipboard API refuses', async () => {
    const t = setup(true);
    t.writeText.mockRejectedValueOnce(new DOMException('Document is not focused.'));
    expect(await copyText('Example.', t.root, t.restore)).toBe(true);
    expect(t.copied).toEqual(['Example.']);
    expect(t.restore).toHaveBeenCalledTimes(1);
  });

  it('says so when nothing could be copied, and still cleans up', async () => {
    const t = setup(false);
    t.execCommand.mockReturnValueOnce(false);
    expect(await copyText('Example.', t.root, t.restore)).toBe(false);
    expect(t.root.querySelector('textarea')).toBeNull();
    expect(t.restore).toHaveBeenCalledTimes(1);
  });
});
