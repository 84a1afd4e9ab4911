// The image-text model as a registry entry: a small CNN and a bag-of-words text encoder trained together with
// InfoNCE (CLIP) or the hinge ranking loss (DeViSE/VSE) on scenes the project draws, with whole colour-shape pairs
// held out of training (sceneSplit.ts).
import type { TfjsBackendName } from '../../train/tfjsBackend';
import { rasterise } from '../../multimodal/rasterise';
import { captionsOf, DEFAULT_TRAIN_PER_CAPTION, makeSceneSplit } from '../../multimodal/sceneSplit';
import { imageCaptionPairsOf } from '../trainData';
import type { ModelSpec, ParamSpec, TrainData } from '../types';
import { CONTRASTIVE_LOSSES, DEFAULT_MARGIN, DEFAULT_TEMPERATURE, type ContrastiveLoss } from './contrastiveLoss';
import { DEFAULT_CHANNELS } from './dualArchitecture';
import { MultimodalModel } from './dualModel';
import { readDualModel, writeDualModel } from './dualModelFile';

export interface MultimodalParams {
  [key: string]: number | boolean | string;
  loss: ContrastiveLoss;
  temperature: number;
  margin: number;
  alpha: number;
  batchSize: number;
  perCaption: number;
}

export const MULTIMODAL_ID = 'imagetext';

/** Engines first to last: wasm is the fastest in Node and a safe start in a browser. */
export const MULTIMODAL_ENGINES = ['tfjs-wasm', 'tfjs-cpu', 'tfjs-webgl', 'tfjs-webgpu'] as const;

export const MULTIMODAL_PARAMS: readonly ParamSpec<MultimodalParams>[] = [
  { key: 'loss', type: 'enum', values: CONTRASTIVE_LOSSES, default: 'infonce', label: 'Loss', help: 'infonce: CLIP’s symmetric softmax over the batch; hinge: DeViSE/VSE’s margin ranking against every other pair', cliFlag: 'loss', urlKey: 'loss' },
  { key: 'temperature', type: 'float', min: 0.01, max: 10, default: DEFAULT_TEMPERATURE, label: 'Temperature', help: 'InfoNCE divides the cosines by this before the softmax (smaller = sharper)', cliFlag: 'temperature', urlKey: 'temp' },
  { key: 'margin', type: 'float', min: 0, max: 2, default: DEFAULT_MARGIN, label: 'Margin', help: 'Hinge loss: how far below the true pair a wrong pair must score to cost nothing', cliFlag: 'margin', urlKey: 'margin' },
  { key: 'alpha', type: 'float', min: 0, exclusiveMin: true, max: 1, default: 0.003, label: 'Learning rate', help: 'Adam’s step size', cliFlag: 'alpha', urlKey: 'alpha' },
  { key: 'batchSize', type: 'int', min: 2, max: 512, default: 64, label: 'Batch size', help: 'Pairs per step; each is contrasted with the others of its batch', cliFlag: 'batch-size', urlKey: 'batch' },
  { key: 'perCaption', type: 'int', min: 1, max: 100, default: DEFAULT_TRAIN_PER_CAPTION, label: 'Pictures per caption', help: 'Jittered training pictures drawn for each trainable caption', cliFlag: 'per-caption', urlKey: 'perCaption' },
];

/** The training scenes of a seed as pairs (pixels, caption). */
export function sceneTrainData(seed: number, perCaption: number): TrainData {
  const split = makeSceneSplit({ seed, trainPerCaption: perCaption });
  return { kind: 'image-text', pairs: { images: split.train.map((s) => rasterise(s)), captions: captionsOf(split.train) } };
}

export const MULTIMODAL_SPEC: ModelSpec<MultimodalParams> = {
  id: MULTIMODAL_ID,
  title: 'Image-text',
  summary: 'A small CNN and a bag-of-words caption encoder trained into one space with InfoNCE or the hinge ranking loss, on generated shape scenes',
  family: 'dual',
  params: MULTIMODAL_PARAMS,
  commonDefaults: { dim: 32, epochs: 3, minCount: 1 },
  engines: MULTIMODAL_ENGINES,
  unit: 'images',
  lossName: 'contrastive loss per pair (InfoNCE or hinge)',
  async create(data, config, engine, opts) {
    const pairs = imageCaptionPairsOf(data, 'The image-text model');
    if (!(MULTIMODAL_ENGINES as readonly string[]).includes(engine)) throw new Error(`The image-text model runs on ${MULTIMODAL_ENGINES.join(', ')}, not "${engine}".`);
    // tfjs and the trainer load only now, so that pages which only read a model never download tfjs.
    const [{ activateTfjsBackend }, { DualTrainer }] = await Promise.all([import('../../train/tfjsBackend'), import('./dualTrainer')]);
    await activateTfjsBackend(engine.slice('tfjs-'.length) as TfjsBackendName);
    const { common, params } = config;
    if (common.threads > 1) opts?.onLog?.(`The image-text model trains on 1 thread (asked for ${common.threads}).`);
    return new DualTrainer(MULTIMODAL_ID, engine, pairs, {
      dim: common.dim,
      epochs: common.epochs,
      seed: common.seed,
      batchSize: params.batchSize,
      loss: params.loss,
      temperature: params.temperature,
      margin: params.margin,
      alpha: params.alpha,
      channels: DEFAULT_CHANNELS,
    });
  },
  generateData(config) {
    return sceneTrainData(config.common.seed, config.params.perCaption);
  },
  save(model) {
    if (!(model instanceof MultimodalModel)) throw new Error(`The image-text model cannot save a ${model.kind} model.`);
    return writeDualModel(model);
  },
  load(bytes) {
    return readDualModel(bytes).model;
  },
};
