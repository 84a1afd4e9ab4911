// The cpu engine: exact first updates against the reference maths, calibrated bands on a toy corpus for each of
// skip-gram/CBOW x negative sampling/hierarchical softmax, determinism, progress accounting, divergence.
import { describe, expect, it } from 'vitest';
import { encodeCorpus, encodeSentences } from '../../src/core/text/corpus';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { buildVocab, countWords } from '../../src/core/text/vocab';
import { createTrainer } from '../../src/core/train/createTrainer';
import { createCpuTrainer } from '../../src/core/train/cpuEngine';
import { buildHuffman } from '../../src/core/train/huffman';
import { huffmanLabels, skipGramLoss } from '../../src/core/train/losses';
import { Rng } from '../../src/core/train/rng';
import { DEFAULT_TRAIN_CONFIG, DivergenceError, MIN_SUGGESTED_ALPHA, STABLE_ALPHA, suggestAlpha, type TrainConfig } from '../../src/core/train/types';

const fruit = encodeCorpus(TOY_CORPORA.fruit.text, { minCount: 1, maxVocab: 0 });
const TOY: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, dim: 20, window: 2, minCount: 1, sample: 0, epochs: 20 };

function cosine(v: Float32Array, dim: number, a: number, b: number): number {
  let s = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < dim; d++) {
    s += v[a * dim + d] * v[b * dim + d];
    na += v[a * dim + d] ** 2;
    nb += v[b * dim + d] ** 2;
  }
  return s / Math.sqrt(na * nb);
}

/** Mean cosine within the two topics of the fruit corpus minus the mean across them. */
function topicMargin(v: Float32Array, dim: number): number {
  const id = (w: string) => fruit.vocab.index.get(w)!;
  const groups = [['apple', 'orange', 'banana'], ['juice', 'milk', 'water']];
  let within = 0;
  let nw = 0;
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        within += cosine(v, dim, id(g[i]), id(g[j]));
        nw++;
      }
    }
  }
  let across = 0;
  for (const a of groups[0]) for (const b of groups[1]) across += cosine(v, dim, id(a), id(b));
  return within / nw - across / 9;
}

describe('cpu engine: the first updates equal the reference gradient step', () => {
  it('skip-gram + hierarchical softmax on "a b" (window 1, constant rate)', async () => {
    const sentences = [['a', 'b']];
    const { counts, rawTokens } = countWords(sentences);
    const vocab = buildVocab(counts, rawTokens, { minCount: 1, maxSize: 0 });
    const corpus = encodeSentences(sentences, vocab, rawTokens);
    const dim = 4;
    const alpha = 0.5;
    const config: TrainConfig = { ...TOY, dim, window: 1, negative: 0, hs: true, alpha, minAlpha: alpha, epochs: 1 };
    const trainer = createCpuTrainer(corpus, config);
    const initial = trainer.vectors();
    const syn0 = Float64Array.from(initial);
    // The engine initialises syn0 from Rng(seed) exactly like this:
    const rng = new Rng(config.seed);
    for (let i = 0; i < syn0.length; i++) expect(syn0[i]).toBeCloseTo(Math.fround((rng.nextFloat() - 0.5) / dim), 7);
    const syn1 = new Float64Array(dim); // one inner node, zero-initialised
    const tree = buildHuffman(vocab.counts);
    const labels = (w: number) => huffmanLabels(tree.codes.subarray(tree.offsets[w], tree.offsets[w + 1]));
    // word2vec order: centre 0 ('a' or 'b', whichever is id 0) with its context, then centre 1.
    for (const [centre, context] of [[0, 1], [1, 0]]) {
      const input = syn0.subarray(context * dim, (context + 1) * dim);
      const gIn = new Float64Array(dim);
      const gOut = new Float64Array(dim);
      skipGramLoss(input, syn1, labels(centre), dim, gIn, gOut);
      for (let d = 0; d < dim; d++) {
        syn1[d] -= alpha * gOut[d];
        input[d] -= alpha * gIn[d];
      }
    }
    await trainer.run(Infinity);
    const got = trainer.vectors();
    // The engine reads sigmoid from word2vec.c's 1000-entry table (error < 0.003 near 0) in float32.
    let moved = 0;
    for (let i = 0; i < syn0.length; i++) {
      expect(Math.abs(got[i] - syn0[i])).toBeLessThan(2e-4);
      moved = Math.max(moved, Math.abs(got[i] - initial[i]));
    }
    expect(moved).toBeGreaterThan(2e-3); // the check above is 10x finer than the updates themselves
  });
});

