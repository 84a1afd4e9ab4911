// Widget state in a step's link: read, written, normalised and validated against the widget's schema.
import { describe, expect, it } from 'vitest';
import { applyLinkState, normaliseReported, readWidgetState, writeWidgetState } from '../../src/ui/lessons/widgets/widgetState';

describe('widget state in links', () => {
  it('reads and writes only the keys of one block', () => {
    const p = new URLSearchParams('poll=1&w3.a=man&w4.word=war');
    expect(readWidgetState(p, 3)).toEqual({ a: 'man' });
    const next = writeWidgetState(p, 3, { a: 'king', b: 'queen' });
    expect(next.toString()).toBe('poll=1&w4.word=war&w3.a=king&w3.b=queen');
    expect(readWidgetState(next, 4)).toEqual({ word: 'war' });
  });

  it('maps what playgrounds report to directive attributes', () => {
    expect(normaliseReported('analogy', { a: 'man', keep: '1', topn: '5', junk: 'x' })).toEqual({ a: 'man', keepQuery: 'true', topn: '5' });
    expect(normaliseReported('arithmetic', { expr: 'a - b', exclude: '0', unit: '1' })).toEqual({ expr: 'a - b', exclude: 'false', unit: 'true' });
  });

  it('puts valid link values over the directive, and lists the ones the schema rejects', () => {
    const props = { vectors: 'brown-sotu-sg100', a: 'man', b: 'king', c: 'woman' };
    expect(applyLinkState('analogy', props, { vectors: 'brown-sg100', c: 'girl' })).toEqual({
      attrs: { vectors: 'brown-sg100', a: 'man', b: 'king', c: 'girl' },
      ignored: [],
    });
    const bad = applyLinkState('analogy', props, { vectors: 'huge-300d', method: 'magic', nope: '1' });
    expect(bad.attrs).toEqual(props);
    expect(bad.ignored).toEqual(['vectors="huge-300d"', 'method="magic"', 'nope="1"']);
  });

  it('keeps the lookup widget\'s picked row only when it is one of its words', () => {
    const props = { vectors: 'brown-sotu-sg100', words: 'cat,dog,tea,coffee,king,queen' };
    expect(applyLinkState('lookup', props, { pick: 'queen' })).toEqual({ attrs: { ...props, pick: 'queen' }, ignored: [] });
    expect(applyLinkState('lookup', props, { pick: 'horse' })).toEqual({ attrs: props, ignored: ['pick="horse"'] });
  });
});
