import { describe, expect, it } from 'vitest';
import { labelBox, overlappingPairs, placeLabels, type PlacedLabel, type Side } from '../../src/ui/map/labelPlacement';

const AREA = { x: 0, y: 0, width: 400, height: 300 };

/** A seeded scatter of n points (mulberry32) so the tests are repeatable. */
function scatter(n: number, seed = 7): { px: Float64Array; py: Float64Array } {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = rand() * AREA.width;
    py[i] = rand() * AREA.height;
  }
  return { px, py };
}

const identity = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('label placement', () => {
  it('never lets two labels overlap, keeps every label inside the plot, and labels a good share of a sparse map', () => {
    const n = 300;
    const { px, py } = scatter(n);
    const width = Array.from({ length: n }, (_, i) => 20 + (i % 5) * 8);
    const placed = placeLabels({ px, py, width, height: 14, order: identity(n), area: AREA, gap: 4 });
    expect(overlappingPairs(placed)).toEqual([]);
    for (const b of placed) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(AREA.width);
      expect(b.y + b.height).toBeLessThanOrEqual(AREA.height);
      // The box is the one its side describes for its point.
      expect(b).toMatchObject(labelBox(px[b.index]!, py[b.index]!, width[b.index]!, 14, 4, b.side));
    }
    expect(placed.length).toBeGreaterThan(60);
    expect(placed.length).toBeLessThan(n); // 300 labels cannot all fit in 400 x 300 px
  });

  it('places by priority: of two points in the same spot, the higher-ranked one is labelled', () => {
    const px = [100, 100, 100, 100, 100];
    const py = [100, 100, 100, 100, 100];
    const width = [30, 30, 30, 30, 30];
    // Four sides fit four labels around one spot (the diagonals would overlap them); the fifth gets none.
    const placed = placeLabels({ px, py, width, height: 12, order: [4, 2, 0, 1, 3], area: AREA, gap: 8 });
    expect(placed.map((p) => p.index)).toEqual([4, 2, 0, 1]);
    expect(placed.map((p) => p.side)).toEqual(['right', 'left', 'above', 'below']);
    expect(overlappingPairs(placed)).toEqual([]);
  });

  it('keeps last frame labels where they were when the points move a little (hysteresis)', () => {
    const n = 200;
    const { px, py } = scatter(n, 11);
    const width = Array.from({ length: n }, () => 32);
    const first = placeLabels({ px, py, width, height: 14, order: identity(n), area: AREA, gap: 4 });
    const previous = new Map<number, Side>(first.map((p) => [p.index, p.side]));
    // Every point drifts by up to 1 px.
    const px2 = px.map((v, i) => v + Math.sin(i) * 1);
    const py2 = py.map((v, i) => v + Math.cos(i) * 1);
    const second = placeLabels({ px: px2, py: py2, width, height: 14, order: identity(n), area: AREA, gap: 4, previous });
    expect(overlappingPairs(second)).toEqual([]);
    const kept = (placed: PlacedLabel[]) => placed.filter((p) => previous.get(p.index) === p.side).length / first.length;
    // Without the memory, a greedy pass from scratch moves or drops more of them.
    const fresh = placeLabels({ px: px2, py: py2, width, height: 14, order: identity(n), area: AREA, gap: 4 });
    expect(kept(second)).toBeGreaterThan(0.85);
    expect(kept(second)).toBeGreaterThan(kept(fresh));
    const stillLabelled = second.filter((p) => previous.has(p.index)).length / first.length;
    expect(stillLabelled).toBeGreaterThan(0.9);
  });

  it('labels everything once the points are far enough apart (zoomed in)', () => {
    const px = [20, 200, 380, 20, 200, 380];
    const py = [30, 30, 30, 250, 250, 250];
    const placed = placeLabels({ px, py, width: [40, 40, 40, 40, 40, 40], height: 14, order: identity(6), area: AREA, gap: 4 });
    expect(placed).toHaveLength(6);
  });

  it('skips points off the plot and respects a cap', () => {
    const placed = placeLabels({ px: [NaN, 50, 150, 250], py: [10, 50, 50, 50], width: [20, 20, 20, 20], height: 10, order: [0, 1, 2, 3], area: AREA, gap: 2, max: 2 });
    expect(placed.map((p) => p.index)).toEqual([1, 2]);
  });

  it('counts only real overlaps: boxes that share an edge are fine', () => {
    expect(overlappingPairs([{ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 }])).toEqual([]);
    expect(overlappingPairs([{ x: 0, y: 0, width: 10, height: 10 }, { x: 9, y: 9, width: 10, height: 10 }])).toEqual([[0, 1]]);
  });
});
