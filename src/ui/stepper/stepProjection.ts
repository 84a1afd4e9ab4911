// The 2-D picture of the toy model: every word's input vector (W_in row) and output vector (W_out row) in one plane.
// With 2 dimensions the plane is the vectors themselves; otherwise both matrices are projected together on their
// first two principal components (PCA of the stacked rows), so input and output vectors share axes and can be
// compared. Axes keep their orientation from one update to the next (a sign flip would make the picture jump).

export interface StepProjection {
  /** x, y per word for W_in rows, then for W_out rows. */
  input: Float64Array;
  output: Float64Array;
  /** What the axes are, for the caption. */
  method: 'dims' | 'pca';
  /** The two principal axes (dim numbers each), to keep orientation across updates. */
  axes: [Float64Array, Float64Array] | null;
  /** Share of the variance the two axes keep (1 for raw dims of a 2-D model). */
  explained: number;
}

/** Power-iteration steps per axis: the covariance is at most a few dozen dimensions, so this converges fully. */
const POWER_STEPS = 200;

function topEigenvector(cov: Float64Array, dim: number, start: Float64Array): { v: Float64Array; value: number } {
  let v = Float64Array.from(start);
  let norm = Math.hypot(...v);
  if (!(norm > 0)) {
    v = new Float64Array(dim).fill(1 / Math.sqrt(dim));
    norm = 1;
  } else v = v.map((x) => x / norm);
  let value = 0;
  for (let it = 0; it < POWER_STEPS; it++) {
    const w = new Float64Array(dim);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) w[i] += cov[i * dim + j]! * v[j]!;
    const n = Math.hypot(...w);
    if (!(n > 0)) break;
    value = n;
    v = w.map((x) => x / n);
  }
  return { v, value };
}

/** Project W_in and W_out (V x dim each, row-major) to 2-D; `previous` keeps the axes' orientation. */
export function projectStepModel(wIn: Float64Array, wOut: Float64Array, words: number, dim: number, previous?: StepProjection | null): StepProjection {
  if (dim <= 2) {
    const pick = (m: Float64Array) => {
      const out = new Float64Array(words * 2);
      for (let i = 0; i < words; i++) {
        out[2 * i] = m[i * dim]!;
        out[2 * i + 1] = dim === 2 ? m[i * dim + 1]! : 0;
      }
      return out;
    };
    return { input: pick(wIn), output: pick(wOut), method: 'dims', axes: null, explained: 1 };
  }
  const rows = 2 * words;
  const mean = new Float64Array(dim);
  for (let i = 0; i < words; i++) {
    for (let d = 0; d < dim; d++) mean[d] += (wIn[i * dim + d]! + wOut[i * dim + d]!) / rows;
  }
  const cov = new Float64Array(dim * dim);
  let total = 0;
  const addRow = (m: Float64Array, i: number) => {
    for (let a = 0; a < dim; a++) {
      const xa = m[i * dim + a]! - mean[a]!;
      total += xa * xa;
      for (let b = 0; b < dim; b++) cov[a * dim + b] += (xa * (m[i * dim + b]! - mean[b]!)) / rows;
    }
  };
  for (let i = 0; i < words; i++) {
    addRow(wIn, i);
    addRow(wOut, i);
  }
  total /= rows;
  const seed = (k: number) => previous?.axes?.[k] ?? Float64Array.from({ length: dim }, (_, d) => (d === k ? 1 : 0.1));
  const first = topEigenvector(cov, dim, seed(0));
  // Deflate: remove the first axis's share, then find the next.
  const deflated = Float64Array.from(cov);
  for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) deflated[a * dim + b] -= first.value * first.v[a]! * first.v[b]!;
  const second = topEigenvector(deflated, dim, seed(1));
  const axes: [Float64Array, Float64Array] = [first.v, second.v];
  // Keep each axis pointing the way it pointed before.
  axes.forEach((ax, k) => {
    const prev = previous?.axes?.[k];
    if (!prev || prev.length !== dim) return;
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += ax[d]! * prev[d]!;
    if (dot < 0) for (let d = 0; d < dim; d++) ax[d] = -ax[d]!;
  });
  const project = (m: Float64Array) => {
    const out = new Float64Array(words * 2);
    for (let i = 0; i < words; i++) {
      for (let k = 0; k < 2; k++) {
        let s = 0;
        for (let d = 0; d < dim; d++) s += (m[i * dim + d]! - mean[d]!) * axes[k]![d]!;
        out[2 * i + k] = s;
      }
    }
    return out;
  };
  return { input: project(wIn), output: project(wOut), method: 'pca', axes, explained: total > 0 ? Math.min(1, (first.value + second.value) / total) : 1 };
}
