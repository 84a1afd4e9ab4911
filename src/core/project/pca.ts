// Top-2 principal components by power iteration with deflation, never forming the d x d covariance:
// C v = X^T (X v) / n on centred rows costs O(n d) per iteration. Signs (and order, when the two variances are close
// and swap) are chosen to agree with the previous frame, matched by word, so the picture does not flip while training.
import { Rng } from '../train/rng';

/** Power iterations per component at most; the warm start from last frame's axes usually converges in a few. */
const MAX_POWER_ITERS = 200;
/** Stop when the axis moves less than this (1 - |cos| between iterations). */
const CONVERGENCE = 1e-9;

export interface PcaResult {
  /** x0, y0, x1, y1, ... */
  positions: Float32Array;
  /** The two unit axes in the input space, row-major 2 x dim. */
  axes: Float64Array;
  /** Variance along each axis, and its share of the total variance. */
  variances: [number, number];
  explained: [number, number];
}

export interface PcaPrevious {
  words: readonly string[];
  positions: Float32Array;
  axes?: Float64Array;
}

export interface PcaOptions {
  seed: number;
  /** This frame's words (row order), needed to align with `previous`. */
  words?: readonly string[];
  previous?: PcaPrevious;
}

export function pca2(vectors: Float32Array, n: number, dim: number, opts: PcaOptions): PcaResult {
  const { seed, previous, words } = opts;
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) mean[d] += vectors[i * dim + d];
  for (let d = 0; d < dim; d++) mean[d] /= Math.max(n, 1);
  let total = 0;
  for (let i = 0; i < n; i++)
    for (let d = 0; d < dim; d++) total += (vectors[i * dim + d] - mean[d]) ** 2;
  total /= Math.max(n, 1);

  const rng = new Rng(seed);
  const axes = new Float64Array(2 * dim);
  const variances: [number, number] = [0, 0];
  const proj = new Float64Array(n);
  for (let c = 0; c < 2; c++) {
    const v = new Float64Array(dim);
    const prevAxis = previous?.axes && previous.axes.length === 2 * dim ? previous.axes.subarray(c * dim, (c + 1) * dim) : null;
    for (let d = 0; d < dim; d++) v[d] = prevAxis ? prevAxis[d] + 1e-3 * (rng.nextFloat() - 0.5) : rng.nextFloat() - 0.5;
    normalise(v);
    let lambda = 0;
    const w = new Float64Array(dim);
    for (let it = 0; it < MAX_POWER_ITERS; it++) {
      covTimes(vectors, n, dim, mean, v, proj, w);
      // Deflation: C_2 = C - lambda_1 a_1 a_1^T removes the first component.
      for (let k = 0; k < c; k++) {
        const a = axes.subarray(k * dim, (k + 1) * dim);
        const s = variances[k] * dot(a, v);
        for (let d = 0; d < dim; d++) w[d] -= s * a[d];
      }
      lambda = Math.sqrt(dot(w, w));
      if (lambda === 0) break;
      for (let d = 0; d < dim; d++) w[d] /= lambda;
      const moved = 1 - Math.abs(dot(w, v));
      v.set(w);
      if (moved < CONVERGENCE) break;
    }
    axes.set(v, c * dim);
    variances[c] = lambda;
  }

  const positions = project(vectors, n, dim, mean, axes);
  if (previous && words && alignWithPrevious(positions, axes, words, previous)) variances.reverse();
  return {
    positions,
    axes,
    variances,
    explained: [total > 0 ? variances[0] / total : 0, total > 0 ? variances[1] / total : 0],
  };
}

function covTimes(x: Float32Array, n: number, dim: number, mean: Float64Array, v: Float64Array, proj: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0, o = i * dim; d < dim; d++) s += (x[o + d] - mean[d]) * v[d];
    proj[i] = s;
  }
  out.fill(0);
  for (let i = 0; i < n; i++) {
    const s = proj[i];
    for (let d = 0, o = i * dim; d < dim; d++) out[d] += (x[o + d] - mean[d]) * s;
  }
  for (let d = 0; d < dim; d++) out[d] /= Math.max(n, 1);
}

function project(x: Float32Array, n: number, dim: number, mean: Float64Array, axes: Float64Array): Float32Array {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    let a = 0;
    let b = 0;
    for (let d = 0, o = i * dim; d < dim; d++) {
      const c = x[o + d] - mean[d];
      a += c * axes[d];
      b += c * axes[dim + d];
    }
    out[2 * i] = a;
    out[2 * i + 1] = b;
  }
  return out;
}

/** Flip (and if need be swap) the two axes so that each agrees with last frame's positions for the shared words. */
function alignWithPrevious(pos: Float32Array, axes: Float64Array, words: readonly string[], prev: PcaPrevious): boolean {
  const at = new Map<string, number>();
  prev.words.forEach((w, i) => at.set(w, i));
  const c = [0, 0, 0, 0]; // <new0,old0>, <new0,old1>, <new1,old0>, <new1,old1>
  words.forEach((w, i) => {
    const j = at.get(w);
    if (j === undefined) return;
    const a = pos[2 * i], b = pos[2 * i + 1];
    const p = prev.positions[2 * j], q = prev.positions[2 * j + 1];
    c[0] += a * p;
    c[1] += a * q;
    c[2] += b * p;
    c[3] += b * q;
  });
  const dim = axes.length / 2;
  let swapped = false;
  if (Math.abs(c[1]) + Math.abs(c[2]) > Math.abs(c[0]) + Math.abs(c[3])) {
    // The components swapped order (their variances are close): swap back so the picture does not turn 90 degrees.
    for (let i = 0; i < pos.length; i += 2) [pos[i], pos[i + 1]] = [pos[i + 1], pos[i]];
    for (let d = 0; d < dim; d++) [axes[d], axes[dim + d]] = [axes[dim + d], axes[d]];
    [c[0], c[1], c[2], c[3]] = [c[2], c[3], c[0], c[1]];
    swapped = true;
  }
  if (c[0] < 0) flip(pos, axes, 0, dim);
  if (c[3] < 0) flip(pos, axes, 1, dim);
  return swapped;
}

function flip(pos: Float32Array, axes: Float64Array, k: number, dim: number): void {
  for (let i = k; i < pos.length; i += 2) pos[i] = -pos[i];
  for (let d = 0; d < dim; d++) axes[k * dim + d] = -axes[k * dim + d];
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function normalise(v: Float64Array): void {
  const s = Math.sqrt(dot(v, v)) || 1;
  for (let i = 0; i < v.length; i++) v[i] /= s;
}

/** Fixed seed of pcaOfRows: the same rows always give the same picture. */
export const ROWS_PCA_SEED = 7;

/**
 * The two principal components of a handful of rows (the words of one analogy, one walk...), for small 2-D
 * drawings: each row's coordinates and each component's share of the variance.
 */
export function pcaOfRows(rows: readonly Float32Array[], seed = ROWS_PCA_SEED): { coords: [number, number][]; explained: [number, number] } {
  const n = rows.length;
  const dim = rows[0]?.length ?? 0;
  if (n === 0) return { coords: [], explained: [0, 0] };
  const flat = new Float32Array(n * dim);
  rows.forEach((r, i) => flat.set(r, i * dim));
  const { positions, explained } = pca2(flat, n, dim, { seed });
  return { coords: rows.map((_, i) => [positions[2 * i]!, positions[2 * i + 1]!]), explained };
}
