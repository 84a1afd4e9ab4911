// fastText with subwords as a registry entry: its parameters (named as the CLI already names word2vec's where they
// mean the same; fastText's own -minn, -maxn and -bucket otherwise), an adapter from FastTextTrainer to the
// registry's Trainer, and save/load in the lab's subword model file (.elft) so that unseen words survive a save.
import { MAX_NEGATIVE, MAX_WINDOW } from '../../train/validateConfig';
import type { Model, ModelConfig, ModelSpec, ParamSpec, Progress, SubwordModel, Trainer } from '../types';
import { FastTextVectors } from './fastTextVectors';
import {
  DEFAULT_FASTTEXT_CONFIG,
  FastTextTrainer,
  MAX_BUCKET,
  MAX_NGRAM,
  validateFastTextConfig,
  type FastTextConfig,
} from './fastTextTrainer';
import { readSubwordModel, writeSubwordModel } from './subwordModelFile';
import { textCorpusOf } from '../trainData';

export interface FastTextParams {
  [key: string]: number | boolean | string;
  arch: string;
  window: number;
  negative: number;
  sample: number;
  alpha: number;
  minAlpha: number;
  minn: number;
  maxn: number;
  bucket: number;
}

const D = DEFAULT_FASTTEXT_CONFIG;

export const FASTTEXT_PARAMS: readonly ParamSpec<FastTextParams>[] = [
  { key: 'arch', type: 'enum', values: ['skipgram', 'cbow'], default: 'skipgram', label: 'Architecture', help: 'skipgram: a word (with its n-grams) predicts its context; cbow: the context (with its n-grams) predicts the word', cliFlag: 'arch', urlKey: 'arch' },
  { key: 'window', type: 'int', min: 1, max: MAX_WINDOW, default: D.window, label: 'Window', help: 'Maximum distance between a word and its context words (reduced at random, as in word2vec)', cliFlag: 'window', urlKey: 'window' },
  { key: 'negative', type: 'int', min: 1, max: MAX_NEGATIVE, default: D.negative, label: 'Negative samples', help: 'Noise words per true pair, drawn by count^0.5 as fastText does', cliFlag: 'negative', urlKey: 'negative' },
  { key: 'sample', type: 'float', min: 0, max: 0.1, default: D.sample, label: 'Subsampling', help: 'Down-sample words more frequent than this share of the corpus (fastText -t; 0 = off)', cliFlag: 'sample', urlKey: 'sample' },
  { key: 'alpha', type: 'float', min: 0, exclusiveMin: true, max: 10, default: D.alpha, label: 'Learning rate', help: 'Starting learning rate (fastText -lr); it falls linearly to min-alpha', cliFlag: 'alpha', urlKey: 'alpha' },
  { key: 'minAlpha', type: 'float', min: 0, max: 10, default: D.minAlpha, label: 'Final learning rate', help: 'Learning rate reached at the end of the last epoch', cliFlag: 'min-alpha', urlKey: 'minAlpha' },
  { key: 'minn', type: 'int', min: 1, max: MAX_NGRAM, default: D.minn, label: 'Shortest n-gram', help: 'Shortest character n-gram of <word> (fastText -minn)', cliFlag: 'minn', urlKey: 'minn' },
  { key: 'maxn', type: 'int', min: 0, max: MAX_NGRAM, default: D.maxn, label: 'Longest n-gram', help: 'Longest character n-gram (fastText -maxn; 0 = no subwords, plain word vectors)', cliFlag: 'maxn', urlKey: 'maxn' },
  { key: 'bucket', type: 'int', min: 0, max: MAX_BUCKET, default: D.bucket, label: 'N-gram buckets', help: 'Rows the n-grams are hashed into (fastText -bucket; its default 2,000,000 needs 800 MB at dim 100)', cliFlag: 'bucket', urlKey: 'bucket' },
];

/** The flat FastTextConfig the trainer takes, from the registry's split config. */
export function fastTextConfigFrom(c: ModelConfig<FastTextParams>): FastTextConfig {
  const { common, params } = c;
  return {
    ...D,
    model: params.arch === 'cbow' ? 'cbow' : 'skipgram',
    dim: common.dim,
    epochs: common.epochs,
    minCount: common.minCount,
    maxVocab: common.maxVocab,
    seed: common.seed,
    threads: 1,
    window: params.window,
    negative: params.negative,
    sample: params.sample,
    alpha: params.alpha,
    minAlpha: params.minAlpha,
    minn: params.minn,
    maxn: params.maxn,
    bucket: params.bucket,
  };
}

