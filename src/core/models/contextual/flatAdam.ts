// Adam (Kingma & Ba, 2015) over all of a model's weights as one flat vector, for the GPU backends. tfjs's own
// tf.train.adam updates each weight tensor on its own, about fourteen kernel launches per weight and step (490 for
// the masked LM's 35 weights, out of about 1,265 launches a step), and on a GPU backend a launch costs more than
// the arithmetic of a small tensor. Here the gradients are concatenated once, the two moments live in two flat
// variables, and each weight takes back its slice of the update: about 85 launches. The arithmetic is tf.train.adam's,
// operation for operation (same epsilon, same order), so the two agree to float32 rounding
// (tests/unit/flatAdam.test.ts).
import * as tf from '@tensorflow/tfjs';

const BETA1 = 0.9;
const BETA2 = 0.999;

export class FlatAdam {
  /** Read before every step, like tf.train.adam's (the trainer's schedule sets it). */
  learningRate: number;
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  private readonly epsilon: number;
  private accBeta1 = 1;
  private accBeta2 = 1;

  constructor(private readonly vars: readonly tf.Variable[], learningRate: number) {
    this.learningRate = learningRate;
    const size = vars.reduce((n, w) => n + w.size, 0);
    // tidy frees the zeros once the variables hold them (see mlmTrainer.ts).
    this.m = tf.tidy(() => tf.variable(tf.zeros([size]), false));
    this.v = tf.tidy(() => tf.variable(tf.zeros([size]), false));
    // tf.train.adam's default: the backend's own epsilon.
    this.epsilon = tf.backend().epsilon();
  }

  /** One step on the loss `f`; returns the loss (the caller disposes it). */
  minimize(f: () => tf.Scalar): tf.Scalar {
    const { value, grads } = tf.variableGrads(f, [...this.vars]);
    // In float32, as tf.train.adam keeps them (1 - 0.999^t in float64 differs from float32's by about 1e-5).
    this.accBeta1 = Math.fround(this.accBeta1 * Math.fround(BETA1));
    this.accBeta2 = Math.fround(this.accBeta2 * Math.fround(BETA2));
    tf.tidy(() => {
      const g = tf.concat(this.vars.map((w) => tf.reshape(grads[w.name]!, [-1])));
      const m = tf.add(tf.mul(this.m, BETA1), tf.mul(g, 1 - BETA1));
      const v = tf.add(tf.mul(this.v, BETA2), tf.mul(tf.square(g), 1 - BETA2));
      const mHat = tf.div(m, Math.fround(1 - this.accBeta1));
      const vHat = tf.div(v, Math.fround(1 - this.accBeta2));
      const step = tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), this.epsilon)), -this.learningRate);
      this.m.assign(m);
      this.v.assign(v);
      let offset = 0;
      for (const w of this.vars) {
        w.assign(tf.add(tf.reshape(tf.slice(step, [offset], [w.size]), w.shape), w));
        offset += w.size;
      }
    });
    tf.dispose(grads);
    return value;
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
  }
}
