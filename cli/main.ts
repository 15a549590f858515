import { defaultLexicon, lexiconJsonSchema } from '../core/index.ts';
export async function main(argv: string[]): Promise<number> {
  console.log(argv, defaultLexicon().entries.length, Object.keys(lexiconJsonSchema()));
  return 0;
}
