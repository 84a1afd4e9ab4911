// GloVe's objective, written plainly in float64 as the reference the fast kernel and the gradient check are held to.
//   J = sum over non-zero cells of  1/2 f(X_ij) (w_i . w~_j + b_i + b~_j - log X_ij)^2,
//   f(x) = min(1, (x / x_max)^power).
// The 1/2 is the reference tool's (glove.c prints 0.5 f diff^2 per cell); it makes the gradient f * diff.

/** The weighting f(x): rare pairs count less, pairs seen x_max times or more count fully. */
export function gloveWeight(x: number, xMax: number, power: number): number {
  return x >= xMax ? 1 : Math.pow(x / xMax, power);
}

export interface CellGradient {
  loss: number;
  /** dJ/dw_i, dJ/dw~_j, dJ/db_i, dJ/db~_j for one cell. */
  dWord: Float64Array;
  dContext: Float64Array;
  dWordBias: number;
  dContextBias: number;
}

/** Loss and gradient of one cell. */
export function gloveCellGradient(
  word: ArrayLike<number>,
  context: ArrayLike<number>,
  wordBias: number,
  contextBias: number,
  x: number,
  xMax: number,
  power: number,
): CellGradient {
  const dim = word.length;
  let dot = 0;
  for (let k = 0; k < dim; k++) dot += word[k]! * context[k]!;
  const diff = dot + wordBias + contextBias - Math.log(x);
  const f = gloveWeight(x, xMax, power);
  const g = f * diff;
  const dWord = new Float64Array(dim);
  const dContext = new Float64Array(dim);
  for (let k = 0; k < dim; k++) {
    dWord[k] = g * context[k]!;
    dContext[k] = g * word[k]!;
  }
  return { loss: 0.5 * f * diff * diff, dWord, dContext, dWordBias: g, dContextBias: g };
}

/** The whole objective over a list of cells, with word and context parameters as row-major float64 arrays. */
export function gloveObjective(
  cells: readonly { i: number; j: number; x: number }[],
  W: Float64Array,
  C: Float64Array,
  bw: Float64Array,
  bc: Float64Array,
  dim: number,
  xMax: number,
  power: number,
): number {
  let J = 0;
  for (const { i, j, x } of cells) {
    let dot = 0;
    for (let k = 0; k < dim; k++) dot += W[i * dim + k]! * C[j * dim + k]!;
    const diff = dot + bw[i]! + bc[j]! - Math.log(x);
    J += 0.5 * gloveWeight(x, xMax, power) * diff * diff;
  }
  return J;
}
