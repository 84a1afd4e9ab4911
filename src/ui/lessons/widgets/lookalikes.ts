// The subword widget's stand-in for a fastText vector: the shipped vectors were trained without subwords, so there
// are no n-gram rows to add. Instead, the known words that share the most character n-grams with a word are found
// among the most frequent ones, and their unit vectors are averaged, weighted by the overlap. This says which words
// a real fastText model would borrow from; it is not what such a model computes (the lesson says so).
import type { KeyedVectors, Neighbour } from '../../../core/vectors/keyedVectors';
import { ngramSimilarity } from './subwords';

/** Known words searched for shared n-grams, and for neighbours: the most frequent ones only, because on a million
 *  words the vectors of rarer words are too noisy (they crowd into one direction) to say anything. */
export const SEARCH_WORDS = 3_000;
/** Look-alikes mixed, and neighbours listed. */
export const SHOW = 6;

export interface Lookalikes {
  /** Known words with the largest n-gram overlap (Jaccard), best first. */
  top: { w: string; s: number }[];
  /** Neighbours of the overlap-weighted mean of their unit vectors (the look-alikes themselves left out). */
  neighbours: Neighbour[];
  /** Words searched. */
  searched: number;
}

export function lookalikes(kv: KeyedVectors, word: string): Lookalikes {
  const n = Math.min(SEARCH_WORDS, kv.size);
  const scored: { w: string; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    const w = kv.words[i]!;
    if (w === word) continue;
    const s = ngramSimilarity(word, w);
    if (s > 0) scored.push({ w, s });
  }
  scored.sort((a, b) => b.s - a.s);
  const top = scored.slice(0, SHOW);
  if (top.length === 0) return { top, neighbours: [], searched: n };
  const v = new Float32Array(kv.dim);
  for (const t of top) {
    const u = kv.unitVector(t.w);
    for (let d = 0; d < kv.dim; d++) v[d]! += t.s * u[d]!;
  }
  const exclude = new Set(top.map((t) => kv.indexOf(t.w)));
  return { top, neighbours: kv.nearestToVector(v, SHOW, exclude, n), searched: n };
}
