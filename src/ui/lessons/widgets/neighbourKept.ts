// How much of the high-dimensional neighbourhood a 2-D layout keeps: for each point, the share of its k nearest
// neighbours (cosine, in the original space) that are also among its k nearest on the map (Euclidean).
function knn(dist: (i: number, j: number) => number, n: number, i: number, k: number): number[] {
  const idx: number[] = [];
  for (let j = 0; j < n; j++) if (j !== i) idx.push(j);
  idx.sort((a, b) => dist(i, a) - dist(i, b));
  return idx.slice(0, k);
}

export function neighbourKept(vectors: Float32Array, n: number, dim: number, pos: ArrayLike<number>, k: number): number {
  if (n <= k) return 1;
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += vectors[i * dim + d] ** 2;
    norms[i] = Math.sqrt(s) || 1;
  }
  const cosDist = (i: number, j: number) => {
    let s = 0;
    for (let d = 0; d < dim; d++) s += vectors[i * dim + d] * vectors[j * dim + d];
    return 1 - s / (norms[i] * norms[j]);
  };
  const mapDist = (i: number, j: number) => (pos[2 * i] - pos[2 * j]) ** 2 + (pos[2 * i + 1] - pos[2 * j + 1]) ** 2;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const hi = new Set(knn(cosDist, n, i, k));
    for (const j of knn(mapDist, n, i, k)) if (hi.has(j)) kept++;
  }
  return kept / (n * k);
}
