// Bias in word vectors, measured and reduced:
// - WEAT (Caliskan, Bryson & Narayanan 2017): do target sets X, Y associate differently with attribute sets A, B?
//   Effect size and a one-sided permutation p-value (exact over every equal-size partition when there are few,
//   otherwise a seeded sample).
// - A gender direction: he - she, or the first principal component of several definitional pairs (Bolukbasi et al.
//   2016), and hard debiasing: neutralise words that should be neutral, optionally equalise definitional pairs.
import { cosine, dot, mulberry32, row, sub, unit, type VectorSpace } from './spaceMath';

/** Enumerate every partition when there are at most this many (C(20,10) = 184,756 runs in well under a second). */
export const EXACT_PARTITION_LIMIT = 200_000;
/** Samples for the approximate test: p-values near 0.01 are then known to about +-0.002. */
export const DEFAULT_PERMUTATION_SAMPLES = 10_000;

export interface WeatSets {
  X: string[];
  Y: string[];
  A: string[];
  B: string[];
}

export interface WeatResult {
  /** Cohen's-d-like effect size: (mean s(x) - mean s(y)) / sample std of s(w) over X u Y. */
  effectSize: number;
  /** Test statistic S(X,Y,A,B) = sum_x s(x) - sum_y s(y). */
  statistic: number;
  /** One-sided p-value: share of partitions (Xi, Yi) of X u Y with S(Xi,Yi) >= S(X,Y). */
  pValue: number;
  exact: boolean;
  /** Partitions counted (all of them when exact, else samples). */
  partitions: number;
  seed: number;
  /** s(w, A, B) for each target word used. */
  associations: { word: string; set: 'X' | 'Y'; s: number }[];
  /** Words left out because the vectors do not know them. */
  missing: string[];
  used: WeatSets;
}

export class BiasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BiasError';
  }
}

/** s(w, A, B): mean cosine with A minus mean cosine with B. */
export function association(w: ArrayLike<number>, A: readonly ArrayLike<number>[], B: readonly ArrayLike<number>[]): number {
  const mean = (S: readonly ArrayLike<number>[]) => S.reduce((acc, a) => acc + cosine(w, a), 0) / S.length;
  return mean(A) - mean(B);
}

/** Number of ways to choose k of n (as a float; only compared against a limit). */
export function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** WEAT on raw vectors (rows), with named words for reporting. */
export function weatFromVectors(
  sets: { X: ArrayLike<number>[]; Y: ArrayLike<number>[]; A: ArrayLike<number>[]; B: ArrayLike<number>[] },
  o: { seed?: number; samples?: number; exactLimit?: number } = {},
): Omit<WeatResult, 'associations' | 'missing' | 'used'> & { s: number[] } {
  const { X, Y, A, B } = sets;
  for (const [name, S] of Object.entries(sets)) {
    if (S.length === 0) throw new BiasError(`Word set ${name} is empty (after removing unknown words): WEAT needs at least one word in each set`);
  }
  const s = [...X, ...Y].map((w) => association(w, A, B));
  const sx = s.slice(0, X.length);
  const sy = s.slice(X.length);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const all = mean(s);
  // Sample standard deviation (n - 1), as in Caliskan et al.'s definition of the effect size.
  const std = Math.sqrt(s.reduce((acc, v) => acc + (v - all) ** 2, 0) / Math.max(1, s.length - 1));
  const effectSize = std > 0 ? (mean(sx) - mean(sy)) / std : 0;
  const total = s.reduce((a, b) => a + b, 0);
  const statistic = sx.reduce((a, b) => a + b, 0) - sy.reduce((a, b) => a + b, 0);
  // S(Xi, Yi) = 2 * sum(Xi) - total, so a partition beats the observed one when sum(Xi) >= (statistic + total) / 2.
  // A relative tolerance absorbs float rounding so that the observed partition (and its ties) always count.
  const threshold = (statistic + total) / 2 - 1e-9 * (1 + Math.abs(total));
  const n = s.length;
  const k = X.length;
  const seed = o.seed ?? 1;
  const limit = o.exactLimit ?? EXACT_PARTITION_LIMIT;
  const count = binomial(n, k);
  if (count <= limit) {
    let hits = 0;
    let runs = 0;
    const idx = Array.from({ length: k }, (_, i) => i);
    for (;;) {
      let sum = 0;
      for (const i of idx) sum += s[i];
      if (sum >= threshold) hits++;
      runs++;
      // Next combination in lexicographic order.
      let p = k - 1;
      while (p >= 0 && idx[p] === n - k + p) p--;
      if (p < 0) break;
      idx[p]++;
      for (let q = p + 1; q < k; q++) idx[q] = idx[q - 1] + 1;
    }
    return { effectSize, statistic, pValue: hits / runs, exact: true, partitions: runs, seed, s };
  }
  const samples = o.samples ?? DEFAULT_PERMUTATION_SAMPLES;
  const rand = mulberry32(seed);
  const perm = Array.from({ length: n }, (_, i) => i);
  let hits = 0;
  for (let r = 0; r < samples; r++) {
    // Partial Fisher-Yates: the first k positions become a uniformly random subset.
    let sum = 0;
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rand() * (n - i));
      [perm[i], perm[j]] = [perm[j], perm[i]];
      sum += s[perm[i]];
    }
    if (sum >= threshold) hits++;
  }
  // (hits + 1) / (samples + 1): the observed partition counts, so a sampled p-value is never exactly 0.
  return { effectSize, statistic, pValue: (hits + 1) / (samples + 1), exact: false, partitions: samples, seed, s };
}

