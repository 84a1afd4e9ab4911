// The tfjs engine on the wasm backend in Node: it learns what the cpu engine learns (calibrated bands on a Brown
// slice), its loss falls for every model x objective, tfjs memory stays flat, a seed fixes the result, chunks end on
// sentence boundaries, divergence is caught and undone, and backends that cannot run here say so.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { encodeCorpus, type EncodedCorpus } from '../../src/core/text/corpus';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { createTrainer } from '../../src/core/train/createTrainer';
import { MIN_AUTO_BATCH } from '../../src/core/train/tfjsBatchSize';
import { BackendUnavailableError, createTfjsTrainer } from '../../src/core/train/tfjsEngine';
import { DEFAULT_TRAIN_CONFIG, DivergenceError, STABLE_ALPHA, type EmbeddingTrainer, type TrainConfig } from '../../src/core/train/types';

const fruit = encodeCorpus(TOY_CORPORA.fruit.text, { minCount: 1, maxVocab: 0 });
const TOY: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, dim: 16, window: 2, minCount: 1, sample: 0, epochs: 12, batchSize: 128 };

const BROWN = 'public/corpora/brown.txt';
/** About 90,000 tokens: enough for stable structure among the 300 most frequent words, a few seconds per run. */
const BROWN_SLICE_WORDS = 100_000;

function brownSlice(words: number): EncodedCorpus {
  if (!existsSync(BROWN)) throw new Error(`${BROWN} is missing: build the corpora first with \`npm run corpora\`.`);
  const lines = readFileSync(BROWN, 'utf8').split('\n');
  const keep: string[] = [];
  let n = 0;
  for (const line of lines) {
    if (n >= words) break;
    keep.push(line);
    n += line.split(' ').length;
  }
  return encodeCorpus(keep.join('\n'), { minCount: 5, maxVocab: 0 });
}

async function trainToEnd(t: EmbeddingTrainer, chunk: number): Promise<number[]> {
  const losses: number[] = [];
  while (!t.done) losses.push((await t.run(chunk)).loss);
  return losses;
}

/** Cosine similarities of all pairs among the `top` most frequent words: the structure a model learned. */
function similarityStructure(t: EmbeddingTrainer, top: number): Float64Array {
  const d = t.dim;
  const v = t.vectorsFor(Array.from({ length: top }, (_, i) => i));
  const norm = Array.from({ length: top }, (_, i) => Math.hypot(...v.subarray(i * d, i * d + d)));
  const out: number[] = [];
  for (let i = 0; i < top; i++) {
    for (let j = i + 1; j < top; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += v[i * d + k] * v[j * d + k];
      out.push(s / (norm[i] * norm[j]));
    }
  }
  return Float64Array.from(out);
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('tfjs engine (wasm backend) learns what the cpu engine learns', () => {
  // Calibrated on this Brown slice (dim 50, 3 epochs, seeds 1 and 2): the similarity structures of two cpu runs with
  // different seeds correlate at 0.83 (skip-gram) / 0.83 (CBOW); tfjs-wasm against the other-seed cpu run at 0.85 /
  // 0.82; final losses differ by < 0.5%. Bands: tfjs may be at most 0.06 below the cpu-vs-cpu agreement, and its loss
  // within 3% of the cpu engine's.
  const brown = brownSlice(BROWN_SLICE_WORDS);
  for (const model of ['skipgram', 'cbow'] as const) {
    it(`${model} + negative sampling on ${brown.rawTokens.toLocaleString('en-US')} Brown tokens`, async () => {
      const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, model, dim: 50, epochs: 3 };
      const TOP = 300;
      const run = async (engine: 'cpu' | 'tfjs-wasm', seed: number) => {
        const t = await createTrainer(brown, { ...config, seed }, engine);
        const losses = await trainToEnd(t, 20_000);
        const structure = similarityStructure(t, TOP);
        t.dispose();
        return { loss: losses[losses.length - 1], first: losses[0], structure };
      };
      const cpu1 = await run('cpu', 1);
      const cpu2 = await run('cpu', 2);
      const tfjs = await run('tfjs-wasm', 1);
      const baseline = pearson(cpu1.structure, cpu2.structure);
      expect(baseline).toBeGreaterThan(0.7); // sanity: the cpu engine itself is stable on this slice
      expect(pearson(tfjs.structure, cpu2.structure)).toBeGreaterThan(baseline - 0.06);
      expect(Math.abs(tfjs.loss - cpu1.loss) / cpu1.loss).toBeLessThan(0.03);
      expect(tfjs.loss).toBeLessThan(tfjs.first * 0.95);
    });
  }
});

