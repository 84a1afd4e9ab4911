// The image-text playground's worker: holds the model (the shipped one, or the one trained here), the test scenes and
// their embeddings, and answers the page's queries; trains a new model on the backend the student picks, posting both
// losses as it goes. Called through comlink (src/ui/playgrounds/imageTextClient.ts). Nothing here touches the DOM.
import { expose } from 'comlink';
import { getModel } from '../core/models';
import { MultimodalModel } from '../core/models/multimodal/dualModel';
import { readDualModel } from '../core/models/multimodal/dualModelFile';
import { DualTrainer } from '../core/models/multimodal/dualTrainer';
import { MULTIMODAL_ID, type MultimodalParams } from '../core/models/multimodal/multimodalSpec';
import { defaultCommon, defaultParams } from '../core/models/registry';
import { pca2 } from '../core/project/pca';
import { captionOf } from '../core/multimodal/captions';
import { evaluateScenes, type SceneRecall } from '../core/multimodal/evaluateScenes';
import { rasterise, IMAGE_SIZE } from '../core/multimodal/rasterise';
import { topK } from '../core/multimodal/recall';
import { isHeldOut, makeSceneSplit, type SceneSplit } from '../core/multimodal/sceneSplit';

/** Where the shipped model lies, relative to the site's base URL (scripts/buildShippedMultimodal.ts writes it). */
export const SHIPPED_MODEL_PATH = 'models/imagetext-shapes.eldm';
/** Pairs per training call between progress posts: one default batch, so the curves move at every step. */
const TRAIN_CHUNK = 64;
/** When a backend cannot start in this browser, the next one is tried (the lab's order, ending on plain JavaScript);
 *  the page is told which one trains and why. */
const NEXT_ENGINE: Readonly<Record<string, string | null>> = { 'tfjs-webgpu': 'tfjs-webgl', 'tfjs-webgl': 'tfjs-wasm', 'tfjs-wasm': 'tfjs-cpu', 'tfjs-cpu': null };

export interface ModelState {
  source: 'shipped' | 'trained';
  /** One line: what the model is and how it was trained. */
  description: string;
  recall: SceneRecall;
  /** PCA of the test captions' and pictures' vectors together: x0, y0, ... captions first, then pictures. */
  map: Float32Array;
  explained: [number, number];
}

export interface Gallery {
  captions: string[];
  heldOut: boolean[];
  heldOutPairs: readonly string[];
  side: number;
  /** All test pictures' RGBA bytes, one after the other. */
  pixels: Uint8ClampedArray;
}

export interface TrainRequest {
  engine: string;
  loss: 'infonce' | 'hinge';
  epochs: number;
  seed: number;
}

export interface TrainTick {
  engine: string;
  /** The tfjs backend that really trains (tf.getBackend()). */
  backend: string;
  /** Why another engine than the one asked for trains ('' when the asked one does). */
  fallback: string;
  unitsDone: number;
  unitsTotal: number;
  unitsPerSec: number;
  epoch: number;
  epochs: number;
  infonce: number;
  hinge: number;
}

let split: SceneSplit | null = null;
let model: MultimodalModel | null = null;
let texts: Float32Array = new Float32Array(0);
let images: Float32Array = new Float32Array(0);
let cancelRequested = false;

function testSplit(): SceneSplit {
  split ??= makeSceneSplit({ seed: 1 });
  return split;
}

function adopt(m: MultimodalModel, source: ModelState['source'], description: string): ModelState {
  const s = testSplit();
  model = m;
  texts = m.embedTexts(s.test.map(captionOf));
  images = m.embedImages(s.test.map((sc) => rasterise(sc)));
  const n = s.test.length;
  const both = new Float32Array(2 * n * m.dim);
  both.set(texts, 0);
  both.set(images, n * m.dim);
  const p = pca2(both, 2 * n, m.dim, { seed: 1 });
  return { source, description, recall: evaluateScenes(m, s), map: p.positions, explained: p.explained };
}