/** WEAT on words; unknown words are dropped and listed. */
export function weat(space: VectorSpace, sets: WeatSets, o: { seed?: number; samples?: number; exactLimit?: number } = {}): WeatResult {
  const missing: string[] = [];
  const pick = (ws: string[]) =>
    ws.filter((w) => {
      const ok = space.indexOf(w) >= 0;
      if (!ok && !missing.includes(w)) missing.push(w);
      return ok;
    });
  const used: WeatSets = { X: pick(sets.X), Y: pick(sets.Y), A: pick(sets.A), B: pick(sets.B) };
  const vec = (w: string) => row(space, space.indexOf(w));
  const r = weatFromVectors({ X: used.X.map(vec), Y: used.Y.map(vec), A: used.A.map(vec), B: used.B.map(vec) }, o);
  const associations = [
    ...used.X.map((word, i) => ({ word, set: 'X' as const, s: r.s[i] })),
    ...used.Y.map((word, i) => ({ word, set: 'Y' as const, s: r.s[used.X.length + i] })),
  ];
  const { s: _s, ...rest } = r;
  return { ...rest, associations, missing, used };
}

export interface Direction {
  vector: Float32Array;
  /** Share of the variance of the centred pair vectors the first component explains (1 for a single pair). */
  explained: number;
  pairs: [string, string][];
  skipped: [string, string][];
}

/**
 * Gender (or any) direction from definitional pairs: with one pair, unit(a) - unit(b); with several, the first
 * principal component of the pair members centred on each pair's mean (Bolukbasi et al.), oriented so that the
 * first pair's first word projects positive.
 */
export function pairDirection(space: VectorSpace, pairs: [string, string][], o: { seed?: number } = {}): Direction {
  const usable = pairs.filter(([a, b]) => space.indexOf(a) >= 0 && space.indexOf(b) >= 0);
  const skipped = pairs.filter((p) => !usable.includes(p));
  if (usable.length === 0) throw new BiasError(`None of the pairs is in the vocabulary: ${pairs.map((p) => p.join('/')).join(', ')}`);
  const u = (w: string) => unit(row(space, space.indexOf(w)));
  const first = sub(u(usable[0][0]), u(usable[0][1]));
  if (usable.length === 1) return { vector: unit(first), explained: 1, pairs: usable, skipped };
  const rows: Float32Array[] = [];
  for (const [a, b] of usable) {
    const va = u(a);
    const vb = u(b);
    const half = sub(va, vb).map((x) => x / 2); // a - mean = (a - b) / 2, b - mean = -(a - b) / 2
    rows.push(half, half.map((x) => -x));
  }
  const { vector, explained } = firstComponent(rows, space.dim, o.seed ?? 1);
  return { vector: dot(vector, first) < 0 ? vector.map((x) => -x) : vector, explained, pairs: usable, skipped };
}

/** Power iteration for the top eigenvector of R^T R (rows already centred). */
const POWER_ITERATIONS = 200;
function firstComponent(rows: Float32Array[], dim: number, seed: number): { vector: Float32Array; explained: number } {
  const rand = mulberry32(seed);
  let v: Float32Array = unit(Float32Array.from({ length: dim }, () => rand() - 0.5));
  let lambda = 0;
  for (let it = 0; it < POWER_ITERATIONS; it++) {
    const next = new Float32Array(dim);
    for (const r of rows) {
      const c = dot(r, v);
      for (let j = 0; j < dim; j++) next[j] += c * r[j];
    }
    lambda = dot(next, v);
    v = unit(next);
  }
  const totalVar = rows.reduce((acc, r) => acc + dot(r, r), 0);
  return { vector: v, explained: totalVar > 0 ? lambda / totalVar : 0 };
}

