// Planted data for the projection tests: Gaussian clusters in high dimension, and the 10-NN preservation score.
import { Rng } from '../../src/core/train/rng';
import { gaussian } from '../../src/core/project/tsne';

export function plantedClusters(n: number, dim: number, clusters: number, seed: number, spread = 1, separation = 10) {
  const rng = new Rng(seed);
  const centres = new Float64Array(clusters * dim);
  for (let e = 0; e < centres.length; e++) centres[e] = gaussian(rng) * separation;
  const vectors = new Float32Array(n * dim);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % clusters;
    labels[i] = c;
    for (let d = 0; d < dim; d++) vectors[i * dim + d] = centres[c * dim + d] + gaussian(rng) * spread;
  }
  const words = Array.from({ length: n }, (_, i) => `w${i}`);
  return { vectors, labels, words };
}

function knn(points: ArrayLike<number>, n: number, dim: number, k: number): Int32Array[] {
  const out: Int32Array[] = [];
  const d2 = new Float64Array(n);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += (points[i * dim + d] - points[j * dim + d]) ** 2;
      d2[j] = j === i ? Infinity : s;
    }
    out.push(Int32Array.from(idx.slice().sort((a, b) => d2[a] - d2[b]).slice(0, k)));
  }
  return out;
}

/** Share of each point's k nearest neighbours in high-D that are also among its k nearest in 2-D. */
export function neighbourhoodKept(high: Float32Array, dim: number, low: ArrayLike<number>, n: number, k = 10): number {
  const a = knn(high, n, dim, k);
  const b = knn(low, n, 2, k);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const s = new Set(b[i]);
    for (const j of a[i]) if (s.has(j)) kept++;
  }
  return kept / (n * k);
}
