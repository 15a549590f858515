import { kitWords } from '@/core/kit/kit-words';
import { mergeKits, type MergedKit } from '@/core/kit/merge-kit';
import { layersBibliography, resolveRefs } from '@/core/lexicon/merge-layers';
import { sourcesFor } from '@/core/lexicon/localise';
import type {
  Bibliography,
  KitItem,
  KitSection,
  Lexicon,
  Locale,
  Source,
} from '@/core/lexicon/schema';

/** One prompt as the side panel shows it, in the clinician's locale. */
export interface PanelItem {
  id: string;
  kind: KitItem['kind'];
  title: string;
  /** What is read, copied and inserted, exactly. */
  text: string;
  note?: string;
  sources: Source[];
  /** The title of its section, for a favourite shown at the top. */
  sectionTitle: string;
}

export interface PanelSection {
  id: string;
  title: string;
  intro?: string;
  items: PanelItem[];
}

export interface PanelKit {
  locale: Locale;
  sections: PanelSection[];
  /** The kit in force as merged (for the reflections and the printed page), and its sources. */
  merged: MergedKit;
  bibliography: Bibliography;
}

/**
 * The prompt kit in force over these layers (built-in, service, personal), section by section in
 * order, each prompt in its locale with its sources resolved from the layers' bibliographies.
 * Sections with no prompt in force are left out.
 */
export function panelKitFrom(lexicons: readonly Lexicon[], locale: Locale): PanelKit {
  const { kit } = mergeKits(lexicons.map((l) => l.prompts));
  const bibliography = layersBibliography(lexicons);
  const titleOf = (s: KitSection) => kitWords(s, 'title', locale)!;
  const sections = kit.sections.map((s): PanelSection => ({
    id: s.id,
    title: titleOf(s),
    ...(s.intro ? { intro: kitWords(s, 'intro', locale)! } : {}),
    items: kit.items
      .filter((i) => i.section === s.id)
      .map((i) => {
        const note = kitWords(i, 'note', locale);
        return {
          id: i.id,
          kind: i.kind,
          title: kitWords(i, 'title', locale)!,
          text: kitWords(i, 'text', locale)!,
          ...(note ? { note } : {}),
          sources: sourcesFor(resolveRefs(i.sources, bibliography), locale),
          sectionTitle: titleOf(s),
        };
      }),
  }));
  return {
    locale,
    sections: sections.filter((s) => s.items.length > 0),
    merged: kit,
    bibliography,
  };
}

/** Lower case, curly quotes straight, runs of space as one: what search compares. */
const fold = (text: string) =>
  text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');

/** Whether every word of `query` is in the prompt's title, text or note. An empty query: all. */
export function matchesQuery(item: PanelItem, query: string): boolean {
  const terms = fold(query).trim().split(' ').filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = fold(`${item.title} ${item.text} ${item.note ?? ''}`);
  return terms.every((t) => haystack.includes(t));
}

/**
 * What the panel lists for a query: the favourites first, as a section of their own (in kit
 * order), then each section with its other prompts; sections left empty are dropped.
 */
export function panelView(
  kit: PanelKit,
  favourites: readonly string[],
  query: string,
): { favourites: PanelItem[]; sections: PanelSection[] } {
  const starred = new Set(favourites);
  const all = kit.sections.flatMap((s) => s.items);
  return {
    favourites: all.filter((i) => starred.has(i.id) && matchesQuery(i, query)),
    sections: kit.sections
      .map((s) => ({
        ...s,
        items: s.items.filter((i) => !starred.has(i.id) && matchesQuery(i, query)),
      }))
      .filter((s) => s.items.length > 0),
  };
}
