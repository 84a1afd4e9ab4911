// Hit rate@k, NDCG@k, their random expectations and the spread over seeds (src/core/recommend/hitMetrics.ts), and
// the beyond-noise rule of src/core/recommend/experiment.ts, on hand cases.
import { describe, expect, it } from 'vitest';
import { hitAtK, ndcgAtK, randomHitAtK, randomNdcgAtK, spreadOf } from '../../src/core/recommend/hitMetrics';
import { compareOverSeeds } from '../../src/core/recommend/experiment';

describe('hit metrics', () => {
  it('hit rate and NDCG on hand cases', () => {
    expect(hitAtK(0, 10)).toBe(1);
    expect(hitAtK(9, 10)).toBe(1);
    expect(hitAtK(10, 10)).toBe(0);
    expect(hitAtK(-1, 10)).toBe(0);
    expect(ndcgAtK(0, 10)).toBe(1);
    expect(ndcgAtK(2, 10)).toBeCloseTo(0.5, 12); // 1 / log2(4)
    expect(ndcgAtK(10, 10)).toBe(0);
  });

  it('the random expectations match an exhaustive count', () => {
    // 4 candidates, top 2: the relevant item is in the top 2 in half the orders; NDCG = (1 + 1/log2 3) / 4.
    expect(randomHitAtK(4, 2)).toBe(0.5);
    expect(randomNdcgAtK(4, 2)).toBeCloseTo((1 + 1 / Math.log2(3)) / 4, 12);
    expect(randomHitAtK(5, 10)).toBe(1);
    let sum = 0;
    for (let r = 0; r < 20; r++) sum += ndcgAtK(r, 10);
    expect(randomNdcgAtK(20, 10)).toBeCloseTo(sum / 20, 12);
  });

  it('spread: mean and sample standard deviation', () => {
    const s = spreadOf([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(spreadOf([0.3]).sd).toBe(0);
  });

  it('beyond noise only when every seed agrees and the mean is two standard errors above zero', () => {
    expect(compareOverSeeds([0.4, 0.41, 0.39], [0.2, 0.19, 0.21]).beyondNoise).toBe(true);
    expect(compareOverSeeds([0.4, 0.1, 0.39], [0.2, 0.19, 0.21]).beyondNoise).toBe(false);
    expect(compareOverSeeds([0.4], [0.2]).beyondNoise).toBe(false);
  });
});

