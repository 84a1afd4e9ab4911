// Why raw cosines between word vectors run high: the vectors share a common direction (all of them lean the same
// way), so even unrelated words have positive cosines. Subtracting the mean vector ("centring") removes that shared
// part. Used by the cosine widget and by lesson 02's claims test, so the page and the text show the same numbers.
import type { KeyedVectors } from './keyedVectors';
import { Rng } from '../train/rng';

/** Random pairs are drawn among this many most frequent words: rarer vectors are mostly noise on 1-3 M words. */
export const ANISOTROPY_WORDS = 10_000;
export const ANISOTROPY_PAIRS = 5_000;
export const ANISOTROPY_SEED = 1;

/** Mean of the unit vectors of the first n words. */
export function meanUnitVector(kv: KeyedVectors, n = ANISOTROPY_WORDS): Float64Array {
  const m = Math.min(n, kv.size);
  const mean = new Float64Array(kv.dim);
  for (let i = 0; i < m; i++) {
    const u = kv.unitVector(kv.words[i]!);
    for (let k = 0; k < kv.dim; k++) mean[k]! += u[k]! / m;
  }
  return mean;
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < a.length; k++) {
    ab += a[k]! * b[k]!;
    aa += a[k]! * a[k]!;
    bb += b[k]! * b[k]!;
  }
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

/** A word's unit vector minus the mean unit vector. */
export function centred(kv: KeyedVectors, word: string, mean: Float64Array): Float64Array {
  const u = kv.unitVector(word);
  return Float64Array.from(mean, (m, k) => u[k]! - m);
}

/** Cosine of two words after centring. */
export function centredCosine(kv: KeyedVectors, a: string, b: string, mean: Float64Array): number {
  return cosine(centred(kv, a, mean), centred(kv, b, mean));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Median cosine of random word pairs, raw and after centring (same pairs, seeded). */
export function randomPairMedians(kv: KeyedVectors, o: { words?: number; pairs?: number; seed?: number } = {}): { raw: number; centred: number; meanLength: number } {
  const n = Math.min(o.words ?? ANISOTROPY_WORDS, kv.size);
  const mean = meanUnitVector(kv, n);
  const rng = new Rng(o.seed ?? ANISOTROPY_SEED);
  const raw: number[] = [];
  const cen: number[] = [];
  for (let t = 0; t < (o.pairs ?? ANISOTROPY_PAIRS); t++) {
    const i = rng.nextInt(n);
    const j = rng.nextInt(n);
    if (i === j) continue;
    const a = kv.words[i]!;
    const b = kv.words[j]!;
    raw.push(kv.similarity(a, b));
    cen.push(centredCosine(kv, a, b, mean));
  }
  return { raw: median(raw), centred: median(cen), meanLength: Math.sqrt(mean.reduce((s, x) => s + x * x, 0)) };
}
