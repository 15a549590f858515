import type { Entry, EntryPatch, Lexicon } from './schema.ts';

export interface LayeredEntry {
  entry: Entry;
  /** Index of the lexicon that supplied it: later layers win ties. */
  layer: number;
}

export interface MergedLexicon {
  /** The entries in force, in layer order. */
  entries: LayeredEntry[];
  allow: string[];
  /** Every entry the layers define, switched off or not: what a later layer may patch. */
  known: ReadonlyMap<string, LayeredEntry & { enabled: boolean }>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function mergeValue(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) out[key] = mergeValue(base[key], value);
  }
  return out;
}

/**
 * A patch over the entry it names: objects (context, locales, examples) are merged field by
 * field, arrays and plain values are replaced, so `"phrases": [...]` is the whole new list.
 * The result must still be validated as a whole entry (validate.ts does).
 */
export function applyPatch(entry: Entry, patch: EntryPatch): Entry {
  return mergeValue(entry, patch) as Entry;
}

/**
 * Built-in, then service, then personal: a later layer adds entries, replaces an entry with the
 * same id, patches one (only the fields it changes), or switches one off (`disable`, or
 * `"enabled": false`). Allow-lists add up. A patch whose entry is not below is skipped here;
 * validation reports it.
 */
export function mergeLayers(
  lexicons: readonly Lexicon[],
  extra?: { disable?: string[]; allow?: string[] },
): MergedLexicon {
  const byId = new Map<string, LayeredEntry & { enabled: boolean }>();
  const allow: string[] = [];
  const disable = (id: string) => {
    const known = byId.get(id);
    if (known) known.enabled = false;
  };
  lexicons.forEach((lexicon, layer) => {
    for (const id of lexicon.disable ?? []) disable(id);
    for (const entry of lexicon.entries) {
      // Re-inserting moves the id to the end, so iteration order follows the latest layer.
      byId.delete(entry.id);
      byId.set(entry.id, { entry, layer, enabled: entry.enabled !== false });
    }
    for (const patch of lexicon.patches ?? []) {
      const below = byId.get(patch.id);
      if (!below) continue;
      byId.delete(patch.id);
      // Switched off below (by `disable`) stays off unless the patch says "enabled".
      const enabled = patch.enabled ?? below.enabled;
      byId.set(patch.id, { entry: applyPatch(below.entry, patch), layer, enabled });
    }
    allow.push(...(lexicon.allow ?? []));
  });
  for (const id of extra?.disable ?? []) disable(id);
  allow.push(...(extra?.allow ?? []));
  const entries = [...byId.values()]
    .filter((e) => e.enabled)
    .map(({ entry, layer }) => ({ entry, layer }));
  return { entries, allow, known: byId };
}
