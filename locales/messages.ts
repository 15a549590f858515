/**
 * How the UI's catalogue is read: each surface's words are one section of `en-GB.ts` (complete,
 * the default); en-US is that section with US spelling (`toUsSpelling`, as the lexicon's words)
 * and the few wordings of `en-US.ts` that differ beyond spelling. A message is a template whose
 * `{name}` gaps are typed; a message with a count has a form for one and one for the rest.
 * Hand-written rather than a library: see the README's "Dependencies and why".
 */
import type { Locale } from '../core/lexicon/schema.ts';

/** A message that depends on a count, chosen by `Intl.PluralRules`. */
export interface Plural {
  readonly one: string;
  readonly other: string;
}

export type Message = string | Plural;

/** The words of one surface (the card, the popup…), by key. */
export type Section = { readonly [key: string]: Message };

/** The names of a template's `{gaps}`: "Turn off on {site}" → "site". */
export type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type NamesIn<M> = M extends Plural
  ? Placeholders<M['one']> | Placeholders<M['other']> | 'count'
  : Placeholders<M>;

/** What a message needs filled in; a plural message always takes its `count`, a number. */
export type ValuesOf<M> = M extends Plural
  ? { readonly [N in NamesIn<M>]: N extends 'count' ? number : string | number }
  : { readonly [N in NamesIn<M>]: string | number };

/** A section as components read it: plain words as strings, templates as functions. */
export type Messages<T extends Section> = {
  readonly [K in keyof T]: T[K] extends Plural
    ? (values: ValuesOf<T[K]>) => string
    : [NamesIn<T[K]>] extends [never]
      ? string
      : (values: ValuesOf<T[K]>) => string;
};

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/** A string holding every one of `Names` as a `{gap}` (any string when there are none). */
type Holding<Names extends string> = [Names] extends [never]
  ? string
  : Intersection<Names extends string ? `${string}{${Names}}${string}` : never>;

/**
 * Another locale's own wording for some keys of a section: only keys the section has, each
 * keeping the gaps of the en-GB template (a gap left out is a type error).
 */
export type Overrides<T extends Section> = {
  readonly [K in keyof T]?: T[K] extends Plural
    ? {
        readonly one: Holding<Placeholders<T[K]['one']>>;
        readonly other: Holding<Placeholders<T[K]['other']>>;
      }
    : Holding<Placeholders<T[K]>>;
};

/** A `{gap}` in a template; names are letters and digits, starting with a letter. */
const GAP = /\{([A-Za-z]\w*)\}/g;
const HAS_GAP = /\{[A-Za-z]\w*\}/;

/** The template with each gap filled; a value is put in as it is, never read as a template. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(GAP, (gap, name: string) =>
    name in values ? String(values[name]) : gap,
  );
}

/** The names of the gaps in a template, in order. */
export function gapsIn(template: string): string[] {
  return [...template.matchAll(GAP)].map((m) => m[1]!);
}

/** The section in a locale: its own wording where given, else the en-GB words through `spell`. */
export function derive<T extends Section>(
  gb: T,
  own: Overrides<T>,
  spell: (text: string) => string,
): T {
  const out: Record<string, Message> = {};
  for (const [key, message] of Object.entries(gb)) {
    const given = (own as Record<string, Message | undefined>)[key];
    out[key] =
      given ??
      (typeof message === 'string'
        ? spell(message)
        : { one: spell(message.one), other: spell(message.other) });
  }
  return out as T;
}

function bind<T extends Section>(section: T, locale: Locale): Messages<T> {
  const rules = new Intl.PluralRules(locale);
  const out: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(section)) {
    if (typeof message !== 'string') {
      out[key] = (values: { count: number }) =>
        fill(rules.select(values.count) === 'one' ? message.one : message.other, values);
    } else {
      out[key] = HAS_GAP.test(message)
        ? (values: Record<string, string>) => fill(message, values)
        : message;
    }
  }
  return out as Messages<T>;
}

const made = new WeakMap<Section, Partial<Record<Locale, unknown>>>();

/**
 * A section's messages in `locale`, made once per section and locale. `spell` turns en-GB words
 * into en-US spelling; the card passes none, as its words need none (a test proves it), so the
 * content script carries no spelling table.
 */
export function messagesOf<T extends Section>(
  gb: T,
  us: Overrides<T>,
  locale: Locale,
  spell: (text: string) => string,
): Messages<T> {
  let byLocale = made.get(gb);
  if (!byLocale) made.set(gb, (byLocale = {}));
  return (byLocale[locale] ??= bind(
    locale === 'en-US' ? derive(gb, us, spell) : gb,
    locale,
  )) as Messages<T>;
}
