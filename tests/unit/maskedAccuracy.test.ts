// Masked-word accuracy and its baselines (src/core/models/contextual/maskedAccuracy.ts): the unigram and bigram
// guesses counted by hand on a tiny set, and the three guessers scored on the same hidden words.
import { describe, expect, it } from 'vitest';
import { bigramTable, maskedAccuracy } from '../../src/core/models/contextual/maskedAccuracy';
import type { MlmModel } from '../../src/core/models/contextual/mlmModel';
import { FIRST_WORD_ID as W, MlmTokenizer, UNK_ID } from '../../src/core/models/contextual/mlmTokenizer';

// Tokens: W = "the", W+1 = "cat", W+2 = "sat", W+3 = "dog".
const words = ['the', 'cat', 'sat', 'dog'];
const train = {
  sentences: [Int32Array.from([W, W + 1, W + 2]), Int32Array.from([W, W + 1]), Int32Array.from([W, W + 3, W + 2]), Int32Array.from([UNK_ID, W])],
};

describe('bigramTable', () => {
  it('finds the most frequent word and each word’s most frequent follower', () => {
    const { unigram, next } = bigramTable(train, W + words.length);
    expect(unigram).toBe(W); // "the" 4 times
    expect(next[W]).toBe(W + 1); // the -> cat twice, the -> dog once
    expect(next[W + 1]).toBe(W + 2); // cat -> sat
    expect(next[W + 2]).toBe(-1); // sat is never followed
    expect(next[UNK_ID]).toBe(W); // [UNK] -> the: a follower, though [UNK] itself is never a target
  });
});

describe('maskedAccuracy', () => {
  it('scores a model that always answers "cat" beside the unigram and bigram guesses, on the same hidden words', async () => {
    const tokenizer = new MlmTokenizer(words);
    const asked: string[][] = [];
    const model = {
      shape: { vocab: W + words.length },
      tokenizer,
      predictMasked: (s: readonly string[]) => {
        asked.push([...s]);
        return Promise.resolve([{ position: s.indexOf('[MASK]'), guesses: [{ token: 'cat', p: 0.9 }, { token: 'sat', p: 0.1 }] }]);
      },
    } as unknown as MlmModel;
    // One held-out sentence per guesser's strength: "the cat" (hidden word drawn by the seed).
    const heldOut = { sentences: [Int32Array.from([W, W + 1]), Int32Array.from([UNK_ID])] };
    const acc = await maskedAccuracy(model, train, heldOut, { seed: 3 });
    // The [UNK]-only sentence has no known word and is skipped.
    expect(acc.sentences).toBe(1);
    expect(asked).toHaveLength(1);
    const hidden = asked[0]!.indexOf('[MASK]');
    const truth = hidden === 0 ? 'the' : 'cat';
    expect(acc.model).toBe(truth === 'cat' ? 1 : 0);
    expect(acc.modelTop5).toBe(truth === 'cat' ? 1 : 0);
    expect(acc.unigram).toBe(truth === 'the' ? 1 : 0);
    // Bigram: after "the" comes "cat"; at the start there is no left word, so the unigram guess "the".
    expect(acc.bigram).toBe(1);
  });
});
