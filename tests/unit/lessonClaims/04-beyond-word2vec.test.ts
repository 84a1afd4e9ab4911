// Claims of lessons/04-beyond-word2vec.md: the shipped fastText model on "befriendable" and "friendly", fastText's
// n-grams of "cat", and the neighbours of "bank" on brown-sotu-sg100.
import { describe, expect, it } from 'vitest';
import { lessonText, neighbours, shipped } from './shipped';
import { charNgrams } from '../../../src/core/models/fasttext/ngrams';
import { ftNeighbours, shippedFastText } from './shippedFastText';
import { listModels } from '../../../src/core/models';

const kv = shipped('brown-sotu-sg100');
const text = lessonText('04-beyond-word2vec.md');

describe('04 beyond word2vec (brown-sotu-sg100)', () => {
  it('the widgets are pinned', () => {
    expect(text).toMatch(/::widget\{name="subword" word="befriendable" other="friendly"\}/);
    expect(text).toMatch(/::widget\{name="similarity" vectors="brown-sotu-sg100" word="bank"\}/);
  });

  it('befriendable is unseen: 42 n-gram rows, next to memorable, unbearable, honorable, fashionable; friendly next to unfriendly, friendship, friends', () => {
    const ft = shippedFastText();
    expect(ft.has('befriendable')).toBe(false);
    expect(ft.composition('befriendable').parts).toHaveLength(42);
    expect(ftNeighbours(ft, 'befriendable')).toEqual(expect.arrayContaining(['memorable', 'unbearable', 'honorable', 'fashionable']));
    expect(ftNeighbours(ft, 'friendly')).toEqual(expect.arrayContaining(['unfriendly', 'friendship', 'friends']));
  });

  it('fastText hashes six n-grams for cat, <cat> included (the quiz answer)', () => {
    expect(charNgrams('cat')).toHaveLength(6);
    expect(charNgrams('cat')).toContain('<cat>');
    expect(text).toMatch(/answer: 6\n/);
  });

  it("GloVe's weight of a pair seen 10 times is about 0.18", () => {
    expect((10 / 100) ** 0.75).toBeCloseTo(0.18, 2);
  });

  it('bank: every neighbour from banking and money, no river word', () => {
    const top = neighbours(kv, 'bank');
    expect(top).toEqual(expect.arrayContaining(['banks', 'deposit', 'currency', 'notes']));
    for (const river of ['river', 'rivers', 'shore', 'stream', 'water', 'creek', 'banks of']) expect(top).not.toContain(river);
  });

  it('says what the lab cannot show yet, and no longer promises a later part', () => {
    // GloVe's and the multimodal section's notes (the contextual section has its widget now).
    expect(text.match(/\*\*What the lab can show today:\*\*/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).not.toMatch(/later part of the lab/);
    expect(text).not.toMatch(/47%/);
  });

  it('names the models the Lab really trains (GloVe and fastText are registered)', () => {
    const ids = listModels().map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['glove', 'fasttext']));
    expect(text).toMatch(/\(#\/lab\?model=glove\)/);
    expect(text).toMatch(/\(#\/lab\?model=fasttext\)/);
  });
});
