/** A word trie: each path of normalised words ends in the terminals of the phrases it spells. */
export interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | undefined;
  terminals: T[] | undefined;
}

export function createNode<T>(): TrieNode<T> {
  return { next: undefined, terminals: undefined };
}

export function insert<T>(root: TrieNode<T>, path: readonly string[], terminal: T): number {
  let node = root;
  for (const word of path) {
    node.next ??= new Map();
    let child = node.next.get(word);
    if (!child) {
      child = createNode<T>();
      node.next.set(word, child);
    }
    node = child;
  }
  (node.terminals ??= []).push(terminal);
  return path.length;
}
