import type { PhraseForm } from '../lexicon/expand-phrase.ts';
import { normAt, type Tokens } from '../text/tokenize.ts';
import { KEY_MASK, wordKey } from './context.ts';
import { isFillerKey, MAX_FILLERS } from './fillers.ts';
import { CHECK_SEED, checkWord, phraseCheck } from './phrase-check.ts';
import type { ZoneData } from './compiled-lexicon.ts';

/**
 * The [context] words of a phrase before or after its flagged words, kept out of the trie and
 * checked around a match: each form's word keys and check hash packed in one array (ZoneData),
 * indexed, when the zone is first needed, by the word next to the flagged words (a lead's last
 * word, a trail's first).
 */
export interface ContextZone extends ZoneData {
  byEdge: Map<number, number[]>;
}

/** A form's groups and choices as bytes: a byte per word (its group), then per group the option
 * it took plus one (so -1, none, is 0). */
export function formCodes(groups: readonly number[], choices: readonly number[]): number[] {
  const codes = [...groups, ...choices.map((c) => c + 1)];
  if (codes.some((c) => c > 255))
    throw new RangeError('a phrase has more than 254 groups or options');
  return codes;
}

export function compileZone(side: 'lead' | 'trail', forms: readonly PhraseForm[]): ZoneData {
  const size = forms.reduce((n, f) => n + f.words.length + 2, 0);
  const data = new Int32Array(size);
  const at = new Int32Array(forms.length);
  const formAt = new Int32Array(forms.length);
  const codes: number[] = [];
  let offset = 0;
  let empty = -1;
  forms.forEach((f, k) => {
    at[k] = offset;
    data[offset] = f.words.length;
    data[offset + 1] = phraseCheck(f.words);
    f.words.forEach((w, i) => (data[offset + 2 + i] = wordKey(w)));
    if (f.words.length === 0) empty = k;
    offset += f.words.length + 2;
    formAt[k] = codes.length;
    codes.push(...formCodes(f.groups, f.choices));
  });
  return { lead: side === 'lead', data, at, formCodes: Uint8Array.from(codes), formAt, empty };
}

export function indexZone(zone: ZoneData): ContextZone {
  const byEdge = new Map<number, number[]>();
  const { data, at } = zone;
  for (let k = 0; k < at.length; k++) {
    const o = at[k]!;
    const length = data[o]!;
    if (length === 0) continue;
    const edge = data[o + 2 + (zone.lead ? length - 1 : 0)]!;
    (byEdge.get(edge) ?? byEdge.set(edge, []).get(edge)!).push(k);
  }
  return { ...zone, byEdge };
}

/**
 * Token indices of form k read outwards from token `next` (a lead backwards, a trail forwards),
 * letting through up to MAX_FILLERS words between its words; undefined when it is not there.
 */
function formFrom(
  zone: ContextZone,
  k: number,
  tokens: Tokens,
  next: number,
): number[] | undefined {
  const { data } = zone;
  const o = zone.at[k]!;
  const length = data[o]!;
  const lead = zone.lead;
  const step = lead ? -1 : 1;
  const found: number[] = [];
  let pos = next;
  let skipped = 0;
  for (let w = 0; w < length; w++) {
    const want = data[o + 2 + (lead ? length - 1 - w : w)]!;
    for (;;) {
      if (pos < 0 || pos >= tokens.count) return undefined;
      // The gap between this token and the one before it (in text order) must join.
      if (w > 0 && !tokens.joined[lead ? pos + 1 : pos]) return undefined;
      const key = tokens.hash[pos]! & KEY_MASK;
      if (key === want) break;
      if (w === 0 || skipped === MAX_FILLERS || !isFillerKey(key)) return undefined;
      skipped++;
      pos += step;
    }
    found.push(pos);
    pos += step;
  }
  if (lead) found.reverse();
  let h = CHECK_SEED;
  for (const t of found) h = checkWord(h, normAt(tokens, t));
  return h === data[o + 1] ? found : undefined;
}

const spread = (t: number[]) => (t.length ? t[t.length - 1]! - t[0]! : 0);

export interface ZoneMatch {
  form: number;
  /** Token indices of the context words, in text order (empty for the optional empty form). */
  tokens: number[];
}

/**
 * The longest form of a lead ending just before token `edge` (or of a trail starting just after
 * it). Words let through ("will just have to", "was extremely unpleasant") may sit inside the
 * context and between it and the flagged words. The empty form when nothing matches and the
 * context is optional; undefined otherwise.
 */
export function matchZone(zone: ContextZone, tokens: Tokens, edge: number): ZoneMatch | undefined {
  const lead = zone.lead;
  let best: ZoneMatch | undefined;
  for (let skip = 0; skip <= MAX_FILLERS; skip++) {
    // The word next to the flagged ones, past `skip` words let through.
    const next = lead ? edge - 1 - skip : edge + 1 + skip;
    if (next < 0 || next >= tokens.count) break;
    // Every gap between it and the flagged words must join.
    let joined = true;
    for (let g = lead ? next + 1 : edge + 1; g <= (lead ? edge : next); g++) {
      if (!tokens.joined[g]) joined = false;
    }
    if (!joined) break;
    for (const k of zone.byEdge.get(tokens.hash[next]! & KEY_MASK) ?? []) {
      const found = formFrom(zone, k, tokens, next);
      // The most words, then the widest reach: "would just have to" over "just have to".
      if (
        found &&
        (!best ||
          found.length > best.tokens.length ||
          (found.length === best.tokens.length && spread(found) > spread(best.tokens)))
      ) {
        best = { form: k, tokens: found };
      }
    }
    if (best || !isFillerKey(tokens.hash[next]! & KEY_MASK)) break;
  }
  if (best) return best;
  return zone.empty >= 0 ? { form: zone.empty, tokens: [] } : undefined;
}
