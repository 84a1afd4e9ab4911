// Documents as bags of vocabulary ids with weights that sum to one: mean pooling over a document's tokens is then a
// weighted sum over its distinct words, which is what makes the forward and backward passes cheap (a Brown document
// has about 2,000 tokens but 700 distinct words). Tokens without a vocabulary entry are dropped, as an embedding
// layer with no row for them would.

export interface Bag {
  /** Distinct vocabulary ids of the document. */
  ids: Int32Array;
  /** count / known tokens, so the pooled vector is the mean of the known tokens' rows. */
  weights: Float32Array;
  /** Tokens that had a row (the denominator of the mean). */
  known: number;
}

/** The bag of one token list under a word -> id map. */
export function bagOf(tokens: readonly string[], index: ReadonlyMap<string, number>): Bag {
  const counts = new Map<number, number>();
  let known = 0;
  for (const t of tokens) {
    const id = index.get(t);
    if (id === undefined) continue;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    known++;
  }
  const ids = new Int32Array(counts.size);
  const weights = new Float32Array(counts.size);
  let k = 0;
  for (const [id, n] of counts) {
    ids[k] = id;
    weights[k] = n / known;
    k++;
  }
  return { ids, weights, known };
}

/** The `limit` most frequent words of some documents (ties broken alphabetically, so the list is deterministic). */
export function topWords(docs: readonly (readonly string[])[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const d of docs) for (const t of d) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([w]) => w);
}

/** word -> row for a word list. */
export function indexOfWords(words: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  words.forEach((w, i) => m.set(w, i));
  return m;
}
