// The t-SNE gradient (Student-t kernel in 2-D) for a sparse P: the attractive part is summed over P's non-zeros, the
// repulsive part either exactly over all pairs (O(N^2), best for small N) or by Barnes-Hut over a quadtree
// (O(N log N)). dC/dy_i = 4 (exaggeration * sum_j p_ij q_ij (y_i - y_j) - sum_j q_ij^2 (y_i - y_j) / Z),
// with q_ij = 1 / (1 + |y_i - y_j|^2) and Z = sum_{k != l} q_kl.
import type { SparseP } from './affinities';
import { QuadTree } from './quadTree';

/** Writes the gradient into `grad` (length 2n) and returns the KL divergence's normaliser Z. */
export function exactGradient(y: Float64Array, p: SparseP, exaggeration: number, grad: Float64Array): number {
  const n = p.n;
  grad.fill(0);
  // Repulsion: all pairs once each.
  let z = 0;
  for (let i = 0; i < n; i++) {
    const xi = y[2 * i];
    const yi = y[2 * i + 1];
    let fx = 0;
    let fy = 0;
    for (let j = i + 1; j < n; j++) {
      const dx = xi - y[2 * j];
      const dy = yi - y[2 * j + 1];
      const q = 1 / (1 + dx * dx + dy * dy);
      z += 2 * q;
      const q2 = q * q;
      fx += q2 * dx;
      fy += q2 * dy;
      grad[2 * j] += q2 * dx;
      grad[2 * j + 1] += q2 * dy;
    }
    grad[2 * i] -= fx;
    grad[2 * i + 1] -= fy;
  }
  // grad currently holds -sum_j q^2 (y_i - y_j); scale by 1/Z and add attraction.
  const invZ = z > 0 ? 1 / z : 0;
  for (let e = 0; e < 2 * n; e++) grad[e] *= invZ;
  addAttraction(y, p, exaggeration, grad);
  for (let e = 0; e < 2 * n; e++) grad[e] *= 4;
  return z;
}

/** Barnes-Hut approximation: cells seen under an angle below theta act as one point at their centre of mass. */
export function barnesHutGradient(
  y: Float64Array,
  p: SparseP,
  exaggeration: number,
  theta: number,
  grad: Float64Array,
  tree: QuadTree,
): number {
  const n = p.n;
  tree.build(y, n);
  const rep = grad; // reuse: first the raw repulsive sums
  let z = 0;
  const out = { fx: 0, fy: 0, z: 0 };
  for (let i = 0; i < n; i++) {
    tree.repulsion(i, y[2 * i], y[2 * i + 1], theta, out);
    rep[2 * i] = -out.fx;
    rep[2 * i + 1] = -out.fy;
    z += out.z;
  }
  const invZ = z > 0 ? 1 / z : 0;
  for (let e = 0; e < 2 * n; e++) grad[e] *= invZ;
  addAttraction(y, p, exaggeration, grad);
  for (let e = 0; e < 2 * n; e++) grad[e] *= 4;
  return z;
}

function addAttraction(y: Float64Array, p: SparseP, exaggeration: number, grad: Float64Array): void {
  const { n, rowPtr, cols, vals } = p;
  for (let i = 0; i < n; i++) {
    const xi = y[2 * i];
    const yi = y[2 * i + 1];
    let fx = 0;
    let fy = 0;
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      const j = cols[e];
      const dx = xi - y[2 * j];
      const dy = yi - y[2 * j + 1];
      const w = vals[e] / (1 + dx * dx + dy * dy);
      fx += w * dx;
      fy += w * dy;
    }
    grad[2 * i] += exaggeration * fx;
    grad[2 * i + 1] += exaggeration * fy;
  }
}

/** KL(P || Q) for a sparse P (terms with p_ij = 0 vanish), with an exact Z. For tests and diagnostics. */
export function klDivergence(y: Float64Array, p: SparseP): number {
  const n = p.n;
  let z = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = y[2 * i] - y[2 * j];
      const dy = y[2 * i + 1] - y[2 * j + 1];
      z += 2 / (1 + dx * dx + dy * dy);
    }
  }
  let kl = 0;
  for (let i = 0; i < n; i++) {
    for (let e = p.rowPtr[i]; e < p.rowPtr[i + 1]; e++) {
      const pij = p.vals[e];
      if (pij <= 0) continue;
      const j = p.cols[e];
      const dx = y[2 * i] - y[2 * j];
      const dy = y[2 * i + 1] - y[2 * j + 1];
      const qij = 1 / (1 + dx * dx + dy * dy) / z;
      kl += pij * Math.log(pij / qij);
    }
  }
  return kl;
}
