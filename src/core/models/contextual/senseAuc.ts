// How well vectors of a word's occurrences separate its senses: over all pairs of occurrences of one word, the
// probability that a same-sense pair is closer (by cosine) than a different-sense pair (the AUC of "cosine says
// same sense"; ties count one half). A static vector gives every occurrence the same vector, so every cosine ties
// and its AUC is 0.5 by definition. The baseline a contextual model must beat adds context to the static vector
// the cheapest way: the word's static vector plus the mean of the static vectors of the words within
// CONTEXT_WINDOW on each side (unknown words skipped).
import type { KeyedVectors } from '../../vectors/keyedVectors';
import { cosVec } from '../../vectors/vectorMath';

/** Words on each side that the baseline averages (word2vec's usual window). */
export const CONTEXT_WINDOW = 5;

export interface SenseOccurrence {
  tokens: string[];
  position: number;
  sense: string;
}


/** The AUC over pairs of one word's occurrences (NaN when there is only one sense, or one occurrence per sense). */
export function senseAuc(vectors: readonly Float32Array[], senses: readonly string[]): number {
  const same: number[] = [];
  const diff: number[] = [];
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) (senses[i] === senses[j] ? same : diff).push(cosVec(vectors[i]!, vectors[j]!));
  }
  if (same.length === 0 || diff.length === 0) return NaN;
  // Rank-based count: sort both lists and walk them, O(n log n) instead of comparing every same with every diff.
  same.sort((a, b) => a - b);
  diff.sort((a, b) => a - b);
  let wins = 0;
  let below = 0; // diffs strictly below the current same value
  let upTo = 0; // diffs at or below it
  for (const s of same) {
    while (below < diff.length && diff[below]! < s) below++;
    upTo = Math.max(upTo, below);
    while (upTo < diff.length && diff[upTo]! <= s) upTo++;
    wins += below + (upTo - below) / 2;
  }
  return wins / (same.length * diff.length);
}

/** The baseline vector of one occurrence: its word's static vector plus the mean of its window's static vectors. */
export function windowVector(kv: KeyedVectors, tokens: readonly string[], position: number, window = CONTEXT_WINDOW): Float32Array {
  const word = tokens[position]!;
  const out = kv.has(word) ? kv.vector(word).slice() : new Float32Array(kv.dim);
  const mean = new Float32Array(kv.dim);
  let n = 0;
  for (let i = Math.max(0, position - window); i <= Math.min(tokens.length - 1, position + window); i++) {
    if (i === position || !kv.has(tokens[i]!)) continue;
    const v = kv.vector(tokens[i]!);
    for (let k = 0; k < kv.dim; k++) mean[k] = mean[k]! + v[k]!;
    n++;
  }
  if (n > 0) for (let k = 0; k < kv.dim; k++) out[k] = out[k]! + mean[k]! / n;
  return out;
}

/**
 * One-sided sign test: the chance of `wins` or more of `n` words above the baseline if each word were a coin toss.
 * With the 8 words of the sense set, 6 wins give 0.145 and only 7 or more get below 0.05: the test says how much a
 * count of winning words can carry, not how large the lead is.
 */
export function signTestP(wins: number, n: number): number {
  if (!Number.isInteger(wins) || !Number.isInteger(n) || n < 1 || wins < 0 || wins > n) throw new RangeError(`signTestP: need 0 <= wins <= n, got ${wins} of ${n}`);
  let ways = 0;
  let choose = 1; // C(n, 0)
  for (let i = 0; i <= n; i++) {
    if (i >= wins) ways += choose;
    choose = (choose * (n - i)) / (i + 1);
  }
  return ways / 2 ** n;
}
