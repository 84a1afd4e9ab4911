// The live map is drawn in fixed view coordinates (VIEW, [-1, 1]; moving a plot's axes each frame cost 2-3x, see
// docs/measurements.md, "t-SNE and plotting"): each frame maps the layout into them. The mapped box follows the
// points' current bounds with a margin, easing from one fit to the next (easeRanges): an earlier rule that kept the
// box until the cloud filled less than 30% of it left a third of the map empty in half of the runs.

/** Room left around the points when a range is recomputed, as a share of their extent. */
export const RANGE_MARGIN = 0.15;

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

/** Share of the way from the current view to the fitted one covered per frame-interval of EASE_MS. */
export const EASE_MS = 250;
/** Closer than this share of the extent counts as arrived: the view snaps and stops easing. */
const ARRIVED = 0.002;

/** Share of points at each end of an axis that may not stretch the view on their own (see visibleBounds). */
export const TRIM_SHARE = 0.01;
/** How far beyond the trimmed box (as a share of its extent) the view still stretches to keep outlying points. */
export const OUTLIER_REACH = 0.5;

/**
 * The box the view should show before its margin: the points' bounds, except that a few far outliers (early in a
 * t-SNE run, one word can sit ten times farther out than the rest) may not squeeze the whole cloud into a corner.
 * Per axis, the 1st to 99th percentile, stretched to the true bounds but by at most OUTLIER_REACH of that extent.
 */
export function visibleBounds(positions: ArrayLike<number>): Ranges | null {
  const b = bounds(positions);
  if (!b) return null;
  const n = Math.floor(positions.length / 2);
  const trim = Math.floor(n * TRIM_SHARE);
  if (trim === 0) return b;
  const axis = (k: 0 | 1, [lo, hi]: [number, number]): [number, number] => {
    const v = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const a = positions[2 * i + k]!;
      if (Number.isFinite(a)) v[m++] = a;
    }
    const sorted = v.subarray(0, m).sort();
    const qlo = sorted[Math.min(trim, m - 1)]!;
    const qhi = sorted[Math.max(m - 1 - trim, 0)]!;
    const reach = (qhi - qlo) * OUTLIER_REACH;
    return [Math.max(lo, qlo - reach), Math.min(hi, qhi + reach)];
  };
  return { x: axis(0, b.x), y: axis(1, b.y) };
}

/** Points outside the box (the few outliers visibleBounds leaves out, or points the view has not caught up with). */
export function countOutside(r: Ranges, positions: ArrayLike<number>): number {
  let out = 0;
  for (let i = 0; i + 1 < positions.length; i += 2) {
    const x = positions[i]!;
    const y = positions[i + 1]!;
    if (x < r.x[0] || x > r.x[1] || y < r.y[0] || y > r.y[1]) out++;
  }
  return out;
}

/** The box the view should show: the visible bounds with a margin (so no part of the box is left empty). */
export function fitRanges(positions: ArrayLike<number>): Ranges | null {
  const b = visibleBounds(positions);
  return b ? { x: pad(b.x), y: pad(b.y) } : null;
}

/**
 * One step of the smooth transition from `current` towards the fitted box, `elapsedMs` after the previous step: the
 * view eases with a time constant of EASE_MS (so it glides between fits rather than jumping), but never lags behind
 * the points themselves: it always contains their visible bounds, so a fast-growing cloud is never cut off.
 * Returns the new ranges and whether they have arrived at the fitted box.
 */
export function easeRanges(current: Ranges | null, positions: ArrayLike<number>, elapsedMs: number): { ranges: Ranges | null; arrived: boolean } {
  const target = fitRanges(positions);
  if (!target) return { ranges: current, arrived: true };
  if (!current) return { ranges: target, arrived: true };
  const b = visibleBounds(positions)!;
  const f = 1 - Math.exp(-Math.max(0, elapsedMs) / EASE_MS);
  const step = (c: [number, number], t: [number, number], lo: number, hi: number): [number, number] => {
    const a = c[0] + (t[0] - c[0]) * f;
    const z = c[1] + (t[1] - c[1]) * f;
    return [Math.min(a, lo), Math.max(z, hi)];
  };
  const x = step(current.x, target.x, b.x[0], b.x[1]);
  const y = step(current.y, target.y, b.y[0], b.y[1]);
  const near = (r: [number, number], t: [number, number]) => {
    const tol = ARRIVED * (t[1] - t[0] || 1);
    return Math.abs(r[0] - t[0]) <= tol && Math.abs(r[1] - t[1]) <= tol;
  };
  const arrived = near(x, target.x) && near(y, target.y);
  return { ranges: arrived ? target : { x, y }, arrived };
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
