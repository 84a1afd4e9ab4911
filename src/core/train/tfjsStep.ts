// One batched word2vec update on tfjs tensors: the formulas of losses.ts for a whole batch at once.
// For every example b with input vector h_b (one context's row, or the mean of the CBOW contexts' rows) and output
// rows u_bj with labels t_bj and masks m_bj (negative sampling and/or hierarchical softmax):
//   s_bj = h_b . u_bj,  g_bj = m_bj (sigmoid(s_bj) - t_bj)            (dL/ds)
//   dL/dh_b = sum_j g_bj u_bj,  dL/du_bj = g_bj h_b,
//   each real input row of example b moves by -lr dL/dh_b (skip-gram: its exact gradient; CBOW: word2vec.c's
//   convention, the whole error to every context, as the cpu engine does; see tfjsBatch.ts)
//   L = sum_bj m_bj softplus(-(2 t_bj - 1) s_bj)    (= -log sigmoid of the signed score, the stable form; no
//   autodiff is involved, which also avoids tf.logSigmoid's broken gradient in tfjs 4.22)
// Every gradient is computed from the weights as they were before the step, then all rows move by -lr * gradient,
// duplicates summed (see tfjsRows.ts). This is plain minibatch SGD over the batch's examples; word2vec.c applies the
// same per-example updates one after the other.
//
// The op count is kept small on purpose: on WebGL each distinct op is a shader to compile (seconds each on a
// software GPU) and a pass over memory. So -lr is folded into g once (a [B, J] tensor) instead of scaling the big
// gradients, the label signs come precomputed from JavaScript, and skip-gram uses the gathered row as h directly
// (padding examples have all-zero output masks, so their g, and thus every update they would cause, is zero).
import * as tf from '@tensorflow/tfjs';
import type { Batch } from './tfjsBatch';
import type { RowOps } from './tfjsRows';

export interface Tables {
  /** Input vectors (syn0), [V, d]. */
  syn0: tf.Variable<tf.Rank.R2>;
  /** Output vectors for negative sampling (syn1neg), [V, d], or null without negative sampling. */
  syn1neg: tf.Variable<tf.Rank.R2> | null;
  /** Huffman inner-node vectors for hierarchical softmax (syn1), [V, d] (row V-1 unused), or null. */
  syn1: tf.Variable<tf.Rank.R2> | null;
}

interface OutputBlock {
  table: tf.Variable<tf.Rank.R2>;
  rows: Int32Array;
  labels: Float32Array;
  mask: Float32Array;
  width: number;
}

/**
 * Apply one batch to the tables (in place, through Variable.assign) and return the batch's summed loss as a scalar
 * tensor that the caller owns (dispose it after reading). Everything else is freed inside.
 */
export function trainStep(tables: Tables, batch: Batch, lr: number, ops: RowOps): tf.Scalar {
  const { size: B, inputWidth: C, nsWidth, hsWidth } = batch.layout;
  const blocks: OutputBlock[] = [];
  if (nsWidth > 0 && tables.syn1neg) {
    blocks.push({ table: tables.syn1neg, rows: batch.nsIdx, labels: batch.nsLabel, mask: batch.nsMask, width: nsWidth });
  }
  if (hsWidth > 0 && tables.syn1) {
    blocks.push({ table: tables.syn1, rows: batch.hsIdx, labels: batch.hsLabel, mask: batch.hsMask, width: hsWidth });
  }
  return tf.tidy(() => {
    const d = tables.syn0.shape[1];
    const negLr = tf.scalar(-lr);
    const inIdx = tf.tensor1d(batch.inputIdx, 'int32');
    const inRows = ops.gather(tables.syn0, inIdx); // [B*C, d]
    const inW = C > 1 ? tf.tensor3d(batch.inputWeight, [B, 1, C]) : null;
    // h: [B, 1, d]. CBOW: the weighted mean of the context rows; skip-gram: the row itself.
    const h: tf.Tensor3D = inW ? tf.matMul(inW, tf.reshape(inRows, [B, C, d])) : tf.reshape(inRows, [B, 1, d]);
    const hCol = tf.reshape(h, [B, d, 1]);
    let step: tf.Tensor3D | null = null; // -lr * dL/dh, [B, 1, d]
    let loss: tf.Tensor | null = null;
    const newOutputs: { table: tf.Variable<tf.Rank.R2>; value: tf.Tensor2D }[] = [];
    for (const blk of blocks) {
      const J = blk.width;
      const rowIdx = tf.tensor1d(blk.rows, 'int32');
      const U = tf.reshape(ops.gather(blk.table, rowIdx), [B, J, d]);
      const scores = tf.reshape(tf.matMul(U, hCol), [B, J]);
      const mask = tf.tensor2d(blk.mask, [B, J]);
      // Labels are 0 on every masked slot, so m (sigmoid(s) - t) = m sigmoid(s) - t.
      const g = tf.sub(tf.mul(tf.sigmoid(scores), mask), tf.tensor2d(blk.labels, [B, J]));
      const blockLoss = tf.sum(tf.mul(tf.softplus(tf.mul(scores, tf.tensor2d(negatedSigns(blk), [B, J]))), mask));
      loss = loss ? tf.add(loss, blockLoss) : blockLoss;
      const gl = tf.mul(g, negLr); // -lr dL/ds
      const hStep: tf.Tensor3D = tf.matMul(tf.reshape(gl, [B, 1, J]), U);
      step = step ? (tf.add(step, hStep) as tf.Tensor3D) : hStep;
      const uStep: tf.Tensor2D = tf.reshape(tf.mul(tf.reshape(gl, [B, J, 1]), h), [B * J, d]);
      newOutputs.push({ table: blk.table, value: ops.addRows(blk.table, blk.rows, rowIdx, uStep) });
    }
    if (step) {
      const inStep = C > 1 ? tf.mul(tf.tensor3d(batch.inputMask, [B, C, 1]), step) : step;
      tables.syn0.assign(ops.addRows(tables.syn0, batch.inputIdx, inIdx, tf.reshape(inStep, [B * C, d]) as tf.Tensor2D));
    }
    for (const o of newOutputs) o.table.assign(o.value);
    return (loss ?? tf.scalar(0)) as tf.Scalar;
  });
}

/** -(2t - 1) per slot: softplus(-(2t-1) s) is the slot's loss. Masked slots get 1 (their loss is masked anyway). */
function negatedSigns(blk: OutputBlock): Float32Array {
  const out = new Float32Array(blk.labels.length);
  for (let i = 0; i < out.length; i++) out[i] = 1 - 2 * blk.labels[i];
  return out;
}
