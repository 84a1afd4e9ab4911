import { describe, expect, it } from 'vitest';
import { lossExtent, nearestIndex, niceTicks, plotFrame, tickLabel, toPixel } from '../../src/ui/lab/lossPlot';

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
