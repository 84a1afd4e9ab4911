// The lesson widgets' vector helpers (src/core/vectors/vectorMath.ts) on hand-checked numbers.
import { describe, expect, it } from 'vitest';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { cosVec, dotRows, dotVec, meanOf, normVec, sigmoid } from '../../src/core/vectors/vectorMath';

const kv = new KeyedVectors(['a', 'b', 'c'], Float32Array.from([3, 4, 0, 2, 1, 0, 0, 0, 5]), 3);

describe('vector helpers', () => {
  it('computes dot products, norms and cosines', () => {
    expect(dotRows(kv, 0, 1)).toBe(10);
    expect(dotVec([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(normVec([3, 4])).toBe(5);
    expect(cosVec([1, 0], [0, 2])).toBe(0);
    expect(cosVec([1, 1], [2, 2])).toBeCloseTo(1, 12);
    expect(cosVec([1, 2], [-1, -2])).toBeCloseTo(-1, 12);
    // a zero vector has no direction: 0, not NaN
    expect(cosVec([0, 0], [1, 2])).toBe(0);
  });

  it('averages unit vectors, not raw ones', () => {
    const m = meanOf(kv, ['a', 'c']);
    expect(Array.from(m).map((x) => Number(x.toFixed(6)))).toEqual([0.3, 0.4, 0.5]);
  });

  it('has a sigmoid that is symmetric and does not overflow', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 12);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(Number.isNaN(sigmoid(-1000))).toBe(false);
  });
});
