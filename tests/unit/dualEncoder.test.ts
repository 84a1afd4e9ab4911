import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { captionTokens } from '../../src/core/multimodal/captions';
import { bagsOf, initialWeights, pixelsToInput, weightShapes, type DualArchitecture } from '../../src/core/models/multimodal/dualArchitecture';
import { conv3x3, encodeImagesTf, encodeTextsTf, maxPool2 } from '../../src/core/models/multimodal/dualEncoder';
import { MultimodalModel } from '../../src/core/models/multimodal/dualModel';
import { Rng } from '../../src/core/train/rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ARCH: DualArchitecture = { words: ['a', 'red', 'blue', 'circle'], dim: 6, imageSize: 8, channels: [3, 4] };

function randomTensor(shape: number[], seed: number): tf.Tensor {
  const rng = new Rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Array.from({ length: n }, () => rng.nextFloat() - 0.5), shape);
}

describe('dual encoder layers', () => {
  it('im2col convolution equals tf.conv2d with "same" padding', () => {
    const x = randomTensor([2, 6, 5, 3], 1) as tf.Tensor4D;
    const k = randomTensor([3, 3, 3, 4], 2) as tf.Tensor4D;
    const mine = conv3x3(x, k).arraySync();
    const ref = tf.conv2d(x, k, 1, 'same').arraySync();
    expect(conv3x3(x, k).shape).toEqual([2, 6, 5, 4]);
    expect(flat(mine).map((v, i) => Math.abs(v - flat(ref)[i]!)).reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(1e-5);
  });

  it('2x2 max-pool equals tf.maxPool', () => {
    const x = randomTensor([2, 4, 6, 3], 3) as tf.Tensor4D;
    expect(maxPool2(x).arraySync()).toEqual(tf.maxPool(x, 2, 2, 'valid').arraySync());
  });

  it('maps images and captions to unit vectors of the shared dimension', () => {
    const w = Object.fromEntries(initialWeights(ARCH, 1).map((v) => [v.name, tf.tensor(v.values, v.shape)]));
    const img = { width: 8, height: 8, rgba: new Uint8ClampedArray(8 * 8 * 4).fill(200) };
    const I = encodeImagesTf(w, ARCH, tf.tensor4d(pixelsToInput([img, img, img], 8), [3, 8, 8, 3]));
    expect(I.shape).toEqual([3, 6]);
    const { bags, unknown } = bagsOf(['a red circle', 'blue', 'green'], new Map(ARCH.words.map((x, i) => [x, i])), captionTokens);
    expect(unknown).toEqual(['green']);
    expect(Array.from(bags.slice(0, 4))).toEqual([1 / 3, 1 / 3, 0, 1 / 3].map(Math.fround));
    const T = encodeTextsTf(w, tf.tensor2d(bags, [3, 4]));
    const norms = tf.norm(tf.concat([I, T]), 'euclidean', 1).arraySync() as number[];
    norms.slice(0, 5).forEach((n) => expect(n).toBeCloseTo(1, 5));
    expect(norms[5]).toBe(0); // a caption of unknown words only: a zero vector, not NaN
  });

  it('the plain forward pass (no tfjs) gives what the tfjs one gives', () => {
    const arch: DualArchitecture = { ...ARCH, channels: [3, 5, 4] };
    const weights = initialWeights(arch, 4);
    const w = Object.fromEntries(weights.map((v) => [v.name, tf.tensor(v.values, v.shape)]));
    const rng = new Rng(8);
    const imgs = [0, 1, 2].map(() => ({ width: 8, height: 8, rgba: Uint8ClampedArray.from({ length: 256 }, () => rng.nextU32() % 256) }));
    const model = new MultimodalModel(arch, weights);
    const js = model.embedImages(imgs);
    const ref = encodeImagesTf(w, arch, tf.tensor4d(pixelsToInput(imgs, 8), [3, 8, 8, 3])).dataSync();
    js.forEach((v, i) => expect(v).toBeCloseTo(ref[i]!, 5));
    const texts = ['a red circle', 'blue blue circle'];
    const { bags } = bagsOf(texts, new Map(arch.words.map((x, i) => [x, i])), captionTokens);
    const refT = encodeTextsTf(w, tf.tensor2d(bags, [2, 4])).dataSync();
    model.embedTexts(texts).forEach((v, i) => expect(v).toBeCloseTo(refT[i]!, 6));
    expect(model.unknownWords('a pink circle')).toEqual(['pink']);
  });

  it('lists every weight with its shape, and starts from the seed', () => {
    expect(weightShapes(ARCH)).toEqual([
      { name: 'conv0.w', shape: [3, 3, 3, 3] }, { name: 'conv0.b', shape: [3] },
      { name: 'conv1.w', shape: [3, 3, 3, 4] }, { name: 'conv1.b', shape: [4] },
      { name: 'image.w', shape: [2 * 2 * 4, 6] }, { name: 'image.b', shape: [6] },
      { name: 'text.e', shape: [4, 6] },
    ]);
    const a = initialWeights(ARCH, 5);
    expect(initialWeights(ARCH, 5)).toEqual(a);
    expect(initialWeights(ARCH, 6)[0]!.values).not.toEqual(a[0]!.values);
  });

  it('says which image has the wrong size', () => {
    const ok = { width: 8, height: 8, rgba: new Uint8ClampedArray(256) };
    const bad = { width: 4, height: 8, rgba: new Uint8ClampedArray(128) };
    expect(() => pixelsToInput([ok, bad], 8)).toThrow(/Image 2 is 4x8; this model reads 8x8 images/);
  });
});

function flat(a: unknown): number[] {
  return Array.isArray(a) ? a.flatMap(flat) : [a as number];
}
