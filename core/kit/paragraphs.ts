/**
 * A prompt's paragraphs: the text split at blank lines (line endings made \n, spaces at the ends
 * of lines dropped), each trimmed, none empty. A single line break stays inside its paragraph.
 * The side panel, the insertion into a field and the printed kit all read a scaffold so.
 */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*(?:\n[ \t]*)+/)
    .map((p) => p.replace(/[ \t]+\n/g, '\n').trim())
    .filter((p) => p.length > 0);
}
