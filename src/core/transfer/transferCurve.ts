// The transfer curve: held-out accuracy of the genre classifier against the number of labelled training documents,
// for three ways of starting the embedding layer -
//   random:   a Gaussian table over the labelled documents' own words, trained from scratch;
//   frozen:   the pre-trained vectors, untouched (only the softmax layer learns);
//   finetune: the pre-trained vectors as the start, with gradients flowing into their rows -
// each over several seeds (a seed draws the training subset, the random table and the batch order), with the
// majority-class baseline and chance beside them. The held-out set is one fixed split, stratified by the finer strata when the collection has them, so every arm, size
// and seed is scored on the same documents.
import type { KeyedVectors } from '../vectors/keyedVectors';
import { bagOf, indexOfWords, topWords, type Bag } from './bagOfWords';
import type { LabelledCollection } from './brownDocs';
import { accuracy, DEFAULT_TRAIN, newClassifier, randomEmbedding, rmsOf, trainClassifier, type TrainOptions } from './classifier';
import { nestedStratifiedSubsets, stratifiedSplit } from './split';

export type TransferArm = 'random' | 'frozen' | 'finetune';
export const TRANSFER_ARMS: readonly TransferArm[] = ['random', 'frozen', 'finetune'];

export const ARM_LABELS: Record<TransferArm, string> = {
  random: 'random init, trained',
  frozen: 'pre-trained, frozen',
  finetune: 'pre-trained, fine-tuned',
};

/** Training-set sizes of the curve: a doubling ladder up to the whole training pool. */
export const DEFAULT_SIZES = [15, 30, 60, 120, 240, 400];
/** Share of the documents held out for scoring: 100 of Brown's 500. */
export const DEFAULT_TEST_SHARE = 0.2;
/** The held-out split's seed: fixed, so every seed of the curve is scored on the same documents. */
export const DEFAULT_SPLIT_SEED = 1;
/** Rows of the random arm's table: as many as the shipped pre-trained sets have, at most. */
export const DEFAULT_RANDOM_VOCAB = 20_000;

export interface TransferCurveOptions {
  sizes?: readonly number[];
  seeds?: readonly number[];
  arms?: readonly TransferArm[];
  testShare?: number;
  splitSeed?: number;
  randomVocab?: number;
  train?: Partial<Omit<TrainOptions, 'embedding' | 'seed' | 'signal' | 'onStep'>>;
  signal?: AbortSignal;
  onProgress?: (p: TransferProgress) => void;
}

export interface TransferProgress {
  done: number;
  total: number;
  /** The run that just finished. */
  arm: TransferArm;
  size: number;
  seed: number;
  accuracy: number;
}

export interface Spread {
  /** One value per seed, in seed order. */
  values: number[];
  mean: number;
  min: number;
  max: number;
}

export interface CurvePoint {
  size: number;
  majority: Spread;
  arms: Partial<Record<TransferArm, Spread>>;
}

export interface TransferCurve {
  classes: readonly string[];
  testIds: string[];
  /** Held-out documents per class. */
  testCounts: number[];
  chance: number;
  seeds: number[];
  points: CurvePoint[];
  /** Share of the documents' tokens that have a pre-trained vector. */
  pretrainedCoverage: number;
  /** The training settings used (after defaults). */
  train: Omit<TrainOptions, 'embedding' | 'seed' | 'signal' | 'onStep'>;
}

