// Small vector helpers the lesson widgets and their claims tests share: dot products, norms and cosines of plain
// arrays or KeyedVectors rows, the mean of some words' unit vectors, and a sigmoid that does not overflow.
import type { KeyedVectors } from './keyedVectors';

export function dotRows(kv: KeyedVectors, i: number, j: number): number {
  const d = kv.dim;
  let s = 0;
  for (let k = 0; k < d; k++) s += kv.vectors[i * d + k] * kv.vectors[j * d + k];
  return s;
}

export function dotVec(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

export function normVec(a: ArrayLike<number>): number {
  return Math.sqrt(dotVec(a, a));
}

/** Cosine of two arrays; 0 when either is all zeros (rather than NaN). */
export function cosVec(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = normVec(a) * normVec(b);
  return n === 0 ? 0 : dotVec(a, b) / n;
}

/** Mean of the given words' unit vectors (words must be known). */
export function meanOf(kv: KeyedVectors, words: readonly string[]): Float32Array {
  const out = new Float32Array(kv.dim);
  for (const w of words) {
    const v = kv.unitVector(w);
    for (let k = 0; k < kv.dim; k++) out[k] += v[k] / words.length;
  }
  return out;
}

/** The logistic function, written so that exp never overflows for large |x|. */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
