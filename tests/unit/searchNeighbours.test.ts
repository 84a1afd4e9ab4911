import { describe, expect, it } from 'vitest';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { centredCosine, centredNeighbours, mapNeighbours, meanVector, neighbourAgreement, wordsToAdd } from '../../src/ui/map/searchNeighbours';

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('search on the map', () => {
  // Three words sharing a large common direction (10, 10), two of them also close to each other.
  const kv = new KeyedVectors(['a', 'b', 'c', 'd'], new Float32Array([11, 10, 10.8, 10.2, 10, 11, 9, 9]), 2);

  it('centres vectors on their mean before the cosine, which spreads cosines that the shared direction pushed up', () => {
    expect(Array.from(meanVector(kv))).toEqual([10.2, 10.05].map((v) => Math.fround(v)));
    expect(kv.similarity('a', 'c')).toBeGreaterThan(0.99); // raw: everything looks alike
    expect(centredCosine(kv, 'a', 'c')).toBeLessThan(0.3);
    const near = centredNeighbours(kv, 'a', 2);
    expect(near[0]!.word).toBe('b');
    expect(near[0]!.cosine).toBeCloseTo(centredCosine(kv, 'a', 'b'), 6);
    expect(near[0]!.cosine).toBeGreaterThan(near[1]!.cosine);
  });

  it('adds the searched words that the map lacks, with their vectors and frequency ranks', () => {
    const added = wordsToAdd(['a', 'b'], ['a', 'c', 'd', 'zzz'], kv)!;
    expect(added.words).toEqual(['c', 'd']);
    expect(added.ranks).toEqual([3, 4]);
    expect(Array.from(added.vectors)).toEqual([10, 11, 9, 9]);
    expect(wordsToAdd(['a', 'b', 'c', 'd'], ['a'], kv)).toBeNull();
  });

  it('finds neighbours on the 2-D map by distance', () => {
    expect(mapNeighbours(['p', 'q', 'r', 's'], [0, 0, 5, 0, 1, 1, -2, 0], 0, 2)).toEqual(['r', 's']);
  });
});

describe('agreement of two layouts', () => {
  it('is 1 for the same layout, near k/(N-1) for two random ones, and per word', () => {
    const n = 300;
    const rand = seeded(5);
    const a = Float64Array.from({ length: 2 * n }, rand);
    const b = Float64Array.from({ length: 2 * n }, rand);
    const same = neighbourAgreement(n, a, a, 10);
    expect(same.mean).toBe(1);
    const random = neighbourAgreement(n, a, b, 10);
    expect(random.baseline).toBeCloseTo(10 / 299, 12);
    expect(random.mean).toBeGreaterThan(random.baseline / 3);
    expect(random.mean).toBeLessThan(random.baseline * 3);
    // A layout that keeps every point but mirrors it keeps every neighbourhood.
    const mirrored = a.map((v, i) => (i % 2 === 0 ? -v : v));
    expect(neighbourAgreement(n, a, mirrored, 10).mean).toBe(1);
    expect(same.perWord).toHaveLength(n);
  });
});
