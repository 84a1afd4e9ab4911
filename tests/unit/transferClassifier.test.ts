// The genre classifier's training loop on toy data: it learns a separable set, freezing leaves the table exactly as
// it was, fine-tuning moves it, and one seed gives one result.
import { describe, expect, it } from 'vitest';
import { bagOf, indexOfWords, topWords } from '../../src/core/transfer/bagOfWords';
import { accuracy, batchLoss, DEFAULT_TRAIN, newClassifier, predict, randomEmbedding, trainClassifier } from '../../src/core/transfer/classifier';

/** Two topics with disjoint marker words plus shared filler, so a mean of word rows can separate them. */
function toySet() {
  const words = ['sun', 'sand', 'sea', 'snow', 'ice', 'ski', 'the', 'and'];
  const index = indexOfWords(words);
  const docs: string[][] = [];
  const labels: number[] = [];
  const beach = ['sun', 'sand', 'sea'];
  const winter = ['snow', 'ice', 'ski'];
  for (let i = 0; i < 12; i++) {
    const topic = i % 2 === 0 ? beach : winter;
    docs.push(['the', topic[i % 3]!, 'and', topic[(i + 1) % 3]!, 'the']);
    labels.push(i % 2);
  }
  const bags = docs.map((d) => bagOf(d, index));
  return { words, bags, labels: Int32Array.from(labels), all: docs.map((_, i) => i) };
}

const quick = { ...DEFAULT_TRAIN, learningRate: 0.05, batchSize: 4, epochs: 10, minSteps: 60 };

describe('bagOf', () => {
  it('gives each distinct known word its share of the known tokens and drops unknown ones', () => {
    const bag = bagOf(['a', 'b', 'a', 'zz', 'a'], indexOfWords(['b', 'a']));
    expect(bag.known).toBe(4);
    const weightOf = new Map([...bag.ids].map((id, k) => [id, bag.weights[k]]));
    expect(weightOf.get(1)).toBeCloseTo(0.75, 6);
    expect(weightOf.get(0)).toBeCloseTo(0.25, 6);
  });

  it('a document with no known word pools to zero and is classified by the bias alone', () => {
    const m = newClassifier(new Float32Array(4), 2, 2, 2);
    m.bias[1] = 1;
    expect(predict(m, bagOf(['nothing', 'known'], indexOfWords(['a', 'b'])))).toBe(1);
  });

  it('topWords ranks by frequency with ties broken alphabetically', () => {
    expect(topWords([['b', 'a', 'c', 'c'], ['b']], 2)).toEqual(['b', 'c']);
    expect(topWords([['y', 'x']], 5)).toEqual(['x', 'y']);
  });
});

describe('trainClassifier', () => {
  it('drives the loss down on a separable toy set until every document is right', () => {
    const { words, bags, labels, all } = toySet();
    const m = newClassifier(randomEmbedding(words.length, 6, 0.5, 3), words.length, 6, 2);
    const before = batchLoss(m, bags, labels, all);
    expect(before).toBeCloseTo(Math.log(2), 6); // a zero softmax layer says 50/50
    const losses = trainClassifier(m, bags, labels, all, { ...quick, embedding: 'train', seed: 1 });
    const after = batchLoss(m, bags, labels, all);
    expect(after).toBeLessThan(0.1 * before);
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]!);
    expect(accuracy(m, bags, labels, all)).toBe(1);
  });

  it('frozen: the embedding table is bit-for-bit unchanged while the softmax layer learns', () => {
    const { words, bags, labels, all } = toySet();
    const start = randomEmbedding(words.length, 6, 0.5, 3);
    const m = newClassifier(start, words.length, 6, 2);
    trainClassifier(m, bags, labels, all, { ...quick, embedding: 'frozen', seed: 1 });
    expect(m.embedding).toEqual(start);
    expect(m.weights.some((w) => w !== 0)).toBe(true);
    expect(batchLoss(m, bags, labels, all)).toBeLessThan(Math.log(2));
  });

  it('fine-tune: the rows of words in the training documents move, and the caller\'s vectors do not', () => {
    const { words, bags, labels, all } = toySet();
    const start = randomEmbedding(words.length, 6, 0.5, 3);
    const copy = start.slice();
    const m = newClassifier(start, words.length, 6, 2);
    trainClassifier(m, bags, labels, all, { ...quick, embedding: 'train', seed: 1 });
    expect(start).toEqual(copy);
    for (let w = 0; w < words.length; w++) {
      const row = (a: Float32Array) => [...a.subarray(w * 6, (w + 1) * 6)];
      expect(row(m.embedding), `row of "${words[w]}"`).not.toEqual(row(start));
    }
  });

  it('is deterministic for one seed and differs for another', () => {
    const run = (seed: number) => {
      const { words, bags, labels, all } = toySet();
      const m = newClassifier(randomEmbedding(words.length, 6, 0.5, seed), words.length, 6, 2);
      const losses = trainClassifier(m, bags, labels, all, { ...quick, embedding: 'train', seed });
      return { losses: [...losses], emb: [...m.embedding], w: [...m.weights] };
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7).emb).not.toEqual(run(8).emb);
  });

  it('stops with the signal\'s reason when aborted', () => {
    const { words, bags, labels, all } = toySet();
    const m = newClassifier(randomEmbedding(words.length, 6, 0.5, 3), words.length, 6, 2);
    const ac = new AbortController();
    const reason = new Error('stop here');
    let steps = 0;
    expect(() =>
      trainClassifier(m, bags, labels, all, {
        ...quick,
        embedding: 'train',
        seed: 1,
        signal: ac.signal,
        onStep: (step) => {
          steps = step;
          if (step === 5) ac.abort(reason);
        },
      }),
    ).toThrow('stop here');
    expect(steps).toBe(5);
  });
});
