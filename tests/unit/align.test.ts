import { describe, expect, it } from 'vitest';
import { applyMap, leastSquaresMap, orthogonalProcrustes } from '../../src/core/align/procrustes';
import { learnMap, retrievalScore, sharedWords, splitPairs } from '../../src/core/align/crossSpace';
import { neighbourLists, neighbourShift, overlapShare } from '../../src/core/align/neighbourShift';
import { compareSpaces } from '../../src/core/align/compareSpaces';
import { seededRandom } from '../../src/core/search/rankingMetrics';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';

const gauss = (rand: () => number) => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());

function randomRows(n: number, d: number, seed: number): Float32Array {
  const r = seededRandom(seed);
  return Float32Array.from({ length: n * d }, () => gauss(r));
}

/** A random orthogonal matrix: Gram-Schmidt on random columns. */
function randomRotation(d: number, seed: number): Float32Array {
  const m = randomRows(d, d, seed);
  const q = new Float32Array(d * d);
  for (let c = 0; c < d; c++) {
    const v = Array.from({ length: d }, (_, i) => m[i * d + c]!);
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += v[i]! * q[i * d + p]!;
      for (let i = 0; i < d; i++) v[i] -= dot * q[i * d + p]!;
    }
    const n = Math.hypot(...v);
    for (let i = 0; i < d; i++) q[i * d + c] = v[i]! / n;
  }
  return q;
}

function times(x: Float32Array, n: number, w: Float32Array, dIn: number, dOut: number): Float32Array {
  const out = new Float32Array(n * dOut);
  for (let i = 0; i < n; i++) out.set(applyMap({ kind: 'least-squares', weights: w, dIn, dOut }, x.subarray(i * dIn, (i + 1) * dIn)), i * dOut);
  return out;
}

describe('maps between spaces', () => {
  const n = 60;
  const d = 6;
  const x = randomRows(n, d, 1);

  it('Procrustes recovers a rotation, and its answer is orthogonal', () => {
    const q = randomRotation(d, 2);
    const w = orthogonalProcrustes(x, times(x, n, q, d, d), n, d).weights;
    for (let k = 0; k < d * d; k++) expect(w[k]).toBeCloseTo(q[k]!, 4);
    // W^T W = I for noisy targets too.
    const noisy = times(x, n, q, d, d).map((v, i) => v + 0.3 * randomRows(n, d, 3)[i]!);
    const w2 = orthogonalProcrustes(x, noisy, n, d).weights;
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += w2[k * d + a]! * w2[k * d + b]!;
        expect(s).toBeCloseTo(a === b ? 1 : 0, 4);
      }
    }
  });

  it('least squares recovers any linear map, including between dimensions', () => {
    const m = randomRows(d, 4, 4);
    const w = leastSquaresMap(x, times(x, n, m, d, 4), n, d, 4, 1e-9).weights;
    for (let k = 0; k < d * 4; k++) expect(w[k]).toBeCloseTo(m[k]!, 3);
  });
});

describe('cross-space retrieval', () => {
  const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
  const d = 8;
  const a = new KeyedVectors(words, randomRows(300, d, 5), d);
  const rotated = new KeyedVectors(words, times(a.vectors, 300, randomRotation(d, 6), d, d), d);
  const unrelated = new KeyedVectors(words, randomRows(300, d, 7), d);

  it('splits pairs deterministically into disjoint parts', () => {
    const s1 = splitPairs(words, 0.2, 1);
    expect(s1).toEqual(splitPairs(words, 0.2, 1));
    expect(s1.test).toHaveLength(60);
    expect(new Set([...s1.train, ...s1.test]).size).toBe(300);
  });

  it('a rotated copy is retrieved perfectly; an unrelated space near chance', () => {
    const { train, test } = splitPairs(sharedWords(a, rotated, 300).map((w) => ({ source: w, target: w })), 0.2, 1);
    const perfect = retrievalScore(a, rotated, learnMap(a, rotated, train, 'orthogonal'), test, 300);
    expect(perfect.precisionAt1).toBe(1);
    const none = retrievalScore(a, unrelated, learnMap(a, unrelated, train, 'orthogonal'), test, 300);
    expect(none.precisionAt5).toBeLessThan(0.15);
    expect(none.chanceAt1).toBeCloseTo(1 / 300, 12);
  });

  it('refuses an orthogonal map between different dimensions, and too few pairs', () => {
    const small = new KeyedVectors(words, randomRows(300, 4, 8), 4);
    expect(() => learnMap(a, small, [{ source: 'w1', target: 'w1' }], 'orthogonal')).toThrow(/equal dimensions \(8 and 4\)/);
    const few = new KeyedVectors(words.slice(0, 10), a.vectors.slice(0, 10 * d), d);
    expect(() => compareSpaces(a, few, null)).toThrow(/only \d+ shared words/);
  });
});

describe('neighbour shift against noise', () => {
  // Points on two clusters; in B the word "x" sits in the other cluster; seeds add a little noise.
  const words = ['x', ...Array.from({ length: 12 }, (_, i) => `a${i}`), ...Array.from({ length: 12 }, (_, i) => `b${i}`)];
  const make = (xInB: boolean, seed: number) => {
    const r = seededRandom(seed);
    const v = new Float32Array(words.length * 2);
    words.forEach((w, i) => {
      const inA = w.startsWith('a') || (w === 'x' && !xInB);
      v[i * 2] = (inA ? 1 : -1) + 0.05 * gauss(r);
      v[i * 2 + 1] = (inA ? 0.2 : 0.3) + 0.05 * gauss(r);
    });
    return new KeyedVectors(words, v, 2);
  };

  it('overlap of neighbour lists', () => {
    expect(overlapShare(Int32Array.from([1, 2, 3]), Int32Array.from([3, 4, 1]))).toBeCloseTo(2 / 3, 12);
    const lists = neighbourLists(make(false, 1), words, 3);
    expect(lists[0]!.length).toBe(3);
    expect([...lists[0]!].every((j) => words[j]!.startsWith('a'))).toBe(true);
  });

  it('finds the word that moved between spaces but not between seeds', () => {
    const r = neighbourShift(make(false, 1), make(true, 2), make(false, 3), make(true, 4), words, 5);
    expect(r.movedBeyondNoise[0]?.word).toBe('x');
    expect(r.movedBeyondNoise[0]?.domain).toBe(0);
    expect(r.meanNoise.mean).toBeGreaterThan(r.meanDomain.mean);
  });
});
