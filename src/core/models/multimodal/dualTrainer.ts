// Training the image-text model: batches of (caption, picture) pairs, the two encoders, the batch's similarity
// matrix, and one of the two contrastive losses minimised by Adam. The other loss is computed on the same matrix at
// every step (no gradient) so that the page can draw both curves whichever one trains.
// Every read from the backend is asynchronous (await data()): WebGPU has no real synchronous read (tfjs emulates one
// through a canvas, which returned zeros on Chromium's software WebGPU), and on WebGL a synchronous read stalls the
// worker until the GPU has finished. model() stays synchronous for the CPU backends (CLI, bench, tests); readModel()
// is the one for every backend.
import * as tf from '@tensorflow/tfjs';
import type { ImageCaptionPairs, Progress, Trainer } from '../types';
import { buildVocab, countWords, type Vocab } from '../../text/vocab';
import { captionTokens } from '../../multimodal/captions';
import { RecentMean } from '../../train/recentMean';
import { Rng } from '../../train/rng';
import { DivergenceError } from '../../train/types';
import { hingeTf, infoNceTf } from './contrastiveLossTf';
import type { ContrastiveLoss } from './contrastiveLoss';
import { bagsOf, initialWeights, pixelsToInput, type DualArchitecture, type NamedWeight } from './dualArchitecture';
import { encodeImagesTf, encodeTextsTf, type WeightTensors } from './dualEncoder';
import { MultimodalModel } from './dualModel';

export interface DualTrainConfig {
  dim: number;
  epochs: number;
  seed: number;
  batchSize: number;
  loss: ContrastiveLoss;
  temperature: number;
  margin: number;
  /** Adam's step size. */
  alpha: number;
  channels: readonly number[];
}

/** The recent-loss mean covers the last 200 to 400 pairs: a few batches, so the curve follows the trend. */
const LOSS_WINDOW_PAIRS = 200;
/** Numbers the tfjs variables of each trainer apart (tfjs wants globally unique variable names). */
let trainerCount = 0;

/** Both losses' recent means, whichever one trains. */
export interface DualLosses {
  infonce: number;
  hinge: number;
}

export class DualTrainer implements Trainer {
  readonly modelId: string;
  readonly engine: string;
  /** The tfjs backend these variables live on, as tfjs reports it (the page shows it: no silent fallback). */
  readonly backend: string;
  readonly vocab: Vocab;
  readonly dim: number;
  readonly epochs: number;
  readonly arch: DualArchitecture;
  private readonly vars: Record<string, tf.Variable>;
  private readonly optimizer: tf.Optimizer;
  private readonly rng: Rng;
  private readonly captionIds: Int32Array;
  private readonly index: Map<string, number>;
  private readonly batch: number;
  private readonly stepsPerEpoch: number;
  private order: Uint32Array;
  private steps = 0;
  private seconds = 0;
  private readonly recent = { infonce: new RecentMean(LOSS_WINDOW_PAIRS), hinge: new RecentMean(LOSS_WINDOW_PAIRS) };

  constructor(
    modelId: string,
    engine: string,
    private readonly pairs: ImageCaptionPairs,
    private readonly cfg: DualTrainConfig,
  ) {
    const n = pairs.images.length;
    if (n !== pairs.captions.length) throw new Error(`${n} images but ${pairs.captions.length} captions: each image needs one caption.`);
    if (n < 2) throw new Error('A contrastive model needs at least 2 image-caption pairs (each batch contrasts a pair with the others).');
    const side = pairs.images[0]!.width;
    this.modelId = modelId;
    this.engine = engine;
    this.backend = tf.getBackend();
    this.dim = cfg.dim;
    this.epochs = cfg.epochs;
    const { counts, rawTokens } = countWords(pairs.captions.map(captionTokens));
    this.vocab = buildVocab(counts, rawTokens, { minCount: 1, maxSize: 0 });
    this.index = new Map(this.vocab.words.map((w, i) => [w, i]));
    this.arch = { words: this.vocab.words, dim: cfg.dim, imageSize: side, channels: cfg.channels };
    const distinct = new Map<string, number>();
    this.captionIds = Int32Array.from(pairs.captions, (c) => {
      const key = captionTokens(c).join(' ');
      if (!distinct.has(key)) distinct.set(key, distinct.size);
      return distinct.get(key)!;
    });
    this.vars = {};
    const prefix = `dual${++trainerCount}`;
    // tidy frees the start values once the variables hold them (a variable shares its initial tensor's data, which
    // would otherwise stay counted, and on a GPU stay allocated, after dispose()).
    for (const w of initialWeights(this.arch, cfg.seed)) this.vars[w.name] = tf.tidy(() => tf.variable(tf.tensor(w.values, w.shape), true, `${prefix}.${w.name}`));
    this.optimizer = tf.train.adam(cfg.alpha);
    this.rng = new Rng(cfg.seed + 1);
    this.batch = Math.min(cfg.batchSize, n);
    this.stepsPerEpoch = Math.floor(n / this.batch);
    this.order = this.shuffled();
  }

