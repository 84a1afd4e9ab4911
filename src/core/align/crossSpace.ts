// Cross-space retrieval, the method behind cross-lingual word translation: learn a map from space A to space B on a
// seed dictionary of word pairs, then, for held-out words, map A's vector and look for the right word among B's
// nearest neighbours. With two languages the dictionary pairs translations; between two spaces of one language it
// pairs a word with itself, and precision@1 says how much of one space's geometry the other shares.
import type { KeyedVectors } from '../vectors/keyedVectors';
import { seededRandom } from '../search/rankingMetrics';
import { applyMap, leastSquaresMap, orthogonalProcrustes, type LinearMap } from './procrustes';

export interface DictionaryPair {
  source: string;
  target: string;
}

/** Identity pairs for the words both spaces know, most frequent first (rows are sorted by frequency in our files). */
export function sharedWords(a: KeyedVectors, b: KeyedVectors, limit: number): string[] {
  const out: string[] = [];
  for (const w of a.words) {
    if (b.has(w)) out.push(w);
    if (out.length >= limit) break;
  }
  return out;
}

/** A deterministic shuffle-and-split of the pairs into a training dictionary and held-out test pairs. */
export function splitPairs<T>(pairs: readonly T[], testShare: number, seed: number): { train: T[]; test: T[] } {
  const rand = seededRandom(seed);
  const idx = pairs.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  const nTest = Math.round(pairs.length * testShare);
  return { test: idx.slice(0, nTest).map((i) => pairs[i]!), train: idx.slice(nTest).map((i) => pairs[i]!) };
}

function unitRows(kv: KeyedVectors, words: readonly string[]): Float32Array {
  const out = new Float32Array(words.length * kv.dim);
  words.forEach((w, i) => out.set(kv.unitRow(kv.indexOf(w)), i * kv.dim));
  return out;
}

export function learnMap(a: KeyedVectors, b: KeyedVectors, pairs: readonly DictionaryPair[], kind: LinearMap['kind']): LinearMap {
  const x = unitRows(a, pairs.map((p) => p.source));
  const y = unitRows(b, pairs.map((p) => p.target));
  if (kind === 'orthogonal') {
    if (a.dim !== b.dim) throw new RangeError(`an orthogonal map needs equal dimensions (${a.dim} and ${b.dim}); use the least-squares map`);
    return orthogonalProcrustes(x, y, pairs.length, a.dim);
  }
  return leastSquaresMap(x, y, pairs.length, a.dim, b.dim);
}

export interface RetrievalScore {
  kind: LinearMap['kind'];
  pairs: number;
  precisionAt1: number;
  precisionAt5: number;
  /** What picking a word at random from the searched target words would score at 1. */
  chanceAt1: number;
  /** A few held-out words with what the map retrieved, for the page. */
  examples: { source: string; target: string; retrieved: string[] }[];
}

/** Precision@1 and @5 of mapped held-out words among the first `searchSize` words of the target space. */
export function retrievalScore(
  a: KeyedVectors,
  b: KeyedVectors,
  map: LinearMap,
  test: readonly DictionaryPair[],
  searchSize: number,
  exampleCount = 8,
): RetrievalScore {
  const n = Math.min(searchSize, b.size);
  const targetWords = b.words.slice(0, n);
  // Unit rows in one flat array: the inner loop reads it directly (no per-row views: millions of them per run).
  const units = unitRows(b, targetWords);
  const dim = b.dim;
  let hit1 = 0;
  let hit5 = 0;
  const examples: RetrievalScore['examples'] = [];
  for (const p of test) {
    const q = applyMap(map, a.unitRow(a.indexOf(p.source)));
    const top: { i: number; s: number }[] = [];
    let floor = -Infinity;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const base = i * dim;
      for (let k = 0; k < dim; k++) s += q[k]! * units[base + k]!;
      if (top.length < 5 || s > floor) {
        top.push({ i, s });
        top.sort((u, v) => v.s - u.s);
        if (top.length > 5) top.pop();
        floor = top[top.length - 1]!.s;
      }
    }
    const words = top.map((t) => targetWords[t.i]!);
    if (words[0] === p.target) hit1++;
    if (words.includes(p.target)) hit5++;
    if (examples.length < exampleCount) examples.push({ source: p.source, target: p.target, retrieved: words });
  }
  const m = Math.max(1, test.length);
  return { kind: map.kind, pairs: test.length, precisionAt1: hit1 / m, precisionAt5: hit5 / m, chanceAt1: 1 / n, examples };
}
