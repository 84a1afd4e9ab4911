// Hit rate@k and NDCG@k for one held-out item, and what a ranking drawn at random scores on them in expectation
// (exact, so the random baseline has no sampling noise of its own).

/** 1 when the held-out item is among the first k (rank is 0-based; -1 = not ranked at all). */
export function hitAtK(rank: number, k: number): number {
  return rank >= 0 && rank < k ? 1 : 0;
}

/** With one relevant item, DCG@k is 1/log2(rank + 2) and the ideal DCG is 1. */
export function ndcgAtK(rank: number, k: number): number {
  return rank >= 0 && rank < k ? 1 / Math.log2(rank + 2) : 0;
}

/** Expected hit rate@k of a uniformly random order of `candidates` items, one of them relevant. */
export function randomHitAtK(candidates: number, k: number): number {
  return candidates <= 0 ? 0 : Math.min(k, candidates) / candidates;
}

/** Expected NDCG@k of a uniformly random order: the relevant item sits at each rank with chance 1/candidates. */
export function randomNdcgAtK(candidates: number, k: number): number {
  if (candidates <= 0) return 0;
  let sum = 0;
  for (let r = 0; r < Math.min(k, candidates); r++) sum += 1 / Math.log2(r + 2);
  return sum / candidates;
}

export interface Spread {
  mean: number;
  /** Sample standard deviation (n - 1); 0 for a single value. */
  sd: number;
  values: number[];
}

export function spreadOf(values: readonly number[]): Spread {
  const n = values.length;
  const mean = n ? values.reduce((s, x) => s + x, 0) / n : NaN;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, values: [...values] };
}