export function spreadOf(values: number[]): Spread {
  return {
    values,
    mean: values.reduce((s, v) => s + v, 0) / values.length,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/**
 * Seed-by-seed difference a - b. Every arm of one seed trains on the same documents and is scored on the same
 * held-out set, so the paired difference removes the luck of the draw that the min-max of each arm still carries.
 */
export function pairedDifference(a: Spread, b: Spread): Spread {
  if (a.values.length !== b.values.length) throw new RangeError(`cannot pair ${a.values.length} seeds with ${b.values.length}`);
  return spreadOf(a.values.map((v, i) => v - b.values[i]!));
}

/** Whether arm `a` beats arm `b` beyond the seed spread: a's worst seed is above b's best seed. */
export function beatsBeyondSpread(a: Spread, b: Spread): boolean {
  return a.min > b.max;
}

function majorityAccuracy(train: readonly number[], test: readonly number[], labels: Int32Array, classes: number): number {
  const counts = new Array<number>(classes).fill(0);
  for (const d of train) counts[labels[d]!]!++;
  const major = counts.indexOf(Math.max(...counts));
  return test.filter((d) => labels[d] === major).length / test.length;
}

/** Runs the whole curve; throws the signal's reason if aborted. */
export function runTransferCurve(collection: LabelledCollection, pretrained: KeyedVectors, o: TransferCurveOptions = {}): TransferCurve {
  const sizes = o.sizes ?? DEFAULT_SIZES;
  const seeds = [...(o.seeds ?? [1, 2, 3])];
  const arms = o.arms ?? TRANSFER_ARMS;
  const train = { ...DEFAULT_TRAIN, ...o.train };
  const classes = collection.classes.length;
  const docs = collection.docs;
  const labels = Int32Array.from(docs, (d) => d.label);
  const strata = collection.strata ? Int32Array.from(docs, (d) => d.stratum ?? -1) : labels;
  const split = stratifiedSplit(strata, collection.strata?.length ?? classes, o.testShare ?? DEFAULT_TEST_SHARE, o.splitSeed ?? DEFAULT_SPLIT_SEED);
  const tooBig = sizes.find((s) => s > split.train.length || s < 1);
  if (tooBig !== undefined) throw new RangeError(`training size ${tooBig} is outside 1..${split.train.length} (the documents left after the held-out split)`);

  const preIndex = indexOfWords(pretrained.words);
  const preBags: Bag[] = docs.map((d) => bagOf(d.tokens, preIndex));
  const totalTokens = docs.reduce((s, d) => s + d.tokens.length, 0);
  const pretrainedCoverage = preBags.reduce((s, b) => s + b.known, 0) / Math.max(1, totalTokens);
  const randomScale = rmsOf(pretrained.vectors);

  const total = seeds.length * sizes.length * arms.length;
  let done = 0;
  const results = new Map<string, number[]>();
  const key = (arm: string, size: number) => `${arm}:${size}`;
  const push = (k: string, v: number) => (results.get(k) ?? results.set(k, []).get(k)!).push(v);

  for (const seed of seeds) {
    const subsets = nestedStratifiedSubsets(split.train, labels, classes, sizes, seed);
    sizes.forEach((size, si) => {
      const subset = subsets[si]!;
      push(key('majority', size), majorityAccuracy(subset, split.test, labels, classes));
      for (const arm of arms) {
        o.signal?.throwIfAborted();
        let acc: number;
        const runSeed = seed * 1_000_003 + size;
        if (arm === 'random') {
          // The from-scratch arm sees only its labelled documents' words: words it never saw would have untrained
          // random rows, which add noise to every held-out document's mean.
          const words = topWords(subset.map((d) => docs[d]!.tokens), o.randomVocab ?? DEFAULT_RANDOM_VOCAB);
          const index = indexOfWords(words);
          const bags = docs.map((d) => bagOf(d.tokens, index));
          const m = newClassifier(randomEmbedding(words.length, pretrained.dim, randomScale, runSeed), words.length, pretrained.dim, classes);
          trainClassifier(m, bags, labels, subset, { ...train, embedding: 'train', seed: runSeed, signal: o.signal });
          acc = accuracy(m, bags, labels, split.test);
        } else {
          const m = newClassifier(pretrained.vectors, pretrained.size, pretrained.dim, classes);
          trainClassifier(m, preBags, labels, subset, { ...train, embedding: arm === 'frozen' ? 'frozen' : 'train', seed: runSeed, signal: o.signal });
          acc = accuracy(m, preBags, labels, split.test);
        }
        push(key(arm, size), acc);
        done++;
        o.onProgress?.({ done, total, arm, size, seed, accuracy: acc });
      }
    });
  }

  const testCounts = new Array<number>(classes).fill(0);
  for (const d of split.test) testCounts[labels[d]!]!++;
  return {
    classes: collection.classes,
    testIds: split.test.map((d) => docs[d]!.id),
    testCounts,
    chance: 1 / classes,
    seeds,
    pretrainedCoverage,
    train,
    points: sizes.map((size) => ({
      size,
      majority: spreadOf(results.get(key('majority', size))!),
      arms: Object.fromEntries(arms.map((a) => [a, spreadOf(results.get(key(a, size))!)])),
    })),
  };
}
