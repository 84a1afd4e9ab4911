// The softmax-cost widget's context softmax (src/core/vectors/softmaxScores.ts): a distribution over the first n
// words, scores a fixed multiple of the cosine, the centre word excluded.
import { describe, expect, it } from 'vitest';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { contextSoftmax } from '../../src/core/vectors/softmaxScores';

const kv = new KeyedVectors(['king', 'queen', 'apple', 'pear'], Float32Array.from([1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9]), 2);

describe('context softmax', () => {
  it('sums to 1, leaves the centre out and ranks by cosine', () => {
    const s = contextSoftmax(kv, 'king', 4, 10)!;
    expect(s.n).toBe(4);
    expect(s.p[0]).toBe(0);
    expect(s.p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(s.p[1]).toBeGreaterThan(s.p[3]!);
    expect(s.p[3]).toBeGreaterThan(s.p[2]!);
    // score = scale * cosine, and p follows exp(score) ratios
    expect(s.scores[2]).toBeCloseTo(0, 6);
    expect(s.p[1]! / s.p[2]!).toBeCloseTo(Math.exp(s.scores[1]! - s.scores[2]!), 9);
  });

  it('searches only the first n words, and knows nothing of unknown centres', () => {
    const s = contextSoftmax(kv, 'apple', 2)!;
    expect(s.n).toBe(2);
    expect(s.p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(contextSoftmax(kv, 'banana')).toBeNull();
  });
});
