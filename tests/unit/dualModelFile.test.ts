import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialWeights, type DualArchitecture } from '../../src/core/models/multimodal/dualArchitecture';
import { MultimodalModel } from '../../src/core/models/multimodal/dualModel';
import { isDualModelFile, readDualModel, writeDualModel } from '../../src/core/models/multimodal/dualModelFile';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ARCH: DualArchitecture = { words: ['a', 'red', 'circle'], dim: 4, imageSize: 8, channels: [2, 3] };
const model = new MultimodalModel(ARCH, initialWeights(ARCH, 9));

describe('image-text model file', () => {
  it('round-trips every weight exactly, the architecture and the metadata', () => {
    const bytes = writeDualModel(model, { seed: 9, note: 'test' });
    expect(isDualModelFile(bytes)).toBe(true);
    const { model: back, meta } = readDualModel(bytes);
    expect(meta).toEqual({ seed: 9, note: 'test' });
    expect(back.arch).toEqual(ARCH);
    back.weights.forEach((w, i) => {
      expect(w.name).toBe(model.weights[i]!.name);
      expect(Array.from(w.values)).toEqual(Array.from(model.weights[i]!.values));
    });
    // Float32 bytes plus a short header: nothing is stored twice.
    const floats = model.weights.reduce((s, w) => s + w.values.length, 0);
    expect(bytes.length).toBeLessThan(floats * 4 + 600);
    // ...and the loaded model answers as the saved one did.
    expect(Array.from(back.embedTexts(['a red circle']))).toEqual(Array.from(model.embedTexts(['a red circle'])));
  });

  it('says what is wrong with a broken file', () => {
    const bytes = writeDualModel(model);
    expect(() => readDualModel(new TextEncoder().encode('hello world, not a model'), 'x.eldm')).toThrow(/x.eldm: not an image-text model file/);
    expect(() => readDualModel(bytes.subarray(0, bytes.length - 4), 'cut.eldm')).toThrow(/cut.eldm: expected \d+ bytes for these weights, found \d+/);
    const wrongVersion = bytes.slice();
    wrongVersion[4] = 9;
    expect(() => readDualModel(wrongVersion)).toThrow(/version 9/);
    const badJson = bytes.slice();
    badJson[12] = 0x7b + 1; // the header's opening brace
    expect(() => readDualModel(badJson)).toThrow(/header is not valid JSON/);
  });
});
