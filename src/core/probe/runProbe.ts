// The probing experiment over several seeds: per seed, a split of the word types into training and held-out words
// (stratified by class; a word is on one side only, so the probe is always scored on word types it never saw), a
// probe on the real classes, a probe on the control task's classes, and the majority-class baseline. Selectivity
// (Hewitt and Liang, 2019) is the real accuracy minus the control accuracy on the same held-out words.
import { beatsBeyondSpread, spreadOf, type Spread } from '../transfer/transferCurve';
import { stratifiedSplit } from '../transfer/split';
import { classCounts, controlLabels, type ProbeDataset } from './probeData';
import { DEFAULT_PROBE_TRAINING, predictRow, probeAccuracy, trainProbe, type ProbeTrainOptions } from './softmaxProbe';

/** A fifth of the word types held out: 1,000 of 5,000, so a point of accuracy is ten words. */
export const DEFAULT_PROBE_TEST_SHARE = 0.2;
/** Five seeds: enough to see the spread, and a probe per seed stays under a second. */
export const DEFAULT_PROBE_SEEDS = [1, 2, 3, 4, 5];

export interface ProbeOptions {
  seeds?: readonly number[];
  testShare?: number;
  train?: Partial<Omit<ProbeTrainOptions, 'seed' | 'signal'>>;
  signal?: AbortSignal;
  /** After each probe trained: `done` of `total` probes (two per seed). */
  onProgress?: (done: number, total: number) => void;
}

export interface ProbeSeedResult {
  seed: number;
  accuracy: number;
  trainAccuracy: number;
  control: number;
  controlTrain: number;
  majority: number;
  selectivity: number;
}

export interface ProbeReport {
  classes: readonly string[];
  words: number;
  trainWords: number;
  testWords: number;
  /** Words per class in the whole data set. */
  classCounts: number[];
  seeds: number[];
  perSeed: ProbeSeedResult[];
  accuracy: Spread;
  trainAccuracy: Spread;
  /** The control task's held-out accuracy: with held-out word types, only its class balance can be learned. */
  control: Spread;
  /** The control task's training accuracy: how much the probe memorises labels that mean nothing. */
  controlTrain: Spread;
  majority: Spread;
  selectivity: Spread;
  /** Held-out accuracy per class, mean over seeds (NaN for a class with no held-out word). */
  perClass: { name: string; accuracy: number; testWords: number }[];
  /** The probe's worst seed beats the best seed of both the majority baseline and the control task. */
  beyondBaselines: boolean;
  training: Omit<ProbeTrainOptions, 'seed' | 'signal'>;
}

/** Majority class of `train`, scored on `test`. */
export function majorityAccuracy(labels: ArrayLike<number>, classes: number, train: readonly number[], test: readonly number[]): number {
  const counts = new Array<number>(classes).fill(0);
  for (const r of train) counts[labels[r]!]!++;
  const major = counts.indexOf(Math.max(...counts));
  return test.length ? test.filter((r) => labels[r] === major).length / test.length : NaN;
}

/** One seed's probes: the real task, the control task and the majority baseline on one split of the word types. */
export interface ProbeSeedRun extends ProbeSeedResult {
  /** Held-out words per class, and how many of them the real probe got right. */
  classTest: number[];
  classRight: number[];
  trainWords: number;
  testWords: number;
}

function checkClasses(data: ProbeDataset): number[] {
  const counts = classCounts(data.labels, data.classes.length);
  const present = counts.filter((c) => c > 0).length;
  if (present < 2) throw new RangeError(`only ${present} part-of-speech class among the ${data.words.length} tagged words: a probe needs two or more`);
  return counts;
}

