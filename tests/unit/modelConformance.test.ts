// One suite for every registered (model, engine) pair that runs under Node, in the spirit of gensim's shared model
// sanity checks: a finite loss that falls on a small corpus, one seed and one thread giving one result, a save/load
// round trip that keeps every vector, and sane neighbours on a calibrated corpus (bands measured over seeds, not
// exact values). A model added to the registry joins this suite by itself; its neighbour band must be calibrated
// and added to NEIGHBOUR_BANDS, or the suite says so. Contextual models have no vector per vocabulary word: they
// run the checks that apply to them (a falling loss, one vector per token, determinism and save/load, compared on
// the vectors they give a few sentences of the corpus).
import { describe, expect, it } from 'vitest';
import { defaultCommon, defaultParams, listModels } from '../../src/core/models';
import type { Model, ModelSpec, Trainer } from '../../src/core/models/types';
import { encodeCorpus } from '../../src/core/text/corpus';
import { readVectors, writeWord2VecBinary } from '../../src/core/vectors/formats';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { GROUPS, twoGroupCorpus } from './conformanceCorpus';
import { tinyPairs } from './tinyImagePairs';

/** Engines that exist in Node (WebGL and WebGPU need a browser; they are checked by the browser tests). */
const NODE_ENGINES = ['cpu', 'tfjs-wasm', 'tfjs-cpu'];
const DIM = 16;
const corpus = encodeCorpus(twoGroupCorpus(), { minCount: 1, maxVocab: 0 });

/** Small-corpus settings: the spec's defaults with a small dimension, no down-sampling, and passes enough to learn. */
function configFor(spec: ModelSpec, seed: number, epochs?: number) {
  const params = defaultParams(spec);
  if ('sample' in params) params.sample = 0;
  // A transformer's feed-forward width follows dim in spirit (BERT: 4 x dim): keep it small with the small dim.
  if (spec.family === 'contextual' && 'ffn' in params) params.ffn = 4 * DIM;
  const common = { ...defaultCommon(spec), dim: DIM, minCount: 1, seed, threads: 1 };
  if (epochs !== undefined) common.epochs = epochs;
  return { model: spec.id, common, params };
}

/** Work per run() call: corpus tokens or cells for most models; a couple of optimiser steps for a contextual one,
 *  so that its first loss is read before it has learnt much. */
const budgetOf = (t: Trainer): number => (listModels().find((m) => m.id === t.modelId)?.unit === 'steps' ? 2 : 500);

async function trainToEnd(t: Trainer): Promise<{ first: number; last: number }> {
  const budget = budgetOf(t);
  let p = await t.run(budget);
  while (!Number.isFinite(p.loss) && !p.done) p = await t.run(budget);
  const first = p.loss;
  while (!p.done) p = await t.run(budget);
  return { first, last: p.loss };
}

/** A few sentences of the corpus, for models that give vectors per token in context. */
const PROBE_SENTENCES = [
  ['i', 'eat', 'the', 'fig', 'and', 'a', 'plum', 'today'],
  ['you', 'drive', 'a', 'bus', 'or', 'a', 'van'],
];

/** What a model gives, as one array to compare: every word's vector, or every probe token's vector in context. */
async function fingerprint(m: Model): Promise<number[]> {
  if (m.kind === 'contextual') return (await m.encode(PROBE_SENTENCES)).flatMap((v) => Array.from(v));
  return Array.from(wordVectors(m).vectors);
}

function wordVectors(m: Model): KeyedVectors {
  if (m.kind !== 'static' && m.kind !== 'subword') throw new Error(`a ${m.kind} model has no per-word vectors`);
  return new KeyedVectors(m.words, m.vectors(), m.dim);
}

