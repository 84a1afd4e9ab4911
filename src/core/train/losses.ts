// Reference maths for one word2vec training example, written for clarity and checked against finite differences
// (tests/unit/gradcheck.test.ts). The fast engines inline the same formulas; the step-by-step view and the tfjs
// engine's equivalence tests call these directly. Pure and allocation-free when the caller passes scratch space.
//
// Both objectives are sums of binary logistic terms on an input ("hidden") vector h:
//   L(h, u_1..u_n) = - sum_j log sigmoid(s_j * h.u_j),   s_j = +1 for a label 1, -1 for a label 0,
//   dL/dh   = sum_j (sigmoid(h.u_j) - t_j) u_j,
//   dL/du_j = (sigmoid(h.u_j) - t_j) h.
// Negative sampling: u_1 = the target's output vector (label 1), u_2..u_{k+1} = the k noise words' (label 0).
// Hierarchical softmax: u_j = the inner nodes on the target's Huffman path, label 1 - code_j (word2vec.c's
// convention: code bit 0 means "go left", trained towards sigmoid = 1).
// Skip-gram: h = the input vector of one context word (word2vec.c's order: the context predicts the centre).
// CBOW: h = the mean of the context words' input vectors (cbow_mean = 1), so each context gets dL/dh / m.

/** Rows of a flat row-major matrix, or a single vector. */
export type Vec = Float32Array | Float64Array | number[];

/** log(sigmoid(x)) without overflow: -log(1 + e^-x) for x >= 0, x - log(1 + e^x) otherwise. */
export function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** sigmoid(x) that never computes exp of a large positive number. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Labels for negative sampling with k noise words: [1, 0, ..., 0]. */
export function negativeSamplingLabels(k: number): Float64Array {
  const t = new Float64Array(k + 1);
  t[0] = 1;
  return t;
}

/** Labels for hierarchical softmax from a Huffman code (bits 0/1): 1 - code[j]. */
export function huffmanLabels(code: ArrayLike<number>): Float64Array {
  const t = new Float64Array(code.length);
  for (let j = 0; j < code.length; j++) t[j] = 1 - code[j];
  return t;
}

function dotRow(a: Vec, aOff: number, b: Vec, bOff: number, dim: number): number {
  let s = 0;
  for (let d = 0; d < dim; d++) s += a[aOff + d] * b[bOff + d];
  return s;
}

/**
 * The logistic loss of input vector h (dim) against `labels.length` output rows (row-major in `outputs`).
 * When given, gradH (dim) receives dL/dh and gradOutputs (labels.length x dim) receives dL/du_j; both are
 * overwritten, not accumulated. Returns L.
 */
export function logisticLoss(
  h: Vec,
  outputs: Vec,
  labels: ArrayLike<number>,
  dim: number,
  gradH?: Vec,
  gradOutputs?: Vec,
): number {
  const n = labels.length;
  if (gradH) for (let d = 0; d < dim; d++) gradH[d] = 0;
  let loss = 0;
  for (let j = 0; j < n; j++) {
    const off = j * dim;
    const score = dotRow(h, 0, outputs, off, dim);
    const t = labels[j];
    loss -= t * logSigmoid(score) + (1 - t) * logSigmoid(-score);
    const g = sigmoid(score) - t; // dL/dscore
    if (gradH) for (let d = 0; d < dim; d++) gradH[d] += g * outputs[off + d];
    if (gradOutputs) for (let d = 0; d < dim; d++) gradOutputs[off + d] = g * h[d];
  }
  return loss;
}

/** Skip-gram example: one context word's input vector against the centre's outputs (negatives or Huffman path). */
export function skipGramLoss(
  input: Vec,
  outputs: Vec,
  labels: ArrayLike<number>,
  dim: number,
  gradInput?: Vec,
  gradOutputs?: Vec,
): number {
  return logisticLoss(input, outputs, labels, dim, gradInput, gradOutputs);
}

/**
 * CBOW example: h = mean of the m context rows in `contexts` (m x dim). gradContexts (m x dim) gets dL/dc_i, which
 * is the same dL/dh / m for every context. `scratch` (at least 2 * dim) avoids allocating h and dL/dh.
 */
export function cbowLoss(
  contexts: Vec,
  m: number,
  outputs: Vec,
  labels: ArrayLike<number>,
  dim: number,
  gradContexts?: Vec,
  gradOutputs?: Vec,
  scratch: Float64Array = new Float64Array(2 * dim),
): number {
  if (m < 1) throw new Error('cbowLoss needs at least one context word.');
  const h = scratch.subarray(0, dim);
  const gh = scratch.subarray(dim, 2 * dim);
  h.fill(0);
  for (let i = 0; i < m; i++) for (let d = 0; d < dim; d++) h[d] += contexts[i * dim + d];
  for (let d = 0; d < dim; d++) h[d] /= m;
  const loss = logisticLoss(h, outputs, labels, dim, gradContexts ? gh : undefined, gradOutputs);
  if (gradContexts) for (let i = 0; i < m; i++) for (let d = 0; d < dim; d++) gradContexts[i * dim + d] = gh[d] / m;
  return loss;
}
