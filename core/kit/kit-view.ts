import type { LayerName } from '../lexicon/layer-view.ts';
import type { Kit, KitItem, Lexicon, Reflection } from '../lexicon/schema.ts';
import { mergeKits } from './merge-kit.ts';
import { REFLECTION_ORDER } from './reflect.ts';

/** One prompt of the kit in force, as the options page lists it. */
export interface KitRow {
  item: KitItem;
  /** The title of its section. */
  section: string;
  /** The layer that first defines it. */
  from: LayerName;
  /** Later layers that replace, change or switch it off, in order. */
  changedBy: LayerName[];
  enabled: boolean;
  /** What the personal layer does to it. */
  personal: 'none' | 'changed' | 'off' | 'own';
  /** As the layers below the personal one have it: what a change is measured against. */
  below: KitItem | undefined;
}

/** The wording of a prompt the options page lets a clinician or service change. */
export type KitWording = Partial<Pick<KitItem, 'title' | 'text' | 'note'>>;

const kitOf = (lexicon: Lexicon): Kit => lexicon.prompts ?? {};

/**
 * Every prompt the layers define, switched off or not, with where each comes from and what
 * later layers did to it: the kit beside the lexicon on the options page.
 */
export function kitView(layers: readonly { name: LayerName; lexicon: Lexicon }[]): KitRow[] {
  const kits = layers.map((l) => kitOf(l.lexicon));
  const inForce = mergeKits(kits).kit;
  // Every item the layers define, switched-off ones too: the kit with nothing disabled.
  const all = mergeKits(
    kits.map(({ disable: _, ...kit }) => ({
      ...kit,
      items: kit.items?.map((i) => ({ ...i, enabled: undefined })),
    })),
  ).kit;
  const on = new Set(inForce.items.map((i) => i.id));
  const lower = layers.filter((l) => l.name !== 'personal');
  const belowItems = new Map(
    mergeKits(lower.map((l) => kitOf(l.lexicon))).kit.items.map((i) => [i.id, i]),
  );
  const sections = new Map(all.sections.map((s) => [s.id, s.title]));
  const personal = layers.find((l) => l.name === 'personal');
  const mine = personal ? kitOf(personal.lexicon) : {};
  return all.items.map((item) => {
    const touched = layers
      .map((l, k) => ({ name: l.name, kit: kits[k]! }))
      .filter(
        ({ kit }) => kit.items?.some((i) => i.id === item.id) || kit.disable?.includes(item.id),
      )
      .map(({ name }) => name);
    const own = mine.items?.find((i) => i.id === item.id);
    const status: KitRow['personal'] =
      mine.disable?.includes(item.id) || own?.enabled === false
        ? 'off'
        : own && touched[0] === 'personal'
          ? 'own'
          : own
            ? 'changed'
            : 'none';
    const shown = inForce.items.find((i) => i.id === item.id) ?? item;
    return {
      item: shown,
      section: sections.get(item.section) ?? item.section,
      from: touched[0] ?? 'built-in',
      changedBy: touched.slice(1),
      enabled: on.has(item.id),
      personal: status,
      below: belowItems.get(item.id),
    };
  });
}

const withKit = (personal: Lexicon, change: (kit: Kit) => Kit): Lexicon => {
  const kit = change(kitOf(personal));
  const tidy: Kit = Object.fromEntries(
    Object.entries(kit).filter(([, v]) => !(Array.isArray(v) && v.length === 0)),
  );
  const { prompts: _, ...rest } = personal;
  return Object.keys(tidy).length ? { ...rest, prompts: tidy } : rest;
};

/** The personal layer with a prompt switched off (its id in `prompts.disable`) or on again. */
export function withKitItemSwitched(personal: Lexicon, id: string, on: boolean): Lexicon {
  return withKit(personal, (kit) => {
    const disable = (kit.disable ?? []).filter((d) => d !== id);
    return { ...kit, disable: on ? disable : [...disable, id] };
  });
}

