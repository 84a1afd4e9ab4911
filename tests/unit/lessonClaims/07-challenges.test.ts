// Claims of lessons/07-challenges.md: subsampling as the core computes it, rare and missing words, the shipped
// fastText model on "recieve" and "reelected", BPE's and WordPiece's first merges on Brown, and what the
// domain-shift widget can and cannot show, on the shipped vectors.
import { describe, expect, it } from 'vitest';
import { lessonText, neighbours, shipped } from './shipped';
import { keepProbabilities } from '../../../src/core/text/sampling';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitCounts } from '../../../src/core/text/subwords/heldOut';
import { MergeLearner } from '../../../src/core/text/subwords/mergeLearner';
import { charNgrams } from '../../../src/core/models/fasttext/ngrams';
import { cosine, ftNeighbours, shippedFastText } from './shippedFastText';
import type { KeyedVectors } from '../../../src/core/vectors/keyedVectors';
import { neighbourShift, wordsInAll } from '../../../src/core/align/neighbourShift';
import { DEFAULT_COMPARE } from '../../../src/core/align/compareSpaces';
import { alignAndScore } from '../../../src/cli/align';

const both = shipped('brown-sotu-sg100');
const brown = shipped('brown-sg100');
const text = lessonText('07-challenges.md');
/** Neighbours the domain-shift widget lists per set (DomainShiftWidget.tsx): the ten the lesson counts. */
const SHIFT_TOP = 10;

describe('07 challenges: rare words and subsampling', () => {
  it("word2vec's keep probability (the core's): 0.42 for a word with 1% of the text at s = 1e-3", () => {
    const total = 1_000_000;
    const keep = keepProbabilities({ counts: Float64Array.from([total / 100, 2_000, 2_700]), keptTokens: total }, 1e-3);
    expect(keep[0]).toBeCloseTo(0.42, 2);
    // Below about 2.6 s, always kept; just above, not.
    expect(keep[1]).toBe(1);
    expect(keep[2]).toBeLessThan(1);
  });

  it('fifty thousand occurrences: about 300,000 updates, about 90,000 after subsampling in three million words', () => {
    expect(text).toContain('about three hundred thousand, or about 90,000 once subsampling');
    const [keep] = keepProbabilities({ counts: Float64Array.from([50_000]), keptTokens: 3_000_000 }, 1e-3);
    expect(Math.round((6 * 50_000 * keep!) / 10_000) * 10_000).toBe(90_000);
  });

  it('at window 5 the shrunk window averages 3 words a side: about six pairs an occurrence', () => {
    const sides = [1, 2, 3, 4, 5];
    expect((2 * sides.reduce((a, b) => a + b, 0)) / sides.length).toBe(6);
  });

  it('tuesday: the other weekdays at cosines around 0.9', () => {
    const top = both.mostSimilar({ positive: ['tuesday'], topn: 10 });
    for (const d of ['monday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']) {
      const n = top.find((x) => x.word === d);
      expect(n, d).toBeDefined();
      expect(n!.score, d).toBeGreaterThan(0.85);
    }
  });

  it('telescope is rare (about the 16,000th word), with unrelated neighbours above 0.9; vaccine is absent', () => {
    expect(Math.abs(both.indexOf('telescope') - 16_000)).toBeLessThan(500);
    const top = both.mostSimilar({ positive: ['telescope'], topn: 10 });
    for (const n of top) expect(n.score).toBeGreaterThan(0.9);
    // "researchers, cures and leaps, all at about 0.94"
    for (const w of ['researchers', 'cures', 'leaps']) {
      const score = top.find((n) => n.word === w)?.score ?? 0;
      expect(Math.abs(score - 0.94), w).toBeLessThan(0.01);
    }
    for (const w of ['star', 'stars', 'lens', 'sky', 'astronomy']) expect(top.map((n) => n.word)).not.toContain(w);
    expect(both.has('vaccine')).toBe(false);
    expect(brown.has('vaccine')).toBe(false);
  });
});

describe('07 challenges: unseen words through the shipped fastText model', () => {
  const ft = shippedFastText();
  it('recieve is unseen, shares <re, rec and ve> with receive, cosine about 0.83, neighbours revive and recognize', () => {
    expect(text).toMatch(/::widget\{name="subword" word="recieve" other="receive"\}/);
    expect(ft.has('recieve')).toBe(false);
    expect(charNgrams('recieve')).toEqual(expect.arrayContaining(['<re', 'rec', 've>']));
    expect(charNgrams('receive')).toEqual(expect.arrayContaining(['<re', 'rec', 've>']));
    expect(cosine(ft.vectorOf('recieve'), ft.vectorOf('receive'))).toBeCloseTo(0.83, 1);
    expect(ftNeighbours(ft, 'recieve')).toEqual(expect.arrayContaining(['revive', 'recognize']));
  });

  it('unfriendliness shares friend, unf and ness> with friend, unfair and kindness; friendly (8 letters) is no piece of it', () => {
    expect(text).toContain('such as *friend*, *unf* and *ness>*, which it shares with *friend*, *unfair* and *kindness*');
    const pieces = charNgrams('unfriendliness');
    expect(pieces).toEqual(expect.arrayContaining(['friend', 'unf', 'ness>']));
    expect(pieces).not.toContain('friendly');
    expect(charNgrams('friend')).toContain('friend');
    expect(charNgrams('unfair')).toContain('unf');
    expect(charNgrams('kindness')).toContain('ness>');
  });

  it('reelected lands among past participles', () => {
    expect(ft.has('reelected')).toBe(false);
    const top = ftNeighbours(ft, 'reelected');
    expect(top).toEqual(expect.arrayContaining(['elected', 'selected']));
    expect(top.filter((w) => w.endsWith('ed')).length).toBeGreaterThanOrEqual(6);
  });

  it('BPE first merges th, the</w>, in on Brown; WordPiece first merges digits', () => {
    expect(text).toMatch(/::widget\{name="merges" words="unfriendliness, telescopes, recieve, walked"\}/);
    const split = splitCounts(readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'corpora', 'brown.txt'), 'utf8'), 0.1);
    const bpe = new MergeLearner(split.train, 'bpe');
    bpe.growTo(bpe.size + 3);
    expect(bpe.merges.map((m) => m.merged)).toEqual(['th', 'the</w>', 'in']);
    const wp = new MergeLearner(split.train, 'wordpiece');
    wp.growTo(wp.size + 3);
    for (const m of wp.merges) expect(m.merged).toMatch(/^(##)?\d+$/);
  });
});

