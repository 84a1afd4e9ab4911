import { describe, expect, it } from 'vitest';
import { candidateLosses } from '../../src/core/lessonModels/candidateLosses';

const sig = (x: number) => 1 / (1 + Math.exp(-x));

describe('candidateLosses', () => {
  it('two candidates, hand-computed: cosines 0.5 (true) and 0.1, scale 2, margin 0.2', () => {
    const l = candidateLosses([0.5, 0.1], 0, 2, 0.2);
    // Scores 1 and 0.2: p = e^1 / (e^1 + e^0.2).
    const p0 = Math.exp(1) / (Math.exp(1) + Math.exp(0.2));
    expect(l.p[0]).toBeCloseTo(p0, 12);
    expect(l.crossEntropy).toBeCloseTo(-Math.log(p0), 12);
    expect(l.logistic).toBeCloseTo(-Math.log(sig(1)) - Math.log(sig(-0.2)), 12);
    // 0.2 - 0.5 + 0.1 < 0: the wrong word is far enough below.
    expect(l.hingeTerms).toEqual([0, 0]);
    expect(l.hinge).toBe(0);
  });

  it('the logistic loss is positive and grows when a wrong word scores higher (it was once shown negated)', () => {
    const low = candidateLosses([0.9, 0.1, 0.0], 0, 5, 0.2).logistic;
    const high = candidateLosses([0.9, 0.8, 0.0], 0, 5, 0.2).logistic;
    expect(low).toBeGreaterThan(0);
    expect(high).toBeGreaterThan(low);
  });

  it('hinge terms count only wrong words within the margin of the true one', () => {
    const l = candidateLosses([0.88, 0.67, 0.54, 0.28], 1, 5, 0.2);
    expect(l.hingeTerms[0]).toBeCloseTo(0.41, 12);
    expect(l.hingeTerms[1]).toBe(0);
    expect(l.hingeTerms[2]).toBeCloseTo(0.07, 12);
    expect(l.hingeTerms[3]).toBe(0);
    expect(l.hinge).toBeCloseTo(0.48, 12);
  });

  it('softmax probabilities add up to 1 and large scores do not overflow', () => {
    const l = candidateLosses([1, 0.99, -1], 2, 1000, 0.2);
    expect(l.p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Number.isFinite(l.crossEntropy)).toBe(true);
    expect(Number.isFinite(l.logistic)).toBe(true);
  });

  it('refuses a true partner that is not a candidate', () => {
    expect(() => candidateLosses([0.1, 0.2], 2, 5, 0.2)).toThrow(/true partner 2 is not one of the 2 candidates/);
  });
});
