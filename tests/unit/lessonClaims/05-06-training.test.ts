// Claims of lessons/05-training-embeddings.md (the loss widget's cosines and the margin-loss prediction) and
// lessons/06-training-strategies.md (what fine-tuning on the biology passage does to "cell"), on brown-sotu-sg100.
import { describe, expect, it } from 'vitest';
import { lessonText, neighbours, shipped } from './shipped';
import { KeyedVectors } from '../../../src/core/vectors/keyedVectors';
import { DOMAIN_TEXT, FineTuner, FINE_TUNE_DEFAULTS } from '../../../src/ui/lessons/widgets/fineTune';
import { tokenize } from '../../../src/core/text/tokenize';

const kv = shipped('brown-sotu-sg100');

describe('05 training embeddings: the loss widget', () => {
  const text = lessonText('05-training-embeddings.md');

  it('is pinned, with the candidates the text names', () => {
    expect(text).toMatch(/::widget\{name="loss-compare" vectors="brown-sotu-sg100" centre="coffee" candidates="tea,milk,chair,river,election"\}/);
  });

  it('cosines to coffee: tea 0.88, milk 0.67, chair 0.54, river 0.28, election 0.05', () => {
    const want: [string, number][] = [['tea', 0.88], ['milk', 0.67], ['chair', 0.54], ['river', 0.28], ['election', 0.05]];
    for (const [w, c] of want) expect(Math.abs(kv.similarity('coffee', w) - c), w).toBeLessThan(0.006);
  });

  it('with milk as the true partner and m = 0.2, exactly tea and chair add to the margin loss', () => {
    const pos = kv.similarity('coffee', 'milk');
    const adding = ['tea', 'chair', 'river', 'election'].filter((w) => 0.2 - pos + kv.similarity('coffee', w) > 0);
    expect(adding).toEqual(['tea', 'chair']);
    expect(text).toMatch(/answer: 2\nunit: wrong words/);
  });
});

describe('06 training strategies: fine-tuning on the passage', () => {
  const text = lessonText('06-training-strategies.md');
  const tune = (epochs: number) => {
    const t = new FineTuner(kv, DOMAIN_TEXT, { ...FINE_TUNE_DEFAULTS, epochs });
    while (!t.done) t.run(1000);
    return new KeyedVectors(t.words, t.vectors, t.dim);
  };
  const cosBetween = (a: Float32Array, b: Float32Array) => {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let k = 0; k < a.length; k++) {
      ab += a[k]! * b[k]!;
      aa += a[k]! ** 2;
      bb += b[k]! ** 2;
    }
    return ab / Math.sqrt(aa * bb);
  };
  const after40 = tune(FINE_TUNE_DEFAULTS.epochs);

  it('the widget is pinned and starts at 40 epochs', () => {
    expect(text).toMatch(/::widget\{name="finetune" vectors="brown-sotu-sg100" word="cell"\}/);
    expect(FINE_TUNE_DEFAULTS.epochs).toBe(40);
  });

  it("before: cell's neighbours are technical words (sample, graph, index, equation, operand)", () => {
    const before = kv.mostSimilar({ positive: ['cell'], topn: 10, restrict: FINE_TUNE_DEFAULTS.keep }).map((n) => n.word);
    expect(before).toEqual(expect.arrayContaining(['sample', 'graph', 'index', 'equation', 'operand']));
    expect(neighbours(kv, 'cell')).not.toContain('prison');
  });

  it('after 40 epochs: cell turns a little (cos about 0.96) and keeps index, sample and equation; no passage word joins', () => {
    expect(cosBetween(kv.vector('cell'), after40.vector('cell'))).toBeCloseTo(0.96, 1);
    const top = after40.mostSimilar({ positive: ['cell'], topn: 8 }).map((n) => n.word);
    expect(top).toEqual(expect.arrayContaining(['index', 'sample', 'equation']));
    for (const w of ['membrane', 'nucleus', 'tissue', 'genes']) expect(top).not.toContain(w);
  });

  it('more epochs move cell further (100 epochs, the slider maximum, below 40 epochs in cosine)', () => {
    const after100 = tune(100);
    expect(cosBetween(kv.vector('cell'), after100.vector('cell'))).toBeLessThan(cosBetween(kv.vector('cell'), after40.vector('cell')));
  });

  it('prison is not in the passage and does not change at all', () => {
    expect(tokenize(DOMAIN_TEXT)).not.toContain('prison');
    expect(Array.from(after40.vector('prison'))).toEqual(Array.from(kv.vector('prison')));
  });
});

describe('06: the passage itself', () => {
  it('every word of the passage is already in the shipped vocabulary', () => {
    const t = new FineTuner(kv, DOMAIN_TEXT, { ...FINE_TUNE_DEFAULTS, epochs: 1 });
    expect(t.newWords).toEqual([]);
  });
});