describe.each([
  { model: 'skipgram', hs: false },
  { model: 'skipgram', hs: true },
  { model: 'cbow', hs: false },
  { model: 'cbow', hs: true },
] as const)('cpu engine, $model, hs=$hs', ({ model, hs }) => {
  it('lowers the loss, changes the vectors and separates the two topics of a toy corpus', async () => {
    const config: TrainConfig = { ...TOY, model, hs, negative: hs ? 0 : 5, seed: 3 };
    const trainer = await createTrainer(fruit, config);
    const before = trainer.vectors();
    const first = await trainer.run(300);
    let p = first;
    while (!p.done) p = await trainer.run(300);
    const after = trainer.vectors();
    // Calibrated over seeds 1-10: the loss falls from 2.7-3.9 to 1.35-1.75 and the margin is 0.14-0.50.
    expect(p.loss).toBeLessThan(first.loss * 0.75);
    expect(Number.isFinite(p.loss)).toBe(true);
    let moved = 0;
    for (let i = 0; i < after.length; i++) moved += Math.abs(after[i] - before[i]);
    expect(moved / after.length).toBeGreaterThan(0.01);
    expect(topicMargin(after, config.dim)).toBeGreaterThan(0.08);
    expect(p.done).toBe(true);
    expect(p.wordsDone).toBe(fruit.rawTokens * config.epochs);
  });
});

