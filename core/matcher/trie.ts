/**
 * A trie over integer word keys, stored flat: nodes are numbers, edges live in one open-addressing
 * hash table keyed by (parent, word). Every frame of every tab holds a compiled lexicon, so this
 * costs about a dozen bytes an edge where a Map per node would cost hundreds; and being typed
 * arrays, it travels to a frame as it is.
 */
export interface TrieData {
  /** Slots of three numbers: parent, key, child (-1 for an empty slot). */
  table: Int32Array;
  /** A bit per hash of each edge: most misses are answered here before the table is read. */
  bits: Uint32Array;
  parentOfSome: Uint8Array;
}

export interface Trie {
  /** The child of `node` along `key`, or -1. The root is node 0. */
  child(node: number, key: number): number;
  hasChildren(node: number): boolean;
}

const EMPTY = -1;

const hashOf = (parent: number, key: number) =>
  Math.imul(parent ^ Math.imul(key, 0x9e3779b1), 0x85ebca6b) >>> 0;

export interface BuiltTrie {
  data: TrieData;
  /** What was inserted at each node, in order of insertion. */
  ends: (number[] | undefined)[];
  /** Keys of the edges leaving the root, and of those leaving each first word's node. */
  firstKeys: readonly number[];
  secondKeys(firstNode: number): readonly number[];
  child(node: number, key: number): number;
}

/** Collects paths, each with a number (a terminal), then freezes them into a flat trie. */
export class TrieBuilder {
  /** (parent, key) → child, keyed by one number: building string keys was most of compiling. */
  private readonly edges = new Map<number, number>();
  private readonly edgeList: [parent: number, key: number, child: number][] = [];
  private readonly ends: (number[] | undefined)[] = [undefined];

  insert(path: readonly number[], terminal: number): void {
    let node = 0;
    for (const key of path) {
      // Keys are 30-bit and nodes stay far below 2^22, so this is exact in a double.
      const id = node * 0x40000000 + (key & 0x3fffffff);
      let next = this.edges.get(id);
      if (next === undefined) {
        next = this.ends.length;
        this.ends.push(undefined);
        this.edges.set(id, next);
        this.edgeList.push([node, key, next]);
      }
      node = next;
    }
    (this.ends[node] ??= []).push(terminal);
  }

  build(): BuiltTrie {
    // Filled to at most 70%: most lookups are misses (a word that does not continue any phrase),
    // and a miss under linear probing walks on until an empty slot, about 1 + 1/(1 - load)^2 / 2
    // slots: 6 at 70%, 14 at 80%.
    let size = 8;
    while (size * 0.7 < this.edgeList.length) size *= 2;
    const mask = size - 1;
    // One slot is three numbers side by side (parent, key, child), so a probe and the next few
    // share a cache line.
    const table = new Int32Array(size * 3).fill(EMPTY);
    const nodes = this.ends.length;
    const parentOfSome = new Uint8Array(nodes);
    const keysByNode = new Map<number, number[]>();
    // Most lookups are misses, and the table (about 12 bytes a slot) outgrows the processor's
    // nearer caches: a bit per hash, 16 or more bits an edge, answers most misses from memory a
    // tenth the size before the table is read (the default lexicon scanned MTSamples a sixth faster).
    let bitCount = 1 << 10;
    while (bitCount < this.edgeList.length * 16) bitCount *= 2;
    const bitMask = bitCount - 1;
    const bits = new Uint32Array(bitCount >>> 5);
    const firstLevel = new Set<number>();
    for (const [parent, , child] of this.edgeList) if (parent === 0) firstLevel.add(child);
    for (const [parent, key, child] of this.edgeList) {
      const h = hashOf(parent, key);
      bits[(h & bitMask) >>> 5]! |= 1 << (h & 31);
      let slot = h & mask;
      while (table[slot * 3] !== EMPTY) slot = (slot + 1) & mask;
      table[slot * 3] = parent;
      table[slot * 3 + 1] = key;
      table[slot * 3 + 2] = child;
      parentOfSome[parent] = 1;
      if (parent === 0 || firstLevel.has(parent)) {
        (keysByNode.get(parent) ?? keysByNode.set(parent, []).get(parent)!).push(key);
      }
    }
    const data = { table, bits, parentOfSome };
    return {
      data,
      ends: this.ends,
      firstKeys: keysByNode.get(0) ?? [],
      secondKeys: (node) => keysByNode.get(node) ?? [],
      child: readTrie(data).child,
    };
  }
}

export function readTrie({ table, bits, parentOfSome }: TrieData): Trie {
  const size = table.length / 3;
  const mask = size - 1;
  const bitMask = bits.length * 32 - 1;
  const wrap = size * 3;
  return {
    child(node, key) {
      const h = hashOf(node, key);
      if ((bits[(h & bitMask) >>> 5]! & (1 << (h & 31))) === 0) return EMPTY;
      let at = (h & mask) * 3;
      for (;;) {
        const p = table[at]!;
        if (p === EMPTY) return EMPTY;
        if (p === node && table[at + 1] === key) return table[at + 2]!;
        at += 3;
        if (at === wrap) at = 0;
      }
    },
    hasChildren: (node) => parentOfSome[node] === 1,
  };
}