describe('07 challenges: domain shift (every shipped set; the ten neighbours the widget lists)', () => {
  const b1 = shipped('brown-sg100');
  const b2 = shipped('brown-sg100-seed2');
  const s1 = shipped('sotu-sg100');
  const s2 = shipped('sotu-sg100-seed2');
  const ov10 = (a: KeyedVectors, b: KeyedVectors, w: string) => {
    const x = new Set(neighbours(a, w, 10));
    return neighbours(b, w, 10).filter((n) => x.has(n)).length;
  };

  it('state: 8 of 10 neighbours survive between the two Brown runs, none between Brown and the speeches', () => {
    expect(text).toContain("lists a word's ten nearest neighbours in every set");
    expect(readFileSync('src/ui/lessons/widgets/DomainShiftWidget.tsx', 'utf8')).toMatch(/const TOP = 10;/);
    expect(ov10(b1, b2, 'state')).toBe(8);
    expect(ov10(b1, s1, 'state')).toBe(0);
  });

  it('water, money and house: none survive between the corpora, 4 to 8 between runs of one corpus', () => {
    for (const w of ['water', 'money', 'house']) {
      expect(ov10(b1, s1, w), w).toBe(0);
      for (const [a, b] of [[b1, b2], [s1, s2]] as const) {
        expect(ov10(a, b, w), w).toBeGreaterThanOrEqual(4);
        expect(ov10(a, b, w), w).toBeLessThanOrEqual(8);
      }
    }
  });

  it('state: federal and department on Brown; provincial, assemblies and cabinet on the speeches', () => {
    expect(neighbours(b1, 'state', SHIFT_TOP)).toEqual(expect.arrayContaining(['federal', 'department']));
    expect(neighbours(s1, 'state', SHIFT_TOP)).toEqual(expect.arrayContaining(['provincial', 'assemblies', 'cabinet']));
  });
});

describe('07 challenges: domain shift measured over many words (compare-spaces widget)', () => {
  // The Compare spaces page's defaults: Brown against SOTU, each with its seed-2 run.
  const a = shipped('brown-sg100');
  const b = shipped('sotu-sg100');
  const a2 = shipped('brown-sg100-seed2');
  const b2 = shipped('sotu-sg100-seed2');

  it('is in the lesson after a prediction', () => {
    expect(text).toMatch(/predict: yes\n- \[x\] Yes, by far\.[\s\S]*?::widget\{name="compare-spaces"\}/);
  });

  it('1,500 words: about 15% of neighbours kept across corpora, about 59% across runs, intervals about a point wide, chance under 1%', () => {
    const s = neighbourShift(a, b, a2, b2, wordsInAll([a, b, a2, b2], DEFAULT_COMPARE.shiftWords));
    expect(s.words).toBe(1500);
    expect(s.meanDomain.mean).toBeCloseTo(0.15, 2);
    expect(s.meanNoise.mean).toBeCloseTo(0.59, 2);
    expect(s.meanDomain.high).toBeLessThan(s.meanNoise.low);
    expect(s.meanDomain.high - s.meanDomain.low).toBeLessThan(0.02);
    expect(s.meanNoise.high - s.meanNoise.low).toBeLessThan(0.02);
    expect(s.chance).toBeLessThan(0.01);
  });

  it('rotation Brown -> SOTU: 5.3% of 599 held-out words at P@1, 99.8% between the two Brown runs, chance 0.02%', () => {
    const domain = alignAndScore(a, b, 'orthogonal', DEFAULT_COMPARE);
    expect(domain.trainPairs).toBeGreaterThan(2300);
    expect(domain.trainPairs).toBeLessThan(2500);
    expect(domain.score.pairs).toBe(599);
    expect(domain.score.precisionAt1).toBeCloseTo(0.053, 3);
    expect(domain.score.chanceAt1).toBeCloseTo(0.0002, 5);
    const seeds = alignAndScore(a, a2, 'orthogonal', DEFAULT_COMPARE);
    expect(seeds.score.precisionAt1).toBeCloseTo(0.998, 3);
    expect(DEFAULT_COMPARE.searchSize).toBe(5000);
  });

  it('the same rotation over the four pairings of the two runs of each corpus: 5.2% to 6.0% at P@1', () => {
    expect(text).toContain('5.3% of them do (5.2% to 6.0% over the four pairings of the two runs of each corpus)');
    const p1 = [a, a2].flatMap((x) => [b, b2].map((y) => alignAndScore(x, y, 'orthogonal', DEFAULT_COMPARE).score.precisionAt1));
    expect(Math.min(...p1)).toBeCloseTo(0.052, 3);
    expect(Math.max(...p1)).toBeCloseTo(0.06, 3);
  }, 300_000);
});