/**
 * The personal layer with a prompt from a layer below worded anew: a patch holding only the
 * fields that differ from `base`, merged with any change of it already there. Nothing differing:
 * no patch at all.
 */
export function withKitItemPatched(personal: Lexicon, base: KitItem, fields: KitWording): Lexicon {
  return withKit(personal, (kit) => {
    const items = kit.items ?? [];
    const earlier = items.find((i) => i.id === base.id) ?? { id: base.id };
    const patch: Record<string, unknown> = { ...earlier };
    for (const key of ['title', 'text', 'note'] as const) {
      const value = fields[key]?.trim();
      if (value === undefined) continue;
      if (value === (base[key] ?? '') || (value === '' && key === 'note' && !base.note)) {
        delete patch[key];
      } else if (value !== '') patch[key] = value;
    }
    const rest = items.filter((i) => i.id !== base.id);
    const keep = Object.keys(patch).length > 1;
    const at = items.findIndex((i) => i.id === base.id);
    const next = [...rest];
    if (keep) next.splice(at < 0 ? next.length : at, 0, patch as KitItem);
    return { ...kit, items: next };
  });
}

/** The personal layer with a prompt of the clinician's own added, or replacing theirs of that id. */
export function withOwnKitItem(personal: Lexicon, item: KitItem): Lexicon {
  return withKit(personal, (kit) => {
    const items = kit.items ?? [];
    const at = items.findIndex((i) => i.id === item.id);
    return {
      ...kit,
      items: at < 0 ? [...items, item] : items.map((i, k) => (k === at ? item : i)),
    };
  });
}

/** The personal layer without anything of its own about a prompt: as the layers below have it. */
export function withKitItemRestored(personal: Lexicon, id: string): Lexicon {
  return withKit(personal, (kit) => ({
    ...kit,
    items: (kit.items ?? []).filter((i) => i.id !== id),
    disable: (kit.disable ?? []).filter((d) => d !== id),
  }));
}

/** One whole-letter reflection as the options page lists it. */
export interface ReflectionRow {
  /** As the layers have it, switched off or not. */
  reflection: Reflection;
  from: LayerName;
  changedBy: LayerName[];
  enabled: boolean;
  /** What the personal layer does to it. */
  personal: 'none' | 'changed' | 'off';
  /** As the layers below the personal one have it: what a change is measured against. */
  below: Reflection | undefined;
}

/** What the options page lets a clinician change of a reflection: its words and cue phrases. */
export interface ReflectionWording {
  message?: string;
  why?: string;
  /** Whole lists by name, as they should be. */
  cues?: Record<string, string[]>;
}