  get done(): boolean {
    return this.steps >= this.stepsPerEpoch * this.epochs;
  }

  async run(budget: number): Promise<Progress> {
    const t0 = performance.now();
    let pairs = 0;
    while (!this.done && (pairs === 0 || pairs < budget)) {
      await this.step();
      pairs += this.batch;
    }
    this.seconds += (performance.now() - t0) / 1000;
    return this.progress();
  }

  private async step(): Promise<void> {
    const inEpoch = this.steps % this.stepsPerEpoch;
    if (inEpoch === 0 && this.steps > 0) this.order = this.shuffled();
    const ids = this.order.subarray(inEpoch * this.batch, (inEpoch + 1) * this.batch);
    const B = ids.length;
    const side = this.arch.imageSize;
    const images = pixelsToInput(Array.from(ids, (i) => this.pairs.images[i]!), side);
    const { bags } = bagsOf(Array.from(ids, (i) => this.pairs.captions[i]!), this.index, captionTokens);
    const negative = new Float32Array(B * B);
    for (let i = 0; i < B; i++) for (let j = 0; j < B; j++) negative[i * B + j] = this.captionIds[ids[i]!] !== this.captionIds[ids[j]!] ? 1 : 0;
    let other: tf.Scalar | null = null;
    const trained = this.cfg.loss;
    const cost = tf.tidy(() => {
      const x = tf.tensor4d(images, [B, side, side, 3]);
      const bagT = tf.tensor2d(bags, [B, this.arch.words.length]);
      const neg = tf.tensor2d(negative, [B, B]);
      return this.optimizer.minimize(() => {
        const sim = tf.matMul(encodeTextsTf(this.vars, bagT), encodeImagesTf(this.vars, this.arch, x), false, true) as tf.Tensor2D;
        const info = infoNceTf(sim, this.cfg.temperature, neg);
        const hinge = hingeTf(sim, this.cfg.margin, neg);
        other = tf.keep(trained === 'infonce' ? hinge : info);
        return trained === 'infonce' ? info : hinge;
      }, true)!;
    });
    const watched = other as tf.Scalar | null;
    // Both scalars in one read: one wait for the GPU per step, not two.
    const both = watched ? tf.stack([cost, watched]) : cost;
    const values = await both.data();
    const value = values[0]!;
    const otherValue = watched ? values[1]! : NaN;
    if (both !== cost) both.dispose();
    cost.dispose();
    watched?.dispose();
    if (!Number.isFinite(value)) {
      throw new DivergenceError(`The ${trained} loss became ${value} at step ${this.steps + 1}: the learning rate ${this.cfg.alpha} is too large for these weights.`, this.cfg.alpha / 4);
    }
    this.recent[trained].add(value * B, B);
    this.recent[trained === 'infonce' ? 'hinge' : 'infonce'].add(otherValue * B, B);
    this.steps++;
  }

  /** A new random order of the pairs for one pass (Fisher-Yates on the seeded generator). */
  private shuffled(): Uint32Array {
    const n = this.pairs.images.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.rng.nextU32() % (i + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    return order;
  }

  /** Recent means of both losses (the trained one and the one watched). */
  losses(): DualLosses {
    return { infonce: this.recent.infonce.mean(), hinge: this.recent.hinge.mean() };
  }

  progress(): Progress {
    const unitsDone = this.steps * this.batch;
    return {
      epoch: Math.min(this.epochs, Math.floor(this.steps / this.stepsPerEpoch)),
      epochs: this.epochs,
      unitsDone,
      unitsTotal: this.stepsPerEpoch * this.epochs * this.batch,
      unitsPerSec: this.seconds > 0 ? unitsDone / this.seconds : 0,
      loss: this.recent[this.cfg.loss].mean(),
      lr: this.cfg.alpha,
      seconds: this.seconds,
      done: this.done,
    };
  }

  /** A snapshot of the weights as they are now (training may go on afterwards), read synchronously: for the CPU
   *  backends only (see the file comment); readModel() works on all. */
  model(): MultimodalModel {
    if (tf.getBackend() === 'webgpu') throw new Error('The WebGPU backend cannot read weights synchronously: use readModel().');
    const weights: NamedWeight[] = Object.entries(this.vars).map(([name, v]) => ({ name, shape: [...v.shape], values: new Float32Array(v.dataSync()) }));
    return new MultimodalModel(this.arch, weights);
  }

  /** The same snapshot read asynchronously, on any backend. */
  async readModel(): Promise<MultimodalModel> {
    const entries = Object.entries(this.vars);
    const values = await Promise.all(entries.map(([, v]) => v.data() as Promise<Float32Array>));
    return new MultimodalModel(this.arch, entries.map(([name, v], i) => ({ name, shape: [...v.shape], values: new Float32Array(values[i]!) })));
  }

  dispose(): void {
    for (const v of Object.values(this.vars)) v.dispose();
    this.optimizer.dispose();
  }

  /** For tests: the live variables as tensors. */
  weightTensors(): WeightTensors {
    return this.vars;
  }
}
