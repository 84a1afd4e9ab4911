// The vocabulary: words sorted by descending count (ties broken alphabetically so that runs are reproducible),
// filtered by min-count and capped at max-size, as gensim and word2vec.c do.

export interface Vocab {
  /** Words by descending frequency; the id of a word is its index here. */
  readonly words: readonly string[];
  /** Corpus count of each word, aligned with `words`. */
  readonly counts: Float64Array;
  readonly index: ReadonlyMap<string, number>;
  /** Sum of counts of kept words. */
  readonly keptTokens: number;
  /** All tokens in the corpus, kept or not. */
  readonly rawTokens: number;
}

export interface VocabOptions {
  minCount: number;
  /** 0 = no cap. */
  maxSize: number;
}

export function buildVocab(counts: ReadonlyMap<string, number>, rawTokens: number, opts: VocabOptions): Vocab {
  const entries = [...counts].filter(([, c]) => c >= opts.minCount);
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = opts.maxSize > 0 ? entries.slice(0, opts.maxSize) : entries;
  const words = kept.map(([w]) => w);
  const cs = new Float64Array(kept.length);
  let keptTokens = 0;
  kept.forEach(([, c], i) => {
    cs[i] = c;
    keptTokens += c;
  });
  return { words, counts: cs, index: new Map(words.map((w, i) => [w, i])), keptTokens, rawTokens };
}

/** Count tokens over sentences. */
export function countWords(sentences: Iterable<readonly string[]>): { counts: Map<string, number>; rawTokens: number } {
  const counts = new Map<string, number>();
  let rawTokens = 0;
  for (const s of sentences) {
    for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
    rawTokens += s.length;
  }
  return { counts, rawTokens };
}
