import { describe, expect, it } from 'vitest';
import { nextRanges, toView } from '../../src/ui/map/axisRange';
import { mapCaption } from '../../src/ui/map/caption';

describe('map axis ranges', () => {
  it('stay fixed while points move inside, grow when one leaves, shrink when the cloud collapses', () => {
    const r0 = nextRanges(null, [0, 0, 10, 5])!;
    expect(r0.x[0]).toBeLessThan(0);
    expect(r0.x[1]).toBeGreaterThan(10);
    expect(nextRanges(r0, [1, 1, 9, 4])).toBe(r0);
    const grown = nextRanges(r0, [0, 0, 20, 5])!;
    expect(grown.x[1]).toBeGreaterThan(20);
    const shrunk = nextRanges(grown, [0, 0, 1, 0.5])!;
    expect(shrunk.x[1]).toBeLessThan(2);
    const single = nextRanges(null, [3, 3])!;
    expect(single.x[1]).toBeGreaterThan(single.x[0]);
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
