// The masked-language-model trainer and model end to end on the tfjs cpu backend, on the conformance suite's
// two-group corpus (fruit and vehicles in their own sentence frames): the loss falls, one seed gives one model,
// the trained model guesses a masked fruit in a fruit frame, encodes one vector per token, shows attention, and
// survives a save/load round trip; broken files are refused with a reason.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MLM_SPEC } from '../../src/core/models/contextual/mlmSpec';
import { loadMlmModel, MlmModel } from '../../src/core/models/contextual/mlmModel';
import { MlmFileError, readMlmFile } from '../../src/core/models/contextual/mlmFile';
import { MASK } from '../../src/core/models/contextual/mlmTokenizer';
import type { MlmTrainer } from '../../src/core/models/contextual/mlmTrainer';
import { defaultCommon, defaultParams, getModel } from '../../src/core/models';
import { encodeCorpus } from '../../src/core/text/corpus';
import { GROUPS, twoGroupCorpus } from './conformanceCorpus';

const SPEC = getModel('mlm');
const corpus = encodeCorpus(twoGroupCorpus(), { minCount: 1, maxVocab: 0 });

async function trained(seed: number, epochs: number): Promise<MlmTrainer> {
  const params = { ...defaultParams(SPEC), ffn: 32, batchSize: 16, alpha: 0.01 };
  const common = { ...defaultCommon(SPEC), dim: 16, epochs, seed };
  const t = (await SPEC.create({ kind: 'text', corpus }, { model: 'mlm', common, params }, 'tfjs-cpu')) as MlmTrainer;
  while (!t.done) await t.run(10);
  return t;
}

let model: MlmModel;
let trainer: MlmTrainer;
let firstLoss = NaN;

beforeAll(async () => {
  const params = { ...defaultParams(SPEC), ffn: 32, batchSize: 16, alpha: 0.01 };
  const common = { ...defaultCommon(SPEC), dim: 16, epochs: 3, seed: 1 };
  trainer = (await SPEC.create({ kind: 'text', corpus }, { model: 'mlm', common, params }, 'tfjs-cpu')) as MlmTrainer;
  const p = await trainer.run(1);
  firstLoss = p.loss;
  while (!trainer.done) await trainer.run(10);
  model = trainer.model();
}, 300_000);

describe('MlmTrainer', () => {
  it('counts steps and its loss falls well below a uniform guess', () => {
    const p = trainer.progress();
    expect(p.done).toBe(true);
    expect(p.unitsDone).toBe(p.unitsTotal);
    expect(p.unitsTotal).toBe(trainer.stepsPerEpoch * 3);
    expect(firstLoss).toBeGreaterThan(Math.log(trainer.shape.vocab) - 0.5);
    expect(p.loss).toBeLessThan(firstLoss - 1);
  });

  it('keeps the tensor count flat across steps and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const params = { ...defaultParams(SPEC), ffn: 32, batchSize: 16, alpha: 0.01 };
    const common = { ...defaultCommon(SPEC), dim: 16, epochs: 1, seed: 3 };
    const t = (await SPEC.create({ kind: 'text', corpus }, { model: 'mlm', common, params }, 'tfjs-cpu')) as MlmTrainer;
    await t.run(1);
    // The variables and Adam's two moments per weight stay; every step's own tensors are freed.
    const perStep = tf.memory().numTensors;
    await t.run(3);
    await t.model().predictMasked(['i', 'eat', MASK], 3);
    expect(tf.memory().numTensors).toBe(perStep);
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps every 50th sentence out of training', () => {
    expect(trainer.heldOut.sentences.length).toBe(Math.floor(800 / 50));
  });

  it('gives one seed one model and another seed another', async () => {
    const a = await trained(4, 1);
    const b = await trained(4, 1);
    const c = await trained(5, 1);
    expect(Array.from(a.model().save({}))).toEqual(Array.from(b.model().save({})));
    expect(Array.from(a.model().save({}))).not.toEqual(Array.from(c.model().save({})));
    for (const t of [a, b, c]) t.dispose();
  }, 300_000);
});

describe('MlmModel', () => {
  it('guesses a fruit in a fruit frame and a vehicle in a vehicle frame', async () => {
    const [fruit] = await model.predictMasked(['i', 'eat', 'the', MASK, 'and', 'a', 'pear', 'today'], 5);
    const [vehicle] = await model.predictMasked(['i', 'drive', 'the', MASK, 'and', 'a', 'bus', 'today'], 5);
    expect(fruit!.position).toBe(3);
    expect(GROUPS[0]).toContain(fruit!.guesses[0]!.token);
    expect(GROUPS[1]).toContain(vehicle!.guesses[0]!.token);
    const ps = fruit!.guesses.map((g) => g.p);
    expect([...ps].sort((x, y) => y - x)).toEqual(ps);
    expect(ps.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(1.0001);
  });

  it('encodes one vector per token, and the same word differently in different sentences', async () => {
    const [a, b] = await model.encode([
      ['i', 'eat', 'the', 'fig', 'today'],
      ['you', 'drive', 'a', 'fig', 'or', 'a', 'bus'],
    ]);
    expect(a!.length).toBe(5 * 16);
    expect(b!.length).toBe(7 * 16);
    expect(Array.from(a!.subarray(3 * 16, 4 * 16))).not.toEqual(Array.from(b!.subarray(3 * 16, 4 * 16)));
    await expect(model.encode([Array(40).fill('fig')])).rejects.toThrow(/Sentence 1 has 40 words; this model reads at most 32/);
  });

  it('shows attention rows that sum to 1 for every layer and head', async () => {
    const m = await model.attention(['we', 'park', 'the', 'van', 'after', 'the', 'bus']);
    expect(m.tokens).toEqual(['we', 'park', 'the', 'van', 'after', 'the', 'bus']);
    expect(m.weights.length).toBe(2 * 4 * 7 * 7);
    for (let r = 0; r < 2 * 4 * 7; r++) {
      const row = m.weights.subarray(r * 7, r * 7 + 7);
      expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 4);
    }
  });

  it('saves and loads into a model that answers exactly as the saved one', async () => {
    const bytes = MLM_SPEC.save!(model);
    const back = MLM_SPEC.load!(bytes) as MlmModel;
    const s = [['she', 'cuts', 'the', 'plum', 'and', 'the', 'kiwi', 'slowly']];
    expect(Array.from((await back.encode(s))[0]!)).toEqual(Array.from((await model.encode(s))[0]!));
    expect(back.tokens).toEqual(model.tokens);
    back.dispose();
  });

  it('refuses a truncated, foreign or damaged file with a reason', () => {
    const bytes = model.save();
    expect(() => readMlmFile(bytes.subarray(0, bytes.length - 8), 'm.elcm')).toThrow(MlmFileError);
    expect(() => readMlmFile(bytes.subarray(0, bytes.length - 8), 'm.elcm')).toThrow(/m\.elcm holds .* bytes of weights; .* cut short/);
    expect(() => loadMlmModel(new TextEncoder().encode('hello world, not a model'), 'x.txt')).toThrow(/x\.txt is not a contextual model file/);
    const bad = bytes.slice();
    bad[4] = 9;
    expect(() => readMlmFile(bad, 'm.elcm')).toThrow(/version 9/);
  });
});
