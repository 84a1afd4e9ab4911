// fineTuneOnText: a model continued on a text moves exactly the text's words, adds its new words, keeps the rest;
// with the output vectors kept its first loss is far below the loss with them reset (which starts at about a
// fresh model's (1 + k) ln 2 per pair); progress reaches 1 and an aborted signal stops it.
import { describe, expect, it } from 'vitest';
import { encodeCorpus } from '../../src/core/text/corpus';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { createCpuTrainer } from '../../src/core/train/cpuEngine';
import { fineTuneOnText, TEXT_FINE_TUNE } from '../../src/core/train/fineTuneText';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';

const TEXT = TOY_CORPORA.fruit.text;

async function pretrained() {
  // The "general" model: the fruit corpus plus words the domain text lacks.
  const corpus = encodeCorpus(TEXT + '\nsky and sea are blue\nthe sea is wide', { minCount: 1, maxVocab: 0 });
  const t = createCpuTrainer(corpus, { ...TEXT_FINE_TUNE, dim: 10, window: 2, epochs: 60 }, { kernel: 'js' });
  await t.run(Infinity);
  return { kv: new KeyedVectors(corpus.vocab.words, t.vectors(), 10), output: t.outputVectors() };
}

describe('fineTuneOnText', () => {
  it('moves only the words of the text, adds new ones, and reports progress to the end', async () => {
    const { kv, output } = await pretrained();
    const fractions: number[] = [];
    const r = await fineTuneOnText(kv, TEXT + '\napple and kiwi are fruit', { output, config: { epochs: 5 }, onProgress: (f) => fractions.push(f) });
    expect(r.newWords).toEqual(['kiwi']);
    expect(r.vectors.has('kiwi')).toBe(true);
    expect(r.vectors.vector('apple')).not.toEqual(kv.vector('apple'));
    expect(r.vectors.vector('sky')).toEqual(kv.vector('sky'));
    expect(r.vectors.size).toBe(kv.size + 1);
    expect(fractions.at(-1)).toBe(1);
  });

  it('starts near the old loss with the output vectors kept, and at a fresh model\'s loss with them reset', async () => {
    const { kv, output } = await pretrained();
    const config = { epochs: 1, alpha: 1e-6, minAlpha: 1e-6 };
    const kept = await fineTuneOnText(kv, TEXT, { output, config });
    const reset = await fineTuneOnText(kv, TEXT, { output: null, config });
    // A zero output layer scores every pair at sigmoid(0): ln 2 per positive and per negative sample (a little less
    // here, since a negative that draws the target word itself is skipped, and this vocabulary is a dozen words).
    expect(reset.firstLoss).toBeGreaterThan(0.9 * (1 + TEXT_FINE_TUNE.negative) * Math.LN2);
    expect(reset.firstLoss).toBeLessThanOrEqual((1 + TEXT_FINE_TUNE.negative) * Math.LN2 + 1e-6);
    expect(kept.firstLoss).toBeLessThan(0.7 * reset.firstLoss);
  });

  it('stops when the signal is aborted', async () => {
    const { kv, output } = await pretrained();
    const abort = new AbortController();
    abort.abort(new Error('cancelled by the test'));
    await expect(fineTuneOnText(kv, TEXT, { output, signal: abort.signal })).rejects.toThrow('cancelled by the test');
  });
});
