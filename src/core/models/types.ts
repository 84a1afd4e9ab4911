// The shapes every embedding model shares, so that the lab, the worker, the CLI, the bench and the conformance suite
// can drive a model they have never heard of. A model is declared once as a ModelSpec (registry.ts); what it
// trains is a Trainer (runs in chunks, reports progress); what a trained result can answer is a Model.
// Pure types: no DOM, no Node, no imports from outside the core.
import type { EncodedCorpus } from '../text/corpus';
import type { Vocab } from '../text/vocab';

/** What a trained result can answer (see `Model`). */
export type ModelFamily = 'static' | 'subword' | 'contextual' | 'dual';

/** What `Trainer.run(budget)` counts: corpus tokens (word2vec, fastText), co-occurrence cells (GloVe), optimiser
 *  steps (contextual models) or images. The worker and the CLI print progress and speed in this unit. */
export type ProgressUnit = 'words' | 'cells' | 'steps' | 'images';

export type ParamValue = number | boolean | string;
/** A model's own hyper-parameters, by ParamSpec.key. */
export type ParamValues = Record<string, ParamValue>;

interface ParamBase<P extends ParamValues> {
  /** Key in the model's parameter object (camelCase). */
  key: keyof P & string;
  /** Label of the lab's settings row (also its accessible name). */
  label: string;
  /** One sentence for the lab's hint and the CLI's --help. */
  help: string;
  /** Command-line flag without the dashes (`x-max`). Models that share a meaning share a flag (`window`). */
  cliFlag: string;
  /** Query-parameter name in the lab's link (`xmax`). Must not collide with another model's key of another meaning. */
  urlKey: string;
  /** false = command line only: not a row of the lab's settings table nor a key of its links (a tfjs batch size). */
  inLab?: boolean;
}
export interface IntParam<P extends ParamValues = ParamValues> extends ParamBase<P> {
  type: 'int';
  min: number;
  /** Absent = no upper bound. */
  max?: number;
  default: number;
}
export interface FloatParam<P extends ParamValues = ParamValues> extends ParamBase<P> {
  type: 'float';
  min: number;
  /** Absent = no upper bound. */
  max?: number;
  /** The minimum itself is not allowed (a learning rate of 0). */
  exclusiveMin?: boolean;
  default: number;
}
export interface BoolParam<P extends ParamValues = ParamValues> extends ParamBase<P> {
  type: 'bool';
  default: boolean;
}
export interface EnumParam<P extends ParamValues = ParamValues> extends ParamBase<P> {
  type: 'enum';
  values: readonly string[];
  default: string;
}
/** One hyper-parameter: bounds, default, and how it is spelled in the lab, the link and the CLI. */
export type ParamSpec<P extends ParamValues = ParamValues> = IntParam<P> | FloatParam<P> | BoolParam<P> | EnumParam<P>;

/** Settings every model has, kept apart from the model's own so that names never clash (GloVe's weighting
 *  exponent `alpha` against word2vec's learning rate `alpha`). */
export interface CommonConfig {
  dim: number;
  /** Passes over the training data (GloVe: over the co-occurrence cells). */
  epochs: number;
  minCount: number;
  /** Keep at most this many most frequent words (0 = no limit). */
  maxVocab: number;
  seed: number;
  /** Worker threads where an engine has them (1 = deterministic). */
  threads: number;
}

export interface ModelConfig<P extends ParamValues = ParamValues> {
  /** The ModelSpec id. */
  model: string;
  common: CommonConfig;
  params: P;
}

/** What a trainer learns from. A union so that image or paired data can join without changing text models. */
export type TrainData = { kind: 'text'; corpus: EncodedCorpus } | { kind: 'image-text'; pairs: ImageCaptionPairs };

/** Pictures and their captions for image-text models: caption i describes image i. */
export interface ImageCaptionPairs {
  images: readonly { width: number; height: number; rgba: Uint8ClampedArray }[];
  captions: readonly string[];
}

export interface Progress {
  /** 0-based pass in progress (== epochs when done). */
  epoch: number;
  epochs: number;
  /** Work done and to do, in the spec's ProgressUnit, counted over all passes and all stages (counting included). */
  unitsDone: number;
  unitsTotal: number;
  unitsPerSec: number;
  /** The spec's `lossName`, averaged over recent work (NaN before the first step). */
  loss: number;
  lr: number;
  /** Training seconds so far. */
  seconds: number;
  /** A short line for a status bar ("counting co-occurrences 40%"), when the trainer is in a stage of its own. */
  stage?: string;
  /** Share of that stage done, 0..1 (absent when there is no separate stage). */
  stageFraction?: number;
  done: boolean;
}

/** A square block of what a model approximates next to what it fits (GloVe: log X_ij against
 *  w_i . w~_j + b_i + b~_j over the most frequent words), for a heatmap. NaN = no value (a zero count). */
export interface MatrixView {
  /** Row and column labels (the same words in both). */
  words: string[];
  /** Row-major words.length x words.length. */
  target: Float32Array;
  fitted: Float32Array;
  targetName: string;
  fittedName: string;
}

