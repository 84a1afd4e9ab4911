// BM25, the keyword baseline every semantic search has to beat: a document scores for each query term it contains,
// more for rare terms (idf) and for repeated ones (tf, saturating), less when it is long.
import { tokenize } from '../text/tokenize';

/** Robertson and Zaragoza's usual settings: tf saturates around k1, b = 0.75 normalises three quarters of length. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

export interface Bm25Index {
  /** term -> [doc, tf, doc, tf, ...] */
  postings: Map<string, number[]>;
  docLengths: Int32Array;
  avgLength: number;
  docCount: number;
}

export function buildBm25(docs: readonly (readonly string[])[]): Bm25Index {
  const postings = new Map<string, number[]>();
  const docLengths = new Int32Array(docs.length);
  let total = 0;
  docs.forEach((tokens, d) => {
    docLengths[d] = tokens.length;
    total += tokens.length;
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(d, n);
    }
  });
  return { postings, docLengths, avgLength: docs.length ? total / docs.length : 0, docCount: docs.length };
}

/** The idf of Lucene's BM25: never negative, even for a term in more than half the documents. */
export function bm25Idf(docFreq: number, docCount: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
}

/** A score per document for the query's tokens (a term repeated in the query counts once per occurrence). */
export function bm25Scores(index: Bm25Index, queryTokens: readonly string[], k1 = BM25_K1, b = BM25_B): Float64Array {
  const scores = new Float64Array(index.docCount);
  for (const term of queryTokens) {
    const list = index.postings.get(term);
    if (!list) continue;
    const idf = bm25Idf(list.length / 2, index.docCount);
    for (let i = 0; i < list.length; i += 2) {
      const d = list[i]!;
      const tf = list[i + 1]!;
      const norm = k1 * (1 - b + (b * index.docLengths[d]!) / index.avgLength);
      scores[d] += (idf * tf * (k1 + 1)) / (tf + norm);
    }
  }
  return scores;
}

export function queryTokens(query: string): string[] {
  return tokenize(query);
}
