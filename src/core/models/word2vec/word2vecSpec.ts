// Skip-gram and CBOW as registry entries. The engines in src/core/train are used as they are: this file only
// declares their parameters and adapts an EmbeddingTrainer to the registry's Trainer and StaticModel.
import { createTrainer } from '../../train/createTrainer';
import { DEFAULT_TRAIN_CONFIG, type EmbeddingTrainer, type EngineName, type ModelKind, type TrainConfig } from '../../train/types';
import { MAX_NEGATIVE, MAX_WINDOW } from '../../train/validateConfig';
import type { ModelConfig, ModelSpec, ParamSpec, Progress, StaticModel, Trainer } from '../types';
import { textCorpusOf } from '../trainData';

export interface Word2VecParams {
  [key: string]: number | boolean | string;
  window: number;
  negative: number;
  hs: boolean;
  sample: number;
  alpha: number;
  minAlpha: number;
  batchSize: number;
}

/** Every engine of src/core/train, fastest-first in a browser that has them all (the worker's "auto" probes). */
export const WORD2VEC_ENGINES: readonly EngineName[] = ['cpu', 'tfjs-webgpu', 'tfjs-webgl', 'tfjs-wasm', 'tfjs-cpu'];

const D = DEFAULT_TRAIN_CONFIG;

export const WORD2VEC_PARAMS: readonly ParamSpec<Word2VecParams>[] = [
  { key: 'window', type: 'int', min: 1, max: MAX_WINDOW, default: D.window, label: 'Window', help: 'Maximum distance between a word and its context words (reduced at random, as in word2vec)', cliFlag: 'window', urlKey: 'window' },
  { key: 'negative', type: 'int', min: 0, max: MAX_NEGATIVE, default: D.negative, label: 'Negative samples', help: 'Noise words per true pair (0 with hierarchical softmax on = pure hierarchical softmax)', cliFlag: 'negative', urlKey: 'negative' },
  { key: 'hs', type: 'bool', default: D.hs, label: 'Hierarchical softmax', help: 'Predict through a Huffman tree of binary decisions', cliFlag: 'hs', urlKey: 'hs' },
  { key: 'sample', type: 'float', min: 0, default: D.sample, label: 'Subsampling', help: 'Down-sample words more frequent than this share of the corpus (0 = off)', cliFlag: 'sample', urlKey: 'sample' },
  { key: 'alpha', type: 'float', min: 0, exclusiveMin: true, default: D.alpha, label: 'Learning rate', help: 'Starting learning rate; it falls linearly to min-alpha', cliFlag: 'alpha', urlKey: 'alpha' },
  { key: 'minAlpha', type: 'float', min: 0, default: D.minAlpha, label: 'Final learning rate', help: 'Learning rate reached at the end of the last epoch', cliFlag: 'min-alpha', urlKey: 'minAlpha', inLab: false },
  { key: 'batchSize', type: 'int', min: 1, default: D.batchSize, label: 'Batch size', help: 'Pairs per batch (TensorFlow.js engines only)', cliFlag: 'batch-size', urlKey: 'batch', inLab: false },
];

function validateWord2Vec(p: Word2VecParams): string[] {
  const out: string[] = [];
  if (p.negative === 0 && !p.hs) out.push('nothing to train with --negative 0 and --hs 0: use negative sampling, --hs 1, or both');
  if (p.minAlpha > p.alpha) out.push(`--min-alpha (${p.minAlpha}) is above --alpha (${p.alpha})`);
  return out;
}

/** The flat TrainConfig the engines take, from the registry's split config. */
export function trainConfigFrom(kind: ModelKind, c: ModelConfig<Word2VecParams>): TrainConfig {
  const { common, params } = c;
  return {
    ...DEFAULT_TRAIN_CONFIG,
    model: kind,
    dim: common.dim,
    epochs: common.epochs,
    minCount: common.minCount,
    maxVocab: common.maxVocab,
    seed: common.seed,
    threads: common.threads,
    window: params.window,
    negative: params.negative,
    hs: params.hs,
    sample: params.sample,
    alpha: params.alpha,
    minAlpha: params.minAlpha,
    batchSize: params.batchSize,
  };
}

/** The registry's Trainer over an engine's EmbeddingTrainer; progress in corpus tokens. */
export class Word2VecTrainer implements Trainer {
  readonly modelId: string;
  constructor(readonly inner: EmbeddingTrainer) {
    this.modelId = inner.config.model;
  }
  get engine(): string {
    return String(this.inner.engine);
  }
  get vocab() {
    return this.inner.vocab;
  }
  get dim(): number {
    return this.inner.dim;
  }
  get epochs(): number {
    return this.inner.config.epochs;
  }
  get done(): boolean {
    return this.inner.done;
  }
  async run(budget: number): Promise<Progress> {
    await this.inner.run(budget);
    return this.progress();
  }
  progress(): Progress {
    const p = this.inner.progress();
    return {
      epoch: p.epoch,
      epochs: this.inner.config.epochs,
      unitsDone: p.wordsDone,
      unitsTotal: p.wordsTotal,
      unitsPerSec: p.wordsPerSec,
      loss: p.loss,
      lr: p.lr,
      seconds: p.seconds,
      done: p.done,
    };
  }
  model(): StaticModel {
    const inner = this.inner;
    return {
      kind: 'static',
      words: inner.vocab.words,
      dim: inner.dim,
      vectors: () => inner.vectors(),
      vectorsFor: (ids) => inner.vectorsFor(ids),
    };
  }
  dispose(): void {
    this.inner.dispose();
  }
}

function word2vecSpec(kind: ModelKind, title: string, summary: string): ModelSpec<Word2VecParams> {
  return {
    id: kind,
    title,
    summary,
    family: 'static',
    params: WORD2VEC_PARAMS,
    engines: WORD2VEC_ENGINES,
    unit: 'words',
    lossName: 'negative log-likelihood per example',
    validate: validateWord2Vec,
    async create(data, config, engine, opts) {
      const inner = await createTrainer(textCorpusOf(data, title), trainConfigFrom(kind, config), engine as EngineName, { onLog: opts?.onLog });
      return new Word2VecTrainer(inner);
    },
  };
}

export const SKIPGRAM_SPEC = word2vecSpec('skipgram', 'skip-gram', 'Skip-gram predicts the context words from a word (word2vec)');
export const CBOW_SPEC = word2vecSpec('cbow', 'CBOW', 'CBOW predicts a word from the average of its context (word2vec)');
