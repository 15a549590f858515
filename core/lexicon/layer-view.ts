import { compile, type Matcher } from '../matcher/compile.ts';
import { applyReplacement } from '../suggestions/apply-replacement.ts';
import { localeWords } from './localise.ts';
import { applyPatch, mergeLayers } from './merge-layers.ts';
import type {
  Alternative,
  Entry,
  EntryPatch,
  FlagExample,
  Lexicon,
  Locale,
  ResolvedEntry,
  Severity,
} from './schema.ts';

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

/** The entry with `id` as the layers below the personal one have it (undefined: none there). */
export function entryBelow(below: readonly Lexicon[], id: string): ResolvedEntry | undefined {
  return mergeLayers(below).known.get(id)?.entry;
}

/** The entry as the personal layer leaves `base`: its own whole entry of that id, or `base` patched. */
export function personalEntry(personal: Lexicon, base: Entry): Entry {
  const own = personal.entries.find((e) => e.id === base.id);
  if (own) return own;
  const patch = personal.patches?.find((p) => p.id === base.id);
  return patch ? applyPatch(base, patch) : base;
}

// One matcher per entry object and locale: a live test tries several sentences on one entry.
const matchers = new WeakMap<Entry, Map<Locale, Matcher | null>>();

function matcherFor(entry: Entry, locale: Locale): Matcher | null {
  const byLocale = matchers.get(entry) ?? new Map<Locale, Matcher | null>();
  matchers.set(entry, byLocale);
  if (!byLocale.has(locale)) {
    try {
      // Switched on for the trial: what it would flag is the question, even while it is off.
      const on = { ...entry, enabled: true };
      byLocale.set(locale, compile([{ name: 'try', version: '1', entries: [on] }], { locale }));
    } catch {
      // Phrases that cannot be compiled yet (half typed): nothing is flagged.
      byLocale.set(locale, null);
    }
  }
  return byLocale.get(locale)!;
}

/** What `entry` alone flags in `text`, and the whole sentence each of its alternatives leaves. */
export function tryEntry(
  entry: Entry,
  text: string,
  locale: Locale = 'en-GB',
): { match: string; corrected: string[] }[] {
  const matcher = matcherFor(entry, locale);
  if (!matcher) return [];
  try {
    return matcher
      .find(text)
      .filter((f) => f.entryId === entry.id)
      .map((f) => ({
        match: f.match,
        corrected: f.replacements.map((r) => applyReplacement(text, r)),
      }));
  } catch {
    // A half-written alternative the engine cannot apply yet: nothing to show.
    return [];
  }
}

/**
 * The entry's flag examples, each with the sentences its alternatives leave as the engine
 * writes them (at the words `flagged` names, else the first match, as `lexicon validate` checks
 * them), and the en-US ones where the entry has en-US alternatives of its own.
 */
export function withCorrections(entry: Entry): FlagExample[] {
  const usOwn = entry.locales?.['en-US']?.alternatives !== undefined;
  return entry.examples.flag.map((example) => {
    const text = typeof example === 'string' ? example : example.text;
    const flagged = typeof example === 'string' ? undefined : example.flagged;
    const at = (locale: Locale) => {
      const found = tryEntry(entry, text, locale);
      return (found.find((f) => f.match === flagged) ?? found[0])?.corrected ?? [];
    };
    const corrections = at('en-GB');
    const us = usOwn ? at('en-US') : [];
    if (flagged === undefined && corrections.length === 0 && us.length === 0) return text;
    return {
      text,
      ...(flagged !== undefined ? { flagged } : {}),
      ...(corrections.length ? { corrections } : {}),
      ...(us.length ? { 'en-US': us } : {}),
    };
  });
}

/** The wording a clinician may change in an entry of a layer below. */
export interface EntryWording {
  message?: string;
  why?: string;
  /** The whole new list; left out, the alternatives stay as they are. */
  alternatives?: Alternative[];
}

const WORDING = ['message', 'why', 'alternatives'] as const;
type LocaleWording = NonNullable<NonNullable<Entry['locales']>['en-US']>;
/** Fields whose change needs examples written for the new entry (validate.ts says the same). */
const REWRITES_EXAMPLES = ['phrases', 'alternatives', 'detect', 'inflect'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `earlier` (a patch of `base`, or none) with `fields` written in: a field equal to `base`'s is
 * left out, the rest of `earlier` (a level, say) stays. Where the alternatives change, the flag
 * examples carry the sentences the new ones leave; where `base` has en-US wording of its own for
 * a changed field, it is replaced by the new wording in US spelling, so en-US shows it too.
 */
function reworded(base: Entry, earlier: EntryPatch | undefined, fields: EntryWording): EntryPatch {
  const patch: EntryPatch = { ...earlier, id: base.id };
  const us: LocaleWording = { ...patch.locales?.['en-US'] };
  for (const key of WORDING) {
    const value = fields[key];
    if (value === undefined) continue;
    if (same(value, base[key])) {
      if (patch[key] !== undefined) delete us[key];
      delete patch[key];
    } else {
      patch[key] = value as never;
      if (base.locales?.['en-US']?.[key] !== undefined || us[key] !== undefined) {
        const words = localeWords({ ...applyPatch(base, patch), locales: undefined }, 'en-US');
        Object.assign(us, { [key]: words[key] });
      }
    }
  }
  const locales = { ...patch.locales };
  if (Object.keys(us).length) locales['en-US'] = us;
  else delete locales['en-US'];
  if (Object.keys(locales).length) patch.locales = locales;
  else delete patch.locales;

  const usAlternatives = (p?: EntryPatch) => p?.locales?.['en-US']?.alternatives;
  if (
    !same(patch.alternatives, earlier?.alternatives) ||
    !same(usAlternatives(patch), usAlternatives(earlier))
  ) {
    if (REWRITES_EXAMPLES.some((key) => patch[key] !== undefined)) {
      // The sentences stay those of the entry (or of the patch, if it brought its own).
      patch.examples = { ...patch.examples, flag: withCorrections(applyPatch(base, patch)) };
    } else {
      // Back to the alternatives below: its own examples fit them again.
      delete patch.examples;
    }
  }
  return patch;
}

/**
 * The personal layer with the wording of `base` (the entry as the layers below have it)
 * changed: stored as a patch of only the fields that differ from `base`, merged with any patch
 * already there; a whole entry of the personal layer's own with that id is changed in place.
 * Nothing left to change removes the patch; nothing different returns `personal` itself.
 */
export function withEntryPatched(personal: Lexicon, base: Entry, fields: EntryWording): Lexicon {
  const own = personal.entries.find((e) => e.id === base.id);
  if (own) {
    const next = applyPatch(own, reworded(own, undefined, fields));
    if (same(next, own)) return personal;
    return { ...personal, entries: personal.entries.map((e) => (e.id === own.id ? next : e)) };
  }
  const earlier = personal.patches?.find((p) => p.id === base.id);
  const patch = reworded(base, earlier, fields);
  if (same(patch, earlier ?? { id: base.id })) return personal;
  const kept = Object.keys(patch).length > 1;
  const patches = personal.patches ?? [];
  return {
    ...personal,
    patches: earlier
      ? patches.flatMap((p) => (p === earlier ? (kept ? [patch] : []) : [p]))
      : [...patches, patch],
  };
}
