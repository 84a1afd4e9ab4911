// One place that says what a usable TrainConfig is, with messages a student can act on. Every engine calls it.
import type { TrainConfig } from './types';

/** The widest vectors we accept: beyond this the browser runs out of memory long before anything is learned. */
export const MAX_DIM = 4096;
/** A window wider than a long sentence buys nothing and costs quadratic time. */
export const MAX_WINDOW = 1000;
/** More negatives than this is far outside any published setting and only slows training down. */
export const MAX_NEGATIVE = 100;
/** Passes over the corpus: far beyond any useful setting, low enough to catch a slipped digit. */
export const MAX_EPOCHS = 10_000;
/** Hogwild threads: a bound on what a shared-memory kernel is laid out for. */
export const MAX_THREADS = 256;

export function validateTrainConfig(c: Readonly<TrainConfig>): void {
  const problems: string[] = [];
  const intIn = (name: string, v: number, lo: number, hi: number) => {
    if (!Number.isInteger(v) || v < lo || v > hi) problems.push(`${name} must be a whole number from ${lo} to ${hi}, got ${v}`);
  };
  if (c.model !== 'skipgram' && c.model !== 'cbow') problems.push(`model must be "skipgram" or "cbow", got "${String(c.model)}"`);
  intIn('dim', c.dim, 1, MAX_DIM);
  intIn('window', c.window, 1, MAX_WINDOW);
  intIn('negative', c.negative, 0, MAX_NEGATIVE);
  intIn('epochs', c.epochs, 1, MAX_EPOCHS);
  intIn('threads', c.threads, 1, MAX_THREADS);
  if (c.negative === 0 && !c.hs) problems.push('nothing to train: set negative above 0 or turn on hierarchical softmax (hs)');
  if (!(c.alpha > 0) || !Number.isFinite(c.alpha)) problems.push(`alpha must be a positive number, got ${c.alpha}`);
  if (!(c.minAlpha >= 0) || !(c.minAlpha <= c.alpha)) problems.push(`minAlpha must be between 0 and alpha (${c.alpha}), got ${c.minAlpha}`);
  if (!(c.sample >= 0) || !Number.isFinite(c.sample)) problems.push(`sample must be 0 (off) or a small positive number like 1e-3, got ${c.sample}`);
  if (!Number.isFinite(c.nsExponent)) problems.push(`nsExponent must be a number (0.75 in word2vec), got ${c.nsExponent}`);
  if (!Number.isFinite(c.seed)) problems.push(`seed must be a number, got ${c.seed}`);
  if (problems.length > 0) throw new Error(`Invalid training settings: ${problems.join('; ')}.`);
}