const api = {
  async load(baseUrl: string): Promise<{ gallery: Gallery; state: ModelState }> {
    const url = new URL(SHIPPED_MODEL_PATH, baseUrl).href;
    const r = await fetch(url);
    if (!r.ok) throw new Error(`Could not read the shipped image-text model (${SHIPPED_MODEL_PATH}): the server answered ${r.status}.`);
    const { model: m, meta } = readDualModel(new Uint8Array(await r.arrayBuffer()), SHIPPED_MODEL_PATH);
    const s = testSplit();
    const pixels = new Uint8ClampedArray(s.test.length * IMAGE_SIZE * IMAGE_SIZE * 4);
    s.test.forEach((sc, i) => pixels.set(rasterise(sc).rgba, i * IMAGE_SIZE * IMAGE_SIZE * 4));
    const how = `${String(meta.loss ?? '?')}, ${String(meta.epochs ?? '?')} epochs, seed ${String(meta.seed ?? '?')}, ${String(meta.engine ?? '?')}`;
    const state = adopt(m, 'shipped', `the shipped model (${how})`);
    return {
      gallery: { captions: s.test.map(captionOf), heldOut: s.test.map((sc) => isHeldOut(sc, s.heldOut)), heldOutPairs: s.heldOut, side: IMAGE_SIZE, pixels },
      state,
    };
  },

  /** The k test pictures closest to a caption, and the caption's words the model does not know. */
  searchText(text: string, k: number): { hits: { index: number; score: number }[]; unknown: string[] } {
    if (!model) throw new Error('The model is not loaded yet.');
    const v = model.embedTexts([text]);
    const unknown = model.unknownWords(text);
    const empty = v.every((x) => x === 0);
    return { hits: empty ? [] : topK(v, images, model.dim, k), unknown };
  },

  /** The k test captions closest to test picture `index`. */
  captionsFor(index: number, k: number): { index: number; score: number }[] {
    if (!model) throw new Error('The model is not loaded yet.');
    return topK(images.subarray(index * model.dim, (index + 1) * model.dim), texts, model.dim, k);
  },

  async train(req: TrainRequest, onTick: (t: TrainTick) => void): Promise<ModelState | null> {
    cancelRequested = false;
    const spec = getModel(MULTIMODAL_ID);
    const params = { ...(defaultParams(spec) as MultimodalParams), loss: req.loss };
    const common = { ...defaultCommon(spec), epochs: req.epochs, seed: req.seed };
    const config = { model: spec.id, common, params };
    const data = spec.generateData!(config);
    let engine = req.engine;
    let fallback = '';
    let trainer: DualTrainer;
    for (;;) {
      try {
        trainer = (await spec.create(data, config, engine)) as DualTrainer;
        break;
      } catch (e) {
        // Only a backend that cannot start moves on (tfjsBackend.ts's BackendUnavailableError, matched by name so
        // that this worker does not load tfjs before training); anything else is a real error.
        const next = NEXT_ENGINE[engine];
        if (!(e instanceof Error && e.name === 'BackendUnavailableError') || !next) throw e;
        fallback += `${engine} could not start here (${e.message}) Trying ${next}. `;
        engine = next;
      }
    }
    try {
      while (!trainer.done) {
        if (cancelRequested) return null;
        const p = await trainer.run(TRAIN_CHUNK);
        const l = trainer.losses();
        onTick({ engine: trainer.engine, backend: trainer.backend, fallback: fallback.trim(), unitsDone: p.unitsDone, unitsTotal: p.unitsTotal, unitsPerSec: p.unitsPerSec, epoch: p.epoch, epochs: p.epochs, infonce: l.infonce, hinge: l.hinge });
        // Let a cancel message in between steps.
        await new Promise((res) => setTimeout(res, 0));
      }
      const how = `${req.loss}, ${req.epochs} epochs, seed ${req.seed}, ${trainer.engine}`;
      return adopt(await trainer.readModel(), 'trained', `the model trained here (${how})`);
    } finally {
      trainer.dispose();
    }
  },

  cancel(): void {
    cancelRequested = true;
  },
};

export type ImageTextApi = typeof api;
expose(api);
