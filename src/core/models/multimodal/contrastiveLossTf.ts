// The losses of contrastiveLoss.ts on tfjs tensors, for training (autodiff gives the gradients). Entries that are
// not negatives are pushed to -MASKED_LOGIT before the softmax, which removes them exactly in float32 (exp underflows
// to 0) without a gather; the hinge simply multiplies by the mask.
import * as tf from '@tensorflow/tfjs';

/** Added (negated) to the logits of pairs that are not negatives: exp(-1e4) is 0 in float32. */
const MASKED_LOGIT = 1e4;

/** sim: [n, n] (captions x images); negative: [n, n] of 0/1 (diagonal 0). Returns a scalar. */
export function infoNceTf(sim: tf.Tensor2D, temperature: number, negative: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const n = sim.shape[0];
    const eye = tf.eye(n);
    const kept = tf.add(negative, eye);
    const logits = tf.add(tf.div(sim, temperature), tf.mul(tf.sub(1, kept), -MASKED_LOGIT));
    const diag = tf.sum(tf.mul(logits, eye), 1);
    const rows = tf.sub(tf.logSumExp(logits, 1), diag);
    const cols = tf.sub(tf.logSumExp(logits, 0), diag);
    return tf.div(tf.add(tf.sum(rows), tf.sum(cols)), 2 * n) as tf.Scalar;
  });
}

export function hingeTf(sim: tf.Tensor2D, margin: number, negative: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const n = sim.shape[0];
    const diag = tf.sum(tf.mul(sim, tf.eye(n)), 1);
    // [i, j]: caption i ranked against image j, and image i against caption j (the transpose).
    const textToImage = tf.relu(tf.add(tf.sub(margin, tf.reshape(diag, [n, 1])), sim));
    const imageToText = tf.relu(tf.add(tf.sub(margin, tf.reshape(diag, [n, 1])), tf.transpose(sim)));
    const total = tf.add(tf.sum(tf.mul(textToImage, negative)), tf.sum(tf.mul(imageToText, tf.transpose(negative))));
    return tf.div(total, n) as tf.Scalar;
  });
}