/** How many of the ten group words have a nearest neighbour (among the ten) from their own group. */
function groupNeighbours(kv: KeyedVectors): number {
  const all = GROUPS.flat();
  const groupOf = (w: string) => GROUPS.findIndex((g) => (g as readonly string[]).includes(w));
  let ok = 0;
  for (const w of all) {
    let best = '';
    let score = -Infinity;
    for (const o of all) {
      if (o === w) continue;
      const s = kv.similarity(w, o);
      if (s > score) {
        score = s;
        best = o;
      }
    }
    if (groupOf(best) === groupOf(w)) ok++;
  }
  return ok;
}

/**
 * Calibrated on the two-group corpus over seeds 1-8 (tests/unit/conformanceCorpus.ts), at the settings of
 * configFor: the least number of the ten group words whose nearest neighbour is from their own group.
 * skip-gram and CBOW: 10 of 10 on every seed, cpu and tfjs-wasm alike. GloVe: 5-7 of 10 (chance is about 4.4): on a
 * corpus this small it learns from the counts alone and never sees the zero counts between groups, so it stays
 * undecided here; on real text it is sane (the first 20,000 Brown sentences, dim 32, 10 passes, seeds 1-2: 3-5 of
 * the other weekdays in each weekday's top 10; monday: night, friday, sunday...), which takes too long for a unit
 * test and is measured by the bench. Its band here guards against a collapse (every word nearest one word).
 * fastText (skip-gram with 3-6 character n-grams, cpu): 10 of 10 on every seed 1-8.
 */
const NEIGHBOUR_BANDS: Record<string, number> = { skipgram: 10, cbow: 10, glove: 3, fasttext: 10 };

const PAIRS = listModels().filter((spec) => spec.family !== 'dual').flatMap((spec) => spec.engines.filter((e) => NODE_ENGINES.includes(e)).map((engine) => ({ spec, engine })));

describe.each(PAIRS.map((p) => ({ ...p, name: `${p.spec.id} on ${p.engine}` })))('model conformance: $name', ({ spec, engine }) => {
  it('has a finite loss that falls, a model with a vector per word, and neighbours within its band', async () => {
    const t = await spec.create({ kind: 'text', corpus }, configFor(spec, 1), engine);
    const { first, last } = await trainToEnd(t);
    expect(Number.isFinite(first)).toBe(true);
    expect(Number.isFinite(last)).toBe(true);
    expect(last).toBeLessThan(first);
    const p = t.progress();
    expect(p.done).toBe(true);
    expect(p.unitsDone).toBe(p.unitsTotal);
    const m = t.model();
    if (m.kind === 'contextual') {
      // One finite vector of the model's dim per token; no per-word neighbours to check.
      const vecs = await m.encode(PROBE_SENTENCES);
      expect(vecs.map((v) => v.length)).toEqual(PROBE_SENTENCES.map((s) => s.length * DIM));
      expect(vecs.every((v) => v.every(Number.isFinite))).toBe(true);
      t.dispose();
      return;
    }
    const kv = wordVectors(m);
    expect(kv.size).toBe(corpus.vocab.words.length);
    expect(kv.dim).toBe(DIM);
    const band = NEIGHBOUR_BANDS[spec.id];
    expect(band, `no calibrated neighbour band for "${spec.id}": calibrate one over seeds and add it to NEIGHBOUR_BANDS`).toBeDefined();
    expect(groupNeighbours(kv)).toBeGreaterThanOrEqual(band!);
    t.dispose();
  });

  it('gives the same vectors for one seed on one thread', async () => {
    const run = async (seed: number) => {
      const t = await spec.create({ kind: 'text', corpus }, configFor(spec, seed, 2), engine);
      await trainToEnd(t);
      const v = await fingerprint(t.model());
      t.dispose();
      return v;
    };
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect(await run(4)).not.toEqual(a);
  });

  it('saves and loads without losing a vector', async () => {
    const t = await spec.create({ kind: 'text', corpus }, configFor(spec, 2, 1), engine);
    await trainToEnd(t);
    const model = t.model();
    if (spec.save && spec.load) {
      // The model's own format (kept n-grams, or every transformer weight): the loaded model answers as the saved
      // one did.
      const back = spec.load(spec.save(model));
      expect(await fingerprint(back)).toEqual(await fingerprint(model));
      t.dispose();
      return;
    }
    t.dispose();
    // A static model is its vectors: word2vec binary keeps float32 exactly.
    const kv = wordVectors(model);
    const back = await readVectors(writeWord2VecBinary(kv), { fileName: 'model.bin' });
    expect(back.words).toEqual(kv.words);
    expect(Array.from(back.vectors)).toEqual(Array.from(kv.vectors));
  });
});

