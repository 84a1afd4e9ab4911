import { describe, expect, it } from 'vitest';
import { drawLinesPlot, linesExtent } from '../../src/ui/playgrounds/linesPlot';

describe('lines chart extent', () => {
  it('spans x from first to last and y over every series, padded on both sides', () => {
    const e = linesExtent([32, 64, 96], [{ name: 'a', y: [4, 3, 2] }, { name: 'b', y: [1.5, 1.2, 0.9] }]);
    expect(e.x).toEqual([32, 96]);
    expect(e.y[0]).toBeLessThan(0.9);
    expect(e.y[1]).toBeGreaterThan(4);
    // The pad is a small share of the range, not a jump to zero.
    expect(e.y[0]).toBeGreaterThan(0.5);
  });

  it('skips values that are not finite and survives no data', () => {
    const e = linesExtent([0, 1], [{ name: 'a', y: [NaN, 2] }, { name: 'b', y: [Infinity, 1] }]);
    expect(e.y[0]).toBeLessThan(1);
    expect(e.y[1]).toBeGreaterThan(2);
    expect(e.y[1]).toBeLessThan(3);
    expect(linesExtent([], [])).toEqual({ x: [0, 1], y: [0, 1] });
    expect(linesExtent([5], [{ name: 'a', y: [NaN] }]).x).toEqual([5, 6]);
    // One point: a range around it, never an empty one.
    const one = linesExtent([5], [{ name: 'a', y: [2] }]);
    expect(one.x[1]).toBeGreaterThan(one.x[0]);
    expect(one.y[1]).toBeGreaterThan(one.y[0]);
  });
});

/** A 2-D context that records the calls the chart makes (enough of the API for drawLinesPlot). */
function recordingContext() {
  const calls: { op: string; args: unknown[]; dash: number[]; stroke: unknown }[] = [];
  let dash: number[] = [];
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(state, {
    get(_t, prop: string) {
      if (prop in state) return state[prop];
      if (prop === 'setLineDash') return (d: number[]) => (dash = [...d]);
      return (...args: unknown[]) => calls.push({ op: prop, args, dash, stroke: state.strokeStyle });
    },
    set(_t, prop: string, v) {
      state[prop] = v;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

describe('lines chart drawing', () => {
  it('draws each series in its colour, dashed where asked, breaking the line at a missing value', () => {
    const { ctx, calls } = recordingContext();
    const style = { bg: '#fff', fg: '#000', grid: '#999', colours: ['blue', 'orange'], fontPx: 12 };
    const { frame, extent } = drawLinesPlot(ctx, [0, 1, 2, 3], [{ name: 'trained', y: [3, 2, NaN, 1] }, { name: 'watched', y: [2, 2, 2, 2], dashed: true }], { x: 'images', y: 'loss' }, 400, 200, 1, style);
    expect(extent.x).toEqual([0, 3]);
    expect(frame.width).toBeGreaterThan(0);
    const strokes = calls.filter((c) => c.op === 'stroke');
    const trained = strokes.find((c) => c.stroke === 'blue')!;
    const watched = strokes.find((c) => c.stroke === 'orange')!;
    expect(trained.dash).toEqual([]);
    expect(watched.dash.length).toBe(2);
    // The trained curve starts twice (before and after the NaN); the watched one once.
    const moves = calls.filter((c) => c.op === 'moveTo');
    const lastGridMove = calls.findIndex((c) => c.op === 'fillText');
    expect(moves.filter((m) => calls.indexOf(m) > lastGridMove).length).toBe(3);
    // Axis titles are written.
    expect(calls.filter((c) => c.op === 'fillText').map((c) => c.args[0])).toEqual(expect.arrayContaining(['images', 'loss']));
  });
});