/** Runs one seed (two probes); the seed draws the split, the control labels and the batch order. */
export function runProbeSeed(
  data: ProbeDataset,
  seed: number,
  o: Omit<ProbeOptions, 'seeds'> = {},
  onProbeDone: () => void = () => {},
): ProbeSeedRun {
  checkClasses(data);
  const classes = data.classes.length;
  const training = { ...DEFAULT_PROBE_TRAINING, ...o.train };
  const features = { x: data.x, dim: data.dim };
  const split = stratifiedSplit(data.labels, classes, o.testShare ?? DEFAULT_PROBE_TEST_SHARE, seed);
  const real = trainProbe(features, data.labels, classes, split.train, { ...training, seed, signal: o.signal });
  onProbeDone();
  const control = controlLabels(data.labels, classes, seed);
  const fake = trainProbe(features, control, classes, split.train, { ...training, seed, signal: o.signal });
  onProbeDone();
  const classTest = new Array<number>(classes).fill(0);
  const classRight = new Array<number>(classes).fill(0);
  const scratch = new Float64Array(classes);
  for (const r of split.test) {
    const y = data.labels[r]!;
    classTest[y]!++;
    if (predictRow(real, features, r, scratch) === y) classRight[y]!++;
  }
  const accuracy = probeAccuracy(real, features, data.labels, split.test);
  const controlAcc = probeAccuracy(fake, features, control, split.test);
  return {
    seed,
    accuracy,
    trainAccuracy: probeAccuracy(real, features, data.labels, split.train),
    control: controlAcc,
    controlTrain: probeAccuracy(fake, features, control, split.train),
    majority: majorityAccuracy(data.labels, classes, split.train, split.test),
    selectivity: accuracy - controlAcc,
    classTest,
    classRight,
    trainWords: split.train.length,
    testWords: split.test.length,
  };
}

/** The report over seeds already run (in seed order). */
export function summariseProbe(data: ProbeDataset, runs: readonly ProbeSeedRun[], train: ProbeOptions['train'] = {}): ProbeReport {
  if (runs.length === 0) throw new RangeError('the probe needs at least one seed');
  const counts = checkClasses(data);
  const perSeed = runs.map(({ seed, accuracy, trainAccuracy, control, controlTrain, majority, selectivity }) => ({
    seed,
    accuracy,
    trainAccuracy,
    control,
    controlTrain,
    majority,
    selectivity,
  }));
  const spread = (k: keyof Omit<ProbeSeedResult, 'seed'>) => spreadOf(perSeed.map((s) => s[k]));
  const accuracy = spread('accuracy');
  const control = spread('control');
  const majority = spread('majority');
  const sum = (pick: (r: ProbeSeedRun) => number) => runs.reduce((s, r) => s + pick(r), 0);
  return {
    classes: data.classes,
    words: data.words.length,
    trainWords: runs[0]!.trainWords,
    testWords: runs[0]!.testWords,
    classCounts: counts,
    seeds: runs.map((r) => r.seed),
    perSeed,
    accuracy,
    trainAccuracy: spread('trainAccuracy'),
    control,
    controlTrain: spread('controlTrain'),
    majority,
    selectivity: spread('selectivity'),
    perClass: data.classes.map((name, c) => {
      const seen = sum((r) => r.classTest[c]!);
      return { name, accuracy: seen ? sum((r) => r.classRight[c]!) / seen : NaN, testWords: seen / runs.length };
    }),
    beyondBaselines: beatsBeyondSpread(accuracy, majority) && beatsBeyondSpread(accuracy, control),
    training: { ...DEFAULT_PROBE_TRAINING, ...train },
  };
}

/** Every seed, synchronously (the bench and tests; the CLI and the worker run seed by seed to stay interruptible). */
export function runProbe(data: ProbeDataset, o: ProbeOptions = {}): ProbeReport {
  const seeds = [...(o.seeds ?? DEFAULT_PROBE_SEEDS)];
  if (seeds.length === 0) throw new RangeError('the probe needs at least one seed');
  checkClasses(data);
  const total = seeds.length * 2;
  let done = 0;
  const onProbeDone = () => o.onProgress?.(++done, total);
  return summariseProbe(data, seeds.map((seed) => runProbeSeed(data, seed, o, onProbeDone)), o.train);
}
