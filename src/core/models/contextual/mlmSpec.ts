// The masked-language-model transformer as a registry entry. Its size is chosen for minutes, not hours, of training
// on a CPU: dim 64, 2 layers of 4 heads, a 256-wide feed-forward net, sentences of up to 32 words and a 6,000-word
// vocabulary (about 0.5 M weights, 2 MB as float32). Measured (docs/contextual.md): about 0.3-1 optimiser step per
// second on the tfjs wasm backend of a busy 2-core machine, and in 1,479 steps (50 minutes) it reaches a sense AUC of
// 0.63 against 0.53 for the static-plus-window baseline. A transformer rather than a bidirectional LSTM because
// attention over a short sentence is a few batched matrix products, which the tfjs backends run well, while an LSTM
// steps through the words one at a time; and its attention weights are the view the lesson wants. Larger sizes were
// not tried: at this speed they would not train within a lesson.
import { activateTfjsBackend, type TfjsBackendName } from '../../train/tfjsBackend';
import type { ModelSpec, ParamSpec } from '../types';
import { MlmModel, loadMlmModel } from './mlmModel';
import { MlmTrainer, type MlmSettings } from './mlmTrainer';
import { textCorpusOf } from '../trainData';

export interface MlmParams {
  [key: string]: number | boolean | string;
  layers: number;
  heads: number;
  ffn: number;
  seqLen: number;
  vocabSize: number;
  maskRate: number;
  alpha: number;
  batchSize: number;
}

export const MLM_ID = 'mlm';
export const MAX_LAYERS = 6;
export const MAX_HEADS = 16;
export const MAX_SEQ_LEN = 128;

export const MLM_PARAMS: readonly ParamSpec<MlmParams>[] = [
  { key: 'layers', type: 'int', min: 1, max: MAX_LAYERS, default: 2, label: 'Layers', help: 'Transformer blocks (self-attention + feed-forward) stacked on the embeddings', cliFlag: 'layers', urlKey: 'layers' },
  { key: 'heads', type: 'int', min: 1, max: MAX_HEADS, default: 4, label: 'Attention heads', help: 'Heads per layer; dim must be a multiple of it', cliFlag: 'heads', urlKey: 'heads' },
  { key: 'ffn', type: 'int', min: 1, max: 4096, default: 256, label: 'Feed-forward width', help: 'Hidden units of each block’s feed-forward net (BERT: 4 x dim)', cliFlag: 'ffn', urlKey: 'ffn' },
  { key: 'seqLen', type: 'int', min: 4, max: MAX_SEQ_LEN, default: 32, label: 'Sentence length', help: 'Longest sentence in words; longer ones are cut into pieces', cliFlag: 'seq-len', urlKey: 'seqLen' },
  { key: 'vocabSize', type: 'int', min: 10, max: 100_000, default: 6000, label: 'Token vocabulary', help: 'The most frequent words kept as tokens; other words become [UNK] in place', cliFlag: 'vocab-size', urlKey: 'vocabSize' },
  { key: 'maskRate', type: 'float', min: 0.01, max: 0.5, default: 0.15, label: 'Mask rate', help: 'Share of words the model must guess in each sentence (BERT: 0.15)', cliFlag: 'mask-rate', urlKey: 'maskRate' },
  { key: 'alpha', type: 'float', min: 0, exclusiveMin: true, max: 1, default: 0.002, label: 'Learning rate', help: 'Adam’s starting learning rate; it falls linearly to a tenth', cliFlag: 'alpha', urlKey: 'alpha' },
  { key: 'batchSize', type: 'int', min: 1, max: 1024, default: 32, label: 'Batch size', help: 'Sentences per optimiser step', cliFlag: 'batch-size', urlKey: 'batch' },
];

/** tfjs backends by engine name (the lab's and CLI's `tfjs-*` names). */
const BACKEND_OF: Record<string, TfjsBackendName> = { 'tfjs-cpu': 'cpu', 'tfjs-wasm': 'wasm', 'tfjs-webgl': 'webgl', 'tfjs-webgpu': 'webgpu' };

export const MLM_SPEC: ModelSpec<MlmParams> = {
  id: MLM_ID,
  title: 'Masked-LM transformer',
  summary: 'A small BERT-style transformer encoder that learns to guess hidden words; it gives every word a vector that depends on its sentence',
  family: 'contextual',
  params: MLM_PARAMS,
  // Every corpus word is kept in the sentences (rare ones as [UNK], see vocabSize), and one pass is already a few
  // thousand steps on Brown + SOTU.
  commonDefaults: { dim: 64, epochs: 1, minCount: 1 },
  engines: ['tfjs-wasm', 'tfjs-cpu', 'tfjs-webgl', 'tfjs-webgpu'],
  unit: 'steps',
  lossName: 'cross-entropy of the masked words (nats)',
  async create(data, config, engine) {
    const backend = BACKEND_OF[engine];
    if (!backend) throw new Error(`The masked-LM transformer runs on TensorFlow.js (${Object.keys(BACKEND_OF).join(', ')}), not "${engine}".`);
    const { common, params } = config;
    if (common.dim % params.heads !== 0) throw new Error(`--dim ${common.dim} is not a multiple of --heads ${params.heads}.`);
    await activateTfjsBackend(backend);
    const settings: MlmSettings = {
      dim: common.dim,
      layers: params.layers,
      heads: params.heads,
      ffn: params.ffn,
      seqLen: params.seqLen,
      vocabSize: params.vocabSize,
      maskRate: params.maskRate,
      lr: params.alpha,
      batch: params.batchSize,
      epochs: common.epochs,
      seed: common.seed,
    };
    return new MlmTrainer(textCorpusOf(data, 'The masked-LM transformer'), settings, engine, MLM_ID);
  },
  save(model) {
    if (!(model instanceof MlmModel)) throw new Error('Only a masked-LM transformer can be saved as a contextual model file.');
    return model.save();
  },
  load(bytes) {
    return loadMlmModel(bytes);
  },
};
