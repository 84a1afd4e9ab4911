// Train and test scenes, with whole colour-shape pairs held out of training: no "red triangle" of any size or place
// is ever trained on, although red things and triangles are. Finding the held-out pairs from a caption is the
// zero-shot composition DeViSE is about.
import { Rng } from '../train/rng';
import { captionOf } from './captions';
import { jitteredScene } from './rasterise';
import { allAttributeCombinations, colourShapeKey, COLOURS, SHAPES, type SceneAttributes, type Scene } from './sceneAttributes';

/** Three colour-shape pairs out of 30, each colour and each shape in at most one of them, so that every held-out
 *  colour and shape is still seen in training with four other partners. */
export const DEFAULT_HELD_OUT: readonly string[] = ['red triangle', 'green circle', 'blue square'];

/** Jittered images per caption in the training set (270 trainable captions x 8 = 2,160 images a pass). */
export const DEFAULT_TRAIN_PER_CAPTION = 8;

/** The test scenes' seed, fixed so that models trained with different seeds are scored on the same pictures. */
export const TEST_SCENE_SEED = 20_251_129;

export interface SceneSplit {
  train: Scene[];
  /** One jittered image of every caption of the grammar (held-out pairs included), in a fixed order. */
  test: Scene[];
  /** The colour-shape keys kept out of `train`. */
  heldOut: readonly string[];
}

export interface SceneSplitOptions {
  seed: number;
  heldOut?: readonly string[];
  trainPerCaption?: number;
  testSeed?: number;
}

/** Checks the held-out keys name real colour-shape pairs ("red triangle"); throws with the bad key otherwise. */
export function checkHeldOut(keys: readonly string[]): void {
  const valid = new Set(SHAPES.flatMap((shape) => COLOURS.map((colour) => colourShapeKey({ colour, shape }))));
  for (const k of keys) if (!valid.has(k)) throw new Error(`Held-out pair "${k}" is not a colour and a shape of the grammar (e.g. "red triangle").`);
}

export function isHeldOut(a: SceneAttributes, heldOut: readonly string[]): boolean {
  return heldOut.includes(colourShapeKey(a));
}

/** Seeded split: the training scenes come shuffled; the test scenes follow the grammar's order. */
export function makeSceneSplit(opts: SceneSplitOptions): SceneSplit {
  const heldOut = opts.heldOut ?? DEFAULT_HELD_OUT;
  checkHeldOut(heldOut);
  const perCaption = opts.trainPerCaption ?? DEFAULT_TRAIN_PER_CAPTION;
  const combos = allAttributeCombinations();
  const trainRng = new Rng(opts.seed);
  const train: Scene[] = [];
  for (const a of combos) {
    if (isHeldOut(a, heldOut)) continue;
    for (let i = 0; i < perCaption; i++) train.push(jitteredScene(a, trainRng));
  }
  shuffleInPlace(train, trainRng);
  const testRng = new Rng(opts.testSeed ?? TEST_SCENE_SEED);
  const test = combos.map((a) => jitteredScene(a, testRng));
  return { train, test, heldOut };
}

/** Fisher-Yates with the seeded generator. */
export function shuffleInPlace<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.nextU32() % (i + 1);
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
}

export function captionsOf(scenes: readonly Scene[]): string[] {
  return scenes.map(captionOf);
}