describe('cpu engine bookkeeping', () => {
  it('is deterministic for one seed and differs across seeds', async () => {
    const go = async (seed: number) => {
      const t = await createTrainer(fruit, { ...TOY, epochs: 2, seed, sample: 1e-2 });
      await t.run(Infinity);
      return t.vectors();
    };
    const a = await go(5);
    const b = await go(5);
    const c = await go(6);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('counts raw tokens, rounds run() up to whole sentences and decays the rate linearly', async () => {
    const t = createCpuTrainer(fruit, { ...TOY, epochs: 2 });
    const p0 = t.progress();
    expect(Number.isNaN(p0.loss)).toBe(true);
    expect(p0.lr).toBeCloseTo(TOY.alpha, 12);
    expect(p0.wordsTotal).toBe(fruit.rawTokens * 2);
    const p1 = await t.run(1);
    expect(p1.wordsDone).toBe(fruit.rawLengths[0]);
    const half = await t.run(fruit.rawTokens - p1.wordsDone);
    expect(half.wordsDone).toBe(fruit.rawTokens);
    expect(half.epoch).toBe(1);
    expect(half.lr).toBeCloseTo((TOY.alpha + TOY.minAlpha) / 2, 10);
    const end = await t.run(Infinity);
    expect(end.done).toBe(true);
    expect(end.epoch).toBe(2);
    expect(end.lr).toBeCloseTo(TOY.minAlpha, 12);
    expect(end.wordsPerSec).toBeGreaterThan(0);
    expect((await t.run(1000)).wordsDone).toBe(end.wordsDone); // nothing more to do
  });

  it('gives vectorsFor rows equal to the matching rows of vectors()', async () => {
    const t = createCpuTrainer(fruit, { ...TOY, epochs: 1 });
    await t.run(500);
    const all = t.vectors();
    const some = t.vectorsFor([3, 0]);
    expect(Array.from(some.subarray(0, 20))).toEqual(Array.from(all.subarray(60, 80)));
    expect(Array.from(some.subarray(20, 40))).toEqual(Array.from(all.subarray(0, 20)));
    expect(() => t.vectorsFor([fruit.vocab.words.length])).toThrow(/outside/);
  });

  it('throws DivergenceError on an absurd learning rate and leaves no NaN in the vectors', async () => {
    for (const [model, kernel] of [['skipgram', 'wasm'], ['cbow', 'wasm'], ['skipgram', 'js'], ['cbow', 'js']] as const) {
      const t = createCpuTrainer(fruit, { ...TOY, model, alpha: 1e6, minAlpha: 0 }, { kernel });
      let error: unknown;
      try {
        while (!(await t.run(200)).done);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DivergenceError);
      const de = error as DivergenceError;
      // Never above the model's stable default, however absurd the failed rate.
      expect(de.suggestedAlpha).toBe(STABLE_ALPHA[model]);
      expect(de.message).toMatch(new RegExp(`diverged.*Try alpha = ${STABLE_ALPHA[model]}`, 's'));
      const v = t.vectors();
      expect(v.every((x) => Number.isFinite(x))).toBe(true);
    }
  });

  it('suggests after a divergence a learning rate that trains in one try', async () => {
    for (const model of ['skipgram', 'cbow'] as const) {
      const failed = createCpuTrainer(fruit, { ...TOY, model, alpha: 50, minAlpha: 0 });
      const error = await (async () => {
        while (!(await failed.run(200)).done);
      })().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(DivergenceError);
      const alpha = (error as DivergenceError).suggestedAlpha;
      const retry = createCpuTrainer(fruit, { ...TOY, model, alpha, minAlpha: alpha / 100 });
      let p = await retry.run(200);
      while (!p.done) p = await retry.run(200);
      expect(p.epoch).toBe(TOY.epochs);
      expect(Number.isFinite(p.loss)).toBe(true);
    }
  });

  it('suggests a tenth of the failed rate, capped by the stable default and floored', () => {
    expect(suggestAlpha(50, 'skipgram')).toBe(0.025);
    expect(suggestAlpha(0.1, 'skipgram')).toBeCloseTo(0.01, 12);
    expect(suggestAlpha(0.3, 'cbow')).toBeCloseTo(0.03, 12);
    expect(suggestAlpha(1e-4, 'cbow')).toBe(MIN_SUGGESTED_ALPHA);
  });

  it('rejects unusable settings with a message naming them', async () => {
    await expect(createTrainer(fruit, { ...TOY, negative: 0, hs: false })).rejects.toThrow(/nothing to train/);
    await expect(createTrainer(fruit, { ...TOY, dim: 0, alpha: -1 })).rejects.toThrow(/dim must.*alpha must/);
    await expect(createTrainer(fruit, TOY, 'nope' as never)).rejects.toThrow(/Unknown engine "nope"/);
  });
});

describe('cpu engine kernels', () => {
  it.each([
    { model: 'skipgram', hs: false, dim: 20 },
    { model: 'cbow', hs: true, dim: 20 },
    // dim 10: SIMD rows padded to 12 floats, one 8-float step and a 4-float tail in the dot product
    { model: 'skipgram', hs: true, dim: 10 },
  ] as const)('WebAssembly SIMD and JavaScript agree ($model, hs=$hs, dim $dim): same draws, float32 vs float64 sums', async ({ model, hs, dim }) => {
    const config: TrainConfig = { ...TOY, model, hs, dim, negative: hs ? 0 : 5, epochs: 2, sample: 1e-2 };
    const wasm = createCpuTrainer(fruit, config, { kernel: 'wasm' });
    const js = createCpuTrainer(fruit, config, { kernel: 'js' });
    expect(wasm.kernel).toBe('wasm-simd');
    expect(js.kernel).toBe('js');
    expect(Array.from(wasm.vectors())).toEqual(Array.from(js.vectors())); // same initialisation
    const pw = await wasm.run(Infinity);
    const pj = await js.run(Infinity);
    expect(pw.wordsDone).toBe(pj.wordsDone);
    expect(pw.loss).toBeCloseTo(pj.loss, 2);
    const a = wasm.vectors();
    const b = js.vectors();
    let maxDiff = 0;
    let maxAbs = 0;
    for (let i = 0; i < a.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
      maxAbs = Math.max(maxAbs, Math.abs(b[i]));
    }
    // Rounding differences only: the same pairs and negatives were drawn in the same order.
    expect(maxDiff).toBeLessThan(2e-4 * maxAbs); // measured 1e-7 to 4e-5
    expect(wasm.outputVectors().length).toBe(js.outputVectors().length);
  });
});

describe('cpu engine, Hogwild threads (Node)', () => {
  it('trains with 2 threads on shared weights: every word counted once, loss falls, topics separate', async () => {
    const logs: string[] = [];
    const trainer = await createTrainer(fruit, { ...TOY, threads: 2, seed: 4 }, 'cpu', { onLog: (m) => logs.push(m) });
    try {
      expect((trainer as { threads?: number }).threads).toBe(2);
      expect(logs.join(' ')).toMatch(/2 Hogwild threads/);
      const first = await trainer.run(300);
      let p = first;
      while (!p.done) p = await trainer.run(300);
      expect(p.wordsDone).toBe(fruit.rawTokens * TOY.epochs);
      expect(p.loss).toBeLessThan(first.loss * 0.75);
      const v = trainer.vectors();
      expect(v.every((x) => Number.isFinite(x))).toBe(true);
      expect(topicMargin(v, TOY.dim)).toBeGreaterThan(0.08);
    } finally {
      trainer.dispose();
    }
  });

  it('reports a divergence found by a helper thread and restores the weights', async () => {
    const trainer = await createTrainer(fruit, { ...TOY, threads: 2, alpha: 1e6, minAlpha: 0 });
    try {
      await expect((async () => {
        while (!(await trainer.run(400)).done);
      })()).rejects.toBeInstanceOf(DivergenceError);
      expect(trainer.vectors().every((x) => Number.isFinite(x))).toBe(true);
    } finally {
      trainer.dispose();
    }
  });
});
