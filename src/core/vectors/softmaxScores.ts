// The softmax the "softmax-cost" widget shows: over the most frequent words, with scores that are a fixed multiple
// of the cosine to the centre word. Shipped files hold only input vectors, and input-input dot products mostly
// reflect vector length (word frequency), so a scaled cosine stands in for a trained model's output scores.
import type { KeyedVectors } from './keyedVectors';

/** The softmax runs over the most frequent words only, so it stays instant on any machine. */
export const SOFTMAX_WORDS = 10_000;
/** Scores are this many times the cosine (a stand-in, see above; the lesson says so). */
export const SCORE_SCALE = 10;

export interface ContextSoftmax {
  /** Candidates searched: the first n words. */
  n: number;
  /** scores[i] = SCORE_SCALE * cos(centre, word i); the centre itself is -Infinity (not its own context). */
  scores: Float64Array;
  /** p[i] = softmax probability of word i as the context of the centre. */
  p: Float64Array;
}

/** Softmax over the first `n` words; null when the centre word is not among them. */
export function contextSoftmax(kv: KeyedVectors, centre: string, n = SOFTMAX_WORDS, scale = SCORE_SCALE): ContextSoftmax | null {
  const size = Math.min(n, kv.size);
  const c = kv.indexOf(centre);
  if (c < 0) return null;
  const cos = kv.cosineToVector(kv.vector(centre), size);
  const scores = Float64Array.from(cos, (x) => scale * x);
  if (c < size) scores[c] = -Infinity;
  let max = -Infinity;
  for (let i = 0; i < size; i++) max = Math.max(max, scores[i]!);
  let sum = 0;
  for (let i = 0; i < size; i++) sum += Math.exp(scores[i]! - max);
  const p = Float64Array.from(scores, (s) => Math.exp(s - max) / sum);
  return { n: size, scores, p };
}