/** The reflections the layers define, in the order results come, with what each layer did. */
export function reflectionRows(
  layers: readonly { name: LayerName; lexicon: Lexicon }[],
): ReflectionRow[] {
  const kits = layers.map((l) => kitOf(l.lexicon));
  const on = new Set(mergeKits(kits).kit.reflections.map((r) => r.id));
  const all = mergeKits(
    kits.map(({ disable: _, ...kit }) => ({
      ...kit,
      reflections: kit.reflections?.map((r) => ({ ...r, enabled: undefined })),
    })),
  ).kit.reflections;
  const lower = mergeKits(layers.filter((l) => l.name !== 'personal').map((l) => kitOf(l.lexicon)))
    .kit.reflections;
  const personal = layers.find((l) => l.name === 'personal');
  const mine = personal ? kitOf(personal.lexicon) : {};
  return REFLECTION_ORDER.flatMap((id) => {
    const reflection = all.find((r) => r.id === id);
    if (!reflection) return [];
    const touched = layers
      .filter(({ lexicon }) => {
        const kit = kitOf(lexicon);
        return kit.reflections?.some((r) => r.id === id) || kit.disable?.includes(id);
      })
      .map(({ name }) => name);
    const own = mine.reflections?.find((r) => r.id === id);
    return [
      {
        reflection,
        from: touched[0] ?? 'built-in',
        changedBy: touched.slice(1),
        enabled: on.has(id),
        personal:
          mine.disable?.includes(id) || own?.enabled === false ? 'off' : own ? 'changed' : 'none',
        below: lower.find((r) => r.id === id),
      },
    ];
  });
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((x, k) => x === b![k]);

/**
 * The personal layer with a reflection worded anew: a patch of only the message, why and cue
 * lists that differ from `base` (a list is written whole), merged with any change already
 * there; nothing differing, no patch.
 */
export function withReflectionPatched(
  personal: Lexicon,
  base: Reflection,
  change: ReflectionWording,
): Lexicon {
  return withKit(personal, (kit) => {
    const reflections = kit.reflections ?? [];
    const earlier = (reflections.find((r) => r.id === base.id) ?? { id: base.id }) as Record<
      string,
      unknown
    >;
    const patch: Record<string, unknown> = { ...earlier };
    for (const key of ['message', 'why'] as const) {
      const value = change[key]?.trim();
      if (value === undefined) continue;
      if (value === base[key] || value === '') delete patch[key];
      else patch[key] = value;
    }
    if (change.cues) {
      const cues: Record<string, string[]> = {
        ...((earlier.cues as Record<string, string[]> | undefined) ?? {}),
      };
      for (const [name, list] of Object.entries(change.cues)) {
        const phrases = list.map((p) => p.trim()).filter(Boolean);
        if (sameList(phrases, base.cues?.[name])) delete cues[name];
        else cues[name] = phrases;
      }
      if (Object.keys(cues).length) patch.cues = cues;
      else delete patch.cues;
    }
    const keep = Object.keys(patch).some((k) => k !== 'id');
    const at = reflections.findIndex((r) => r.id === base.id);
    const next = reflections.filter((r) => r.id !== base.id);
    if (keep) next.splice(at < 0 ? next.length : at, 0, patch as Reflection);
    return { ...kit, reflections: next };
  });
}

/** The personal layer without anything of its own about a reflection. */
export function withReflectionRestored(personal: Lexicon, id: string): Lexicon {
  return withKit(personal, (kit) => ({
    ...kit,
    reflections: (kit.reflections ?? []).filter((r) => r.id !== id),
    disable: (kit.disable ?? []).filter((d) => d !== id),
  }));
}

/**
 * What replacing the personal layer's kit by another does, line by line, as an import preview
 * lists it ("Prompt added: peer-group", "Prompt changed: ask-housing"): added or removed when the
 * layers below do not have it, changed or put back as it was when they do.
 */
export function kitChanges(
  current: Kit | undefined,
  next: Kit | undefined,
  below: readonly (Kit | undefined)[],
): string[] {
  const parts = [
    ['sections', 'Section'],
    ['items', 'Prompt'],
    ['reflections', 'Reflection'],
  ] as const;
  const lines: string[] = [];
  for (const [part, label] of parts) {
    const under = new Set(below.flatMap((kit) => (kit?.[part] ?? []).map((x) => x.id)));
    const before = new Map((current?.[part] ?? []).map((x) => [x.id, JSON.stringify(x)]));
    const after = next?.[part] ?? [];
    for (const x of after) {
      if (before.get(x.id) === JSON.stringify(x)) continue;
      lines.push(`${label} ${under.has(x.id) ? 'changed' : 'added'}: ${x.id}`);
    }
    for (const id of before.keys()) {
      if (after.some((x) => x.id === id)) continue;
      lines.push(`${label} ${under.has(id) ? 'put back as it was' : 'removed'}: ${id}`);
    }
  }
  const off = new Set(current?.disable ?? []);
  const on = new Set(next?.disable ?? []);
  for (const id of on) if (!off.has(id)) lines.push(`Switched off in the prompt kit: ${id}`);
  for (const id of off) if (!on.has(id)) lines.push(`Switched on again in the prompt kit: ${id}`);
  return lines;
}
