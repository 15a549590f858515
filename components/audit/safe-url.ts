/**
 * The URL when it is a well-formed https:// address, else undefined: only those become links in
 * a report. Lexicon validation refuses other sources already; this is the report's own guard, so
 * a `javascript:` or `data:` address can never be a link whatever reaches it.
 */
export function httpsUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
