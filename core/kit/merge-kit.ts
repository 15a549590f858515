import type { z } from 'zod';
import { closest, formatIssue } from '../lexicon/format-issue.ts';
import { mergeValue } from '../lexicon/merge-layers.ts';
import {
  KitItemSchema,
  KitSectionSchema,
  ReflectionSchema,
  type Kit,
  type KitItem,
  type KitSection,
  type Reflection,
} from '../lexicon/schema.ts';

/** The prompt kit in force: what every layer leaves switched on, in order. */
export interface MergedKit {
  sections: KitSection[];
  /** Each in a section in force; in the order the layers give them. */
  items: KitItem[];
  reflections: Reflection[];
}

type Part = 'sections' | 'items' | 'reflections';
type Whole = KitSection | KitItem | Reflection;

const SCHEMAS: Record<Part, z.ZodObject & z.ZodType<Whole>> = {
  sections: KitSectionSchema,
  items: KitItemSchema,
  reflections: ReflectionSchema,
};
const NAMES: Record<Part, string> = {
  sections: 'section',
  items: 'prompt',
  reflections: 'reflection',
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field names allowed at a path inside one item, for "did you mean" on unknown fields. */
const knownKeysIn =
  (part: Part) =>
  (path: readonly PropertyKey[]): string[] => {
    if (path.length === 0) return Object.keys(SCHEMAS[part].shape);
    if (path.at(-1) === 'locales') return ['en-US'];
    if (path.at(-2) === 'locales') {
      return {
        sections: ['title', 'intro'],
        items: ['title', 'text', 'note'],
        reflections: ['message', 'why'],
      }[part];
    }
    return [];
  };

/**
 * Lays each kit over the ones before it (built-in, service, personal), as entries are laid:
 * a whole item adds or replaces, an id with only some fields changes the item below (objects
 * merged field by field, arrays and values replaced) and must still be whole, `disable` or
 * `"enabled": false` switches one off. Returns the kit in force and, for the last layer, what
 * could not be used, each problem as "prompts.items[2].title: …", with "did you mean" for ids.
 */
export function mergeKits(kits: readonly (Kit | undefined)[]): {
  kit: MergedKit;
  errors: string[];
} {
  const state: Record<Part, Map<string, Whole>> = {
    sections: new Map(),
    items: new Map(),
    reflections: new Map(),
  };
  const off = new Set<string>();
  let errors: string[] = [];
  kits.forEach((kit, layer) => {
    // Only the newest layer's problems are reported: those below were checked in their turn.
    const found: string[] = [];
    for (const part of ['sections', 'items', 'reflections'] as const) {
      (kit?.[part] ?? []).forEach((raw: unknown, index) => {
        const path = `prompts.${part}[${index}]`;
        if (!isObject(raw) || typeof raw.id !== 'string') {
          found.push(`${path}: expected a ${NAMES[part]} object with an "id"`);
          return;
        }
        const id = raw.id;
        const base = state[part].get(id);
        const whole = SCHEMAS[part].safeParse(base ? mergeValue(base, raw) : raw);
        if (whole.success) {
          state[part].set(id, whole.data);
          if (whole.data.enabled === false) off.add(`${part}:${id}`);
          else off.delete(`${part}:${id}`);
          return;
        }
        // Not whole, and nothing below by that id: most likely a change of a mistyped id.
        const hint = base ? undefined : closest(id, [...state[part].keys()]);
        if (hint) {
          found.push(
            `${path}.id: there is no ${NAMES[part]} "${id}" in the layers below to change; did you mean "${hint}"?`,
          );
          return;
        }
        const known = knownKeysIn(part);
        for (const issue of whole.error.issues) {
          const at = ['prompts', part, index, ...issue.path];
          const message = formatIssue({ ...issue, path: at }, (p) => known(p.slice(3)));
          found.push(`${message}${base ? ` (in "${id}" as changed)` : ''}`);
        }
      });
    }
    (kit?.disable ?? []).forEach((id, k) => {
      const parts = (['sections', 'items', 'reflections'] as const).filter((p) => state[p].has(id));
      if (parts.length === 0) {
        const all = Object.values(state).flatMap((m) => [...m.keys()]);
        const hint = closest(id, all);
        found.push(
          `prompts.disable[${k}]: there is nothing with the id "${id}" in the kit below to switch off` +
            (hint ? `; did you mean "${hint}"?` : ''),
        );
      }
      for (const p of parts) off.add(`${p}:${id}`);
    });
    if (layer === kits.length - 1) errors = found;
  });

  const inForce = <T extends Whole>(part: Part) =>
    [...(state[part].values() as Iterable<T>)].filter((w) => !off.has(`${part}:${w.id}`));
  const sections = inForce<KitSection>('sections');
  const sectionIds = new Set(sections.map((s) => s.id));
  const allSections = [...state.sections.keys()];
  const last = kits.at(-1);
  (last?.items ?? []).forEach((raw, index) => {
    const item = state.items.get(raw.id);
    if (item && 'section' in item && !state.sections.has(item.section)) {
      const hint = closest(item.section, allSections);
      errors.push(
        `prompts.items[${index}].section: there is no section "${item.section}"` +
          (hint ? `; did you mean "${hint}"?` : ''),
      );
    }
  });
  return {
    kit: {
      sections,
      items: inForce<KitItem>('items').filter((i) => sectionIds.has(i.section)),
      reflections: inForce<Reflection>('reflections'),
    },
    errors,
  };
}
