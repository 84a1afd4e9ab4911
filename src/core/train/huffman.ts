// The Huffman tree for hierarchical softmax, built exactly as word2vec.c's CreateBinaryTree does: two queues (the
// leaves in ascending count order, and the inner nodes in the order they are made), so it runs in O(V) on a
// vocabulary sorted by descending count. Each word gets its code (bits from the root down) and its points (the
// inner nodes on that path, numbered 0..V-2 with the root = V-2), which index rows of syn1.

export interface HuffmanTree {
  /** Number of leaves (words). Inner nodes: size - 1. */
  readonly size: number;
  /** Word w's code bits are codes[offsets[w] .. offsets[w+1]), from the root down to the leaf. */
  readonly codes: Uint8Array;
  /** The inner nodes on word w's path, aligned with its code bits (the first is always the root, size - 2). */
  readonly points: Int32Array;
  readonly offsets: Int32Array;
  readonly maxCodeLength: number;
}

/** Stands for "no node yet" in the inner-node queue (word2vec.c uses 1e15). */
const EMPTY = Number.POSITIVE_INFINITY;

/** Build the tree from counts sorted in descending order (the Vocab order). Needs at least 2 words. */
export function buildHuffman(counts: ArrayLike<number>): HuffmanTree {
  const V = counts.length;
  if (V < 2) throw new Error(`Hierarchical softmax needs at least 2 words in the vocabulary, got ${V}.`);
  for (let i = 1; i < V; i++) {
    if (counts[i] > counts[i - 1]) {
      throw new Error(`Huffman tree: counts must be sorted in descending order (word ${i} has ${counts[i]} > ${counts[i - 1]}).`);
    }
  }
  const count = new Float64Array(2 * V - 1).fill(EMPTY);
  for (let i = 0; i < V; i++) count[i] = counts[i];
  const parent = new Int32Array(2 * V - 1);
  const binary = new Uint8Array(2 * V - 1);
  let pos1 = V - 1; // next smallest leaf (leaves are in descending order, so walk backwards)
  let pos2 = V; // next smallest inner node (they are created in ascending order)
  const pickSmallest = (): number => {
    if (pos1 >= 0 && count[pos1] < count[pos2]) return pos1--;
    return pos2++;
  };
  for (let a = 0; a < V - 1; a++) {
    const min1 = pickSmallest();
    const min2 = pickSmallest();
    count[V + a] = count[min1] + count[min2];
    parent[min1] = V + a;
    parent[min2] = V + a;
    binary[min2] = 1;
  }
  const root = 2 * V - 2;
  // Path lengths first, to lay the codes out flat.
  const lengths = new Int32Array(V);
  let total = 0;
  let maxLen = 0;
  for (let w = 0; w < V; w++) {
    let len = 0;
    for (let b = w; b !== root; b = parent[b]) len++;
    lengths[w] = len;
    total += len;
    if (len > maxLen) maxLen = len;
  }
  const offsets = new Int32Array(V + 1);
  for (let w = 0; w < V; w++) offsets[w + 1] = offsets[w] + lengths[w];
  const codes = new Uint8Array(total);
  const points = new Int32Array(total);
  for (let w = 0; w < V; w++) {
    const len = lengths[w];
    const o = offsets[w];
    // Walking up from the leaf gives bits leaf-first; store them root-first. The node above bit i is the parent
    // of the node that carries bit i.
    let b = w;
    for (let i = len - 1; i >= 0; i--) {
      codes[o + i] = binary[b];
      b = parent[b];
      points[o + i] = b - V;
    }
  }
  return { size: V, codes, points, offsets, maxCodeLength: maxLen };
}

/** Word w's code as a string of 0/1, for display and tests. */
export function codeString(tree: HuffmanTree, w: number): string {
  let s = '';
  for (let i = tree.offsets[w]; i < tree.offsets[w + 1]; i++) s += tree.codes[i] ? '1' : '0';
  return s;
}
