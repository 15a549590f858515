import type { FilterData } from './compiled-lexicon.ts';

export interface KeyFilter {
  /** False means the key is certainly not in the set; true means look it up. */
  mayContain(key: number): boolean;
}

/**
 * A one-hash Bloom filter over integer keys (word hashes, or pairs of them), sized at about 32
 * bits a key so that fewer than 1 in 30 other keys get past it, whatever the lexicon's size.
 */
export function buildKeyFilter(keys: readonly number[]): FilterData {
  let log2 = 10;
  while (1 << log2 < keys.length * 32 && log2 < 24) log2++;
  const shift = 32 - log2;
  const bits = new Uint32Array((1 << log2) >>> 5);
  for (const key of keys) {
    const s = Math.imul(key, 0x9e3779b1) >>> shift;
    bits[s >>> 5]! |= 1 << (s & 31);
  }
  return { bits, shift };
}

export function keyFilter({ bits, shift }: FilterData): KeyFilter {
  return {
    mayContain(key) {
      const s = Math.imul(key, 0x9e3779b1) >>> shift;
      return (bits[s >>> 5]! & (1 << (s & 31))) !== 0;
    },
  };
}

export const createKeyFilter = (keys: readonly number[]): KeyFilter =>
  keyFilter(buildKeyFilter(keys));

/** One key for two consecutive word keys. */
export function pairKey(first: number, second: number): number {
  return (Math.imul(first, 0x2545f491) ^ second) | 0;
}
