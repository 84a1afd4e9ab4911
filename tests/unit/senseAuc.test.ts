// The sense AUC (src/core/models/contextual/senseAuc.ts) on hand-computed cases, the window baseline, and the
// project's sense-labelled set (data/senses/senses.json) as the bench reads it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { senseAuc, signTestP, windowVector } from '../../src/core/models/contextual/senseAuc';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';

const v = (...xs: number[]) => Float32Array.from(xs);

describe('senseAuc', () => {
  it('is 1 when every same-sense pair is closer than every different-sense pair, and low when labels cut across', () => {
    const vecs = [v(1, 0), v(0.9, 0.1), v(0, 1), v(0.1, 0.9)];
    expect(senseAuc(vecs, ['a', 'a', 'b', 'b'])).toBe(1);
    // Same-sense pairs 0-2 (cos 0) and 1-3 (0.22); different-sense pairs 0.99, 0.11, 0.11, 0.99: 2 wins of 8.
    expect(senseAuc(vecs, ['a', 'b', 'a', 'b'])).toBe(0.25);
  });

  it('counts ties as one half: identical vectors (a static model) score exactly 0.5', () => {
    const same = [v(1, 2), v(1, 2), v(1, 2), v(1, 2)];
    expect(senseAuc(same, ['a', 'a', 'b', 'b'])).toBe(0.5);
  });

  it('matches a hand count on a mixed case', () => {
    // Pairs: 0-1 same (cos 1), 0-2 diff (cos 0), 1-2 diff (cos 0), 2-3 same (cos 0.6), 0-3 diff (0.8), 1-3 diff (0.8).
    const vecs = [v(1, 0), v(2, 0), v(0, 1), v(0.8, 0.6)];
    // same = [1, 0.6]; diff = [0, 0, 0.8, 0.8]. 1 beats 4; 0.6 beats 2: 6 of 8.
    expect(senseAuc(vecs, ['a', 'a', 'b', 'b'])).toBeCloseTo(6 / 8, 10);
  });

  it('is NaN with a single sense', () => {
    expect(senseAuc([v(1, 0), v(0, 1)], ['a', 'a'])).toBeNaN();
  });
});

describe('windowVector', () => {
  it('adds the mean of the known window words to the word vector', () => {
    const kv = new KeyedVectors(['bank', 'river', 'money'], v(1, 0, 0, 1, 0, 0), 2);
    // tokens: the(unknown) bank river money ; window 1 around "bank" = the, river -> river only.
    expect(Array.from(windowVector(kv, ['the', 'bank', 'river', 'money'], 1, 1))).toEqual([1, 1]);
    expect(Array.from(windowVector(kv, ['the', 'bank', 'river', 'money'], 1, 2))).toEqual([1, 0.5]);
  });
});

describe('the sense-labelled set', () => {
  const file = JSON.parse(readFileSync('data/senses/senses.json', 'utf8')) as {
    words: { word: string; senses: Record<string, string>; occurrences: { tokens: string[]; position: number; sense: string; source: string }[] }[];
  };

  it('has at least 6 words of 20 occurrences, each labelled with one of its word’s two senses', () => {
    expect(file.words.length).toBeGreaterThanOrEqual(6);
    for (const w of file.words) {
      expect(w.occurrences).toHaveLength(20);
      expect(Object.keys(w.senses)).toHaveLength(2);
      const seen = new Set<string>();
      for (const o of w.occurrences) {
        expect(o.tokens[o.position]).toBe(w.word);
        expect(Object.keys(w.senses)).toContain(o.sense);
        expect(o.source).toMatch(/^(brown|sotu):\d+$/);
        seen.add(o.sense);
      }
      expect(seen.size, `${w.word} has occurrences of both senses`).toBe(2);
    }
  });
});

describe('signTestP', () => {
  it('sums the binomial tail: 6 of 8 is 37/256, 8 of 8 is 1/256, 0 of n is 1', () => {
    expect(signTestP(6, 8)).toBeCloseTo(37 / 256, 12);
    expect(signTestP(7, 8)).toBeCloseTo(9 / 256, 12);
    expect(signTestP(8, 8)).toBe(1 / 256);
    expect(signTestP(0, 5)).toBe(1);
    expect(signTestP(3, 3)).toBe(1 / 8);
  });

  it('refuses counts that cannot be', () => {
    expect(() => signTestP(9, 8)).toThrow(/9 of 8/);
    expect(() => signTestP(-1, 8)).toThrow(RangeError);
    expect(() => signTestP(1, 0)).toThrow(RangeError);
  });
});
