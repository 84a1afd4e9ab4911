// The t-SNE runs widget's link text: parsed, formatted and checked by the lesson schema the same way.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TSNE_RUNS, formatTsneRuns, MAX_TSNE_RUNS, parseTsneRuns } from '../../src/ui/lessons/widgets/tsneRunSpecs';
import { validateWidgetAttrs } from '../../src/ui/lessons/widgets/widgetSchemas';

describe('t-SNE runs in a link', () => {
  it('round-trips the default runs', () => {
    expect(formatTsneRuns(DEFAULT_TSNE_RUNS)).toBe('1:10,2:10,1:2');
    expect(parseTsneRuns('1:10,2:10,1:2')).toEqual(DEFAULT_TSNE_RUNS);
  });

  it('refuses perplexities the widget does not offer, seeds of 0, stray text and too many runs', () => {
    expect(parseTsneRuns('1:7')).toBeNull();
    expect(parseTsneRuns('0:10')).toBeNull();
    expect(parseTsneRuns('1:10;2:10')).toBeNull();
    expect(parseTsneRuns('1:10,')).toBeNull();
    const many = Array.from({ length: MAX_TSNE_RUNS + 1 }, (_, i) => `${i + 1}:10`).join(',');
    expect(parseTsneRuns(many)).toBeNull();
    expect(parseTsneRuns(many.split(',').slice(0, MAX_TSNE_RUNS).join(','))).toHaveLength(MAX_TSNE_RUNS);
  });

  it('the lesson schema names a bad runs value and the accepted shape', () => {
    const ok = { vectors: 'brown-sotu-sg100', runs: '3:5,4:50', lr: '1000', labels: 'false' };
    expect(validateWidgetAttrs('tsne-runs', ok)).toEqual([]);
    const bad = validateWidgetAttrs('tsne-runs', { ...ok, runs: '3:7', lr: '5' });
    expect(bad).toHaveLength(2);
    expect(bad[0]).toMatch(/runs="3:7" should be up to 4 seed:perplexity pairs/);
    expect(bad[1]).toMatch(/lr="5" should be a whole number from 10 to 1000/);
  });
});
