import type { MergedKit } from '../../core/kit/merge-kit.ts';
import { kitWords } from '../../core/kit/kit-words.ts';
import { paragraphsOf } from '../../core/kit/paragraphs.ts';
import type {
  Bibliography,
  DocumentKind,
  KitItem,
  KitSection,
  Locale,
  Source,
  SourceRef,
} from '../../core/lexicon/schema.ts';
import { kitMessages } from '../../locales/index.ts';

/**
 * The kit as a printed page shows it, in one locale: sections in order, each with its items,
 * every text in the locale's words, and every source resolved and numbered once, in the order
 * the page first cites it. The HTML page and the Markdown are both drawn from this.
 */
export interface KitView {
  locale: Locale;
  title: string;
  sections: KitViewSection[];
  sources: KitViewSource[];
}

export interface KitViewSection {
  id: string;
  title: string;
  intro?: string;
  /** Numbers in `KitView.sources`. */
  sources: number[];
  items: KitViewItem[];
}

export interface KitViewItem {
  id: string;
  kind: KitItem['kind'];
  title: string;
  /** The text split at blank lines: a scaffold's paragraphs, or one paragraph. */
  paragraphs: string[];
  note?: string;
  /** The documents it fits, in words ("letters to the person"); empty when it fits all. */
  kinds: string[];
  /** Numbers in `KitView.sources`. */
  sources: number[];
}

export interface KitViewSource extends Source {
  number: number;
}

/** "Citation (2021)", or the citation alone when it already gives its year. */
export const citationWithYear = (source: Source): string =>
  source.citation.includes(String(source.year))
    ? source.citation
    : `${source.citation} (${source.year})`;

/** What each kind of item is, as the page labels it. */
export function kindLabels(locale: Locale): Record<KitItem['kind'], string> {
  const m = kitMessages(locale);
  return { reminder: m.kitReminder, question: m.kitQuestion, scaffold: m.kitScaffold };
}

/** The documents a prompt or reflection fits, in words. */
export function documentLabels(locale: Locale): Record<DocumentKind, string> {
  const m = kitMessages(locale);
  return {
    'letter-to-patient': m.docLetterToPatient,
    'letter-to-gp': m.docLetterToGp,
    'clinical-note': m.docClinicalNote,
  };
}

/** "For letters to the person." or "For letters to the GP or a colleague, and clinical notes." */
export function forLine(kinds: readonly string[], locale: Locale = 'en-GB'): string | undefined {
  if (kinds.length === 0) return undefined;
  const m = kitMessages(locale);
  const last = kinds.at(-1)!;
  return kinds.length === 1
    ? m.forOne({ kind: last })
    : m.forMany({ kinds: kinds.slice(0, -1).join(', '), last });
}

export { paragraphsOf };

/** Numbers sources as the page first cites them; the same source keeps its number. */
function numberer(bibliography: Readonly<Bibliography>) {
  const sources: KitViewSource[] = [];
  const byIdentity = new Map<string, number>();
  const number = (refs: readonly SourceRef[] | undefined): number[] => {
    const out: number[] = [];
    for (const ref of refs ?? []) {
      // A key no layer defines is left out here, as the engine leaves it out of a finding;
      // validation has already named it.
      const source = typeof ref === 'string' ? bibliography[ref] : ref;
      if (!source) continue;
      const identity =
        typeof ref === 'string'
          ? `key:${ref}`
          : `source:${JSON.stringify([source.citation, source.year, source.url ?? ''])}`;
      let n = byIdentity.get(identity);
      if (n === undefined) {
        n = sources.length + 1;
        byIdentity.set(identity, n);
        sources.push({ ...source, number: n });
      }
      if (!out.includes(n)) out.push(n);
    }
    return out.sort((a, b) => a - b);
  };
  return { sources, number };
}

function sectionView(
  section: KitSection,
  items: readonly KitItem[],
  locale: Locale,
  number: (refs: readonly SourceRef[] | undefined) => number[],
): KitViewSection {
  const intro = kitWords(section, 'intro', locale);
  return {
    id: section.id,
    title: kitWords(section, 'title', locale) ?? section.title,
    ...(intro !== undefined ? { intro } : {}),
    sources: number(section.sources),
    items: items.map((item) => {
      const note = kitWords(item, 'note', locale);
      return {
        id: item.id,
        kind: item.kind,
        title: kitWords(item, 'title', locale) ?? item.title,
        paragraphs: paragraphsOf(kitWords(item, 'text', locale) ?? item.text),
        ...(note !== undefined ? { note } : {}),
        kinds: (item.kinds ?? []).map((k) => documentLabels(locale)[k]),
        sources: number(item.sources),
      };
    }),
  };
}

/** The kit in force, laid out for one locale, with its sources resolved from the bibliography. */
export function kitView(
  kit: MergedKit,
  bibliography: Readonly<Bibliography>,
  locale: Locale,
): KitView {
  const { sources, number } = numberer(bibliography);
  const sections = kit.sections.map((section) =>
    sectionView(
      section,
      kit.items.filter((item) => item.section === section.id),
      locale,
      number,
    ),
  );
  return { locale, title: kitMessages(locale).kitTitle, sections, sources };
}
