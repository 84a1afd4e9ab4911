// Trains the masked-language model in chunks of optimiser steps (the registry's 'steps' unit), with Adam on tfjs
// variables. Batches are built in JavaScript from the seed (mlmBatches.ts), the weights start from the seed
// (transformer.ts), and Adam's arithmetic is plain float32, so one seed gives the same weights on the tfjs cpu
// backend every time. The learning rate falls linearly to FINAL_LR_SHARE of its start over the run.
import * as tf from '@tensorflow/tfjs';
import type { EncodedCorpus } from '../../text/corpus';
import type { Vocab } from '../../text/vocab';
import { RecentMean } from '../../train/recentMean';
import { Rng } from '../../train/rng';
import { DivergenceError } from '../../train/types';
import type { Progress, Trainer } from '../types';
import { maskedBatch, sentencesFrom, shuffledOrder, type SentenceSet } from './mlmBatches';
import { MlmModel } from './mlmModel';
import { SPECIAL_TOKENS } from './mlmTokenizer';
import { initialWeights, mlmLoss, weightNames, weightShape, type TransformerShape, type Weights } from './transformer';

export interface MlmSettings {
  dim: number;
  layers: number;
  heads: number;
  ffn: number;
  seqLen: number;
  /** Words kept as tokens (most frequent first); the rest of the corpus becomes [UNK]. */
  vocabSize: number;
  maskRate: number;
  lr: number;
  batch: number;
  epochs: number;
  seed: number;
  /** Stop after this many steps when fewer than the epochs would take (0 = no cap); the learning rate then falls
   *  over the capped run. For builds and benches that have minutes, not hours. */
  maxSteps?: number;
}

/** The learning rate ends at this share of its start (a linear decay; Adam needs no warm-up at this size with
 *  pre-LN blocks, see transformer.ts). */
const FINAL_LR_SHARE = 0.1;
/** The running loss averages at least this many recent steps. */
const LOSS_WINDOW_STEPS = 20;
/** One run() call stops after this long even when its budget is not spent, so the CLI's Ctrl-C and the worker's
 *  pause stay responsive whatever the budget (the CLI asks for 50,000 units, meant for words). */
const MAX_CHUNK_MS = 500;

/** Length range of the sentences shown in the lab's live guesses: long enough to give context, short enough to read. */
const PROBE_MIN_WORDS = 5;
const PROBE_MAX_WORDS = 16;

const now = (): number => performance.now();

export class MlmTrainer implements Trainer {
  readonly modelId: string;
  readonly vocab: Vocab;
  readonly shape: TransformerShape;
  readonly tokens: string[];
  /** The sentences it trains on (everything but the held-out ones). */
  readonly trainSet: SentenceSet;
  /** Sentences never trained on (every 50th of the corpus), for masked-word accuracy. */
  readonly heldOut: SentenceSet;
  private readonly variables: tf.Variable[];
  private readonly weights: Weights;
  private readonly optimizer: tf.AdamOptimizer;
  private readonly rng: Rng;
  private order: Int32Array;
  private position = 0;
  private epoch = 0;
  private step = 0;
  readonly stepsPerEpoch: number;
  private seconds = 0;
  private tokensSeen = 0;
  private readonly loss = new RecentMean(LOSS_WINDOW_STEPS);
  private readonly speed = new RecentMean(LOSS_WINDOW_STEPS);
  private disposed = false;

  constructor(
    corpus: EncodedCorpus,
    readonly settings: Readonly<MlmSettings>,
    readonly engine: string,
    modelId = 'mlm',
  ) {
    this.modelId = modelId;
    this.vocab = corpus.vocab;
    const words = Math.min(settings.vocabSize, corpus.vocab.words.length);
    this.tokens = [...SPECIAL_TOKENS, ...corpus.vocab.words.slice(0, words)];
    this.shape = { vocab: this.tokens.length, dim: settings.dim, layers: settings.layers, heads: settings.heads, ffn: settings.ffn, maxLen: settings.seqLen };
    const { train, heldOut } = sentencesFrom(corpus, words, settings.seqLen);
    if (train.sentences.length === 0) throw new Error(`The corpus has no sentence of at least 2 words to learn from.`);
    this.trainSet = train;
    this.heldOut = heldOut;
    this.stepsPerEpoch = Math.ceil(train.sentences.length / settings.batch);
    const init = initialWeights(this.shape, settings.seed);
    this.weights = {};
    this.variables = weightNames(this.shape).map((n) => {
      // tidy frees the start value once the variable holds it (otherwise it stays counted, and on a GPU allocated,
      // after dispose(): tf.memory().numTensors would grow by one per weight with every new trainer).
      const v = tf.tidy(() => tf.variable(tf.tensor(init.get(n)!, weightShape(this.shape, n)), true));
      this.weights[n] = v;
      return v;
    });
    this.optimizer = tf.train.adam(settings.lr);
    this.rng = new Rng(settings.seed);
    this.order = shuffledOrder(train.sentences.length, this.rng);
  }