function validateFastTextParams(p: FastTextParams): string[] {
  const out: string[] = [];
  if (p.maxn > 0 && p.maxn < p.minn) out.push(`--maxn (${p.maxn}) is below --minn (${p.minn}): raise --maxn, or set it to 0 for no subwords`);
  if (p.maxn > 0 && p.bucket === 0) out.push('--bucket 0 leaves the n-grams nowhere to go: set --bucket above 0, or --maxn 0');
  if (p.minAlpha > p.alpha) out.push(`--min-alpha (${p.minAlpha}) is above --alpha (${p.alpha})`);
  return out;
}

/** A SubwordModel that can also hand out its full FastTextVectors (for saving, n-gram shares and neighbours). */
export interface FastTextModel extends SubwordModel {
  fastTextVectors(): FastTextVectors;
}

export function isFastTextModel(m: Model): m is FastTextModel {
  return m.kind === 'subword' && typeof (m as Partial<FastTextModel>).fastTextVectors === 'function';
}

function modelOf(kv: FastTextVectors): FastTextModel {
  return {
    kind: 'subword',
    words: kv.words,
    dim: kv.dim,
    vectors: () => kv.vectors.slice(),
    vectorsFor: (ids) => {
      const out = new Float32Array(ids.length * kv.dim);
      for (let i = 0; i < ids.length; i++) out.set(kv.row(ids[i]!), i * kv.dim);
      return out;
    },
    vectorOf: (word) => kv.vectorOf(word),
    fastTextVectors: () => kv,
  };
}

/** The registry's Trainer over FastTextTrainer; progress in corpus tokens. */
export class FastTextRegistryTrainer implements Trainer {
  readonly modelId = 'fasttext';
  constructor(readonly inner: FastTextTrainer) {}
  get engine(): string {
    return this.inner.engine;
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
      epoch: p.epoch, epochs: this.inner.config.epochs, unitsDone: p.wordsDone, unitsTotal: p.wordsTotal,
      unitsPerSec: p.wordsPerSec, loss: p.loss, lr: p.lr, seconds: p.seconds, done: p.done,
    };
  }
  /** Live view: word vectors are composed from the current rows on demand; fastTextVectors() takes a copy. */
  model(): FastTextModel {
    const inner = this.inner;
    return {
      kind: 'subword',
      words: inner.vocab.words,
      dim: inner.dim,
      vectors: () => inner.vectors(),
      vectorsFor: (ids) => inner.vectorsFor(ids),
      vectorOf: (word) => inner.vectorOf(word),
      fastTextVectors: () => inner.subwordVectors(),
    };
  }
  dispose(): void {
    this.inner.dispose();
  }
}

export const FASTTEXT_SPEC: ModelSpec<FastTextParams> = {
  id: 'fasttext',
  title: 'fastText',
  summary: 'fastText builds each word from its own vector and its character n-grams (3-6 letters), so unseen and misspelled words get vectors too',
  family: 'subword',
  params: FASTTEXT_PARAMS,
  engines: ['cpu'],
  unit: 'words',
  lossName: 'negative log-likelihood per example',
  validate: validateFastTextParams,
  create(data, config, engine, opts) {
    if (engine !== 'cpu') return Promise.reject(new Error(`fastText runs on the cpu engine only, not "${engine}".`));
    if (config.common.threads > 1) opts?.onLog?.(`fastText trains on 1 thread (asked for ${config.common.threads}), deterministically.`);
    const flat = fastTextConfigFrom(config);
    validateFastTextConfig(flat);
    const inner = new FastTextTrainer(textCorpusOf(data, 'fastText'), flat);
    opts?.onLog?.(inner.kernel === 'wasm-simd' ? 'fastText: WebAssembly SIMD kernel.' : 'fastText: JavaScript kernel (WebAssembly SIMD not in use).');
    return Promise.resolve(new FastTextRegistryTrainer(inner));
  },
  save(model) {
    if (!isFastTextModel(model)) throw new Error('Only a fastText model can be saved as a subword model file.');
    return writeSubwordModel(model.fastTextVectors(), { encoding: 'float32' });
  },
  load(bytes) {
    return modelOf(readSubwordModel(bytes).kv);
  },
};
