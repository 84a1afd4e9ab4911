// fastText through the registry: listed with its flags, trains on a toy corpus, and its saved model answers for
// unseen words after loading.
import { describe, expect, it } from 'vitest';
import { checkParams, defaultCommon, defaultParams, getModel, listModels } from '../../src/core/models';
import { isFastTextModel, type FastTextParams } from '../../src/core/models/fasttext/fastTextSpec';
import { encodeCorpus } from '../../src/core/text/corpus';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';

const fruit = encodeCorpus(TOY_CORPORA.fruit!.text, { minCount: 1, maxVocab: 0 });

describe('fastText in the registry', () => {
  it('is listed as a subword model with fastText\'s flags', () => {
    expect(listModels().map((m) => m.id)).toContain('fasttext');
    const spec = getModel('fasttext');
    expect(spec.family).toBe('subword');
    expect(spec.params.map((p) => p.cliFlag)).toEqual(expect.arrayContaining(['minn', 'maxn', 'bucket', 'arch', 'window']));
    expect(defaultParams(spec)).toMatchObject({ minn: 3, maxn: 6, arch: 'skipgram' });
  });

  it('explains settings that cannot work, naming the flags', () => {
    const spec = getModel('fasttext');
    const p = { ...defaultParams(spec), minn: 5, maxn: 3 };
    expect(checkParams(spec, p)).toEqual([expect.stringMatching(/--maxn \(3\) is below --minn \(5\)/)]);
    expect(checkParams(spec, { ...defaultParams(spec), bucket: 0 })).toEqual([expect.stringMatching(/--bucket 0/)]);
  });

  it('trains, and a saved model still answers for unseen words once loaded', async () => {
    const spec = getModel('fasttext');
    const params = { ...(defaultParams(spec) as FastTextParams), window: 2, sample: 0, bucket: 1000 };
    const trainer = await spec.create({ kind: 'text', corpus: fruit }, { model: 'fasttext', common: { ...defaultCommon(spec), dim: 12, minCount: 1, epochs: 3 }, params }, 'cpu');
    const first = await trainer.run(200);
    let p = first;
    while (!p.done) p = await trainer.run(1000);
    expect(p.loss).toBeLessThan(first.loss);
    const model = trainer.model();
    expect(model.kind).toBe('subword');
    if (!isFastTextModel(model)) throw new Error('not a fastText model');
    const loaded = spec.load!(spec.save!(model));
    if (loaded.kind !== 'subword') throw new Error('loaded model is not a subword model');
    expect(Array.from(loaded.vectorOf('applez'))).toEqual(Array.from(model.vectorOf('applez')));
    expect(Array.from(loaded.vectorsFor([2]))).toEqual(Array.from(model.vectorsFor([2])));
    await expect(spec.create({ kind: 'text', corpus: fruit }, { model: 'fasttext', common: defaultCommon(spec), params }, 'tfjs-wasm')).rejects.toThrow(/cpu engine only/);
  });
});
