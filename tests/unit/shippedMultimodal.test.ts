// The shipped image-text model (public/models/imagetext-shapes.eldm, made by scripts/buildShippedMultimodal.ts):
// it loads, and its recall on the test scenes is what its file says and meets the goal (text->image
// recall@1 at least 5x chance), on the held-out colour-shape pairs too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDualModel } from '../../src/core/models/multimodal/dualModelFile';
import { evaluateScenes, type SceneRecall } from '../../src/core/multimodal/evaluateScenes';
import { makeSceneSplit } from '../../src/core/multimodal/sceneSplit';

const FILE = join(__dirname, '../../public/models/imagetext-shapes.eldm');

describe('shipped image-text model', () => {
  const { model, meta } = readDualModel(new Uint8Array(readFileSync(FILE)), FILE);
  const recall = evaluateScenes(model, makeSceneSplit({ seed: 1 }));

  it('is small and says how it was trained', () => {
    expect(readFileSync(FILE).length).toBeLessThan(100_000);
    expect(meta).toMatchObject({ model: 'imagetext', seed: 1, loss: 'infonce', heldOut: ['red triangle', 'green circle', 'blue square'] });
  });

  it('scores on the test scenes what the build script measured', () => {
    const saved = meta.recall as SceneRecall;
    for (const part of ['all', 'seen', 'heldOut'] as const) {
      recall[part].textToImage.forEach((r, k) => expect(r).toBeCloseTo(saved[part].textToImage[k]!, 6));
      recall[part].imageToText.forEach((r, k) => expect(r).toBeCloseTo(saved[part].imageToText[k]!, 6));
    }
  });

  it('finds pictures from captions at more than 5x chance, held-out pairs included', () => {
    const chance = recall.all.chance[0]!;
    expect(recall.all.textToImage[0]).toBeGreaterThan(5 * chance);
    expect(recall.heldOut.textToImage[0]).toBeGreaterThan(5 * chance);
    expect(recall.heldOut.imageToText[0]).toBeGreaterThan(5 * chance);
  });
});
