// Pure helpers for the co-occurrence view: one colour scale shared by the target (log X) and the fit, so that equal
// colours mean equal values in both panels, and how closely the fit follows the target.

/** The shared colour range over the finite values of both matrices (NaN = a pair never seen, drawn blank). */
export function sharedRange(a: Float32Array, b: Float32Array): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of [a, b]) {
    for (const v of m) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return { lo: 0, hi: 1 };
  return hi > lo ? { lo, hi } : { lo: lo - 1, hi: hi + 1 };
}

/** Position of v in the range, 0..1 (clamped). */
export function shade(v: number, range: { lo: number; hi: number }): number {
  return Math.min(1, Math.max(0, (v - range.lo) / (range.hi - range.lo)));
}

/** Pearson correlation between target and fit over the cells where the target is known; NaN when undefined. */
export function fitCorrelation(target: Float32Array, fitted: Float32Array): { r: number; cells: number } {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let k = 0; k < target.length; k++) {
    if (!Number.isFinite(target[k]!)) continue;
    n++;
    sx += target[k]!;
    sy += fitted[k]!;
  }
  if (n < 2) return { r: NaN, cells: n };
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < target.length; k++) {
    if (!Number.isFinite(target[k]!)) continue;
    const dx = target[k]! - mx;
    const dy = fitted[k]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return { r: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN, cells: n };
}
