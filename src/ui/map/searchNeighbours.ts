// What a search shows on the map: the word, its neighbours in the vectors' own space (raw cosine, and cosine after
// subtracting the mean vector), the words that must be added to the map so that every neighbour is drawn, and the
// neighbours on the 2-D map itself, to set beside those of the original space. Pure (no DOM).
import type { KeyedVectors } from '../../core/vectors/keyedVectors';

export interface Scored {
  word: string;
  cosine: number;
}

/** Words the map adds for a search, with their vectors (row-major) and frequency ranks in the whole vocabulary. */
export interface AddedWords {
  words: string[];
  vectors: Float32Array;
  dim: number;
  ranks: number[];
}

export interface MapSearch {
  word: string;
  /** Nearest words by raw cosine (as the neighbour list shows them). */
  neighbours: Scored[];
  /** Nearest words by cosine of the centred vectors (the mean vector subtracted), or null if not computed. */
  centred: Scored[] | null;
  /** Searched words that are not among the map's N words: added to the map, marked as added. */
  added: AddedWords | null;
}

const meanCache = new WeakMap<KeyedVectors, Float32Array>();

/** The mean of all the vectors (every word of the vocabulary counts once). */
export function meanVector(kv: KeyedVectors): Float32Array {
  let m = meanCache.get(kv);
  if (m) return m;
  m = new Float32Array(kv.dim);
  const { vectors, dim, size } = kv;
  const acc = new Float64Array(dim);
  for (let i = 0; i < size; i++) for (let d = 0; d < dim; d++) acc[d]! += vectors[i * dim + d]!;
  for (let d = 0; d < dim; d++) m[d] = size > 0 ? acc[d]! / size : 0;
  meanCache.set(kv, m);
  return m;
}

/** The k nearest words to `word` by cosine between centred vectors (v - mean), the word itself left out. */
export function centredNeighbours(kv: KeyedVectors, word: string, k: number): Scored[] {
  const q = kv.indexOf(word);
  if (q < 0) return [];
  const { vectors, dim, size } = kv;
  const m = meanVector(kv);
  const a = new Float64Array(dim);
  let na = 0;
  for (let d = 0; d < dim; d++) {
    a[d] = vectors[q * dim + d]! - m[d]!;
    na += a[d]! * a[d]!;
  }
  na = Math.sqrt(na);
  const best: Scored[] = [];
  for (let i = 0; i < size; i++) {
    if (i === q) continue;
    let dot = 0;
    let nb = 0;
    for (let d = 0; d < dim; d++) {
      const b = vectors[i * dim + d]! - m[d]!;
      dot += a[d]! * b;
      nb += b * b;
    }
    const cos = na > 0 && nb > 0 ? dot / (na * Math.sqrt(nb)) : 0;
    if (best.length < k || cos > best[best.length - 1]!.cosine) {
      best.push({ word: kv.words[i]!, cosine: cos });
      best.sort((x, y) => y.cosine - x.cosine);
      if (best.length > k) best.pop();
    }
  }
  return best;
}

/** Cosine of two words' centred vectors (for the raw list shown with centred scores). */
export function centredCosine(kv: KeyedVectors, a: string, b: string): number {
  const i = kv.indexOf(a);
  const j = kv.indexOf(b);
  if (i < 0 || j < 0) return NaN;
  const m = meanVector(kv);
  let dot = 0, na = 0, nb = 0;
  for (let d = 0; d < kv.dim; d++) {
    const x = kv.vectors[i * kv.dim + d]! - m[d]!;
    const y = kv.vectors[j * kv.dim + d]! - m[d]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** The wanted words that `onMap` lacks, with their vectors from kv (words kv does not know are skipped). */
export function wordsToAdd(onMap: readonly string[], wanted: readonly string[], kv: KeyedVectors): AddedWords | null {
  const present = new Set(onMap);
  const words = [...new Set(wanted)].filter((w) => !present.has(w) && kv.has(w));
  if (words.length === 0) return null;
  const vectors = new Float32Array(words.length * kv.dim);
  words.forEach((w, i) => vectors.set(kv.row(kv.indexOf(w)), i * kv.dim));
  return { words, vectors, dim: kv.dim, ranks: words.map((w) => kv.indexOf(w) + 1) };
}

/** The k words nearest to point `q` on the 2-D map (Euclidean distance between positions x0, y0, x1, y1, ...). */
export function mapNeighbours(words: readonly string[], positions: ArrayLike<number>, q: number, k: number): string[] {
  const n = Math.min(words.length, positions.length / 2);
  if (q < 0 || q >= n) return [];
  const qx = positions[2 * q]!;
  const qy = positions[2 * q + 1]!;
  const order: { i: number; d: number }[] = [];
  for (let i = 0; i < n; i++) {
    if (i === q) continue;
    order.push({ i, d: (positions[2 * i]! - qx) ** 2 + (positions[2 * i + 1]! - qy) ** 2 });
  }
  order.sort((a, b) => a.d - b.d);
  return order.slice(0, k).map((o) => words[o.i]!);
}

/** Indices of the k points nearest to point q (squared Euclidean distance; q itself left out), in any order. */
function nearestK(pos: ArrayLike<number>, n: number, q: number, k: number, idx: Int32Array, dist: Float64Array): Int32Array {
  let size = 0;
  const qx = pos[2 * q]!;
  const qy = pos[2 * q + 1]!;
  for (let i = 0; i < n; i++) {
    if (i === q) continue;
    const d = (pos[2 * i]! - qx) ** 2 + (pos[2 * i + 1]! - qy) ** 2;
    if (size < k) {
      idx[size] = i;
      dist[size] = d;
      size++;
    } else {
      // Replace the farthest kept one if this is nearer (k is small: a linear scan beats a heap).
      let far = 0;
      for (let j = 1; j < k; j++) if (dist[j]! > dist[far]!) far = j;
      if (d < dist[far]!) {
        idx[far] = i;
        dist[far] = d;
      }
    }
  }
  return idx.subarray(0, size);
}

/**
 * How far two layouts of the same words agree: for each word, the share of its k nearest map neighbours that are the
 * same in both; and the mean over words. Two unrelated (random) layouts agree on k / (N - 1) on average: the
 * baseline to read the mean against.
 */
export function neighbourAgreement(n: number, a: ArrayLike<number>, b: ArrayLike<number>, k: number): { mean: number; perWord: Float64Array; baseline: number } {
  const perWord = new Float64Array(n);
  if (n < 2) return { mean: NaN, perWord, baseline: NaN };
  const kk = Math.min(k, n - 1);
  const ia = new Int32Array(kk);
  const ib = new Int32Array(kk);
  const da = new Float64Array(kk);
  const db = new Float64Array(kk);
  const mark = new Int32Array(n).fill(-1);
  let sum = 0;
  for (let q = 0; q < n; q++) {
    for (const i of nearestK(a, n, q, kk, ia, da)) mark[i] = q;
    let shared = 0;
    for (const i of nearestK(b, n, q, kk, ib, db)) if (mark[i] === q) shared++;
    perWord[q] = shared / kk;
    sum += perWord[q]!;
  }
  return { mean: sum / n, perWord, baseline: kk / (n - 1) };
}
