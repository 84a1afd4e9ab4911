import { describe, expect, it } from 'vitest';
import { countOutside, easeRanges, fitRanges, toView } from '../../src/ui/map/axisRange';
import { mapCaption } from '../../src/ui/map/caption';

describe('map axis ranges', () => {
  it('fit the points with a margin, ease towards a new fit, never cut points off, and arrive', () => {
    const r0 = fitRanges([0, 0, 10, 5])!;
    expect(r0.x[0]).toBeLessThan(0);
    expect(r0.x[1]).toBeGreaterThan(10);
    expect(r0.x[1] - r0.x[0]).toBeLessThan(10 * 1.5); // a margin, not a third of the box empty
    // The cloud collapses to a tenth: the view moves part of the way in one short step, and gets there in time.
    const small = [0, 0, 1, 0.5];
    const step = easeRanges(r0, small, 50);
    expect(step.arrived).toBe(false);
    expect(step.ranges!.x[1]).toBeLessThan(r0.x[1]);
    expect(step.ranges!.x[1]).toBeGreaterThan(fitRanges(small)!.x[1]);
    let r = step.ranges;
    let arrived = false;
    for (let i = 0; i < 100 && !arrived; i++) ({ ranges: r, arrived } = easeRanges(r, small, 50));
    expect(arrived).toBe(true);
    expect(r).toEqual(fitRanges(small));
    // The cloud grows fast: the view may ease, but every point stays inside at once.
    const big = [0, 0, 100, 50];
    const grown = easeRanges(r, big, 10).ranges!;
    expect(grown.x[0]).toBeLessThanOrEqual(0);
    expect(grown.x[1]).toBeGreaterThanOrEqual(100);
    expect(grown.y[1]).toBeGreaterThanOrEqual(50);
    const single = fitRanges([3, 3])!;
    expect(single.x[1]).toBeGreaterThan(single.x[0]);
  });
});

describe('map fit with outliers', () => {
  it('keeps the cloud large when one word sits far out, and says how many points are left outside', () => {
    const pos: number[] = [];
    for (let i = 0; i < 400; i++) pos.push((i % 20) / 20, Math.floor(i / 20) / 20); // a 1 x 1 grid
    pos.push(50, 50); // one far outlier
    const r = fitRanges(pos)!;
    expect(r.x[1] - r.x[0]).toBeLessThan(3); // not 50 wide: the grid fills most of the view
    expect(countOutside(r, pos)).toBe(1);
    // A cloud without outliers is fitted whole.
    const grid = pos.slice(0, 800);
    expect(countOutside(fitRanges(grid)!, grid)).toBe(0);
  });
});

describe('map view coordinates', () => {
  it('map the range box onto [-1, 1] on both axes, keeping order and proportions along each axis', () => {
    const r = { x: [-4, 6] as [number, number], y: [10, 12] as [number, number] };
    expect(toView(r, -4, 10)).toEqual([-1, -1]);
    expect(toView(r, 6, 12)).toEqual([1, 1]);
    expect(toView(r, 1, 11)).toEqual([0, 0]);
    const [a] = toView(r, 0, 11);
    const [b] = toView(r, 2.5, 11);
    expect(b - a).toBeCloseTo(0.5, 12);
    // A degenerate box (one point) still gives finite coordinates.
    expect(toView({ x: [3, 3], y: [3, 3] }, 3, 3).every(Number.isFinite)).toBe(true);
  });
});

describe('map caption', () => {
  it('says which words, how, and with which seed', () => {
    expect(mapCaption({ method: 'tsne', points: 500, totalWords: 14165, perplexity: 30, seed: 1, iteration: 240 })).toBe(
      't-SNE of the 500 most frequent of 14,165 words · cosine distances · perplexity 30 · seed 1 · iteration 240',
    );
    expect(
      mapCaption({ method: 'tsne', points: 100, perplexity: 50, seed: 2, iteration: 0, note: 'perplexity lowered to 33 for 100 points' }),
    ).toContain('100 words · cosine distances · perplexity 50 · seed 2 · iteration 0 · perplexity lowered to 33 for 100 points');
    expect(mapCaption({ method: 'pca', points: 20, perplexity: 30, seed: 1, iteration: 3 })).toBe('PCA of 20 words · first two principal components');
  });
});
