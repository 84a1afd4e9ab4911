// The words a page prints about a transfer curve follow its numbers: wins and losses only beyond the seed spread,
// nothing judged from one seed.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN } from '../../src/core/transfer/classifier';
import { readCurve } from '../../src/core/transfer/curveReading';
import { spreadOf, type TransferCurve } from '../../src/core/transfer/transferCurve';

function curve(points: { size: number; random: number[]; frozen: number[]; finetune: number[] }[]): TransferCurve {
  return {
    classes: ['a', 'b'],
    testIds: [],
    testCounts: [],
    chance: 0.5,
    seeds: points[0]!.random.map((_, i) => i + 1),
    pretrainedCoverage: 1,
    train: DEFAULT_TRAIN,
    points: points.map((p) => ({
      size: p.size,
      majority: spreadOf(p.random.map(() => 0.5)),
      arms: { random: spreadOf(p.random), frozen: spreadOf(p.frozen), finetune: spreadOf(p.finetune) },
    })),
  };
}

describe('readCurve', () => {
  it('says so when no pre-trained arm wins beyond the spread, and names the sizes where one loses', () => {
    const r = readCurve(
      curve([
        { size: 8, random: [0.5, 0.6], frozen: [0.55, 0.65], finetune: [0.58, 0.62] },
        { size: 120, random: [0.8, 0.82], frozen: [0.7, 0.72], finetune: [0.79, 0.83] },
      ]),
    );
    expect(r.judged).toBe(true);
    expect(r.wins).toEqual({ frozen: [], finetune: [] });
    expect(r.losses.frozen).toEqual([120]);
    expect(r.summary).toMatch(/^At no size does a pre-trained start beat training from scratch beyond the spread of the 2 seeds\./);
    expect(r.summary).toMatch(/Frozen pre-trained vectors lose to random beyond the seed spread at 120 documents\./);
    expect(r.sizes[1]!.paired.frozen!.values.map((v) => +v.toFixed(2))).toEqual([-0.1, -0.1]);
  });

  it('reports a win only when the worst seed of the arm is above the best of random', () => {
    const r = readCurve(curve([{ size: 15, random: [0.5, 0.6], frozen: [0.61, 0.7], finetune: [0.6, 0.9] }]));
    expect(r.wins.frozen).toEqual([15]);
    expect(r.wins.finetune).toEqual([]); // 0.6 is not above 0.6
    expect(r.summary).toContain('Frozen pre-trained vectors beat random beyond the seed spread at 15 documents.');
  });

  it('judges nothing from one seed', () => {
    const r = readCurve(curve([{ size: 15, random: [0.5], frozen: [0.9], finetune: [0.1] }]));
    expect(r.judged).toBe(false);
    expect(r.wins.frozen).toEqual([]);
    expect(r.losses.finetune).toEqual([]);
    expect(r.summary).toMatch(/one seed/);
  });
});
