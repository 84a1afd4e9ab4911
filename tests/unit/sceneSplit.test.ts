import { describe, expect, it } from 'vitest';
import { captionOf } from '../../src/core/multimodal/captions';
import { rasterise } from '../../src/core/multimodal/rasterise';
import { allAttributeCombinations, colourShapeKey } from '../../src/core/multimodal/sceneAttributes';
import { checkHeldOut, DEFAULT_HELD_OUT, DEFAULT_TRAIN_PER_CAPTION, makeSceneSplit } from '../../src/core/multimodal/sceneSplit';

describe('scene split', () => {
  const split = makeSceneSplit({ seed: 1 });

  it('never puts a held-out colour-shape pair in the training split', () => {
    for (const s of split.train) expect(DEFAULT_HELD_OUT).not.toContain(colourShapeKey(s));
    // ...while each held-out colour and shape is trained with other partners.
    for (const key of DEFAULT_HELD_OUT) {
      const [colour, shape] = key.split(' ');
      expect(split.train.some((s) => s.colour === colour)).toBe(true);
      expect(split.train.some((s) => s.shape === shape)).toBe(true);
    }
  });

  it('trains on every other caption, and tests on one image of every caption', () => {
    const combos = allAttributeCombinations();
    const held = combos.filter((c) => DEFAULT_HELD_OUT.includes(colourShapeKey(c)));
    expect(held.length).toBe(30);
    expect(split.train.length).toBe((combos.length - held.length) * DEFAULT_TRAIN_PER_CAPTION);
    expect(new Set(split.train.map(captionOf)).size).toBe(combos.length - held.length);
    expect(split.test.map(captionOf)).toEqual(combos.map(captionOf));
  });

  it('is seeded: same seed, same scenes; the test scenes stay fixed across training seeds', () => {
    const again = makeSceneSplit({ seed: 1 });
    const other = makeSceneSplit({ seed: 2 });
    expect(again.train).toEqual(split.train);
    expect(other.train).not.toEqual(split.train);
    expect(other.test).toEqual(split.test);
    // Test pictures are fresh: none is pixel-equal to a training picture of its caption.
    const trainPixels = new Set(split.train.slice(0, 400).map((s) => rasterise(s).rgba.join()));
    for (const s of split.test.slice(0, 40)) expect(trainPixels.has(rasterise(s).rgba.join())).toBe(false);
  });

  it('refuses a held-out pair the grammar cannot say', () => {
    expect(() => checkHeldOut(['red triangle', 'pink hexagon'])).toThrow(/"pink hexagon"/);
    expect(() => makeSceneSplit({ seed: 1, heldOut: ['triangle red'] })).toThrow(/"triangle red"/);
  });
});
