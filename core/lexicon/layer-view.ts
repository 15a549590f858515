import { mergeLayers } from './merge-layers.ts';
import type { Alternative, Lexicon, ResolvedEntry, Severity } from './schema.ts';

/** The names the options page gives the layers, bottom to top. */
export type LayerName = 'built-in' | 'service' | 'personal';

/** One row of the effective lexicon as the options page lists it. */
export interface EntryRow {
  id: string;
  category: string;
  severity: Severity;
  phrases: string[];
  message: string;
  why: string;
  /** What each alternative writes; a table of cases is shown by its first wording. */
  alternatives: string[];
  /** The layer that first defines the entry. */
  from: LayerName;
  /** Later layers that replace, patch or switch it off, in order. */
  changedBy: LayerName[];
  enabled: boolean;
  /** What the personal layer does to it: nothing, a patch (or whole replacement), or a switch-off. */
  personal: 'none' | 'changed' | 'off' | 'own';
  /** The whole entry in force (sources written out), for a copy to start from. */
  entry: ResolvedEntry;
}

const wording = (a: Alternative) =>
  typeof a === 'string' ? a : (Object.values(a.cases)[0] ?? a.otherwise ?? '');

/**
 * The entries every layer puts in force, with where each comes from and what later layers did
 * to it: the table a service lead reads to see their changes beside the built-in lexicon.
 */
export function layerView(layers: readonly { name: LayerName; lexicon: Lexicon }[]): EntryRow[] {
  const merged = mergeLayers(layers.map((l) => l.lexicon));
  const from = new Map<string, LayerName>();
  const changedBy = new Map<string, LayerName[]>();
  const personal = new Map<string, EntryRow['personal']>();
  const changed = (id: string, name: LayerName) => {
    const list = changedBy.get(id) ?? [];
    if (!list.includes(name)) list.push(name);
    changedBy.set(id, list);
  };
  for (const { name, lexicon } of layers) {
    const touch = (id: string, what: EntryRow['personal']) => {
      if (from.has(id)) changed(id, name);
      else from.set(id, name);
      if (name === 'personal') personal.set(id, from.get(id) === 'personal' ? 'own' : what);
    };
    for (const entry of lexicon.entries)
      touch(entry.id, entry.enabled === false ? 'off' : 'changed');
    for (const patch of lexicon.patches ?? []) {
      touch(patch.id, patch.enabled === false ? 'off' : 'changed');
    }
    for (const id of lexicon.disable ?? []) {
      if (!from.has(id)) continue;
      changed(id, name);
      if (name === 'personal') personal.set(id, 'off');
    }
  }
  return [...merged.known.values()].map(({ entry, enabled }) => ({
    id: entry.id,
    category: entry.category,
    severity: entry.severity,
    phrases: entry.phrases ?? [],
    message: entry.message,
    why: entry.why,
    alternatives: entry.alternatives.map(wording),
    from: from.get(entry.id) ?? 'built-in',
    changedBy: changedBy.get(entry.id) ?? [],
    enabled,
    personal: personal.get(entry.id) ?? 'none',
    entry,
  }));
}

/** Rows whose phrases, message, why or alternatives hold every word of `query` (any case). */
export function searchRows(rows: readonly EntryRow[], query: string): EntryRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = [row.id, ...row.phrases, row.message, row.why, ...row.alternatives]
      .join('\n')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** The personal layer with `id` switched off (on: the switch-off taken back). */
export function withEntrySwitched(personal: Lexicon, id: string, on: boolean): Lexicon {
  const disable = (personal.disable ?? []).filter((d) => d !== id);
  return { ...personal, disable: on ? disable : [...disable, id] };
}

/** The personal layer with `id` given another level (a patch: the rest stays as below). */
export function withEntrySeverity(personal: Lexicon, id: string, severity: Severity): Lexicon {
  const patches = (personal.patches ?? []).filter((p) => p.id !== id);
  const own = personal.entries.find((e) => e.id === id);
  if (own) {
    return {
      ...personal,
      entries: personal.entries.map((e) => (e.id === id ? { ...e, severity } : e)),
    };
  }
  const earlier = (personal.patches ?? []).find((p) => p.id === id);
  return { ...personal, patches: [...patches, { ...earlier, id, severity }] };
}

/** The personal layer with a whole entry of its own added, or replacing its own of that id. */
export function withOwnEntry(personal: Lexicon, entry: Lexicon['entries'][number]): Lexicon {
  return { ...personal, entries: [...personal.entries.filter((e) => e.id !== entry.id), entry] };
}

/** The personal layer without any change of its own to `id`: the entry as the layers below have it. */
export function withEntryRestored(personal: Lexicon, id: string): Lexicon {
  const out: Lexicon = {
    ...personal,
    entries: personal.entries.filter((e) => e.id !== id),
    disable: (personal.disable ?? []).filter((d) => d !== id),
  };
  if (personal.patches) out.patches = personal.patches.filter((p) => p.id !== id);
  return out;
}

/** A personal layer as stored: patches written back among the entries, as in a lexicon file. */
export function asLexiconFile(personal: Lexicon): Record<string, unknown> {
  const { patches, ...rest } = personal;
  return { ...rest, entries: [...personal.entries, ...(patches ?? [])] };
}
