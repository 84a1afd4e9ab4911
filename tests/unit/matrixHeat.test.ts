import { describe, expect, it } from 'vitest';
import { fitCorrelation, shade, sharedRange } from '../../src/ui/lab/matrixHeat';

describe('co-occurrence view helpers', () => {
  it('shares one range over both matrices, skipping pairs never seen', () => {
    const r = sharedRange(Float32Array.of(1, NaN, 3), Float32Array.of(-2, 0.5, 2));
    expect(r).toEqual({ lo: -2, hi: 3 });
    expect(shade(0.5, r)).toBeCloseTo(0.5, 12);
    expect(shade(9, r)).toBe(1);
    expect(sharedRange(Float32Array.of(NaN), Float32Array.of(NaN))).toEqual({ lo: 0, hi: 1 });
    expect(sharedRange(Float32Array.of(2), Float32Array.of(2))).toEqual({ lo: 1, hi: 3 });
  });

  it('correlates the fit with the counts over the known pairs only', () => {
    expect(fitCorrelation(Float32Array.of(1, 2, 3, NaN), Float32Array.of(2, 4, 6, -100))).toEqual({ r: 1, cells: 3 });
    expect(fitCorrelation(Float32Array.of(1, 2, 3), Float32Array.of(3, 2, 1)).r).toBeCloseTo(-1, 12);
    expect(Number.isNaN(fitCorrelation(Float32Array.of(1, NaN), Float32Array.of(1, 1)).r)).toBe(true);
  });
});