// Image-text (dual) models have no vector per word: the same three checks, read through what they do answer (the
// embeddings of captions and pictures), on tiny 8x8 pairs so that tfjs's cpu backend runs them in seconds.
const DUAL_PAIRS = listModels().filter((spec) => spec.family === 'dual').flatMap((spec) => spec.engines.filter((e) => NODE_ENGINES.includes(e)).map((engine) => ({ spec, engine })));
const pairs = tinyPairs();

/** Runs a batch at a time (16 pairs in all), so that the first loss is read after one step. */
async function trainDualToEnd(t: Trainer): Promise<{ first: number; last: number }> {
  let p = await t.run(8);
  const first = p.loss;
  while (!p.done) p = await t.run(8);
  return { first, last: p.loss };
}

function dualConfig(spec: ModelSpec, seed: number, epochs: number) {
  const params = { ...defaultParams(spec), batchSize: 8 };
  return { model: spec.id, common: { ...defaultCommon(spec), dim: DIM, seed, epochs, threads: 1 }, params };
}

function dualEmbeddings(m: Model): number[] {
  if (m.kind !== 'dual' || !('embedTexts' in m) || !('embedImages' in m)) throw new Error(`a ${m.kind} model does not embed captions and pictures`);
  const dual = m as unknown as { embedTexts(t: readonly string[]): Float32Array; embedImages(p: typeof pairs.images): Float32Array };
  return [...dual.embedTexts(pairs.captions), ...dual.embedImages(pairs.images)];
}

describe.each(DUAL_PAIRS.map((p) => ({ ...p, name: `${p.spec.id} on ${p.engine}` })))('model conformance (dual): $name', ({ spec, engine }) => {
  const data = { kind: 'image-text' as const, pairs };

  it('has a finite loss that falls and embeds captions and pictures as unit vectors', async () => {
    const t = await spec.create(data, dualConfig(spec, 1, 8), engine);
    const { first, last } = await trainDualToEnd(t);
    expect(Number.isFinite(first)).toBe(true);
    expect(last).toBeLessThan(first);
    expect(t.progress().unitsDone).toBe(t.progress().unitsTotal);
    const e = dualEmbeddings(t.model());
    t.dispose();
    expect(e.length).toBe((pairs.captions.length + pairs.images.length) * DIM);
    for (let i = 0; i < e.length; i += DIM) expect(Math.hypot(...e.slice(i, i + DIM))).toBeCloseTo(1, 4);
  });

  it('gives the same model for one seed', async () => {
    const run = async (seed: number) => {
      const t = await spec.create(data, dualConfig(spec, seed, 2), engine);
      await trainDualToEnd(t);
      const e = dualEmbeddings(t.model());
      t.dispose();
      return e;
    };
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect(await run(4)).not.toEqual(a);
  });

  it('saves and loads in its own format without changing an answer', async () => {
    expect(spec.save && spec.load, 'a dual model must declare save and load').toBeTruthy();
    const t = await spec.create(data, dualConfig(spec, 2, 1), engine);
    await trainDualToEnd(t);
    const model = t.model();
    t.dispose();
    expect(dualEmbeddings(spec.load!(spec.save!(model)))).toEqual(dualEmbeddings(model));
  });
});
