// The transfer-curve driver on a small synthetic collection: its shape, its baselines, progress, cancel, and one
// result per seed.
import { describe, expect, it } from 'vitest';
import type { LabelledCollection } from '../../src/core/transfer/brownDocs';
import { beatsBeyondSpread, pairedDifference, runTransferCurve, spreadOf, type TransferProgress } from '../../src/core/transfer/transferCurve';
import { Rng } from '../../src/core/train/rng';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';

const TOPICS = [
  ['goal', 'match', 'team', 'score'],
  ['court', 'judge', 'law', 'trial'],
  ['rain', 'cloud', 'wind', 'storm'],
];
const FILLER = ['the', 'a', 'of', 'and', 'it'];

/** 45 documents in three topics (unequal: 21 / 15 / 9) of topic words mixed with filler. */
function collection(): LabelledCollection {
  const rng = new Rng(11);
  const docs = [];
  const perClass = [21, 15, 9];
  for (let c = 0; c < 3; c++) {
    for (let k = 0; k < perClass[c]!; k++) {
      const tokens: string[] = [];
      for (let t = 0; t < 30; t++) tokens.push(rng.nextFloat() < 0.3 ? TOPICS[c]![rng.nextInt(4)]! : FILLER[rng.nextInt(5)]!);
      docs.push({ id: `d${c}${k}`, label: c, tokens });
    }
  }
  return { classes: ['sport', 'law', 'weather'], docs };
}

/** "Pre-trained" vectors in which each topic's words share a direction: what good pre-training would give. */
function pretrained(): KeyedVectors {
  const words = [...TOPICS.flat(), ...FILLER];
  const dim = 4;
  const v = new Float32Array(words.length * dim);
  const rng = new Rng(3);
  words.forEach((_, i) => {
    const topic = Math.floor(i / 4);
    for (let j = 0; j < dim; j++) v[i * dim + j] = (topic < 3 && j === topic ? 1 : 0) + 0.1 * (rng.nextFloat() - 0.5);
  });
  return new KeyedVectors(words, v, dim);
}

const FAST = { epochs: 5, minSteps: 40, batchSize: 4, learningRate: 0.05 };

describe('runTransferCurve', () => {
  it('gives every arm and size one accuracy per seed, with the baselines, and reports each run', () => {
    const seen: TransferProgress[] = [];
    const curve = runTransferCurve(collection(), pretrained(), {
      sizes: [3, 9, 30],
      seeds: [1, 2],
      testShare: 1 / 3,
      train: FAST,
      onProgress: (p) => seen.push(p),
    });
    expect(curve.testIds.length).toBe(15);
    expect(curve.testCounts).toEqual([7, 5, 3]);
    expect(curve.chance).toBeCloseTo(1 / 3, 12);
    expect(curve.pretrainedCoverage).toBe(1);
    expect(seen.length).toBe(2 * 3 * 3);
    expect(seen.map((p) => p.done)).toEqual(seen.map((_, i) => i + 1));
    expect(seen.every((p) => p.total === 18)).toBe(true);
    for (const p of curve.points) {
      expect(p.majority.values).toEqual([7 / 15, 7 / 15]); // the largest class, 7 of 15 held out
      for (const arm of ['random', 'frozen', 'finetune'] as const) {
        const s = p.arms[arm]!;
        expect(s.values.length).toBe(2);
        expect(s.min).toBeLessThanOrEqual(s.mean);
        expect(s.mean).toBeLessThanOrEqual(s.max);
      }
    }
    // Topic-aligned vectors separate the classes from the whole pool: frozen and fine-tuned are near perfect.
    const last = curve.points[curve.points.length - 1]!;
    expect(last.arms.frozen!.min).toBeGreaterThan(0.9);
    expect(last.arms.finetune!.min).toBeGreaterThan(0.9);
  });

  it('is the same run for the same seeds', () => {
    const run = () => runTransferCurve(collection(), pretrained(), { sizes: [6, 12], seeds: [4], testShare: 1 / 3, train: FAST });
    expect(run().points).toEqual(run().points);
  });

  it('stops with the signal\'s reason, mid-curve', () => {
    const ac = new AbortController();
    let runs = 0;
    expect(() =>
      runTransferCurve(collection(), pretrained(), {
        sizes: [6, 12],
        seeds: [1, 2],
        testShare: 1 / 3,
        train: FAST,
        signal: ac.signal,
        onProgress: () => {
          runs++;
          if (runs === 2) ac.abort(new Error('cancelled by the student'));
        },
      }),
    ).toThrow('cancelled by the student');
    expect(runs).toBe(2);
  });

  it('refuses a training size larger than what the held-out split leaves', () => {
    expect(() => runTransferCurve(collection(), pretrained(), { sizes: [31], testShare: 1 / 3 })).toThrow(/training size 31 is outside 1\.\.30/);
  });
});

describe('spread comparison', () => {
  it('counts a win only when the worst seed beats the other arm\'s best', () => {
    expect(beatsBeyondSpread(spreadOf([0.8, 0.82]), spreadOf([0.7, 0.79]))).toBe(true);
    expect(beatsBeyondSpread(spreadOf([0.8, 0.9]), spreadOf([0.7, 0.81]))).toBe(false);
    expect(spreadOf([0.5, 0.7, 0.6])).toMatchObject({ min: 0.5, max: 0.7 });
    expect(spreadOf([0.5, 0.7, 0.6]).mean).toBeCloseTo(0.6, 12);
  });
});

describe('paired difference', () => {
  it('subtracts seed by seed, so a consistent small win shows even inside wide per-arm ranges', () => {
    const a = spreadOf([0.62, 0.71, 0.8]);
    const b = spreadOf([0.6, 0.7, 0.78]);
    expect(beatsBeyondSpread(a, b)).toBe(false);
    const d = pairedDifference(a, b);
    expect(d.min).toBeGreaterThan(0);
    expect(d.values.map((v) => Math.round(v * 100))).toEqual([2, 1, 2]);
    expect(() => pairedDifference(a, spreadOf([0.5]))).toThrow(/cannot pair 3 seeds with 1/);
  });
});
