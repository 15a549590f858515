import type { Entry, Lexicon } from './schema.ts';

export interface LayeredEntry {
  entry: Entry;
  /** Index of the lexicon that supplied it: later layers win ties. */
  layer: number;
}

export interface MergedLexicon {
  entries: LayeredEntry[];
  allow: string[];
}

/**
 * Built-in, then service, then personal: a later layer adds entries, replaces an entry with the
 * same id, or switches one off (`disable`, or an entry with `"enabled": false`). Allow-lists add up.
 */
export function mergeLayers(
  lexicons: readonly Lexicon[],
  extra?: { disable?: string[]; allow?: string[] },
): MergedLexicon {
  const byId = new Map<string, LayeredEntry>();
  const allow: string[] = [];
  lexicons.forEach((lexicon, layer) => {
    for (const id of lexicon.disable ?? []) byId.delete(id);
    for (const entry of lexicon.entries) {
      // Re-inserting moves the id to the end, so iteration order follows the latest layer.
      byId.delete(entry.id);
      if (entry.enabled !== false) byId.set(entry.id, { entry, layer });
    }
    allow.push(...(lexicon.allow ?? []));
  });
  for (const id of extra?.disable ?? []) byId.delete(id);
  allow.push(...(extra?.allow ?? []));
  return { entries: [...byId.values()], allow };
}
