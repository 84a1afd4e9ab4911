// A linear probe: logistic regression on frozen word vectors, trained by full-batch gradient descent, tested on
// held-out words. A control run with shuffled labels shows how much a probe can fit without any real signal.
import { Rng } from '../../../core/train/rng';

export interface ProbeResult {
  trainAcc: number;
  testAcc: number;
  /** Test words with their predicted probability of the positive class. */
  test: { word: string; label: number; p: number }[];
}

/** Gradient-descent settings: enough for a ~100-word problem to converge; L2 keeps weights from blowing up. */
const EPOCHS = 300;
const LR = 0.5;
const L2 = 1e-3;

function shuffle<T>(xs: T[], rng: Rng): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export function trainProbe(
  rows: { word: string; x: Float32Array; label: number }[],
  seed: number,
  testShare: number,
  shuffleLabels = false,
): ProbeResult {
  const rng = new Rng(seed);
  let data = shuffle(rows, rng);
  if (shuffleLabels) {
    const labels = shuffle(data.map((r) => r.label), rng);
    data = data.map((r, i) => ({ ...r, label: labels[i] }));
  }
  const nTest = Math.max(1, Math.round(data.length * testShare));
  const test = data.slice(0, nTest);
  const train = data.slice(nTest);
  const dim = rows[0].x.length;
  const w = new Float64Array(dim);
  let b = 0;
  const prob = (x: Float32Array) => {
    let z = b;
    for (let d = 0; d < dim; d++) z += w[d] * x[d];
    return 1 / (1 + Math.exp(-z));
  };
  for (let e = 0; e < EPOCHS; e++) {
    const g = new Float64Array(dim);
    let gb = 0;
    for (const r of train) {
      const err = prob(r.x) - r.label;
      for (let d = 0; d < dim; d++) g[d] += err * r.x[d];
      gb += err;
    }
    for (let d = 0; d < dim; d++) w[d] -= LR * (g[d] / train.length + L2 * w[d]);
    b -= (LR * gb) / train.length;
  }
  const acc = (set: typeof data) => set.filter((r) => (prob(r.x) >= 0.5 ? 1 : 0) === r.label).length / set.length;
  return { trainAcc: acc(train), testAcc: acc(test), test: test.map((r) => ({ word: r.word, label: r.label, p: prob(r.x) })) };
}
