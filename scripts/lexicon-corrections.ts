/**
 * For authors: every flag example of a default-lexicon file with the sentence each alternative
 * leaves, so the corrected sentences can be read (aloud, as the GP or the person would) before
 * they go into the file. `--fill` writes the sentences the engine gives now into examples that
 * have none yet; read every one afterwards, and fix the alternative, not the expected sentence,
 * where it reads wrong. The test suite then holds the file to exactly what it says.
 * Usage: npm run lexicon:corrections -- lexicon/default/credibility.json [--fill]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { applyReplacement, compile, defaultLexicon, type Lexicon } from '../core/index.ts';

const args = process.argv.slice(2);
const fill = args.includes('--fill');
const files = args.filter((a) => a !== '--fill');
if (files.length === 0) {
  console.error('usage: npm run lexicon:corrections -- FILE.json [--fill]');
  process.exit(2);
}
const matchers = {
  'en-GB': compile([defaultLexicon()]),
  'en-US': compile([defaultLexicon()], { locale: 'en-US' }),
};

for (const file of files) {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Lexicon;
  for (const entry of data.entries) {
    console.log(`\n## ${entry.id}`);
    entry.examples.flag = entry.examples.flag.map((example) => {
      const text = typeof example === 'string' ? example : example.text;
      const outcome = (locale: 'en-GB' | 'en-US') => {
        const f = matchers[locale].find(text).find((x) => x.entryId === entry.id);
        return f ? f.replacements.map((r) => applyReplacement(text, r)) : undefined;
      };
      const gb = outcome('en-GB');
      console.log(`  ${text}`);
      if (!gb) {
        console.log('    (not flagged by this entry)');
        return example;
      }
      gb.forEach((s, k) => console.log(`    ${k + 1}. ${s}`));
      const us = entry.locales?.['en-US']?.alternatives ? outcome('en-US') : undefined;
      us?.forEach((s, k) => console.log(`    en-US ${k + 1}. ${s}`));
      if (!fill || typeof example !== 'string' || gb.length === 0) return example;
      return us ? { text, corrections: gb, 'en-US': us } : { text, corrections: gb };
    });
  }
  if (fill) writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}
