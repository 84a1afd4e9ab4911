import { describe, expect, it } from 'vitest';
import { KeyedVectors, UnknownWordError } from '../../src/core/vectors/keyedVectors';
import { topKIndices } from '../../src/core/vectors/topK';

function kvOf(rows: Record<string, number[]>): KeyedVectors {
  const words = Object.keys(rows);
  const dim = rows[words[0]!]!.length;
  return new KeyedVectors(words, Float32Array.from(words.flatMap((w) => rows[w]!)), dim);
}

const SQRT3 = Math.sqrt(3);

describe('KeyedVectors basics', () => {
  const kv = kvOf({ a: [1, 0], b: [0, 1], c: [1, 1], d: [-1, 0], e: [2, 0], z: [0, 0] });

  it('looks words up and copies vectors', () => {
    expect(kv.size).toBe(6);
    expect(kv.has('c')).toBe(true);
    expect(kv.indexOf('nope')).toBe(-1);
    const v = kv.vector('c');
    v[0] = 99;
    expect(kv.vector('c')[0]).toBe(1);
    expect(() => kv.vector('nope')).toThrow(UnknownWordError);
    expect(() => kv.vector('nope')).toThrow('Unknown word(s): "nope"');
  });

  it('caches norms', () => {
    const n = kv.norms();
    expect(Array.from(n)).toEqual([1, 1, Math.fround(Math.SQRT2), 1, 2, 0]);
    expect(kv.norms()).toBe(n);
  });

  it('computes cosine similarity', () => {
    expect(kv.similarity('a', 'c')).toBeCloseTo(1 / Math.SQRT2, 6);
    expect(kv.similarity('a', 'e')).toBeCloseTo(1, 6);
    expect(kv.similarity('a', 'd')).toBeCloseTo(-1, 6);
    expect(kv.similarity('a', 'z')).toBe(0);
    expect(() => kv.similarity('a', 'x')).toThrow(UnknownWordError);
  });

  it('most similar excludes the query words by default and can include them', () => {
    const r = kv.mostSimilar({ positive: ['a'], topn: 10 });
    expect(r.map((n) => n.word)).toEqual(['e', 'c', 'b', 'z', 'd']);
    expect(r[1]!.score).toBeCloseTo(1 / Math.SQRT2, 6);
    const withQuery = kv.mostSimilar({ positive: ['a'], topn: 3, includeQuery: true });
    // a and e tie at 1: the lower index comes first.
    expect(withQuery.map((n) => n.word)).toEqual(['a', 'e', 'c']);
  });

  it('uses unit vectors, so a long vector does not dominate the sum', () => {
    // e = (2,0) and b = (0,1): unit sum (1,1) -> c is the best match; the raw sum (2,1) would favour a.
    const r = kv.mostSimilar({ positive: ['e', 'b'], topn: 1 });
    expect(r[0]!.word).toBe('c');
    expect(r[0]!.score).toBeCloseTo(1, 6);
  });

  it('restricts the search to the first words', () => {
    expect(kv.mostSimilar({ positive: ['a'], topn: 10, restrict: 3 }).map((n) => n.word)).toEqual(['c', 'b']);
  });

  it('accepts raw vectors as terms and finds the nearest to a vector', () => {
    const r = kv.mostSimilar({ positive: [Float32Array.from([0, 5])], topn: 2 });
    expect(r.map((n) => n.word)).toEqual(['b', 'c']);
    expect(kv.nearestToVector(Float32Array.from([1, 0]), 2, new Set([0])).map((n) => n.word)).toEqual(['e', 'c']);
    expect(() => kv.nearestToVector(Float32Array.from([1, 0, 0]), 2)).toThrow(RangeError);
  });

  it('names every unknown word', () => {
    expect(() => kv.mostSimilar({ positive: ['a', 'foo'], negative: ['bar'] })).toThrow(
      'Unknown word(s): "foo", "bar"',
    );
  });

  it('subsets to the first n words', () => {
    const s = kv.subset(2);
    expect(s.words).toEqual(['a', 'b']);
    expect(Array.from(s.vectors)).toEqual([1, 0, 0, 1]);
  });

  it('rejects a vector array of the wrong length', () => {
    expect(() => new KeyedVectors(['a', 'b'], new Float32Array(3), 2)).toThrow(RangeError);
  });
});

