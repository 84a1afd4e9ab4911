import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STEP_CONFIG,
  applyUpdate,
  createStepModel,
  exampleLoss,
  hasDiverged,
  meanRecentLoss,
  nextExample,
  sentenceWords,
  type StepConfig,
} from '../../src/ui/stepper/stepModel';

const VARIANTS: Partial<StepConfig>[] = [
  { model: 'skipgram', objective: 'negative' },
  { model: 'cbow', objective: 'negative' },
  { model: 'skipgram', objective: 'softmax' },
  { model: 'cbow', objective: 'softmax' },
];

describe('step-by-step model', () => {
  for (const variant of VARIANTS) {
    it(`${variant.model} + ${variant.objective}: one update equals -alpha times the finite-difference gradient`, () => {
      const m = createStepModel({ ...DEFAULT_STEP_CONFIG, ...variant });
      for (let i = 0; i < 30; i++) applyUpdate(m, nextExample(m)); // leave the all-zero W_out behind
      const ex = nextExample(m);
      const { dim, alpha } = m.config;
      expect(ex.loss).toBeCloseTo(exampleLoss(m, ex), 10);
      const h = 1e-6;
      const fd = (w: Float64Array, e: number) => {
        const keep = w[e];
        w[e] = keep + h;
        const up = exampleLoss(m, ex);
        w[e] = keep - h;
        const down = exampleLoss(m, ex);
        w[e] = keep;
        return (up - down) / (2 * h);
      };
      const rowsIn = [...new Set(ex.inputIds)];
      const rowsOut = [...new Set(ex.outputIds)];
      const expectIn = rowsIn.flatMap((r) => Array.from({ length: dim }, (_, d) => m.wIn[r * dim + d] - alpha * fd(m.wIn, r * dim + d)));
      const expectOut = rowsOut.flatMap((r) => Array.from({ length: dim }, (_, d) => m.wOut[r * dim + d] - alpha * fd(m.wOut, r * dim + d)));
      const before = m.wIn.slice();
      const changed = applyUpdate(m, ex);
      expect([...changed.inputRows].sort()).toEqual([...rowsIn].sort());
      rowsIn.forEach((r, i) => {
        for (let d = 0; d < dim; d++) expect(m.wIn[r * dim + d]).toBeCloseTo(expectIn[i * dim + d], 7);
      });
      rowsOut.forEach((r, i) => {
        for (let d = 0; d < dim; d++) expect(m.wOut[r * dim + d]).toBeCloseTo(expectOut[i * dim + d], 7);
      });
      // Rows not used are untouched.
      for (let r = 0; r < m.words.length; r++) {
        if (rowsIn.includes(r)) continue;
        for (let d = 0; d < dim; d++) expect(m.wIn[r * dim + d]).toBe(before[r * dim + d]);
      }
    });
  }

  it('walks the corpus in order with the centre inside its sentence, and learns (the loss falls)', () => {
    const m = createStepModel({ ...DEFAULT_STEP_CONFIG, model: 'cbow', objective: 'softmax' });
    const first = nextExample(m);
    const sentence = sentenceWords(m, first.sentence);
    expect(sentence[first.position]).toBe(m.words[first.centre]);
    expect(first.contexts.length).toBeGreaterThan(0);
    // Softmax predictions start uniform (W_out = 0) and sum to 1.
    expect(first.predictions.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(first.loss).toBeCloseTo(Math.log(m.words.length), 10);
    applyUpdate(m, first);
    for (let i = 0; i < 99; i++) applyUpdate(m, nextExample(m));
    const early = meanRecentLoss(m);
    for (let i = 0; i < 3000; i++) applyUpdate(m, nextExample(m));
    expect(meanRecentLoss(m)).toBeLessThan(early * 0.8);
  });

  it('is reproducible for a seed', () => {
    const a = createStepModel(DEFAULT_STEP_CONFIG);
    const b = createStepModel(DEFAULT_STEP_CONFIG);
    for (let i = 0; i < 50; i++) {
      applyUpdate(a, nextExample(a));
      applyUpdate(b, nextExample(b));
    }
    expect(Array.from(a.wIn)).toEqual(Array.from(b.wIn));
    expect(() => createStepModel({ ...DEFAULT_STEP_CONFIG, corpus: 'nope' })).toThrow(/Unknown toy corpus "nope"/);
  });

  it('detects divergence when the learning rate is far too high', () => {
    const m = createStepModel({ ...DEFAULT_STEP_CONFIG, alpha: 5 });
    let ex = null;
    for (let i = 0; i < 5000 && !hasDiverged(m, ex); i++) {
      ex = nextExample(m);
      applyUpdate(m, ex);
    }
    expect(hasDiverged(m, ex)).toBe(true);
    expect(hasDiverged(createStepModel(DEFAULT_STEP_CONFIG), null)).toBe(false);
  });
});
