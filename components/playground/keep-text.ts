/**
 * The playground keeps the letter between visits only when the educator asks it to: in this
 * browser's own storage for the page, never sent anywhere. Off by default; turning it off
 * removes what was kept.
 */
const KEY = 'alongside-playground-letter';

export interface KeptLetter {
  text: string;
}

export function readKept(store: Storage | undefined): KeptLetter | undefined {
  try {
    const raw = store?.getItem(KEY);
    if (!raw) return undefined;
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' &&
      value !== null &&
      typeof (value as KeptLetter).text === 'string'
      ? { text: (value as KeptLetter).text }
      : undefined;
  } catch {
    return undefined;
  }
}

export function keep(store: Storage | undefined, text: string): void {
  try {
    store?.setItem(KEY, JSON.stringify({ text }));
  } catch {
    // Storage full or refused (a private window): the letter simply is not kept.
  }
}

export function forget(store: Storage | undefined): void {
  try {
    store?.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to remove.
  }
}