describe('analogies, 3CosAdd versus 3CosMul', () => {
  // a, b, c are orthonormal, so the cosine of a unit candidate x to them is just x1, x2, x3.
  // a : b :: c : ?  ->  3CosAdd ranks by (x2 + x3 - x1) / sqrt(3) (the mean of e2 + e3 - e1 has norm sqrt 3);
  // 3CosMul ranks by ((1 + x2)/2) * ((1 + x3)/2) / ((1 + x1)/2 + 1e-6).
  const kv = kvOf({
    a: [1, 0, 0, 0],
    b: [0, 1, 0, 0],
    c: [0, 0, 1, 0],
    p: [0, 0.6, 0.8, 0], // add 1.4/sqrt3 = 0.80829; mul 0.8*0.9/0.500001 = 1.439997
    t: [-0.96, 0.28, 0, 0], // add 1.24/sqrt3 = 0.71591; mul 0.64*0.5/0.020001 = 15.99920
    q: [0, 0.96, 0, 0.28], // add 0.96/sqrt3 = 0.55426; mul 0.98*0.5/0.500001 = 0.979998
    z: [0, 0, 0, 0], // add 0; mul 0.5*0.5/0.500001 = 0.4999990
  });

  it('3CosAdd picks the balanced candidate', () => {
    const r = kv.analogy('a', 'b', 'c', { method: '3cosadd', topn: 4 });
    expect(r.map((n) => n.word)).toEqual(['p', 't', 'q', 'z']);
    expect(r[0]!.score).toBeCloseTo(1.4 / SQRT3, 5);
    expect(r[1]!.score).toBeCloseTo(1.24 / SQRT3, 5);
    expect(r[2]!.score).toBeCloseTo(0.96 / SQRT3, 5);
    expect(r[3]!.score).toBe(0);
  });

  it('3CosMul rewards being far from a', () => {
    const r = kv.analogy('a', 'b', 'c', { method: '3cosmul', topn: 4 });
    expect(r.map((n) => n.word)).toEqual(['t', 'p', 'q', 'z']);
    expect(r[0]!.score).toBeCloseTo((0.64 * 0.5) / (0.02 + 1e-6), 3);
    expect(r[1]!.score).toBeCloseTo((0.8 * 0.9) / (0.5 + 1e-6), 5);
    expect(r[2]!.score).toBeCloseTo((0.98 * 0.5) / (0.5 + 1e-6), 5);
    expect(r[3]!.score).toBeCloseTo((0.5 * 0.5) / (0.5 + 1e-6), 6);
  });

  it('includes the query words when asked', () => {
    const add = kv.analogy('a', 'b', 'c', { topn: 7, includeQuery: true });
    // b and c score 1/sqrt3 each (between p/t and q), a scores -1/sqrt3 (last).
    expect(add.map((n) => n.word)).toEqual(['p', 't', 'b', 'c', 'q', 'z', 'a']);
    expect(add[6]!.score).toBeCloseTo(-1 / SQRT3, 5);
    const mul = kv.analogy('a', 'b', 'c', { method: '3cosmul', topn: 7, includeQuery: true });
    // b: 1*0.5/0.500001, c the same, a: 0.5*0.5/(1+1e-6).
    expect(mul.map((n) => n.word)).toEqual(['t', 'p', 'b', 'c', 'q', 'z', 'a']);
    expect(mul[6]!.score).toBeCloseTo(0.25 / (1 + 1e-6), 6);
  });
});

describe('doesntMatch', () => {
  it('averages unit vectors, as gensim does', () => {
    // Unit mean (1.6, 1.8): cosines x 0.664, y 0.747, z 0.997, so x is the odd one out.
    // The raw mean (100.6, 1.8) would have picked y instead.
    const kv = kvOf({ x: [100, 0], y: [0, 1], z: [0.6, 0.8] });
    expect(kv.doesntMatch(['x', 'y', 'z'])).toBe('x');
  });

  it('refuses unknown words unless told to ignore them', () => {
    const kv = kvOf({ breakfast: [1, 0.1], lunch: [0.9, 0.2], dinner: [1, 0], car: [0, 1] });
    expect(kv.doesntMatch(['breakfast', 'lunch', 'dinner', 'car'])).toBe('car');
    expect(() => kv.doesntMatch(['breakfast', 'cereal'])).toThrow('Unknown word(s): "cereal"');
    expect(kv.doesntMatch(['breakfast', 'cereal', 'car', 'lunch'], { ignoreUnknown: true })).toBe('car');
  });
});

describe('topKIndices', () => {
  it('matches a full sort, ties to the lower index, NaN never chosen', () => {
    let seed = 12345;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const scores = Float32Array.from({ length: 2000 }, () => Math.round(next() * 50) / 50);
    scores[7] = NaN;
    const exclude = new Set([3, 10]);
    const expected = Array.from(scores.keys())
      .filter((i) => !Number.isNaN(scores[i]!) && !exclude.has(i))
      .sort((i, j) => scores[j]! - scores[i]! || i - j)
      .slice(0, 25);
    expect(topKIndices(scores, 25, scores.length, exclude)).toEqual(expected);
    expect(topKIndices(scores, 0)).toEqual([]);
    expect(topKIndices([1, 2], 10)).toEqual([1, 0]);
  });
});
