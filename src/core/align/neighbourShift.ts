// Which words changed meaning between two spaces (two corpora, two domains), judged against training noise: a word's
// 10 nearest neighbours are compared between space A and space B, and within each corpus between two seeds (A and A',
// B and B'). A word rare in one corpus has unstable neighbours there whatever it means, so only words stable across
// seeds in both spaces can show a change of domain. Neighbour lists are taken within one shared word list in every space, so no word is missing for a reason
// other than geometry. Comparing neighbour sets needs no alignment at all: it is invariant to rotating either space.
import type { KeyedVectors } from '../vectors/keyedVectors';
import { meanWithInterval } from '../search/rankingMetrics';

export const SHIFT_NEIGHBOURS = 10;
/** A word counts as stable across seeds when A and A' share at least this share of its neighbours. */
export const STABLE_ACROSS_SEEDS = 0.5;

/** The k nearest neighbours (by cosine) of every word of the list, among the list, as indices into the list. */
export function neighbourLists(kv: KeyedVectors, words: readonly string[], k = SHIFT_NEIGHBOURS): Int32Array[] {
  const n = words.length;
  const dim = kv.dim;
  const units = new Float32Array(n * dim);
  words.forEach((w, i) => units.set(kv.unitRow(kv.indexOf(w)), i * dim));
  const out: Int32Array[] = [];
  const sims = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += units[i * dim + d]! * units[j * dim + d]!;
      sims[j] = s;
    }
    sims[i] = -Infinity;
    const idx = Array.from({ length: n }, (_, j) => j).sort((a, b) => sims[b]! - sims[a]! || a - b);
    out.push(Int32Array.from(idx.slice(0, k)));
  }
  return out;
}

/** Share of common members of two neighbour lists of the same length. */
export function overlapShare(a: Int32Array, b: Int32Array): number {
  const set = new Set(a);
  let c = 0;
  for (const x of b) if (set.has(x)) c++;
  return c / a.length;
}

export interface WordShift {
  word: string;
  /** Shared neighbours between A and B (domain), and between two seeds of each corpus (the lower of the two). */
  domain: number;
  noise: number;
  neighboursA: string[];
  neighboursB: string[];
}

export interface ShiftReport {
  words: number;
  meanDomain: { mean: number; low: number; high: number };
  meanNoise: { mean: number; low: number; high: number };
  /** Words stable across seeds in both corpora whose neighbours changed between them, most changed first. */
  movedBeyondNoise: WordShift[];
  /** Share of an unrelated word list two random neighbour lists would share: k / (n - 1). */
  chance: number;
}

/** Words known to every space given (A, B and their second seeds), in A's frequency order, at most `limit`. */
export function wordsInAll(spaces: readonly KeyedVectors[], limit: number): string[] {
  const [first, ...rest] = spaces;
  const out: string[] = [];
  for (const w of first!.words) {
    if (rest.every((s) => s.has(w))) out.push(w);
    if (out.length >= limit) break;
  }
  return out;
}

export function neighbourShift(
  a: KeyedVectors,
  b: KeyedVectors,
  aSeed2: KeyedVectors,
  bSeed2: KeyedVectors,
  words: readonly string[],
  showTop = 15,
): ShiftReport {
  const la = neighbourLists(a, words);
  const lb = neighbourLists(b, words);
  const la2 = neighbourLists(aSeed2, words);
  const lb2 = neighbourLists(bSeed2, words);
  const all: WordShift[] = words.map((word, i) => ({
    word,
    domain: overlapShare(la[i]!, lb[i]!),
    noise: Math.min(overlapShare(la[i]!, la2[i]!), overlapShare(lb[i]!, lb2[i]!)),
    neighboursA: [...la[i]!].map((j) => words[j]!),
    neighboursB: [...lb[i]!].map((j) => words[j]!),
  }));
  const moved = all
    .filter((s) => s.noise >= STABLE_ACROSS_SEEDS && s.domain < s.noise)
    .sort((x, y) => y.noise - y.domain - (x.noise - x.domain) || x.domain - y.domain)
    .slice(0, showTop);
  return {
    words: words.length,
    meanDomain: meanWithInterval(all.map((s) => s.domain)),
    meanNoise: meanWithInterval(all.map((s) => s.noise)),
    movedBeyondNoise: moved,
    chance: SHIFT_NEIGHBOURS / Math.max(1, words.length - 1),
  };
}
