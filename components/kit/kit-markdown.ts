import { httpsUrl } from '../audit/safe-url';
import type { Locale } from '../../core/lexicon/schema.ts';
import { kitMessages } from '../../locales/index.ts';
import { citationWithYear, forLine, kindLabels, type KitView, type KitViewItem } from './kit-view';

/**
 * Text as Markdown reads it literally: every character Markdown (CommonMark or GFM) could read
 * as markup, HTML or an entity is backslash-escaped, and a line that would start a heading,
 * list, quotation or table is escaped at its start. So "<img src=x onerror=…>" in a service's
 * kit stays words, in a viewer that renders Markdown as in one that shows it as it is.
 */
export function markdownText(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>&|~#]/g, '\\$&')
        .replace(/^(\s*)([+=-])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/**
 * Words in a code span, which no Markdown viewer turns into a link (GFM links a bare http://
 * address in text): for an address that is not https://, shown but never linked.
 */
export function codeSpan(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** One line of text: newlines inside a title or citation become spaces. */
const oneLine = (text: string) => markdownText(text.replace(/\s*\n\s*/g, ' '));

const cites = (numbers: number[], locale: Locale) =>
  numbers.length === 0
    ? []
    : [`${kitMessages(locale).cites({ count: numbers.length })}: ${numbers.join(', ')}.`, ''];

function itemLines(item: KitViewItem, locale: Locale): string[] {
  const lines = [`### ${oneLine(item.title)}`, '', `*${kindLabels(locale)[item.kind]}*`, ''];
  if (item.kind === 'scaffold') {
    // A scaffold is quoted, a paragraph at a time, so it reads (and copies) as a letter.
    item.paragraphs.forEach((p, i) => {
      if (i > 0) lines.push('>');
      for (const line of markdownText(p).split('\n')) lines.push(line ? `> ${line}` : '>');
    });
    lines.push('');
  } else {
    for (const p of item.paragraphs) lines.push(markdownText(p), '');
  }
  if (item.note) lines.push(`*${oneLine(item.note)}*`, '');
  const kinds = forLine(item.kinds, locale);
  if (kinds) lines.push(markdownText(kinds), '');
  lines.push(...cites(item.sources, locale));
  return lines;
}

/**
 * The kit as Markdown: a heading per section, each item under its own with its text (scaffolds
 * quoted), and the sources as one numbered list at the end. A source's address is a link only
 * when it is https://; any other is written out as text.
 */
export function renderKitMarkdown(view: KitView): string {
  const lines = [`# ${oneLine(view.title)}`, ''];
  for (const section of view.sections) {
    lines.push(`## ${oneLine(section.title)}`, '');
    if (section.intro) lines.push(markdownText(section.intro), '');
    lines.push(...cites(section.sources, view.locale));
    for (const item of section.items) lines.push(...itemLines(item, view.locale));
  }
  if (view.sources.length > 0) {
    lines.push(`## ${kitMessages(view.locale).sourcesHeading}`, '');
    for (const s of view.sources) {
      const href = httpsUrl(s.url);
      const where = href
        ? ` <${href.replace(/[<>\s]/g, encodeURIComponent)}>`
        : s.url
          ? ` ${codeSpan(s.url)}`
          : '';
      lines.push(`${s.number}. ${oneLine(citationWithYear(s))}${where}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
