import { describe, expect, it } from 'vitest';
import { binomial, hardDebias, pairDirection, projectOn, weat, weatFromVectors, withReplacedRows } from '../../src/core/vectors/bias';
import { cosine, dot, makeSpace } from '../../src/core/vectors/spaceMath';

describe('WEAT', () => {
  it('computes the effect size of a hand-made example', () => {
    // 2-D: A = e1, B = e2. s(w) = cos(w, e1) - cos(w, e2).
    const X = [[1, 0], [3, 4]]; // s = 1, 3/5 - 4/5 = -0.2
    const Y = [[0, 1], [4, 3]]; // s = -1, 0.2
    const r = weatFromVectors({ X, Y, A: [[1, 0]], B: [[0, 1]] }, { seed: 1 });
    const s = [1, -0.2, -1, 0.2];
    const mean = s.reduce((a, b) => a + b) / 4;
    const std = Math.sqrt(s.reduce((a, v) => a + (v - mean) ** 2, 0) / 3);
    expect(r.s.map((v) => +v.toFixed(6))).toEqual(s);
    expect(r.effectSize).toBeCloseTo((0.4 - -0.4) / std, 6);
    expect(r.statistic).toBeCloseTo(0.8 - -0.8, 6);
    // Partitions of 4 into 2+2: 6. S >= observed for {1,0.2} (S = 1.6 + ... ) : sums of pairs: 0.8, 0, 1.2, -1.2, 0, -0.8.
    // The observed X = {1, -0.2} has sum 0.8; sums >= 0.8: 0.8 and 1.2 -> p = 2/6.
    expect(r.exact).toBe(true);
    expect(r.partitions).toBe(binomial(4, 2));
    expect(r.pValue).toBeCloseTo(2 / 6, 9);
  });

  it('gives p near 0.5..1 for identical sets and a tiny p for separated ones', () => {
    const rand = (i: number) => Math.sin(i * 12.9898) * 43758.5453 % 1;
    const dim = 20;
    const vec = (i: number, shift: number) => Array.from({ length: dim }, (_, k) => rand(i * dim + k) + (k === 0 ? shift : 0));
    const A = Array.from({ length: 8 }, (_, i) => vec(100 + i, 3));
    const B = Array.from({ length: 8 }, (_, i) => vec(200 + i, -3));
    const X = Array.from({ length: 8 }, (_, i) => vec(i, 0));
    const same = weatFromVectors({ X, Y: X, A, B }, { seed: 3 });
    expect(same.exact).toBe(true);
    expect(same.pValue).toBeGreaterThanOrEqual(0.5);
    expect(same.pValue).toBeLessThanOrEqual(1);
    expect(same.effectSize).toBeCloseTo(0, 9);

    const Xs = Array.from({ length: 8 }, (_, i) => vec(300 + i, 2));
    const Ys = Array.from({ length: 8 }, (_, i) => vec(400 + i, -2));
    const sep = weatFromVectors({ X: Xs, Y: Ys, A, B }, { seed: 3 });
    expect(sep.exact).toBe(true);
    expect(sep.pValue).toBeCloseTo(1 / binomial(16, 8), 12);
    expect(sep.effectSize).toBeGreaterThan(1.5);

    // Sampled when partitions exceed the limit: same conclusion, seeded and reproducible.
    const sampled = weatFromVectors({ X: Xs, Y: Ys, A, B }, { seed: 7, exactLimit: 100, samples: 2000 });
    expect(sampled.exact).toBe(false);
    expect(sampled.pValue).toBeLessThan(0.002);
    const again = weatFromVectors({ X: Xs, Y: Ys, A, B }, { seed: 7, exactLimit: 100, samples: 2000 });
    expect(again.pValue).toBe(sampled.pValue);
    const sameSampled = weatFromVectors({ X, Y: X, A, B }, { seed: 5, exactLimit: 100, samples: 4000 });
    expect(sameSampled.pValue).toBeGreaterThan(0.4);
  });

  it('drops unknown words by name and refuses an empty set', () => {
    const space = makeSpace(['a', 'b', 'x', 'y'], [[1, 0], [0, 1], [1, 0.2], [0.2, 1]]);
    const r = weat(space, { X: ['x', 'zz'], Y: ['y'], A: ['a'], B: ['b'] });
    expect(r.missing).toEqual(['zz']);
    expect(r.used.X).toEqual(['x']);
    expect(() => weat(space, { X: ['nope'], Y: ['y'], A: ['a'], B: ['b'] })).toThrow(/Word set X is empty/);
  });
});

describe('gender direction and hard debiasing', () => {
  const words = ['he', 'she', 'man', 'woman', 'doctor', 'nurse', 'table'];
  const rows = [
    [1, 0.2, 0.1, 0], [-1, 0.2, 0.1, 0], [0.9, 0.3, 0, 0.1], [-0.8, 0.3, 0, 0.1],
    [0.3, 0.5, 0.7, 0.1], [-0.4, 0.6, 0.6, 0.1], [0.05, -0.2, 0.1, 0.9],
  ];
  const space = makeSpace(words, rows);

  it('finds the direction from one pair or by PCA over several', () => {
    const one = pairDirection(space, [['he', 'she']]);
    expect(one.vector[0]).toBeCloseTo(1, 6);
    const pca = pairDirection(space, [['he', 'she'], ['man', 'woman'], ['king', 'queen']]);
    expect(pca.skipped).toEqual([['king', 'queen']]);
    expect(pca.vector[0]).toBeGreaterThan(0.95); // oriented toward "he"
    expect(pca.explained).toBeGreaterThan(0.9);
    expect(Math.hypot(...pca.vector)).toBeCloseTo(1, 5);
  });

  it('neutralises neutral words to zero projection and equalises pairs', () => {
    const g = pairDirection(space, [['he', 'she'], ['man', 'woman']]).vector;
    const before = projectOn(space, ['doctor', 'nurse'], g);
    expect(Math.abs(before[0].projection)).toBeGreaterThan(0.1);
    const replaced = hardDebias(space, g, ['doctor', 'nurse', 'table'], [['man', 'woman']]);
    const after = withReplacedRows(space, replaced);
    for (const p of projectOn(after, ['doctor', 'nurse', 'table'], g)) expect(Math.abs(p.projection)).toBeLessThan(1e-6);
    // Equalised: man and woman are equally far from every neutralised word, and still unit length.
    const m = replaced.get('man')!;
    const w = replaced.get('woman')!;
    expect(dot(m, m)).toBeCloseTo(1, 5);
    expect(cosine(m, replaced.get('doctor')!)).toBeCloseTo(cosine(w, replaced.get('doctor')!), 5);
    expect(dot(m, g)).toBeCloseTo(-dot(w, g), 5);
    expect(dot(m, g)).toBeGreaterThan(0);
    // Untouched words keep their vectors.
    expect(Array.from(after.vectors.subarray(0, 4))).toEqual(Array.from(space.vectors.subarray(0, 4)));
  });
});
