/** A trie over word keys: each path ends in the terminals of the phrases it spells. */
export interface TrieNode<K, T> {
  next: Map<K, TrieNode<K, T>> | undefined;
  terminals: T[] | undefined;
}

export function createNode<K, T>(): TrieNode<K, T> {
  return { next: undefined, terminals: undefined };
}

export function insert<K, T>(root: TrieNode<K, T>, path: readonly K[], terminal: T): void {
  let node = root;
  for (const key of path) {
    node.next ??= new Map();
    let child = node.next.get(key);
    if (!child) {
      child = createNode<K, T>();
      node.next.set(key, child);
    }
    node = child;
  }
  (node.terminals ??= []).push(terminal);
}
