// Maps between two embedding spaces learned from pairs of vectors (a seed dictionary): the orthogonal map of
// Procrustes (a rotation/reflection: it keeps lengths and angles, so a space's own neighbours survive the map), and
// a plain least-squares linear map for comparison. Spaces trained apart differ by more than a rotation, but a
// rotation is what two runs of the same method on similar text differ by most of all, and it cannot overfit much.
import { Matrix, SingularValueDecomposition } from 'ml-matrix';

/** Row-major n x d rows -> an ml-matrix Matrix. */
function toMatrix(rows: Float32Array, n: number, d: number): Matrix {
  const m = new Matrix(n, d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) m.set(i, k, rows[i * d + k]!);
  return m;
}

function fromMatrix(m: Matrix): Float32Array {
  const out = new Float32Array(m.rows * m.columns);
  for (let i = 0; i < m.rows; i++) for (let k = 0; k < m.columns; k++) out[i * m.columns + k] = m.get(i, k);
  return out;
}

export interface LinearMap {
  kind: 'orthogonal' | 'least-squares';
  /** d_source x d_target, row-major: y = x W. */
  weights: Float32Array;
  dIn: number;
  dOut: number;
}

/**
 * The orthogonal W minimising ||X W - Y||_F: with U S V^T the SVD of X^T Y, W = U V^T (Schönemann, 1966).
 * Needs the same dimension on both sides.
 */
export function orthogonalProcrustes(x: Float32Array, y: Float32Array, n: number, d: number): LinearMap {
  const m = toMatrix(x, n, d).transpose().mmul(toMatrix(y, n, d));
  const svd = new SingularValueDecomposition(m, { autoTranspose: true });
  const w = svd.leftSingularVectors.mmul(svd.rightSingularVectors.transpose());
  return { kind: 'orthogonal', weights: fromMatrix(w), dIn: d, dOut: d };
}

/** Ridge strength for the least-squares map: enough to keep X^T X invertible when pairs are few. */
export const LEAST_SQUARES_RIDGE = 1e-3;

/** The W minimising ||X W - Y||^2 + ridge ||W||^2 (Mikolov, Le and Sutskever's translation matrix, regularised). */
export function leastSquaresMap(x: Float32Array, y: Float32Array, n: number, dIn: number, dOut: number, ridge = LEAST_SQUARES_RIDGE): LinearMap {
  const X = toMatrix(x, n, dIn);
  const Y = toMatrix(y, n, dOut);
  const xtx = X.transpose().mmul(X);
  for (let k = 0; k < dIn; k++) xtx.set(k, k, xtx.get(k, k) + ridge * n);
  const w = new SingularValueDecomposition(xtx).solve(X.transpose().mmul(Y));
  return { kind: 'least-squares', weights: fromMatrix(w), dIn, dOut };
}

/** y = x W for one vector. */
export function applyMap(map: LinearMap, x: ArrayLike<number>): Float32Array {
  const out = new Float32Array(map.dOut);
  for (let i = 0; i < map.dIn; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    const row = i * map.dOut;
    for (let j = 0; j < map.dOut; j++) out[j] += xi * map.weights[row + j]!;
  }
  return out;
}
