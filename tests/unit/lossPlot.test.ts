import { describe, expect, it } from 'vitest';
import { EARLY_SHARE, emaSmooth, lossExtent, nearestIndex, niceTicks, percentile, plotFrame, ROBUST_MIN_POINTS, tickLabel, toPixel } from '../../src/ui/lab/lossPlot';

describe('loss chart ticks', () => {
  it('are round numbers inside the range, evenly spaced, at most the number asked for', () => {
    expect(niceTicks(0, 10, 6)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(2.03, 4.21, 6)).toEqual([2.5, 3, 3.5, 4]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    for (const [lo, hi, k] of [[0.013, 0.871, 5], [1.9, 4.3, 6], [0, 37.5, 8], [-3, 3, 4], [1e-4, 3e-4, 6]] as const) {
      const t = niceTicks(lo, hi, k);
      expect(t.length).toBeGreaterThanOrEqual(2);
      expect(t.length).toBeLessThanOrEqual(k);
      expect(t[0]).toBeGreaterThanOrEqual(lo - 1e-12);
      expect(t[t.length - 1]).toBeLessThanOrEqual(hi + 1e-12);
      const steps = t.slice(1).map((v, i) => v - t[i]!);
      for (const s of steps) expect(s).toBeCloseTo(steps[0]!, 9);
      const mantissa = steps[0]! / 10 ** Math.floor(Math.log10(steps[0]!) + 1e-9);
      expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-6)).toBe(true);
    }
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(NaN, 1)).toEqual([]);
    expect(niceTicks(5, 1, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('labels show the decimals the step needs', () => {
    expect(tickLabel(0.75, 0.25)).toBe('0.75');
    expect(tickLabel(2.5, 2.5)).toBe('2.5');
    expect(tickLabel(4, 2)).toBe('4');
    expect(tickLabel(3.5, 0.5)).toBe('3.5');
    expect(tickLabel(50, 25)).toBe('50');
    expect(tickLabel(0.0002, 0.0001)).toBe('0.0002');
  });
});

describe('loss chart geometry', () => {
  const series = { x: [0.1, 0.2, 0.5, 1.0], loss: [4.1, 3.0, 2.5, 2.0] };

  it('fits the losses with a margin and starts at epoch 0', () => {
    const e = lossExtent(series);
    expect(e.x).toEqual([0, 1]);
    expect(e.y[0]).toBeLessThan(2);
    expect(e.y[0]).toBeGreaterThanOrEqual(0);
    expect(e.y[1]).toBeGreaterThan(4.1);
    expect(lossExtent({ x: [], loss: [] })).toEqual({ x: [0, 1], y: [0, 1] });
    const flat = lossExtent({ x: [0.01], loss: [2] });
    expect(flat.y[1]).toBeGreaterThan(flat.y[0]);
    expect(flat.x[1]).toBeGreaterThan(0);
  });

  it('maps the extent corners to the plot corners (y up) and finds the nearest point under the pointer', () => {
    const frame = plotFrame(400, 200, 10);
    expect(frame.width).toBeGreaterThan(200);
    const e = lossExtent(series);
    expect(toPixel(frame, e, e.x[0], e.y[0])).toEqual([frame.left, frame.top + frame.height]);
    expect(toPixel(frame, e, e.x[1], e.y[1])).toEqual([frame.left + frame.width, frame.top]);
    for (let i = 0; i < series.x.length; i++) {
      const [px] = toPixel(frame, e, series.x[i]!, series.loss[i]!);
      expect(nearestIndex(series, frame, e, px)).toBe(i);
      expect(nearestIndex(series, frame, e, px + 1)).toBe(i);
    }
    expect(nearestIndex(series, frame, e, frame.left)).toBe(0);
    expect(nearestIndex(series, frame, e, 0)).toBe(-1);
    expect(nearestIndex({ x: [], loss: [] }, frame, e, frame.left + 5)).toBe(-1);
  });
});

describe('loss smoothing', () => {
  it('is a debiased exponential moving average: starts at the first value, follows a step geometrically', () => {
    expect(emaSmooth([], 0.9)).toEqual([]);
    expect(emaSmooth([3], 0.9)).toEqual([3]);
    const flat = emaSmooth([2, 2, 2, 2], 0.9);
    for (const v of flat) expect(v).toBeCloseTo(2, 12);
    // A step from 1 to 0 after many points: the gap shrinks by the weight at each point.
    const s = emaSmooth([...Array(200).fill(1), 0, 0, 0], 0.5);
    expect(s[199]).toBeCloseTo(1, 12);
    expect(s[200]).toBeCloseTo(0.5, 9);
    expect(s[202]).toBeCloseTo(0.125, 9);
    // Weight 0 = no smoothing.
    expect(emaSmooth([4, 1, 3], 0)).toEqual([4, 1, 3]);
  });
  it('reduces the noise of a noisy flat curve', () => {
    const noisy = Array.from({ length: 400 }, (_, i) => 2.5 + (i % 2 === 0 ? 0.2 : -0.2));
    const sm = emaSmooth(noisy, 0.9).slice(50);
    expect(Math.max(...sm) - Math.min(...sm)).toBeLessThan(0.05);
  });
});

describe('loss y-range', () => {
  it('percentile interpolates and clamps q', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(percentile([0, 10], 0.33)).toBeCloseTo(3.3, 12);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2], 2)).toBe(2);
    expect(Number.isNaN(percentile([], 0.5))).toBe(true);
  });
  it('starts where the interesting part is: the steep start runs off the top, a spike does not flatten the rest', () => {
    // A word2vec-like curve: 4.16 at the random start, falling fast to ~2.6, then slowly to 2.4 over 3 epochs.
    const x: number[] = [];
    const loss: number[] = [];
    for (let i = 1; i <= 300; i++) {
      const e = (3 * i) / 300;
      x.push(e);
      loss.push(2.4 + 0.2 * (1 - e / 3) + 1.56 * Math.exp(-e * 40));
    }
    loss[200] = 9; // one spike
    const ext = lossExtent({ x, loss });
    expect(ext.clippedAbove).toBe(true);
    // The part after the first tenth spans about 2.4 .. 2.62: the axis hugs it instead of starting at 0 or 4.16.
    expect(ext.y[0]).toBeGreaterThan(2.3);
    expect(ext.y[0]).toBeLessThan(2.41);
    expect(ext.y[1]).toBeGreaterThan(2.6);
    expect(ext.y[1]).toBeLessThan(2.75);
    // Every point after the first tenth except the spike is inside the range.
    const from = x[x.length - 1]! * EARLY_SHARE;
    const outside = loss.filter((v, i) => x[i]! >= from && (v < ext.y[0] || v > ext.y[1]));
    expect(outside).toEqual([9]);
  });
  it('shows a short curve whole', () => {
    const n = ROBUST_MIN_POINTS - 1;
    const x = Array.from({ length: n }, (_, i) => (i + 1) / 100);
    const loss = x.map((e) => 4 - e * 10);
    const ext = lossExtent({ x, loss });
    expect(ext.clippedAbove).toBe(false);
    expect(ext.y[1]).toBeGreaterThan(Math.max(...loss));
    expect(ext.y[0]).toBeLessThan(Math.min(...loss));
  });
});
