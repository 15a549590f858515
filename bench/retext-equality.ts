import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { VFile } from 'vfile';

/**
 * retext-equality, the engine behind alex, set up the way alex runs it on plain text: the English
 * parser, the equality plugin, `parse` then `runSync` on a VFile (no stringify). Each note is its
 * own document. Returns a function that checks notes and counts the messages raised.
 */
export function createRetextEquality(): (notes: readonly string[]) => number {
  const processor = retext().use(retextEnglish).use(retextEquality).freeze();
  return (notes) => {
    let messages = 0;
    for (const note of notes) {
      const file = new VFile(note);
      processor.runSync(processor.parse(file), file);
      messages += file.messages.length;
    }
    return messages;
  };
}
