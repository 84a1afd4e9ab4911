// Small helpers over KeyedVectors rows used by several lesson widgets.
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';

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

export function cosVec(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = normVec(a) * normVec(b);
  return n === 0 ? 0 : dotVec(a, b) / n;
}

/** Mean of the given rows (words must be known). */
export function meanOf(kv: KeyedVectors, words: readonly string[]): Float32Array {
  const out = new Float32Array(kv.dim);
  for (const w of words) {
    const v = kv.unitVector(w);
    for (let k = 0; k < kv.dim; k++) out[k] += v[k] / words.length;
  }
  return out;
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

export const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
