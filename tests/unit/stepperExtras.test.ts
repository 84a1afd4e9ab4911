// The step-by-step view's additions: the explosion check and the way back, the 2-D projection of both matrices,
// and the check of the student's own sentences.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STEP_CONFIG,
  EXPLOSION_LIMIT,
  OWN_CORPUS,
  applyUpdate,
  createStepModel,
  hasDiverged,
  largestWeight,
  nextExample,
  restoreStepState,
  saveStepState,
} from '../../src/ui/stepper/stepModel';
import { projectStepModel } from '../../src/ui/stepper/stepProjection';
import { checkToySentences, MAX_TOY_WORDS } from '../../src/ui/stepper/toySentences';

describe('explosion and the way back', () => {
  it('at learning rate 2 the weights pass the limit while still finite, and the saved sane state restores', () => {
    const m = createStepModel({ ...DEFAULT_STEP_CONFIG, alpha: 2 });
    let sane = saveStepState(m);
    let ex = null;
    let steps = 0;
    for (; steps < 5000 && !hasDiverged(m, ex); steps++) {
      ex = nextExample(m);
      applyUpdate(m, ex);
      if (!hasDiverged(m, ex)) sane = saveStepState(m);
    }
    expect(hasDiverged(m, ex)).toBe(true);
    // Caught before the numbers run out of range (the old check waited for Infinity/NaN, printing 1e+226 meanwhile).
    expect(Number.isFinite(largestWeight(m))).toBe(true);
    expect(largestWeight(m)).toBeGreaterThan(EXPLOSION_LIMIT);
    expect(sane.steps).toBe(m.steps - 1);
    restoreStepState(m, sane);
    expect(hasDiverged(m, null)).toBe(false);
    expect(largestWeight(m)).toBeLessThanOrEqual(EXPLOSION_LIMIT);
    expect(m.steps).toBe(sane.steps);
    // The saved state is a copy: training on does not change it.
    const copy = Float64Array.from(sane.wIn);
    applyUpdate(m, nextExample(m));
    expect(sane.wIn).toEqual(copy);
  });
  it('the default rate stays sane for thousands of updates', () => {
    const m = createStepModel(DEFAULT_STEP_CONFIG);
    for (let i = 0; i < 3000; i++) applyUpdate(m, nextExample(m));
    expect(hasDiverged(m, null)).toBe(false);
  });
});

describe('projectStepModel', () => {
  it('uses the two dimensions themselves for a 2-D model', () => {
    const wIn = Float64Array.from([1, 2, 3, 4]);
    const wOut = Float64Array.from([5, 6, 7, 8]);
    const p = projectStepModel(wIn, wOut, 2, 2);
    expect(p.method).toBe('dims');
    expect([...p.input]).toEqual([1, 2, 3, 4]);
    expect([...p.output]).toEqual([5, 6, 7, 8]);
  });
  it('finds the principal plane of both matrices: points on a tilted plane in 3-D keep their distances', () => {
    // Points in the plane spanned by u = (1,1,0)/√2 and v = (0,0,1): PCA must keep all the variance.
    const u = [Math.SQRT1_2, Math.SQRT1_2, 0];
    const v = [0, 0, 1];
    const coords = [[0, 0], [2, 0], [0, 1], [3, 2], [-1, 1], [1, -2]];
    const rows = coords.map(([a, b]) => u.map((x, d) => a! * x + b! * v[d]!));
    const wIn = Float64Array.from(rows.slice(0, 3).flat());
    const wOut = Float64Array.from(rows.slice(3).flat());
    const p = projectStepModel(wIn, wOut, 3, 3);
    expect(p.method).toBe('pca');
    expect(p.explained).toBeCloseTo(1, 6);
    const all = [...Array.from({ length: 3 }, (_, i) => [p.input[2 * i]!, p.input[2 * i + 1]!]), ...Array.from({ length: 3 }, (_, i) => [p.output[2 * i]!, p.output[2 * i + 1]!])];
    for (let i = 0; i < 6; i++) {
      for (let j = i + 1; j < 6; j++) {
        const d3 = Math.hypot(...rows[i]!.map((x, d) => x - rows[j]![d]!));
        const d2 = Math.hypot(all[i]![0]! - all[j]![0]!, all[i]![1]! - all[j]![1]!);
        expect(d2).toBeCloseTo(d3, 6);
      }
    }
  });
  it('keeps the axes pointing the same way from one update to the next', () => {
    const m = createStepModel(DEFAULT_STEP_CONFIG);
    for (let i = 0; i < 200; i++) applyUpdate(m, nextExample(m));
    const V = m.words.length;
    const dim = DEFAULT_STEP_CONFIG.dim;
    const a = projectStepModel(m.wIn, m.wOut, V, dim);
    applyUpdate(m, nextExample(m));
    const b = projectStepModel(m.wIn, m.wOut, V, dim, a);
    for (let k = 0; k < 2; k++) {
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += a.axes![k]![d]! * b.axes![k]![d]!;
      expect(dot).toBeGreaterThan(0.9);
    }
  });
});

describe('own toy sentences', () => {
  it('accepts a few short sentences and trains on them', () => {
    const r = checkToySentences('The king rules.\n\nthe queen rules\n');
    expect(r).toEqual({ ok: true, text: 'the king rules\nthe queen rules\n', words: 4, sentences: 2 });
    if (!r.ok) return;
    const m = createStepModel({ ...DEFAULT_STEP_CONFIG, corpus: OWN_CORPUS }, r.text);
    expect([...m.words].sort()).toEqual(['king', 'queen', 'rules', 'the']);
    applyUpdate(m, nextExample(m));
    expect(m.steps).toBe(1);
  });
  it('names the line and the problem', () => {
    expect(checkToySentences('')).toMatchObject({ ok: false, message: 'Type at least two sentences, one per line.' });
    expect(checkToySentences('one sentence only')).toMatchObject({ ok: false, message: expect.stringContaining('at least two sentences') });
    expect(checkToySentences('a fine sentence\nhello\n')).toMatchObject({ ok: false, message: expect.stringMatching(/^Line 2 has one word \("hello"\)/) });
    expect(checkToySentences('a b c\n!!! ...\n')).toMatchObject({ ok: false, message: 'Line 2 has no words (only punctuation or symbols).' });
    expect(checkToySentences(`x y\n${Array.from({ length: 25 }, (_, i) => `w${i}`).join(' ')}`)).toMatchObject({ ok: false, message: expect.stringMatching(/^Line 2 has 25 words/) });
    const many = Array.from({ length: MAX_TOY_WORDS + 2 }, (_, i) => `alpha${i} beta`).join('\n');
    expect(checkToySentences(many)).toMatchObject({ ok: false, message: expect.stringContaining(`at most ${MAX_TOY_WORDS} fit`) });
  });
});
