// The hot loop of GloVe: one AdaGrad update per co-occurrence cell, with the reference tool's (glove.c) semantics:
//  - parameters start uniform in +-0.5/dim (vectors and biases alike), squared-gradient sums start at 1, so the
//    first step size equals the learning rate;
//  - for a cell, g = f(X_ij) * (w_i . w~_j + b_i + b~_j - log X_ij); each vector component's gradient is clipped
//    to +-GRAD_CLIP (as glove.c 1.2 does) and scaled by eta, then w -= eta*g / sqrt(G) and G += (eta*g)^2
//    (glove.c accumulates the squares of the *scaled* gradients; we keep that so its step sizes are ours);
//  - a cell whose error is not finite is skipped and counted.
// Typed arrays and one flat function, so V8 keeps everything in registers and float32 arrays.
import { Rng } from '../../train/rng';

/** glove.c 1.2 clips each component of the vector gradient to this magnitude before the AdaGrad step. */
export const GRAD_CLIP = 100;

export interface GloveWeights {
  readonly vocabSize: number;
  readonly dim: number;
  /** Floats from one row to the next: dim here, dim rounded up to 4 in the WebAssembly kernel's memory. */
  readonly stride: number;
  /** w_i and w~_j, row-major vocabSize x stride. */
  readonly word: Float32Array;
  readonly context: Float32Array;
  readonly wordBias: Float32Array;
  readonly contextBias: Float32Array;
  /** AdaGrad's running sums of squared (scaled) gradients, one per parameter. */
  readonly gWord: Float32Array;
  readonly gContext: Float32Array;
  readonly gWordBias: Float32Array;
  readonly gContextBias: Float32Array;
}

/** The cells prepared for training: log X and f(X) computed once rather than every pass. */
export interface TrainingCells {
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly logX: Float32Array;
  readonly weight: Float32Array;
}

export function initGloveWeights(vocabSize: number, dim: number, rng: Rng): GloveWeights {
  const fill = (n: number): Float32Array => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) a[i] = (rng.nextFloat() - 0.5) / dim;
    return a;
  };
  const ones = (n: number): Float32Array => new Float32Array(n).fill(1);
  const n = vocabSize * dim;
  return {
    vocabSize,
    dim,
    stride: dim,
    word: fill(n),
    context: fill(n),
    wordBias: fill(vocabSize),
    contextBias: fill(vocabSize),
    gWord: ones(n),
    gContext: ones(n),
    gWordBias: ones(vocabSize),
    gContextBias: ones(vocabSize),
  };
}

export interface SweepResult {
  /** Sum of 1/2 f diff^2 over the cells updated. */
  cost: number;
  updated: number;
  /** Cells skipped because their error was not finite. */
  skipped: number;
}

/** Update cells [from, to) in order; adds to `out`. */
export function gloveSweep(w: GloveWeights, cells: TrainingCells, from: number, to: number, eta: number, out: SweepResult): void {
  const dim = w.dim;
  const stride = w.stride;
  const W = w.word;
  const C = w.context;
  const BW = w.wordBias;
  const BC = w.contextBias;
  const GW = w.gWord;
  const GC = w.gContext;
  const GBW = w.gWordBias;
  const GBC = w.gContextBias;
  const rows = cells.rows;
  const cols = cells.cols;
  const logX = cells.logX;
  const weight = cells.weight;
  let cost = 0;
  let skipped = 0;
  for (let c = from; c < to; c++) {
    const i = rows[c]!;
    const j = cols[c]!;
    const l1 = i * stride;
    const l2 = j * stride;
    // Four accumulators: independent adds let the CPU overlap them.
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    let k = 0;
    for (; k + 3 < dim; k += 4) {
      d0 += W[l1 + k]! * C[l2 + k]!;
      d1 += W[l1 + k + 1]! * C[l2 + k + 1]!;
      d2 += W[l1 + k + 2]! * C[l2 + k + 2]!;
      d3 += W[l1 + k + 3]! * C[l2 + k + 3]!;
    }
    for (; k < dim; k++) d0 += W[l1 + k]! * C[l2 + k]!;
    const diff = d0 + d1 + d2 + d3 + BW[i]! + BC[j]! - logX[c]!;
    const fdiff = weight[c]! * diff;
    if (!Number.isFinite(fdiff)) {
      skipped++;
      continue;
    }
    cost += 0.5 * fdiff * diff;
    for (k = 0; k < dim; k++) {
      const wk = W[l1 + k]!;
      const ck = C[l2 + k]!;
      let g1 = fdiff * ck;
      let g2 = fdiff * wk;
      g1 = (g1 > GRAD_CLIP ? GRAD_CLIP : g1 < -GRAD_CLIP ? -GRAD_CLIP : g1) * eta;
      g2 = (g2 > GRAD_CLIP ? GRAD_CLIP : g2 < -GRAD_CLIP ? -GRAD_CLIP : g2) * eta;
      W[l1 + k] = wk - g1 / Math.sqrt(GW[l1 + k]!);
      C[l2 + k] = ck - g2 / Math.sqrt(GC[l2 + k]!);
      GW[l1 + k]! += g1 * g1;
      GC[l2 + k]! += g2 * g2;
    }
    const gb = fdiff * eta;
    BW[i] = BW[i]! - gb / Math.sqrt(GBW[i]!);
    BC[j] = BC[j]! - gb / Math.sqrt(GBC[j]!);
    GBW[i]! += gb * gb;
    GBC[j]! += gb * gb;
  }
  out.cost += cost;
  out.updated += to - from - skipped;
  out.skipped += skipped;
}

/** w_i . w~_j + b_i + b~_j: what the model predicts for log X_ij. */
export function fittedLogCount(w: GloveWeights, i: number, j: number): number {
  let dot = 0;
  const { dim, stride } = w;
  for (let k = 0; k < dim; k++) dot += w.word[i * stride + k]! * w.context[j * stride + k]!;
  return dot + w.wordBias[i]! + w.contextBias[j]!;
}

/** Final vectors: word + context (glove.c's `-model 2`), for the given ids (row-major ids.length x dim). */
export function summedVectors(w: GloveWeights, ids: ArrayLike<number>): Float32Array {
  const { dim, stride } = w;
  const out = new Float32Array(ids.length * dim);
  for (let r = 0; r < ids.length; r++) {
    const o = ids[r]! * stride;
    for (let k = 0; k < dim; k++) out[r * dim + k] = w.word[o + k]! + w.context[o + k]!;
  }
  return out;
}

/** Fisher-Yates shuffle of the cells in place, seeded: glove.c shuffles its cells once before training. */
export function shuffleCells(cells: { rows: Int32Array; cols: Int32Array; values: Float32Array }, rng: Rng): void {
  const { rows, cols, values } = cells;
  for (let n = rows.length - 1; n > 0; n--) {
    const m = rng.nextInt(n + 1);
    const r = rows[n]!;
    rows[n] = rows[m]!;
    rows[m] = r;
    const c = cols[n]!;
    cols[n] = cols[m]!;
    cols[m] = c;
    const v = values[n]!;
    values[n] = values[m]!;
    values[m] = v;
  }
}
