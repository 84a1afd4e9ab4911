// The contextual model's word tokenizer: ids round-trip, unknown words become [UNK], typed masks stay one token.
import { describe, expect, it } from 'vitest';
import { FIRST_WORD_ID, MASK, MlmTokenizer, sentenceTokens, UNK, UNK_ID } from '../../src/core/models/contextual/mlmTokenizer';

describe('MlmTokenizer', () => {
  const tok = new MlmTokenizer(['the', 'bank', 'of', 'river']);

  it('round-trips every known word and the special tokens', () => {
    const words = ['the', 'bank', 'of', 'the', 'river', MASK];
    expect(tok.decode(tok.encode(words))).toEqual(words);
    expect(tok.idOf('the')).toBe(FIRST_WORD_ID);
    expect(tok.size).toBe(FIRST_WORD_ID + 4);
    expect(tok.words).toEqual(['the', 'bank', 'of', 'river']);
  });

  it('maps words outside the vocabulary to [UNK]', () => {
    expect(tok.idOf('money')).toBe(UNK_ID);
    expect(tok.decode(tok.encode(['the', 'money']))).toEqual(['the', UNK]);
    expect(tok.has('money')).toBe(false);
    expect(tok.has(UNK)).toBe(false);
  });

  it('refuses a word list with a special token or a repeated word', () => {
    expect(() => new MlmTokenizer(['a', MASK])).toThrow(/special token \[MASK\]/);
    expect(() => new MlmTokenizer(['a', 'a'])).toThrow(/twice/);
    expect(() => tok.tokenOf(99)).toThrow(/outside the vocabulary/);
  });
});

describe('sentenceTokens', () => {
  it('lower-cases and splits words as the lab does, keeping [MASK] and a lone _ as masks', () => {
    expect(sentenceTokens('The bank of the River.')).toEqual(['the', 'bank', 'of', 'the', 'river']);
    expect(sentenceTokens('the [mask] of the river')).toEqual(['the', MASK, 'of', 'the', 'river']);
    expect(sentenceTokens('The [MASK] raised rates')).toEqual(['the', MASK, 'raised', 'rates']);
    expect(sentenceTokens('a _ b')).toEqual(['a', MASK, 'b']);
    // An underscore inside a word is not a mask.
    expect(sentenceTokens('snake_case word')).not.toContain(MASK);
  });
});
