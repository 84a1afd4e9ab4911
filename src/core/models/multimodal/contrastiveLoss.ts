// The two losses that pull a caption and its image together in one space and push mismatched pairs apart, over a
// batch's similarity matrix S (S[i][j] = cosine of caption i and image j; the diagonal holds the true pairs).
//
// InfoNCE, CLIP's symmetric form (Radford et al., 2021), with temperature tau:
//   L = 1/2 [ mean_i -log softmax_j(S_ij / tau)[i]  +  mean_j -log softmax_i(S_ij / tau)[j] ]
//   (every other item of the batch is a negative; a small tau sharpens the softmax)
// Hinge ranking, as in DeViSE (Frome et al., 2013) and VSE (Kiros et al., 2014), with margin m, both directions:
//   L = mean_i sum_{j != i} [ max(0, m - S_ii + S_ij) + max(0, m - S_ii + S_ji) ]
//   (a negative costs nothing once it scores m below the true pair)
// Pairs whose captions are equal (two pictures of "a small red circle on the left" in one batch) are not negatives
// of each other: `negative[i][j] = 0` leaves them out of both losses, instead of teaching the model to tell apart
// two pictures the captions cannot tell apart.
//
// This file holds plain float64 versions (the reference of the tests, and what students can read); the tfjs
// versions used in training are in contrastiveLossTf.ts and are tested against these.

export type ContrastiveLoss = 'infonce' | 'hinge';
export const CONTRASTIVE_LOSSES: readonly ContrastiveLoss[] = ['infonce', 'hinge'];

/** CLIP's initial temperature is 0.07; 0.1 trained steadier on these small batches. */
export const DEFAULT_TEMPERATURE = 0.1;
/** VSE's margin on cosines. */
export const DEFAULT_MARGIN = 0.2;

/** 1 where j may serve as a negative of i: captions differ (never on the diagonal). Row-major n x n. */
export function negativeMask(captionIds: ArrayLike<number>): Float64Array {
  const n = captionIds.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = i !== j && captionIds[i] !== captionIds[j] ? 1 : 0;
  return m;
}

/** InfoNCE of a row-major n x n similarity matrix (masked-out entries are left out of both softmaxes). */
export function infoNceLoss(sim: ArrayLike<number>, n: number, temperature: number, negative: ArrayLike<number>): number {
  let rows = 0;
  let cols = 0;
  for (let i = 0; i < n; i++) {
    rows += -logSoftmaxAt(n, i, (j) => sim[i * n + j]! / temperature, (j) => j === i || negative[i * n + j]! > 0);
    cols += -logSoftmaxAt(n, i, (j) => sim[j * n + i]! / temperature, (j) => j === i || negative[j * n + i]! > 0);
  }
  return (rows + cols) / (2 * n);
}

/** Hinge ranking loss of a row-major n x n similarity matrix. */
export function hingeLoss(sim: ArrayLike<number>, n: number, margin: number, negative: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const pos = sim[i * n + i]!;
    for (let j = 0; j < n; j++) {
      if (negative[i * n + j]! > 0) total += Math.max(0, margin - pos + sim[i * n + j]!); // caption i against image j
      if (negative[j * n + i]! > 0) total += Math.max(0, margin - pos + sim[j * n + i]!); // image i against caption j
    }
  }
  return total / n;
}

/** log softmax of the kept values, at index `at` (stable: the maximum is subtracted first). */
function logSoftmaxAt(n: number, at: number, value: (j: number) => number, kept: (j: number) => boolean): number {
  let max = -Infinity;
  for (let j = 0; j < n; j++) if (kept(j)) max = Math.max(max, value(j));
  let sum = 0;
  for (let j = 0; j < n; j++) if (kept(j)) sum += Math.exp(value(j) - max);
  return value(at) - max - Math.log(sum);
}
