// Input affinities P for t-SNE, the Barnes-Hut-SNE way (van der Maaten 2014): each point's conditional distribution
// is restricted to its k = 3 * perplexity nearest neighbours, its bandwidth found by binary search so that the
// entropy matches log(perplexity), on SQUARED distances. The result is symmetrised into a sparse joint P (CSR).
// Computing it costs O(N^2 d) for the neighbour search, so the builder works in time slices that the layout worker
// interleaves with gradient steps on the previous P.

/** Sparse symmetric joint probabilities, summing to 1, in compressed-row form. */
export interface SparseP {
  n: number;
  rowPtr: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
}

/** Neighbours per point as a multiple of the perplexity: 3 covers almost all the mass of a Gaussian kernel. */
export const NEIGHBOURS_PER_PERPLEXITY = 3;
/** Binary search stops when the entropy is within this many nats of the target. */
const ENTROPY_TOLERANCE = 1e-5;
/** Bisection steps on beta before giving up (beta spans many orders of magnitude; 200 halvings is plenty). */
const MAX_BISECTION_STEPS = 200;
/** Smallest perplexity the UI may ask for: below 2 a point's distribution is a single neighbour. */
export const MIN_PERPLEXITY = 2;
/** Rows processed between two clock reads while time-slicing. */
const ROWS_PER_CLOCK_CHECK = 8;

export type Metric = 'euclidean' | 'cosine';

/** The perplexity actually used for n points (t-SNE needs perplexity < (n - 1) / 3), with a note when lowered. */
export function effectivePerplexity(requested: number, n: number): { perplexity: number; note?: string } {
  const ceiling = Math.floor((n - 1) / NEIGHBOURS_PER_PERPLEXITY);
  if (requested <= ceiling || n < 2) return { perplexity: requested };
  const perplexity = Math.max(1, ceiling);
  return { perplexity, note: `perplexity lowered to ${perplexity} for ${n} points` };
}

/**
 * One point's conditional distribution over the given squared distances, found by bisection on beta = 1 / (2 sigma^2)
 * so that its entropy (in nats) equals log(perplexity). Writes the probabilities (summing to 1) into `out`.
 */
export function conditionalRow(
  dist2: ArrayLike<number>,
  k: number,
  perplexity: number,
  out: Float64Array,
): { beta: number; entropy: number } {
  const target = Math.log(perplexity);
  let dmin = Infinity;
  for (let j = 0; j < k; j++) if (dist2[j] < dmin) dmin = dist2[j];
  let beta = 1;
  let lo = 0;
  let hi = Infinity;
  let entropy = 0;
  for (let step = 0; step < MAX_BISECTION_STEPS; step++) {
    // Shifting by the smallest distance keeps exp() from underflowing for far-away points; it cancels in the ratio.
    let sum = 0;
    let weighted = 0;
    for (let j = 0; j < k; j++) {
      const shifted = dist2[j] - dmin;
      const p = Math.exp(-beta * shifted);
      out[j] = p;
      sum += p;
      weighted += shifted * p;
    }
    entropy = Math.log(sum) + (beta * weighted) / sum;
    const diff = entropy - target;
    if (Math.abs(diff) < ENTROPY_TOLERANCE) break;
    if (diff > 0) {
      lo = beta; // too flat: sharpen
      beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
    } else {
      hi = beta;
      beta = (beta + lo) / 2;
    }
  }
  let sum = 0;
  for (let j = 0; j < k; j++) sum += out[j];
  for (let j = 0; j < k; j++) out[j] /= sum;
  return { beta, entropy };
}

/** Time-sliced builder of the sparse joint P for one set of vectors. */
export class AffinityBuilder {
  readonly n: number;
  readonly k: number;
  readonly perplexity: number;
  private readonly data: Float32Array;
  private readonly dim: number;
  private readonly sqNorms: Float64Array;
  private readonly condCols: Int32Array;
  private readonly condVals: Float64Array;
  private readonly rowDist: Float64Array;
  private readonly heapIdx: Int32Array;
  private readonly heapDist: Float64Array;
  private readonly rowOut: Float64Array;
  private row = 0;
  private result: SparseP | null = null;

