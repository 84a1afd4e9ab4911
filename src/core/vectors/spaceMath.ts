// Small dense-vector helpers shared by the playground logic (walk, axes, bias). They take the plain shape of a
// vector set (words + row-major Float32Array), which KeyedVectors satisfies, so tests can build tiny sets by hand.

export interface VectorSpace {
  readonly words: readonly string[];
  readonly vectors: Float32Array;
  readonly dim: number;
  indexOf(word: string): number;
}

/** A minimal VectorSpace from words and rows (for tests and for derived sets such as debiased copies). */
export function makeSpace(words: readonly string[], rows: readonly ArrayLike<number>[]): VectorSpace {
  const dim = rows[0]?.length ?? 0;
  const vectors = new Float32Array(words.length * dim);
  rows.forEach((r, i) => vectors.set(Array.from(r), i * dim));
  const index = new Map(words.map((w, i) => [w, i]));
  return { words, vectors, dim, indexOf: (w) => index.get(w) ?? -1 };
}

export function row(space: VectorSpace, i: number): Float32Array {
  return space.vectors.subarray(i * space.dim, (i + 1) * space.dim);
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dot(a, a));
}

/** A unit-length copy (a zero vector stays zero: there is no direction to keep). */
export function unit(a: ArrayLike<number>): Float32Array {
  const n = norm(a);
  const out = Float32Array.from(a as ArrayLike<number>);
  if (n > 0) for (let i = 0; i < out.length; i++) out[i] /= n;
  return out;
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const na = norm(a);
  const nb = norm(b);
  return na > 0 && nb > 0 ? dot(a, b) / (na * nb) : 0;
}

export function sub(a: ArrayLike<number>, b: ArrayLike<number>): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}

/** Unit-normalised copy of every row (what cosine-based queries work on). */
export function unitRows(space: VectorSpace, limit = space.words.length): Float32Array {
  const n = Math.min(limit, space.words.length);
  const d = space.dim;
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += space.vectors[i * d + j] ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < d; j++) out[i * d + j] = space.vectors[i * d + j] * inv;
  }
  return out;
}

/** Indices of the k largest scores, best first, skipping `exclude`. */
export function topK(scores: ArrayLike<number>, k: number, exclude?: ReadonlySet<number>): number[] {
  const best: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (exclude?.has(i) || !Number.isFinite(scores[i])) continue;
    if (best.length < k || scores[i] > scores[best[best.length - 1]]) {
      let p = best.length < k ? best.length : best.length - 1;
      if (best.length < k) best.push(i);
      while (p > 0 && scores[best[p - 1]] < scores[i]) {
        best[p] = best[p - 1];
        p--;
      }
      best[p] = i;
    }
  }
  return best;
}

/** Seeded PRNG (mulberry32): tiny, fast, and the same stream in Node and every browser. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
