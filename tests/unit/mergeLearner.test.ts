// BPE and WordPiece merges on tiny corpora, checked against merges worked out by hand (in the comments).
import { describe, expect, it } from 'vitest';
import { coverageOf, MergeLearner, segmentWordPiece, UNKNOWN } from '../../src/core/text/subwords/mergeLearner';

// Sennrich et al.'s example: low x5, lower x2, newest x6, widest x3.
const SENNRICH = new Map([['low', 5], ['lower', 2], ['newest', 6], ['widest', 3]]);
// A WordPiece example: hug x10, pug x5, pun x12, bun x4, hugs x5.
const PUGS = new Map([['hug', 10], ['pug', 5], ['pun', 12], ['bun', 4], ['hugs', 5]]);

describe('BPE', () => {
  it('merges the most frequent pair each step', () => {
    const bpe = new MergeLearner(SENNRICH, 'bpe');
    // Pairs: e s 9 (newest 6 + widest 3) and s t</w> 9 tie; the alphabetically first merged unit wins: "es".
    // Then es t</w> 9 -> "est</w>"; then l o 7 -> "lo"; then n e, e w, w est</w> all 6: "ew" sorts first.
    const got = [bpe.step(), bpe.step(), bpe.step(), bpe.step()].map((m) => [m!.merged, m!.pairCount]);
    expect(got).toEqual([['es', 9], ['est</w>', 9], ['lo', 7], ['ew', 6]]);
  });

  it('splits unseen words with the learned merges, in the order they were learned', () => {
    const bpe = new MergeLearner(SENNRICH, 'bpe');
    bpe.growTo(bpe.size + 4);
    expect(bpe.segment('lowest')).toEqual(['lo', 'w', 'est</w>']);
    expect(bpe.segment('newer')).toEqual(['n', 'ew', 'e', 'r</w>']);
  });

  it('stops when every word is one unit', () => {
    const bpe = new MergeLearner(new Map([['ab', 3]]), 'bpe');
    expect(bpe.step()!.merged).toBe('ab</w>');
    expect(bpe.step()).toBeNull();
    expect(bpe.vocabulary()).toEqual(['a', 'b</w>', 'ab</w>']);
  });
});

describe('WordPiece', () => {
  it('merges the pair with the best freq(ab) / (freq(a) freq(b))', () => {
    const wp = new MergeLearner(PUGS, 'wordpiece');
    // Units: h 15, p 17, b 4, ##u 36, ##g 20, ##n 16, ##s 5. Every "x ##u" and "##u x" pair scores exactly 1/36
    // (e.g. ##u ##g: 20 / (36 * 20)), but ##g ##s scores 5 / (20 * 5) = 1/20: "##gs" first, though it is the rarest pair.
    const first = wp.step()!;
    expect(first.merged).toBe('##gs');
    expect(first.score).toBeCloseTo(1 / 20, 12);
    // Now every pair scores 1/36: the tie goes to the most frequent pair, p ##u (17): "pu".
    const second = wp.step()!;
    expect(second.merged).toBe('pu');
    expect(second.score).toBeCloseTo(1 / 36, 12);
  });

  it('splits by longest match from the left, and gives [UNK] to a word with an unknown character', () => {
    const vocab = new Set(['h', 'hu', '##g', '##gs', '##u', 'b', '##n']);
    expect(segmentWordPiece('hugs', vocab)).toEqual(['hu', '##gs']);
    expect(segmentWordPiece('bun', vocab)).toEqual(['b', '##u', '##n']);
    expect(segmentWordPiece('hux', vocab)).toEqual([UNKNOWN]);
  });
});

describe('coverage of a held-out slice', () => {
  it('counts whole words, units per word and unknowns, weighted by counts', () => {
    const wp = new MergeLearner(PUGS, 'wordpiece');
    wp.growTo(wp.size + 20);
    const c = coverageOf((w) => wp.segment(w), new Map([['hug', 3], ['bug', 1], ['zzz', 1]]));
    expect(c.tokens).toBe(5);
    expect(c.wholeWords).toBeCloseTo(3 / 5, 12); // hug is a unit by now; bug is b ##ug or similar; zzz is unknown
    expect(c.unknown).toBeCloseTo(1 / 5, 12);
    expect(c.unitsPerWord).toBeGreaterThan(1);
  });
});