  constructor(vectors: Float32Array, n: number, dim: number, perplexity: number, metric: Metric = 'euclidean') {
    this.n = n;
    this.dim = dim;
    this.perplexity = perplexity;
    this.k = Math.max(0, Math.min(n - 1, Math.floor(NEIGHBOURS_PER_PERPLEXITY * perplexity)));
    this.data = metric === 'cosine' ? unitRows(vectors, n, dim) : vectors;
    this.sqNorms = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let d = 0, o = i * dim; d < dim; d++) s += this.data[o + d] * this.data[o + d];
      this.sqNorms[i] = s;
    }
    this.condCols = new Int32Array(n * this.k);
    this.condVals = new Float64Array(n * this.k);
    this.rowDist = new Float64Array(n);
    this.heapIdx = new Int32Array(this.k);
    this.heapDist = new Float64Array(this.k);
    this.rowOut = new Float64Array(this.k);
  }

  /** Share of the rows done, in [0, 1]. */
  get progress(): number {
    return this.n === 0 ? 1 : this.row / this.n;
  }

  get done(): boolean {
    return this.result !== null;
  }

  /** Work for about `budgetMs` milliseconds (Infinity = to the end); returns P once complete. */
  work(budgetMs = Infinity, now: () => number = defaultNow): SparseP | null {
    if (this.result) return this.result;
    const start = budgetMs === Infinity ? 0 : now();
    while (this.row < this.n) {
      this.computeRow(this.row++);
      if (budgetMs !== Infinity && this.row % ROWS_PER_CLOCK_CHECK === 0 && now() - start >= budgetMs) return null;
    }
    this.result = symmetrise(this.n, this.k, this.condCols, this.condVals);
    return this.result;
  }

  private computeRow(i: number): void {
    const { n, dim, data, sqNorms, rowDist, k } = this;
    const oi = i * dim;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let dot = 0;
      for (let d = 0, oj = j * dim; d < dim; d++) dot += data[oi + d] * data[oj + d];
      const d2 = sqNorms[i] + sqNorms[j] - 2 * dot;
      rowDist[j] = d2 > 0 ? d2 : 0;
    }
    // k smallest distances with a max-heap of size k.
    const hIdx = this.heapIdx;
    const hDist = this.heapDist;
    let size = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d2 = rowDist[j];
      if (size < k) {
        let c = size++;
        while (c > 0) {
          const p = (c - 1) >> 1;
          if (hDist[p] >= d2) break;
          hDist[c] = hDist[p];
          hIdx[c] = hIdx[p];
          c = p;
        }
        hDist[c] = d2;
        hIdx[c] = j;
      } else if (d2 < hDist[0]) {
        let c = 0;
        for (;;) {
          const l = 2 * c + 1;
          if (l >= size) break;
          const r = l + 1;
          const m = r < size && hDist[r] > hDist[l] ? r : l;
          if (hDist[m] <= d2) break;
          hDist[c] = hDist[m];
          hIdx[c] = hIdx[m];
          c = m;
        }
        hDist[c] = d2;
        hIdx[c] = j;
      }
    }
    if (k === 0) return;
    conditionalRow(hDist, k, this.perplexity, this.rowOut);
    const base = i * k;
    for (let t = 0; t < k; t++) {
      this.condCols[base + t] = hIdx[t];
      this.condVals[base + t] = this.rowOut[t];
    }
  }
}

/** P_ij = (p_j|i + p_i|j) / 2n over the union of the neighbour lists, duplicates merged. */
function symmetrise(n: number, k: number, cols: Int32Array, vals: Float64Array): SparseP {
  const degree = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    degree[i] += k;
    for (let t = 0; t < k; t++) degree[cols[i * k + t]] += 1;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + degree[i];
  const fill = start.slice(0, n);
  const tmpCols = new Int32Array(start[n]);
  const tmpVals = new Float64Array(start[n]);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const j = cols[i * k + t];
      const v = vals[i * k + t];
      tmpCols[fill[i]] = j;
      tmpVals[fill[i]++] = v;
      tmpCols[fill[j]] = i;
      tmpVals[fill[j]++] = v;
    }
  }
  // Merge duplicates row by row with a marker array (slot of column j in the current row, or -1).
  const marker = new Int32Array(n).fill(-1);
  const rowPtr = new Int32Array(n + 1);
  const outCols = new Int32Array(start[n]);
  const outVals = new Float64Array(start[n]);
  let nnz = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const rowStart = nnz;
    for (let e = start[i]; e < start[i + 1]; e++) {
      const j = tmpCols[e];
      if (marker[j] < rowStart) {
        marker[j] = nnz;
        outCols[nnz] = j;
        outVals[nnz++] = tmpVals[e];
      } else {
        outVals[marker[j]] += tmpVals[e];
      }
      total += tmpVals[e];
    }
    rowPtr[i + 1] = nnz;
  }
  if (total > 0) for (let e = 0; e < nnz; e++) outVals[e] /= total;
  return { n, rowPtr, cols: outCols.slice(0, nnz), vals: outVals.slice(0, nnz) };
}

/** Row-normalised copy, so that squared Euclidean distance = 2 - 2 cos. Zero rows stay zero. */
export function unitRows(vectors: Float32Array, n: number, dim: number): Float32Array {
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0, o = i * dim; d < dim; d++) s += vectors[o + d] * vectors[o + d];
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0, o = i * dim; d < dim; d++) out[o + d] = vectors[o + d] * inv;
  }
  return out;
}

function defaultNow(): number {
  return performance.now();
}
