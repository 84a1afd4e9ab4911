// Warm start of the cpu engine: shared words start from the old model's input and output rows (with or without the
// SIMD padding), new words as word2vec starts them, shapes are checked, and keeping the output vectors is what lets a
// continued model start where the old one stopped (its first loss is the old model's, not a fresh one's).
import { describe, expect, it } from 'vitest';
import { encodeCorpus } from '../../src/core/text/corpus';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { createCpuTrainer } from '../../src/core/train/cpuEngine';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../src/core/train/types';
import { copyWarmRows, warmRows, type WarmStart } from '../../src/core/train/warmStart';

const fruit = encodeCorpus(TOY_CORPORA.fruit.text, { minCount: 1, maxVocab: 0 });
const TOY: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, dim: 6, window: 2, minCount: 1, sample: 0, epochs: 10 };

describe('warmRows and copyWarmRows', () => {
  const warm: WarmStart = { words: ['a', 'b', 'c'], dim: 2, input: Float32Array.from([1, 2, 3, 4, 5, 6]), output: null };
  it('maps new ids to old rows, -1 for new words', () => {
    const r = warmRows(['c', 'x', 'a'], warm, 2);
    expect([...r.rowOf]).toEqual([2, -1, 0]);
    expect(r.shared).toBe(2);
    const to = new Float32Array(3 * 4);
    copyWarmRows(r, warm.input, to, 2, 4);
    expect([...to]).toEqual([5, 6, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0]);
  });
  it('refuses another dimension or a short matrix, saying which', () => {
    expect(() => warmRows(['a'], warm, 3)).toThrow(/2-dimensional vectors, and the new model 3/);
    expect(() => warmRows(['a'], { ...warm, output: new Float32Array(2) }, 2)).toThrow(/output vectors hold 2 numbers, not 3 x 2/);
  });
});

describe('cpu engine with a warm start', () => {
  for (const kernel of ['js', 'wasm'] as const) {
    it(`starts shared words from the old rows (${kernel} kernel)`, async () => {
      const old = createCpuTrainer(fruit, TOY, { kernel });
      await old.run(Infinity);
      const oldWords = fruit.vocab.words.slice(0, -2); // the last two words are "new" to the continued model
      const n = oldWords.length;
      const warm: WarmStart = { words: oldWords, dim: TOY.dim, input: old.vectors().slice(0, n * TOY.dim), output: old.outputVectors().slice(0, n * TOY.dim) };
      const next = createCpuTrainer(fruit, { ...TOY, seed: 9 }, { kernel, warmStart: warm });
      expect(next.warmShared).toBe(n);
      const input = next.vectors();
      const output = next.outputVectors();
      expect(input.slice(0, n * TOY.dim)).toEqual(warm.input);
      expect(output.slice(0, n * TOY.dim)).toEqual(warm.output);
      for (let i = n * TOY.dim; i < input.length; i++) {
        expect(Math.abs(input[i]!)).toBeLessThanOrEqual(0.5 / TOY.dim);
        expect(output[i]).toBe(0);
      }
    });
  }

  it('with the output vectors kept, the continued model starts at the old loss; with them reset, far above it', async () => {
    const old = createCpuTrainer(fruit, { ...TOY, epochs: 30 }, { kernel: 'js' });
    await old.run(Infinity);
    const input = old.vectors();
    const words = fruit.vocab.words;
    const firstLoss = async (output: Float32Array | null) => {
      const t = createCpuTrainer(fruit, { ...TOY, alpha: 1e-6, minAlpha: 1e-6, epochs: 1 }, { kernel: 'js', warmStart: { words, dim: TOY.dim, input, output } });
      return (await t.run(Infinity)).loss;
    };
    const kept = await firstLoss(old.outputVectors());
    const reset = await firstLoss(null);
    const fresh = await (async () => (await createCpuTrainer(fruit, { ...TOY, alpha: 1e-6, minAlpha: 1e-6, epochs: 1 }, { kernel: 'js' }).run(Infinity)).loss)();
    // A zero output layer scores every pair at sigmoid(0): loss (1 + negative) * ln 2 per pair, like a fresh model.
    expect(reset).toBeCloseTo(fresh, 2);
    expect(kept).toBeLessThan(0.6 * reset);
  });

  it('refuses to keep output vectors under hierarchical softmax', () => {
    const warm: WarmStart = { words: ['apple'], dim: TOY.dim, input: new Float32Array(TOY.dim), output: new Float32Array(TOY.dim) };
    expect(() => createCpuTrainer(fruit, { ...TOY, hs: true, negative: 0 }, { warmStart: warm })).toThrow(/only with negative sampling/);
  });
});
