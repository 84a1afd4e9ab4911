// Scores an image-text model on the test scenes: recall@1/5/10 both ways over every caption of the grammar, and
// again with the queries limited to the held-out colour-shape pairs (never trained on) and to the seen ones, each
// ranked against the whole test gallery. Chance is k / gallery for all three.
import type { MultimodalModel } from '../models/multimodal/dualModel';
import { captionOf } from './captions';
import { rasterise } from './rasterise';
import { recallAtK, type RecallRow } from './recall';
import { isHeldOut, type SceneSplit } from './sceneSplit';

export interface SceneRecall {
  all: RecallRow;
  seen: RecallRow;
  heldOut: RecallRow;
}

export function evaluateScenes(model: Pick<MultimodalModel, 'embedTexts' | 'embedImages' | 'dim'>, split: Pick<SceneSplit, 'test' | 'heldOut'>): SceneRecall {
  const texts = model.embedTexts(split.test.map(captionOf));
  const images = model.embedImages(split.test.map((s) => rasterise(s)));
  const held: number[] = [];
  const seen: number[] = [];
  split.test.forEach((s, i) => (isHeldOut(s, split.heldOut) ? held : seen).push(i));
  return {
    all: recallAtK(texts, images, model.dim),
    seen: recallAtK(texts, images, model.dim, seen),
    heldOut: recallAtK(texts, images, model.dim, held),
  };
}
