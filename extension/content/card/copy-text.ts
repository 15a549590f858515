/**
 * Copies `text` to the clipboard from the content script. The Clipboard API is used where the page
 * is a secure context; a plain-http intranet page has no `navigator.clipboard`, so there the text
 * goes through a hidden, read-only textarea in our own shadow root and `execCommand('copy')`,
 * after which `restore` puts focus and the caret back in the clinician's field. The field's text
 * is never touched. Resolves to whether the text reached the clipboard.
 */
export async function copyText(
  text: string,
  root: ShadowRoot,
  restore: () => void,
): Promise<boolean> {
  const win = root.ownerDocument.defaultView;
  const clipboard = win?.isSecureContext ? win.navigator.clipboard : undefined;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no focus, a permissions policy): try the older way below.
    }
  }
  return copyByCommand(text, root, restore);
}

function copyByCommand(text: string, root: ShadowRoot, restore: () => void): boolean {
  const doc = root.ownerDocument;
  const area = doc.createElement('textarea');
  area.value = text;
  // Read-only, so Alongside never takes it for a field to check; out of sight and of the tab order.
  area.readOnly = true;
  area.tabIndex = -1;
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText =
    'position: fixed; top: 0; left: 0; width: 1px; height: 1px; padding: 0; border: 0; opacity: 0; pointer-events: none;';
  root.append(area);
  try {
    area.focus({ preventScroll: true });
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    restore();
  }
}
