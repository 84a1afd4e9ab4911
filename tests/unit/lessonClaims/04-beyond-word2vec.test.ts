// Claims of lessons/04-beyond-word2vec.md on brown-sotu-sg100: the subword stand-in's look-alikes, fastText's n-grams
// of "cat", and the neighbours of "bank".
import { describe, expect, it } from 'vitest';
import { lessonText, neighbours, shipped } from './shipped';
import { lookalikes } from '../../../src/ui/lessons/widgets/lookalikes';
import { charNgrams } from '../../../src/ui/lessons/widgets/subwords';

const kv = shipped('brown-sotu-sg100');
const text = lessonText('04-beyond-word2vec.md');

describe('04 beyond word2vec (brown-sotu-sg100)', () => {
  it('the widgets are pinned', () => {
    expect(text).toMatch(/::widget\{name="subword" vectors="brown-sotu-sg100" word="befriendable" other="friendly"\}/);
    expect(text).toMatch(/::widget\{name="similarity" vectors="brown-sotu-sg100" word="bank"\}/);
  });

  it('befriendable is out of vocabulary; its look-alikes are friend, friends, friendly, friendship, able, table', () => {
    expect(kv.has('befriendable')).toBe(false);
    expect(new Set(lookalikes(kv, 'befriendable').top.map((t) => t.w))).toEqual(new Set(['friend', 'friends', 'friendly', 'friendship', 'able', 'table']));
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
    expect(text.match(/\*\*What the lab can show today:\*\*/g)?.length).toBeGreaterThanOrEqual(3);
    expect(text).not.toMatch(/later part of the lab/);
    expect(text).not.toMatch(/47%/);
  });
});