describe('tfjs engine on the toy corpus (wasm backend)', () => {
  const CASES = [
    { model: 'skipgram', negative: 5, hs: false },
    { model: 'skipgram', negative: 0, hs: true },
    { model: 'cbow', negative: 5, hs: false },
    { model: 'cbow', negative: 0, hs: true },
  ] as const;
  for (const c of CASES) {
    it(`${c.model} ${c.hs ? 'hierarchical softmax' : 'negative sampling'}: loss falls, tfjs memory stays flat`, async () => {
      const baseline = tf.memory().numTensors;
      const t = await createTfjsTrainer(fruit, { ...TOY, ...c }, 'wasm');
      expect(t.engine).toBe('tfjs-wasm');
      expect(tf.getBackend()).toBe('wasm');
      const tensorsAfterCreate = tf.memory().numTensors;
      const losses: number[] = [];
      while (!t.done) {
        losses.push((await t.run(1_500)).loss);
        expect(tf.memory().numTensors).toBe(tensorsAfterCreate);
      }
      expect(losses.length).toBeGreaterThan(5);
      expect(losses[losses.length - 1]).toBeLessThan(losses[0] * 0.8);
      const p = t.progress();
      expect(p.done).toBe(true);
      expect(p.wordsDone).toBe(p.wordsTotal);
      expect(p.epoch).toBe(TOY.epochs);
      t.dispose();
      expect(tf.memory().numTensors).toBe(baseline);
    });
  }

  it('starts from the same vectors as the cpu engine and is deterministic given the seed', async () => {
    const config: TrainConfig = { ...TOY, epochs: 2 };
    const cpu = await createTrainer(fruit, config, 'cpu');
    const a = await createTfjsTrainer(fruit, config, 'wasm');
    expect(Array.from(a.vectors())).toEqual(Array.from(cpu.vectors()));
    const b = await createTfjsTrainer(fruit, config, 'wasm');
    const c = await createTfjsTrainer(fruit, { ...config, seed: 2 }, 'wasm');
    for (const t of [a, b, c]) await trainToEnd(t, 700);
    expect(Array.from(a.vectors())).toEqual(Array.from(b.vectors()));
    expect(Array.from(a.vectors())).not.toEqual(Array.from(c.vectors()));
    expect(a.progress().loss).toBe(b.progress().loss);
    for (const t of [cpu, a, b, c]) t.dispose();
  });

  it('trains whole sentences per chunk and counts words like the cpu engine', async () => {
    const t = await createTfjsTrainer(fruit, { ...TOY, epochs: 2 }, 'wasm');
    const boundaries = new Set<number>([0]);
    let sum = 0;
    for (let e = 0; e < 2; e++) for (const len of fruit.rawLengths) boundaries.add((sum += len));
    let before = 0;
    while (!t.done) {
      const p = await t.run(37);
      expect(p.wordsDone).toBeGreaterThanOrEqual(Math.min(before + 37, p.wordsTotal));
      expect(p.wordsDone - before).toBeLessThan(37 + 10); // fruit sentences are at most 6 tokens
      expect(boundaries.has(p.wordsDone)).toBe(true);
      expect(p.lr).toBeLessThanOrEqual(TOY.alpha);
      expect(p.lr).toBeGreaterThanOrEqual(TOY.minAlpha);
      before = p.wordsDone;
    }
    expect(before).toBe(fruit.rawTokens * 2);
    const v = t.vectorsFor([3, 1]);
    expect(Array.from(v.subarray(0, TOY.dim))).toEqual(Array.from(t.vectors().subarray(3 * TOY.dim, 4 * TOY.dim)));
    expect(() => t.vectorsFor([fruit.vocab.words.length])).toThrow(/outside the vocabulary/);
    t.dispose();
    await expect(t.run(10)).rejects.toThrow(/disposed/);
  });

  it('stops on divergence with an explanation and puts the weights back', async () => {
    const t = await createTfjsTrainer(fruit, { ...TOY, alpha: 50, minAlpha: 0 }, 'wasm');
    const before = t.vectors();
    const err = await t.run(2_000).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DivergenceError);
    // One step to the model's stable default, not a quarter (12.5) that diverges again.
    expect((err as DivergenceError).suggestedAlpha).toBe(STABLE_ALPHA[TOY.model]);
    expect((err as DivergenceError).message).toMatch(new RegExp(`diverged on tfjs-wasm .* Try alpha = ${STABLE_ALPHA[TOY.model]}`));
    expect(Array.from(t.vectors())).toEqual(Array.from(before));
    t.dispose();
  });

  it('lowers the batch size for a tiny vocabulary, says so, and then trains without diverging', async () => {
    // At batch 1,024 on these 17-20 word vocabularies the summed updates diverged (tfjsBatchSize.ts).
    for (const name of ['fruit', 'royals'] as const) {
      const corpus = encodeCorpus(TOY_CORPORA[name].text, { minCount: 1, maxVocab: 0 });
      for (const model of ['skipgram', 'cbow'] as const) {
        const logs: string[] = [];
        const t = await createTfjsTrainer(corpus, { ...TOY, model, batchSize: 1024, epochs: 10 }, 'wasm', { onLog: (m) => logs.push(m) });
        expect(t.config.batchSize).toBeLessThan(1024);
        expect(t.config.batchSize).toBeGreaterThanOrEqual(MIN_AUTO_BATCH);
        expect(logs.join(' ')).toMatch(new RegExp(`Batch size lowered from 1024 to ${t.config.batchSize} .*would diverge`));
        const losses = await trainToEnd(t, 3_000);
        expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
        t.dispose();
      }
    }
    const brown = await createTfjsTrainer(brownSlice(BROWN_SLICE_WORDS), { ...DEFAULT_TRAIN_CONFIG, batchSize: 1024 }, 'wasm');
    expect(brown.config.batchSize).toBe(1024); // a real vocabulary keeps the asked-for batch
    brown.dispose();
  });

  it('refuses bad settings and backends that cannot run in Node, saying what to do', async () => {
    await expect(createTfjsTrainer(fruit, { ...TOY, negative: 0, hs: false }, 'wasm')).rejects.toThrow(/nothing to train/);
    await expect(createTfjsTrainer(fruit, { ...TOY, batchSize: 0 }, 'wasm')).rejects.toThrow(/batchSize must be/);
    const gpu = await createTfjsTrainer(fruit, TOY, 'webgpu').catch((e: unknown) => e);
    expect(gpu).toBeInstanceOf(BackendUnavailableError);
    expect(String(gpu)).toMatch(/does not run in Node.*tfjs-webgl, tfjs-wasm or the cpu engine/);
  });

  it('is what createTrainer gives for tfjs-wasm and tfjs-cpu', async () => {
    for (const engine of ['tfjs-wasm', 'tfjs-cpu'] as const) {
      const t = await createTrainer(fruit, { ...TOY, epochs: 1 }, engine);
      expect(t.engine).toBe(engine);
      const p = await t.run(300);
      expect(p.loss).toBeGreaterThan(0);
      expect(tf.getBackend()).toBe(engine.slice('tfjs-'.length));
      t.dispose();
    }
  });
});
