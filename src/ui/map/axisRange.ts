// Fixed axis ranges for the live map: autorange costs plotly 2-3x per frame (docs/measurements.md, "t-SNE and plotting") and makes the
// picture breathe. Ranges are recomputed only when a point leaves them, or when the cloud has shrunk so much
// that it would be a dot in the middle.

/** Room left around the points when a range is recomputed, as a share of their extent. */
export const RANGE_MARGIN = 0.15;
/** Recompute when the points fill less than this share of the range in both directions. */
export const SHRINK_BELOW = 0.3;

export interface Ranges {
  x: [number, number];
  y: [number, number];
}

export function bounds(positions: ArrayLike<number>): Ranges | null {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i + 1 < positions.length; i += 2) {
    const a = positions[i], b = positions[i + 1];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  return x0 <= x1 ? { x: [x0, x1], y: [y0, y1] } : null;
}

/** The ranges to draw with: the current ones if they still fit, new ones with a margin otherwise. */
export function nextRanges(current: Ranges | null, positions: ArrayLike<number>): Ranges | null {
  const b = bounds(positions);
  if (!b) return current;
  if (current) {
    const inside = b.x[0] >= current.x[0] && b.x[1] <= current.x[1] && b.y[0] >= current.y[0] && b.y[1] <= current.y[1];
    const fill = Math.max((b.x[1] - b.x[0]) / (current.x[1] - current.x[0]), (b.y[1] - b.y[0]) / (current.y[1] - current.y[0]));
    if (inside && fill >= SHRINK_BELOW) return current;
  }
  return { x: pad(b.x), y: pad(b.y) };
}

function pad([lo, hi]: [number, number]): [number, number] {
  const extent = hi - lo;
  // A single point (or all points equal) still needs a non-empty range.
  const m = extent > 0 ? extent * RANGE_MARGIN : Math.max(Math.abs(lo) * 0.1, 1e-3);
  return [lo - m, hi + m];
}

/** The plot's fixed axes: every frame is drawn in these coordinates, whatever the layout's own scale. */
export const VIEW: Ranges = { x: [-1, 1], y: [-1, 1] };

/**
 * Map layout coordinates into VIEW: the box `ranges` fills [-1, 1] on both axes. The plot's axes then never
 * change, so a frame never needs a plotly relayout (35-65 ms of main thread each, measured) even when the cloud grows
 * or shrinks; the picture is the same as it would be with the axes following the box.
 */
export function toView(ranges: Ranges, x: number, y: number): [number, number] {
  const hx = (ranges.x[1] - ranges.x[0]) / 2 || 1;
  const hy = (ranges.y[1] - ranges.y[0]) / 2 || 1;
  return [(x - (ranges.x[0] + hx)) / hx, (y - (ranges.y[0] + hy)) / hy];
}