  get dim(): number {
    return this.settings.dim;
  }

  get epochs(): number {
    return this.settings.epochs;
  }

  get done(): boolean {
    return this.epoch >= this.settings.epochs || this.step >= this.totalSteps;
  }

  get totalSteps(): number {
    const all = this.stepsPerEpoch * this.settings.epochs;
    return this.settings.maxSteps ? Math.min(all, this.settings.maxSteps) : all;
  }

  private learningRate(): number {
    return this.settings.lr * (1 - (1 - FINAL_LR_SHARE) * (this.step / this.totalSteps));
  }

  async run(budget: number): Promise<Progress> {
    if (this.disposed) throw new Error('This trainer was disposed.');
    const t0 = now();
    const steps = Math.max(1, Math.floor(budget));
    for (let i = 0; i < steps && !this.done; i++) {
      const s0 = now();
      const lossValue = await this.oneStep();
      this.loss.add(lossValue, 1);
      this.speed.add((now() - s0) / 1000, 1);
      if (now() - t0 > MAX_CHUNK_MS) break;
    }
    this.seconds += (now() - t0) / 1000;
    return this.progress();
  }

  private async oneStep(): Promise<number> {
    const s = this.settings;
    const picked = this.order.subarray(this.position, Math.min(this.order.length, this.position + s.batch));
    const batch = maskedBatch(Array.from(picked, (i) => this.trainSet.sentences[i]!), s.seqLen, this.shape.vocab, s.maskRate, this.rng);
    this.position += picked.length;
    (this.optimizer as unknown as { learningRate: number }).learningRate = this.learningRate();
    const loss = tf.tidy(() => {
      const ids = tf.tensor2d(batch.ids, [batch.size, batch.length], 'int32');
      const keep = tf.tensor2d(batch.keep, [batch.size, batch.length]);
      const at = tf.tensor1d(batch.at, 'int32');
      const targets = tf.tensor1d(batch.targets, 'int32');
      return this.optimizer.minimize(() => mlmLoss(this.weights, this.shape, ids, keep, at, targets), true, this.variables)!;
    });
    const value = (await loss.data())[0]!;
    loss.dispose();
    if (!Number.isFinite(value)) {
      const lr = s.lr / 4;
      throw new DivergenceError(`The masked-language model diverged (loss ${value}) at learning rate ${s.lr}. Try ${lr}.`, lr);
    }
    this.step++;
    this.tokensSeen += batch.tokens;
    if (this.position >= this.order.length) {
      this.position = 0;
      this.epoch++;
      if (!this.done) this.order = shuffledOrder(this.trainSet.sentences.length, this.rng);
    }
    return value;
  }

  /** Corpus tokens fed through the model so far (for tokens/s). */
  get tokensDone(): number {
    return this.tokensSeen;
  }

  progress(): Progress {
    const secs = this.speed.sum();
    return {
      epoch: this.epoch,
      epochs: this.settings.epochs,
      unitsDone: this.step,
      unitsTotal: this.totalSteps,
      unitsPerSec: secs > 0 ? this.speed.count() / secs : 0,
      loss: this.loss.mean(),
      lr: this.learningRate(),
      seconds: this.seconds,
      done: this.done,
    };
  }

  /** Held-out sentences (training ones when the corpus is too small to hold any out) of 5-16 words, as words. */
  probeSentences(n: number): string[][] {
    const fits = (s: Int32Array) => s.length >= PROBE_MIN_WORDS && s.length <= PROBE_MAX_WORDS;
    const pool = this.heldOut.sentences.filter(fits);
    const from = pool.length >= n ? pool : [...pool, ...this.trainSet.sentences.filter(fits)];
    return from.slice(0, n).map((s) => Array.from(s, (id) => this.tokens[id]!));
  }

  /** The model over the live weights (valid mid-training; it shares the trainer's variables). */
  model(): MlmModel {
    return new MlmModel(this.shape, this.tokens, this.weights, { steps: this.step, seed: this.settings.seed });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const v of this.variables) v.dispose();
    this.optimizer.dispose();
  }
}

