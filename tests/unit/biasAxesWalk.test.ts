// Semantic axes and neighbour walks (pure logic used by the playgrounds).
import { describe, expect, it } from 'vitest';
import { AxisError, buildAxis, parseAxis, parseWordList, projectWords } from '../../src/core/vectors/axes';
import { findWalk } from '../../src/core/vectors/walk';
import { makeSpace, topK } from '../../src/core/vectors/spaceMath';

describe('semantic axes', () => {
  const space = makeSpace(['good', 'bad', 'great', 'awful', 'table'], [[1, 0, 0], [-1, 0, 0], [0.8, 0.6, 0], [-0.6, 0.8, 0], [0, 0, 1]]);
  it('parses pairs and projects words by cosine', () => {
    expect(parseAxis('Good - bad, great-awful')).toEqual([{ plus: 'good', minus: 'bad' }, { plus: 'great', minus: 'awful' }]);
    const axis = buildAxis(space, 'good - bad');
    const { points, unknown } = projectWords(space, ['great', 'awful', 'table', 'nope'], [axis]);
    expect(points.map((p) => +p.scores[0].toFixed(6))).toEqual([0.8, -0.6, 0]);
    expect(unknown).toEqual(['nope']);
  });
  it('explains bad axes', () => {
    expect(() => parseAxis('')).toThrow(AxisError);
    expect(() => parseAxis('good bad ugly')).toThrow(/Cannot read the pair "good bad ugly"/);
    expect(() => buildAxis(space, 'foo - bar')).toThrow(/Unknown words in the axis: "foo", "bar"/);
    expect(buildAxis(space, 'good - bad, foo - bad').skipped).toEqual([{ plus: 'foo', minus: 'bad' }]);
    expect(parseWordList('Doctor, nurse  nurse;teacher')).toEqual(['doctor', 'nurse', 'teacher']);
  });
});

describe('topK', () => {
  it('returns the best indices in order, skipping excluded ones', () => {
    expect(topK([0.1, 0.9, 0.5, 0.7, -1], 3)).toEqual([1, 3, 2]);
    expect(topK([0.1, 0.9, 0.5, 0.7, -1], 2, new Set([1]))).toEqual([3, 2]);
  });
});

describe('neighbour walk', () => {
  // Points on a quarter circle: each word's nearest neighbours are the adjacent ones.
  const n = 10;
  const words = Array.from({ length: n }, (_, i) => `w${i}`);
  const rows = words.map((_, i) => [Math.cos((i * Math.PI) / 2 / (n - 1)), Math.sin((i * Math.PI) / 2 / (n - 1))]);
  const space = makeSpace(words, rows);
  it('walks along the arc', () => {
    const r = findWalk(space, 'w0', 'w9', { k: 2, beam: 1, maxSteps: 20 });
    expect(r.found).toBe(true);
    // Each step moves closer to the target along the arc, never back.
    const idx = r.path.map((s) => Number(s.word.slice(1)));
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(9);
    for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
    expect(r.path[r.path.length - 1].toTarget).toBeCloseTo(1, 6);
  });
  it('says when no walk is found within the limit', () => {
    const r = findWalk(space, 'w0', 'w9', { k: 2, beam: 1, maxSteps: 3 });
    expect(r.found).toBe(false);
    expect(r.message).toMatch(/No walk from "w0" to "w9" found within 3 steps/);
    expect(r.path.length).toBe(4);
    expect(findWalk(space, 'w0', 'zz').message).toMatch(/Unknown word: "zz"/);
  });
});
