/**
 * docs/lexicon.md, generated from the default lexicon's data: every entry with its phrases, what
 * it says, each alternative with a corrected example from the entry's own examples, the advice
 * and example rewrite where there is no drop-in wording, the reasoning and the sources. The data
 * is the one place the wording lives; this page is only a view of it, as retext-equality
 * generates its rules table.
 *
 * Usage: npm run lexicon:docs            write docs/lexicon.md
 *        npm run lexicon:docs -- --check  exit 1 if docs/lexicon.md is not what the data gives
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SEVERITY_LABEL } from '../components/card/severity-label.ts';
import { defaultBibliography, defaultLexiconFiles } from '../core/default-lexicon.ts';
import { resolveSources } from '../core/lexicon/merge-layers.ts';
import type { Entry } from '../core/index.ts';

const OUT = new URL('../docs/lexicon.md', import.meta.url);

/** Markdown-safe inline text: no line breaks, pipes or stray emphasis. */
const inline = (text: string) => text.replace(/\s+/g, ' ').replace(/([\\`*_|<>])/g, '\\$1');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

interface FlagExample {
  text: string;
  corrections?: string[];
}

function flagExamples(entry: Entry): FlagExample[] {
  return (entry.examples?.flag ?? []).map((x) => (typeof x === 'string' ? { text: x } : x));
}

/** Each alternative's first corrected example, as "before → after". */
function alternativeLines(entry: Entry): string[] {
  const examples = flagExamples(entry);
  return (entry.alternatives ?? []).map((_, k) => {
    const example = examples.find((x) => x.corrections?.[k] !== undefined);
    if (!example) return `- (alternative ${k + 1})`;
    return `- ${inline(example.text)} → **${inline(example.corrections![k]!)}**`;
  });
}

function entrySection(entry: Entry): string {
  const lines: string[] = [];
  const where = entry.appliesTo?.length ? ` · only in: ${entry.appliesTo.join(', ')}` : '';
  lines.push(`### ${entry.id}`, '');
  lines.push(`*${SEVERITY_LABEL[entry.severity]}*${where}`, '');
  if (entry.phrases?.length) {
    lines.push(`Phrases: ${entry.phrases.map(code).join(' · ')}`, '');
  } else if (entry.detect) {
    lines.push(`Found by the built-in detector ${code(entry.detect)}.`, '');
  }
  lines.push(inline(entry.message), '');
  const alternatives = alternativeLines(entry);
  if (alternatives.length)
    lines.push('Alternatives, each as it reads in a sentence:', '', ...alternatives, '');
  if (entry.advice) lines.push(`Advice: ${inline(entry.advice)}`, '');
  if (entry.rewrite) {
    lines.push(
      `For example: ${inline(entry.rewrite.before)} → **${inline(entry.rewrite.after)}**`,
      '',
    );
  }
  lines.push(`Why: ${inline(entry.why)}`, '');
  // Entries cite the bibliography by key; the page lists each citation in full.
  const { sources } = resolveSources(entry, defaultBibliography());
  if (sources.length) {
    lines.push('Sources:', '');
    for (const s of sources) lines.push(`- ${inline(s.citation)}${s.url ? ` <${s.url}>` : ''}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function lexiconDocs(): string {
  const files = Object.entries(defaultLexiconFiles());
  const total = files.reduce((n, [, file]) => n + file.entries.length, 0);
  const parts = [
    '# The default lexicon',
    '',
    '<!-- Generated from lexicon/default/*.json by `npm run lexicon:docs`: edit the data, not this page. -->',
    '',
    `${total} entries in ${files.length} categories. Each shows the phrases it looks for, what the card`,
    'says, every alternative as it reads in one of the entry’s own example sentences (the test',
    'suite checks each of these exactly), the reasoning, and its sources.',
    '',
    ...files.map(([name, file]) => `- [${name}](#${name}) (${file.entries.length})`),
    '',
  ];
  for (const [name, file] of files) {
    parts.push(`## ${name}`, '');
    for (const entry of file.entries) parts.push(entrySection(entry));
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

const runDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) writeOrCheck();

function writeOrCheck(): void {
  const docs = lexiconDocs();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {
      // Missing counts as stale.
    }
    if (current !== docs) {
      console.error('docs/lexicon.md is out of date with the lexicon: run npm run lexicon:docs');
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, docs);
    console.log(`docs/lexicon.md: ${docs.length.toLocaleString('en-GB')} characters`);
  }
}
