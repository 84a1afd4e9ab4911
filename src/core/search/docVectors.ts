// Document vectors from word vectors, two ways: the plain mean of the words' vectors, and SIF (Arora, Liang and Ma,
// 2017): a weighted mean where a word counts a / (a + p(w)), so frequent words weigh little, followed by removing
// the direction every document shares (the first principal component of the document vectors), which otherwise
// dominates every cosine.
import type { KeyedVectors } from '../vectors/keyedVectors';

/** SIF's smoothing constant: the paper found 1e-3 to 1e-4 best; weights fall off for words above this frequency. */
export const SIF_A = 1e-3;
/** Power-iteration steps for the common component: it converges in a handful for one dominant direction. */
const POWER_STEPS = 50;

export type DocVectorMethod = 'mean' | 'sif';

export interface DocVectors {
  method: DocVectorMethod;
  dim: number;
  /** n x dim, each row of length 1 (or zero when no word of the document is known). */
  vectors: Float32Array;
  /** The removed common direction (SIF only), to remove from queries too. */
  common: Float32Array | null;
  /** Share of the document's tokens that had a vector. */
  coverage: Float32Array;
}

/** Unigram probabilities of the collection's tokens, for SIF's weights. */
export function unigramProbabilities(docs: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const doc of docs) {
    for (const t of doc) counts.set(t, (counts.get(t) ?? 0) + 1);
    total += doc.length;
  }
  const p = new Map<string, number>();
  for (const [t, n] of counts) p.set(t, n / total);
  return p;
}

function weightOf(method: DocVectorMethod, word: string, probs: Map<string, number>): number {
  return method === 'mean' ? 1 : SIF_A / (SIF_A + (probs.get(word) ?? 0));
}

/** One weighted mean of the known tokens' unit vectors (unit, so that one long vector does not dominate). */
export function embedTokens(
  kv: KeyedVectors,
  tokens: readonly string[],
  method: DocVectorMethod,
  probs: Map<string, number>,
): { vector: Float32Array; known: number } {
  const { dim, vectors } = kv;
  const norms = kv.norms();
  const v = new Float32Array(dim);
  let known = 0;
  for (const t of tokens) {
    const i = kv.indexOf(t);
    if (i < 0 || norms[i] === 0) continue;
    known++;
    // Read the row in place, scaled to unit length: no copy per token (a million tokens per collection).
    const w = weightOf(method, t, probs) / norms[i]!;
    const base = i * dim;
    for (let k = 0; k < dim; k++) v[k] += w * vectors[base + k]!;
  }
  return { vector: v, known };
}

function normalise(v: Float32Array): void {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k]! * v[k]!;
  const n = Math.sqrt(s);
  if (n > 0) for (let k = 0; k < v.length; k++) v[k] /= n;
}

/** The first principal direction (uncentred, as SIF removes it) of n rows, by power iteration from a fixed start. */
export function firstDirection(rows: Float32Array, n: number, dim: number): Float32Array {
  let u = new Float32Array(dim).fill(1 / Math.sqrt(dim));
  for (let it = 0; it < POWER_STEPS; it++) {
    const next = new Float32Array(dim);
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let k = 0; k < dim; k++) dot += rows[i * dim + k]! * u[k]!;
      for (let k = 0; k < dim; k++) next[k] += dot * rows[i * dim + k]!;
    }
    normalise(next);
    u = next;
  }
  return u;
}

/** Removes the component along unit direction u from v, in place. */
export function removeDirection(v: Float32Array, u: Float32Array): void {
  let dot = 0;
  for (let k = 0; k < v.length; k++) dot += v[k]! * u[k]!;
  for (let k = 0; k < v.length; k++) v[k] -= dot * u[k]!;
}

export function documentVectors(
  kv: KeyedVectors,
  docs: readonly (readonly string[])[],
  method: DocVectorMethod,
  probs: Map<string, number> = unigramProbabilities(docs),
): DocVectors {
  const { dim } = kv;
  const vectors = new Float32Array(docs.length * dim);
  const coverage = new Float32Array(docs.length);
  docs.forEach((tokens, d) => {
    const { vector, known } = embedTokens(kv, tokens, method, probs);
    vectors.set(vector, d * dim);
    coverage[d] = tokens.length ? known / tokens.length : 0;
  });
  let common: Float32Array | null = null;
  if (method === 'sif' && docs.length > 1) {
    common = firstDirection(vectors, docs.length, dim);
    for (let d = 0; d < docs.length; d++) removeDirection(vectors.subarray(d * dim, (d + 1) * dim), common);
  }
  for (let d = 0; d < docs.length; d++) normalise(vectors.subarray(d * dim, (d + 1) * dim));
  return { method, dim, vectors, common, coverage };
}

/** The query embedded the same way as the documents; null when none of its words has a vector. */
export function queryVector(
  kv: KeyedVectors,
  tokens: readonly string[],
  dv: DocVectors,
  probs: Map<string, number>,
): Float32Array | null {
  const { vector, known } = embedTokens(kv, tokens, dv.method, probs);
  if (known === 0) return null;
  if (dv.common) removeDirection(vector, dv.common);
  normalise(vector);
  return vector;
}

/** Cosine of the query with every document (rows are unit length). */
export function cosineScores(dv: DocVectors, q: Float32Array): Float64Array {
  const n = dv.vectors.length / dv.dim;
  const out = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    let s = 0;
    for (let k = 0; k < dv.dim; k++) s += dv.vectors[d * dv.dim + k]! * q[k]!;
    out[d] = s;
  }
  return out;
}