/** Runs in chunks so that a worker can pause, answer queries and post progress between them; cancel = stop calling
 *  run() and call dispose(). */
export interface Trainer {
  readonly modelId: string;
  readonly engine: string;
  readonly vocab: Vocab;
  readonly dim: number;
  readonly epochs: number;
  /** Do about `budget` more units of work (the spec's unit; a trainer may round to its natural step). */
  run(budget: number): Promise<Progress>;
  progress(): Progress;
  readonly done: boolean;
  /** The result so far (valid mid-training too: the live map reads it). */
  model(): Model;
  /** Contextual models: a few sentences of the training text (held out where the trainer keeps some), for a live
   *  view of what the model guesses when one of their words is hidden. */
  probeSentences?(n: number): string[][];
  /** Models that fit a matrix (GloVe) can show it; the lab draws it when present. */
  matrixView?(k: number): MatrixView | null;
  dispose(): void;
}

/** One vector per vocabulary word: word2vec, GloVe. Rows follow `words` (the vocabulary, most frequent first). */
export interface StaticModel {
  kind: 'static';
  readonly words: readonly string[];
  readonly dim: number;
  /** Row-major words.length x dim copy. */
  vectors(): Float32Array;
  /** Rows for a subset of word ids (row-major ids.length x dim), for map snapshots. */
  vectorsFor(ids: ArrayLike<number>): Float32Array;
}
/** A static model that also builds a vector for any string, seen or not (fastText's character n-grams). */
export interface SubwordModel extends Omit<StaticModel, 'kind'> {
  kind: 'subword';
  vectorOf(word: string): Float32Array;
}
/** One vector per token in its sentence (for the next issue's contextual models). */
export interface ContextualModel {
  kind: 'contextual';
  readonly dim: number;
  /** Per sentence (already tokenized), its tokens' vectors: row-major tokens x dim. */
  encode(sentences: readonly (readonly string[])[]): Promise<Float32Array[]>;
  /** The words the model can name (masked-language models: its token vocabulary, specials included). */
  readonly tokens?: readonly string[];
  /** Masked-language models: the k likeliest tokens at each "[MASK]" of the sentence, in order of position. */
  predictMasked?(sentence: readonly string[], k: number): Promise<MaskedGuesses[]>;
  /** Attention models: how much each token attends to each other token, per layer and head. */
  attention?(sentence: readonly string[]): Promise<AttentionMaps>;
}
/** The model's guesses at one masked position. */
export interface MaskedGuesses {
  /** Index of the [MASK] token in the sentence. */
  position: number;
  /** Likeliest first; p = the model's probability. */
  guesses: { token: string; p: number }[];
}
/** Attention weights of one sentence: weights[((layer * heads + head) * n + i) * n + j] = attention of token i to
 *  token j (each row sums to 1), n = tokens.length. */
export interface AttentionMaps {
  tokens: string[];
  layers: number;
  heads: number;
  weights: Float32Array;
}
/** Text and images in one space (for the next issue's image-text models). */
export interface DualModel {
  kind: 'dual';
  readonly dim: number;
  embedText(text: string): Promise<Float32Array>;
  embedImage(pixels: { width: number; height: number; rgba: Uint8ClampedArray }): Promise<Float32Array>;
}
export type Model = StaticModel | SubwordModel | ContextualModel | DualModel;

export interface CreateOptions {
  onLog?: (msg: string) => void;
}

/**
 * A model, declared once. The lab's settings rows and link keys, the CLI's flags, help and validation, the worker's
 * start message, the bench rows and the conformance suite are all derived from this.
 */
export interface ModelSpec<P extends ParamValues = ParamValues> {
  /** `--model` value and `model=` in links. */
  id: string;
  title: string;
  /** One sentence for the model picker's hint and --help. */
  summary: string;
  family: ModelFamily;
  params: readonly ParamSpec<P>[];
  /** Defaults of the common settings where this model wants other ones (GloVe: 25 passes). */
  commonDefaults?: Partial<CommonConfig>;
  /** Engine names this model runs on, first = default (`cpu`, `tfjs-wasm`, ...). */
  engines: readonly string[];
  unit: ProgressUnit;
  /** What `Progress.loss` measures, for the loss chart's axis ("weighted squared error per cell"). */
  lossName: string;
  /** Cross-parameter checks the bounds cannot express; returns one sentence per problem, naming the flags. */
  validate?(params: P): string[];
  create(data: TrainData, config: ModelConfig<P>, engine: string, opts?: CreateOptions): Promise<Trainer>;
  /** Save and load a trained model in the model's own format, where plain word vectors would lose something
   *  (fastText's n-gram table). Static models are saved as vectors files and need neither. */
  save?(model: Model): Uint8Array;
  load?(bytes: Uint8Array): Model;
  /** Models that make their own training data instead of reading a text corpus (the image-text model draws its
   *  scenes from the seed): the CLI and the worker call this and refuse a corpus for them. */
  generateData?(config: ModelConfig<P>): TrainData;
}
