// Why raw cosines run high (src/core/vectors/anisotropy.ts): vectors that share a common direction have high
// cosines between unrelated words, and centring (subtracting the mean unit vector) removes that shared part.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/train/rng';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { centredCosine, meanUnitVector, randomPairMedians } from '../../src/core/vectors/anisotropy';

/** n random words in `dim` dimensions, each one `shift` along a shared direction. */
function leaning(n: number, dim: number, shift: number): KeyedVectors {
  const rng = new Rng(4);
  const v = Float32Array.from({ length: n * dim }, (_, i) => rng.nextFloat() - 0.5 + (i % dim === 0 ? shift : 0));
  return new KeyedVectors(Array.from({ length: n }, (_, i) => `w${i}`), v, dim);
}

describe('anisotropy', () => {
  it('finds the shared direction and centring removes its effect on random pairs', () => {
    const kv = leaning(400, 20, 2);
    const mean = meanUnitVector(kv);
    expect(mean[0]).toBeGreaterThan(0.8);
    const m = randomPairMedians(kv, { pairs: 2000 });
    expect(m.raw).toBeGreaterThan(0.6);
    expect(Math.abs(m.centred)).toBeLessThan(0.1);
    expect(m.meanLength).toBeCloseTo(Math.hypot(...mean), 12);
  });

  it('leaves vectors without a shared direction about as they were', () => {
    const kv = leaning(400, 20, 0);
    const m = randomPairMedians(kv, { pairs: 2000 });
    expect(Math.abs(m.raw)).toBeLessThan(0.1);
    expect(Math.abs(m.centred - m.raw)).toBeLessThan(0.05);
    const mean = meanUnitVector(kv);
    expect(centredCosine(kv, 'w1', 'w1', mean)).toBeCloseTo(1, 9);
  });
});
