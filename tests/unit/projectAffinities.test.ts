import { describe, expect, it } from 'vitest';
import { AffinityBuilder, conditionalRow, effectivePerplexity } from '../../src/core/project/affinities';
import { Rng } from '../../src/core/train/rng';
import { plantedClusters } from './projectFixtures';

describe('perplexity binary search', () => {
  it('hits the target entropy log(perplexity) on squared distances', () => {
    const rng = new Rng(3);
    for (const perplexity of [2, 5, 30, 50]) {
      const k = 3 * perplexity;
      const d2 = Float64Array.from({ length: k }, () => (rng.nextFloat() * 10) ** 2);
      const p = new Float64Array(k);
      conditionalRow(d2, k, perplexity, p);
      let h = 0;
      let sum = 0;
      for (const v of p) {
        sum += v;
        if (v > 0) h -= v * Math.log(v);
      }
      expect(sum).toBeCloseTo(1, 10);
      expect(h).toBeCloseTo(Math.log(perplexity), 4);
      // Nearer points get more probability (a Gaussian kernel on distance).
      const order = Array.from(d2.keys()).sort((a, b) => d2[a] - d2[b]);
      expect(p[order[0]]).toBeGreaterThan(p[order[k - 1]]);
    }
  });

  it('clamps the perplexity below (N - 1) / 3 and says so', () => {
    expect(effectivePerplexity(30, 100)).toEqual({ perplexity: 30 });
    expect(effectivePerplexity(50, 100)).toEqual({ perplexity: 33, note: 'perplexity lowered to 33 for 100 points' });
    expect(effectivePerplexity(30, 10).perplexity).toBe(3);
  });
});

describe('sparse joint P', () => {
  it('is symmetric, sums to 1 and keeps 3 * perplexity neighbours per point', () => {
    const { vectors, words } = plantedClusters(120, 8, 4, 1);
    const b = new AffinityBuilder(vectors, words.length, 8, 10);
    // Time-sliced: a zero budget still makes progress row by row.
    let p = b.work(0);
    let slices = 1;
    while (!p) {
      p = b.work(0);
      slices++;
    }
    expect(slices).toBeGreaterThan(1);
    expect(b.k).toBe(30);
    let total = 0;
    const dense = new Map<string, number>();
    for (let i = 0; i < p.n; i++) {
      expect(p.rowPtr[i + 1] - p.rowPtr[i]).toBeGreaterThanOrEqual(30);
      for (let e = p.rowPtr[i]; e < p.rowPtr[i + 1]; e++) {
        expect(p.cols[e]).not.toBe(i);
        dense.set(`${i},${p.cols[e]}`, p.vals[e]);
        total += p.vals[e];
      }
    }
    expect(total).toBeCloseTo(1, 10);
    for (const [key, v] of dense) {
      const [i, j] = key.split(',');
      expect(dense.get(`${j},${i}`)).toBeCloseTo(v, 15);
    }
  });
});
