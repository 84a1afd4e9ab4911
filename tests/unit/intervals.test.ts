// The scorecard's intervals: Wilson's interval against values worked out by hand, and the bootstrap interval of a
// correlation around its value, narrowing as pairs are added.
import { describe, expect, it } from 'vitest';
import { spearmanWithInterval, wilsonInterval } from '../../src/core/scorecard/intervals';
import { Rng } from '../../src/core/train/rng';

describe('wilsonInterval', () => {
  it('matches the textbook values', () => {
    // 376 of 3,572 (the shipped Brown vectors' analogies): p = 0.10526, Wilson 95% = [0.0955, 0.1159].
    const a = wilsonInterval(376, 3572);
    expect(a.low).toBeCloseTo(0.0955, 3);
    expect(a.high).toBeCloseTo(0.1159, 3);
    // 0 of 10: the lower end is 0 and the upper end z^2 / (n + z^2) = 0.2775.
    const z = wilsonInterval(0, 10);
    expect(z.low).toBe(0);
    expect(z.high).toBeCloseTo(0.2775, 3);
    expect(wilsonInterval(0, 0).low).toBeNaN();
  });
});

describe('spearmanWithInterval', () => {
  it('brackets the value, is reproducible, and narrows with more pairs', () => {
    const rng = new Rng(2);
    const pairs = (n: number) => {
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < n; i++) {
        const v = rng.nextFloat();
        x.push(v);
        y.push(v + rng.nextFloat());
      }
      return { x, y };
    };
    const small = pairs(40);
    const a = spearmanWithInterval(small.x, small.y);
    expect(a.low).toBeLessThan(a.value);
    expect(a.high).toBeGreaterThan(a.value);
    expect(spearmanWithInterval(small.x, small.y)).toEqual(a);
    const big = pairs(1000);
    const b = spearmanWithInterval(big.x, big.y);
    expect(b.high - b.low).toBeLessThan((a.high - a.low) / 2);
    expect(spearmanWithInterval([1, 2], [2, 1]).low).toBeNaN();
  });
});
