import { describe, expect, it } from 'vitest';
import { sentencesOf, splitSentences, tokenize } from '../../src/core/text/tokenize';
import { buildVocab, countWords } from '../../src/core/text/vocab';
import { encodeCorpus } from '../../src/core/text/corpus';

describe('tokenize', () => {
  it('keeps Unicode letters, digits, inner apostrophes and hyphens, lower-cases', () => {
    expect(tokenize("Don't stop: Zürich's well-known café, 1984!")).toEqual([
      "don't", 'stop', "zürich's", 'well-known', 'café', '1984',
    ]);
  });
  it('can keep case and drop pure numbers', () => {
    expect(tokenize('Paris 2024 Olympics', { lowercase: false, keepNumbers: false })).toEqual(['Paris', 'Olympics']);
  });
  it('drops punctuation-only tokens and leading/trailing punctuation', () => {
    expect(tokenize('-- "hello" ... (world) --')).toEqual(['hello', 'world']);
  });
});

describe('sentences', () => {
  it('splits at . ! ? followed by space and at line breaks', () => {
    expect(splitSentences('One. Two! Three? "Four." Five')).toEqual(['One.', 'Two!', 'Three?', '"Four."', 'Five']);
    expect([...sentencesOf('a b. c\n\nd e\n')]).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
  });
});

describe('vocabulary', () => {
  const { counts, rawTokens } = countWords([['b', 'a', 'b'], ['c', 'b', 'a', 'd']]);
  it('sorts by count then alphabetically and applies min-count', () => {
    const v = buildVocab(counts, rawTokens, { minCount: 1, maxSize: 0 });
    expect(v.words).toEqual(['b', 'a', 'c', 'd']);
    expect([...v.counts]).toEqual([3, 2, 1, 1]);
    expect(v.rawTokens).toBe(7);
    const v2 = buildVocab(counts, rawTokens, { minCount: 2, maxSize: 0 });
    expect(v2.words).toEqual(['b', 'a']);
    expect(v2.keptTokens).toBe(5);
  });
  it('caps the size', () => {
    expect(buildVocab(counts, rawTokens, { minCount: 1, maxSize: 3 }).words).toEqual(['b', 'a', 'c']);
  });
});

describe('encodeCorpus', () => {
  it('drops out-of-vocabulary tokens but counts them as raw tokens', () => {
    const c = encodeCorpus('the cat sat. the dog sat\nthe end', { minCount: 2, maxVocab: 0 });
    expect(c.vocab.words).toEqual(['the', 'sat']);
    expect([...c.ids]).toEqual([0, 1, 0, 1, 0]);
    expect([...c.offsets]).toEqual([0, 2, 4, 5]);
    expect([...c.rawLengths]).toEqual([3, 3, 2]);
    expect(c.rawTokens).toBe(8);
  });
  it('cuts over-long sentences', () => {
    const c = encodeCorpus('a b a b a b a', { minCount: 1, maxVocab: 0, maxSentenceLength: 3 });
    expect([...c.offsets]).toEqual([0, 3, 6, 7]);
  });
  it('refuses empty text and too small vocabularies with a message', () => {
    expect(() => encodeCorpus('   \n ... \n', { minCount: 1, maxVocab: 0 })).toThrow(/no words/);
    expect(() => encodeCorpus('one two three', { minCount: 5, maxVocab: 0 })).toThrow(/min-count/);
  });
  it('reports progress', () => {
    const phases: string[] = [];
    encodeCorpus('a b a b\n'.repeat(10), { minCount: 1, maxVocab: 0 }, (_f, p) => phases.push(p));
    expect(phases).toContain('tokenize');
    expect(phases).toContain('vocab');
  });
});

describe('a corpus of one distinct word', () => {
  it('says the text has only one word instead of asking to lower min-count', () => {
    let message = '';
    try {
      encodeCorpus('hello hello hello\nhello', { minCount: 1, maxVocab: 0 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('The corpus has only 1 distinct word ("hello", 4 times): a model needs at least 2 different words. Use a longer text.');
    expect(message).not.toMatch(/min-count/);
  });
});