/** Projection (cosine) of each word on a unit direction. */
export function projectOn(space: VectorSpace, words: readonly string[], direction: Float32Array): { word: string; projection: number }[] {
  return words.filter((w) => space.indexOf(w) >= 0).map((w) => ({ word: w, projection: cosine(row(space, space.indexOf(w)), direction) }));
}

/**
 * Hard debiasing (Bolukbasi et al. 2016) on unit vectors, returning new vectors for the affected words only:
 * neutralise: w' = unit(w - (w.g) g) for each neutral word;
 * equalise: for a pair (a, b) with mean mu, nu = mu - (mu.g) g, and a', b' = nu +- sqrt(1 - |nu|^2) * sign * g,
 * so both ends sit at the same distance from every neutral word.
 */
export function hardDebias(
  space: VectorSpace,
  direction: Float32Array,
  neutral: readonly string[],
  equalise: readonly [string, string][] = [],
): Map<string, Float32Array> {
  const g = unit(direction);
  const out = new Map<string, Float32Array>();
  for (const w of neutral) {
    const i = space.indexOf(w);
    if (i < 0) continue;
    const v = unit(row(space, i));
    const c = dot(v, g);
    out.set(w, unit(v.map((x, k) => x - c * g[k])));
  }
  for (const [a, b] of equalise) {
    const ia = space.indexOf(a);
    const ib = space.indexOf(b);
    if (ia < 0 || ib < 0) continue;
    const va = unit(row(space, ia));
    const vb = unit(row(space, ib));
    const mu = va.map((x, k) => (x + vb[k]) / 2);
    const muB = dot(mu, g);
    const nu = mu.map((x, k) => x - muB * g[k]);
    const scale = Math.sqrt(Math.max(0, 1 - dot(nu, nu)));
    const sideA = Math.sign(dot(va, g) - muB) || 1;
    out.set(a, nu.map((x, k) => x + sideA * scale * g[k]));
    out.set(b, nu.map((x, k) => x - sideA * scale * g[k]));
  }
  return out;
}

/** A copy of the space with some rows replaced (e.g. by hardDebias), for "after" measurements. */
export function withReplacedRows(space: VectorSpace, replaced: ReadonlyMap<string, Float32Array>): VectorSpace {
  const vectors = Float32Array.from(space.vectors);
  for (const [w, v] of replaced) {
    const i = space.indexOf(w);
    if (i >= 0) vectors.set(v, i * space.dim);
  }
  return { words: space.words, vectors, dim: space.dim, indexOf: (w) => space.indexOf(w) };
}

export const WEAT_PRESETS: { id: string; label: string; sets: WeatSets; names: { X: string; Y: string; A: string; B: string } }[] = [
  {
    id: 'career-family',
    label: 'Career vs family × male vs female names (WEAT 6)',
    names: { X: 'Male names', Y: 'Female names', A: 'Career', B: 'Family' },
    sets: {
      X: ['john', 'paul', 'mike', 'kevin', 'steve', 'greg', 'jeff', 'bill'],
      Y: ['amy', 'joan', 'lisa', 'sarah', 'diana', 'kate', 'ann', 'donna'],
      A: ['executive', 'management', 'professional', 'corporation', 'salary', 'office', 'business', 'career'],
      B: ['home', 'parents', 'children', 'family', 'cousins', 'marriage', 'wedding', 'relatives'],
    },
  },
  {
    id: 'science-arts',
    label: 'Science vs arts × male vs female terms (WEAT 8)',
    names: { X: 'Science', Y: 'Arts', A: 'Male terms', B: 'Female terms' },
    sets: {
      X: ['science', 'technology', 'physics', 'chemistry', 'einstein', 'nasa', 'experiment', 'astronomy'],
      Y: ['poetry', 'art', 'shakespeare', 'dance', 'literature', 'novel', 'symphony', 'drama'],
      A: ['brother', 'father', 'uncle', 'grandfather', 'son', 'he', 'his', 'him'],
      B: ['sister', 'mother', 'aunt', 'grandmother', 'daughter', 'she', 'hers', 'her'],
    },
  },
];

export const DEFINITIONAL_PAIRS: [string, string][] = [
  ['he', 'she'], ['his', 'her'], ['man', 'woman'], ['men', 'women'], ['boy', 'girl'],
  ['father', 'mother'], ['son', 'daughter'], ['brother', 'sister'], ['king', 'queen'], ['husband', 'wife'],
];

export const OCCUPATIONS = [
  'doctor', 'nurse', 'engineer', 'teacher', 'secretary', 'lawyer', 'scientist', 'farmer', 'soldier', 'artist',
  'writer', 'manager', 'clerk', 'professor', 'president', 'judge', 'dancer', 'singer', 'housekeeper', 'officer',
  'banker', 'librarian', 'captain', 'maid', 'architect', 'sailor', 'poet', 'student',
];
