// Lookup tables shared by the JS and WebAssembly kernels of the cpu engine: word2vec.c's sigmoid table, two
// matching negative-log-sigmoid tables for a loss that costs one load per term, and the alias table of the noise
// distribution in the integer form the kernels draw from.
import { NoiseSampler } from '../text/sampling';

/** Entries of the sigmoid table (word2vec.c's EXP_TABLE_SIZE). */
export const EXP_TABLE_SIZE = 1000;
/** Scores beyond +-MAX_EXP are treated as saturated (word2vec.c's MAX_EXP): sigmoid 0 or 1. */
export const MAX_EXP = 6;
/** Table index of score f is floor((f + MAX_EXP) * EXP_SCALE). (word2vec.c rounds this factor down to 83.) */
export const EXP_SCALE = EXP_TABLE_SIZE / (2 * MAX_EXP);
/**
 * A score past this magnitude means the weights are exploding (healthy models keep |h.u| below ~100); the kernels
 * stop there, well before float32 overflows into Inf and NaN.
 */
export const DIVERGED_SCORE = 1e6;
/** 2^32, to turn [0,1) probabilities into uint32 thresholds compared against raw random words. */
export const TWO_32 = 4294967296;

export interface SigmoidTables {
  /** sigmoid at the left edge of each bin, as word2vec.c builds it. */
  readonly sigmoid: Float32Array;
  /** -log sigmoid(x) at each bin's midpoint: the loss of a positive (label 1) term. */
  readonly lossPositive: Float32Array;
  /** -log sigmoid(-x) at each bin's midpoint: the loss of a negative (label 0) term. */
  readonly lossNegative: Float32Array;
}

let cached: SigmoidTables | null = null;

export function sigmoidTables(): SigmoidTables {
  if (cached) return cached;
  const sigmoid = new Float32Array(EXP_TABLE_SIZE);
  const lossPositive = new Float32Array(EXP_TABLE_SIZE);
  const lossNegative = new Float32Array(EXP_TABLE_SIZE);
  for (let i = 0; i < EXP_TABLE_SIZE; i++) {
    const x = ((i / EXP_TABLE_SIZE) * 2 - 1) * MAX_EXP;
    const e = Math.exp(x);
    sigmoid[i] = e / (e + 1);
    const mid = (((i + 0.5) / EXP_TABLE_SIZE) * 2 - 1) * MAX_EXP;
    lossPositive[i] = Math.log1p(Math.exp(-mid));
    lossNegative[i] = Math.log1p(Math.exp(mid));
  }
  cached = { sigmoid, lossPositive, lossNegative };
  return cached;
}

export interface NoiseTables {
  /** Bucket b keeps its own word when a uint32 draw is below threshold[b] (= accept probability * 2^32). */
  readonly threshold: Float64Array;
  readonly alias: Int32Array;
}

/**
 * The alias table in integer form. Drawing bucket = floor(u1 * V / 2^32), then `u2 < threshold[bucket] ? bucket :
 * alias[bucket]` with two uint32 draws gives exactly NoiseSampler.sample's result for the same Rng stream.
 */
export function noiseTables(counts: ArrayLike<number>, exponent: number): NoiseTables {
  const s = new NoiseSampler(counts, exponent);
  const threshold = new Float64Array(s.size);
  for (let i = 0; i < s.size; i++) threshold[i] = s.accept[i] * TWO_32;
  return { threshold, alias: s.alias };
}
