import type { Bibliography, Entry, EntryPatch, Lexicon, ResolvedEntry, Source } from './schema.ts';

export interface LayeredEntry {
  /** With its source keys resolved, so a finding carries whole sources. */
  entry: ResolvedEntry;
  /** Index of the lexicon that supplied it: later layers win ties. */
  layer: number;
}

export interface MergedLexicon {
  /** The entries in force, in layer order. */
  entries: LayeredEntry[];
  allow: string[];
  /** Every entry the layers define, switched off or not: what a later layer may patch. */
  known: ReadonlyMap<string, LayeredEntry & { enabled: boolean }>;
  /** Every source the layers define by key: what a later layer may cite. */
  bibliography: Readonly<Bibliography>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function mergeValue(base: unknown, patch: unknown): unknown {
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
 * The entry with each source key replaced by the source it names. A key no layer defines is left
 * out here (validation reports it, with "did you mean").
 */
export function resolveSources(entry: Entry, bibliography: Readonly<Bibliography>): ResolvedEntry {
  if (entry.sources.every((s) => typeof s !== 'string')) return entry as ResolvedEntry;
  return { ...entry, sources: resolveRefs(entry.sources, bibliography) };
}

/** Sources cited by key or written out, as sources; a key no layer defines is left out. */
export function resolveRefs(
  refs: readonly (string | Source)[] | undefined,
  bibliography: Readonly<Bibliography> | undefined,
): Source[] {
  return (refs ?? [])
    .map((s) => (typeof s === 'string' ? bibliography?.[s] : s))
    .filter((s): s is Source => s !== undefined);
}

/** Every source the layers define by key, a later layer's beside those below. */
export function layersBibliography(lexicons: readonly Lexicon[]): Bibliography {
  return Object.assign({}, ...lexicons.map((l) => l.bibliography ?? {})) as Bibliography;
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
  // Keys resolve against this layer's bibliography and those below, never a later one's.
  let bibliography: Bibliography = {};
  const disable = (id: string) => {
    const known = byId.get(id);
    if (known) known.enabled = false;
  };
  lexicons.forEach((lexicon, layer) => {
    for (const id of lexicon.disable ?? []) disable(id);
    if (lexicon.bibliography) bibliography = { ...bibliography, ...lexicon.bibliography };
    for (const raw of lexicon.entries) {
      const entry = resolveSources(raw, bibliography);
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
      const entry = resolveSources(applyPatch(below.entry, patch), bibliography);
      byId.set(patch.id, { entry, layer, enabled });
    }
    allow.push(...(lexicon.allow ?? []));
  });
  for (const id of extra?.disable ?? []) disable(id);
  allow.push(...(extra?.allow ?? []));
  const entries = [...byId.values()]
    .filter((e) => e.enabled)
    .map(({ entry, layer }) => ({ entry, layer }));
  return { entries, allow, known: byId, bibliography };
}
