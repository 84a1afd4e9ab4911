// Ranking measures for a search with known relevant documents, and a random-ranking baseline to read them against.
import { mulberry32 } from '../vectors/spaceMath';

/** Document indices by descending score; ties keep index order so a ranking is reproducible. */
export function rankByScore(scores: ArrayLike<number>): number[] {
  const idx = Array.from({ length: scores.length }, (_, i) => i);
  return idx.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

export function precisionAt(ranking: readonly number[], relevant: ReadonlySet<number>, k: number): number {
  const top = ranking.slice(0, k);
  if (top.length === 0) return 0;
  return top.filter((d) => relevant.has(d)).length / k;
}

/** Average precision over the whole ranking: the mean of precision@rank at each relevant document's rank. */
export function averagePrecision(ranking: readonly number[], relevant: ReadonlySet<number>): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranking.forEach((d, r) => {
    if (relevant.has(d)) {
      hits++;
      sum += hits / (r + 1);
    }
  });
  return sum / relevant.size;
}

/** A seeded generator, so that bootstrap intervals and splits are reproducible (the project's one mulberry32). */
export const seededRandom = mulberry32;

/** Bootstrap resamples of the queries: how much the mean would move with another set of queries like these. */
export const BOOTSTRAP_SAMPLES = 1000;

/** The mean of `values` and its 95% percentile bootstrap interval over resampled values. */
export function meanWithInterval(values: readonly number[], seed = 1): { mean: number; low: number; high: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, low: NaN, high: NaN };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const rand = seededRandom(seed);
  const means: number[] = [];
  for (let b = 0; b < BOOTSTRAP_SAMPLES; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[Math.floor(rand() * n)]!;
    means.push(s / n);
  }
  means.sort((x, y) => x - y);
  return { mean, low: means[Math.floor(0.025 * BOOTSTRAP_SAMPLES)]!, high: means[Math.floor(0.975 * BOOTSTRAP_SAMPLES)]! };
}

/** Paired bootstrap: the share of resamples in which method A's mean beats B's (1 - that is a one-sided p-value). */
export function pairedWinShare(a: readonly number[], b: readonly number[], seed = 1): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return NaN;
  const rand = seededRandom(seed);
  let wins = 0;
  for (let s = 0; s < BOOTSTRAP_SAMPLES; s++) {
    let d = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * n);
      d += a[j]! - b[j]!;
    }
    if (d > 0) wins++;
  }
  return wins / BOOTSTRAP_SAMPLES;
}
