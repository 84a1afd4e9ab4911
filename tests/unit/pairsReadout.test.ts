// The pairs readout on hand-made vectors (exact), and its chance level against random vectors (calibrated band).
import { describe, expect, it } from 'vitest';
import { pairsReadout, randomPairsBaseline } from '../../src/workers/pairsReadout';
import { Rng } from '../../src/core/train/rng';

describe('pairsReadout', () => {
  it('counts a pair when one word is among the other’s k nearest, skips pairs outside the vocabulary', () => {
    // 2-D directions: king and queen nearly parallel, man opposite to woman, paris far from france.
    const words = ['king', 'queen', 'man', 'woman', 'paris', 'france', 'x'];
    const angles = [0, 0.05, 1.0, 1.0 + Math.PI, 2.0, 2.0 + Math.PI / 2, 0.6];
    const v = new Float32Array(words.length * 2);
    angles.forEach((a, i) => {
      v[2 * i] = Math.cos(a);
      v[2 * i + 1] = Math.sin(a);
    });
    const pairs = [['king', 'queen'], ['man', 'woman'], ['paris', 'france'], ['tokyo', 'japan']] as const;
    const r1 = pairsReadout(words, v, 2, pairs, 1);
    expect(r1.total).toBe(3);
    expect(r1.near).toEqual(['king–queen']);
    expect(r1.hits).toBe(1);
    // By hand: from paris (2.0 rad) man and x are nearer than france (90 degrees away), so france is 3rd; from
    // france (3.57 rad) only woman (4.14 rad) is nearer, so paris is 2nd. The pair counts from k = 2 on.
    const r2 = pairsReadout(words, v, 2, pairs, 2);
    expect(r2.near).toEqual(['king–queen', 'paris–france']);
    // man and woman point in opposite directions: each is the other's farthest word, never near.
    expect(pairsReadout(words, v, 2, pairs, 5).near).not.toContain('man–woman');
  });

  it('chance level: 2p - p^2 per pair with p = k / (V - 1)', () => {
    expect(randomPairsBaseline(10, 101, 10)).toBeCloseTo(10 * (0.2 - 0.01), 10);
    expect(randomPairsBaseline(0, 100, 10)).toBe(0);
    expect(randomPairsBaseline(5, 1, 10)).toBe(0);
    expect(randomPairsBaseline(4, 5, 10)).toBe(4); // k >= V - 1: every word is a neighbour
  });

  it('random vectors score between p and the 2p - p^2 bound per pair (mean over many draws)', () => {
    const rng = new Rng(7);
    const V = 41;
    const dim = 8;
    const words = Array.from({ length: V }, (_, i) => `w${i}`);
    const pairs = Array.from({ length: 20 }, (_, i) => [`w${2 * i}`, `w${2 * i + 1}`] as const);
    let sum = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const v = new Float32Array(V * dim).map(() => rng.nextFloat() - 0.5);
      sum += pairsReadout(words, v, dim, pairs, 4).hits;
    }
    // p = 4 / 40 = 0.1: between 2 (directions always agree) and 3.8 (independent) of 20 pairs; the mean of 200
    // draws has a standard error of about 0.12.
    expect(sum / trials).toBeGreaterThan(20 * 0.1 - 0.4);
    expect(sum / trials).toBeLessThan(randomPairsBaseline(20, V, 4));
  });
});
