import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { evaluateAnalogies, evaluateSimilarity } from '../../src/core/vectors/evaluation';
import { averageRanks, pearson, spearman } from '../../src/core/vectors/stats';

function kvOf(rows: Record<string, number[]>): KeyedVectors {
  const words = Object.keys(rows);
  return new KeyedVectors(words, Float32Array.from(words.flatMap((w) => rows[w]!)), rows[words[0]!]!.length);
}

// Dimensions: person, royal, female, animal, plural.
const kv = kvOf({
  man: [1, 0, 0, 0, 0],
  woman: [1, 0, 1, 0, 0],
  king: [1, 1, 0, 0, 0],
  queen: [1, 1, 1, 0, 0],
  cat: [0, 0, 0, 1, 0],
  cats: [0, 0, 0, 1, 1],
  dog: [0, 0, 0, 1.2, 0],
  dogs: [0, 0, 0, 1.2, 1],
  men: [1, 0, 0, 0, 1],
  princess: [1, 0.5, 1, 0, 0.3],
});

// Worked by hand on unit vectors (target = b - a + c, cosines to every word not in the question):
//  man woman king queen      target (0.41, 0.71, 0.71, 0, 0): queen 0.975, princess 0.89 -> right
//  woman man queen king      target (0.87, 0.58, -0.13, 0, 0): king 0.972, princess 0.64 -> right
//  man king woman princess   the same target as the first: queen beats princess -> wrong
//  man woman boy girl        "boy" and "girl" unknown -> skipped
//  cat cats dog dogs         target (0, 0, 0, 0.71, 0.71): dogs 0.996, men 0.5 -> right
//  cat cats man men          target (1, 0, 0, -0.29, 0.71): men 0.959, woman/king 0.56 -> right
//  Dog Dogs Cat Cats         lower-cased: target (0, 0, 0, 0.77, 0.64): cats 0.996 -> right; exact case: skipped
const QUESTIONS = `: family
man woman king queen
woman man queen king
man king woman princess
man woman boy girl
: gram-plural
cat cats dog dogs
cat cats man men
Dog Dogs Cat Cats
`;

describe('evaluateAnalogies', () => {
  it('scores sections, semantic and syntactic totals, and counts unknown words apart', () => {
    const r = evaluateAnalogies(kv, QUESTIONS);
    expect(r.sections.map(({ name, correct, total, skipped }) => ({ name, correct, total, skipped }))).toEqual([
      { name: 'family', correct: 2, total: 3, skipped: 1 },
      { name: 'gram-plural', correct: 3, total: 3, skipped: 0 },
    ]);
    expect(r.sections[0]!.wrong).toEqual([{ a: 'man', b: 'king', c: 'woman', expected: 'princess', predicted: 'queen' }]);
    expect(r.semantic).toEqual({ correct: 2, total: 3, accuracy: 2 / 3 });
    expect(r.syntactic).toEqual({ correct: 3, total: 3, accuracy: 1 });
    expect(r.overall).toEqual({ correct: 5, total: 6, accuracy: 5 / 6 });
    expect(r.skipped).toBe(1);
    expect(r.coverage).toBeCloseTo(6 / 7, 12);
  });

  it('matches case exactly when asked', () => {
    const r = evaluateAnalogies(kv, QUESTIONS, { caseInsensitive: false });
    expect(r.sections[1]).toMatchObject({ correct: 2, total: 2, skipped: 1 });
    expect(r.overall).toEqual({ correct: 4, total: 5, accuracy: 4 / 5 });
    expect(r.coverage).toBeCloseTo(5 / 7, 12);
  });

  it('restricts questions and answers to the first N words', () => {
    const r = evaluateAnalogies(kv, QUESTIONS, { restrict: 4 });
    expect(r.sections.map((s) => [s.correct, s.total, s.skipped])).toEqual([
      [2, 2, 2],
      [0, 0, 3],
    ]);
    expect(r.syntactic.accuracy).toBe(0);
    expect(r.coverage).toBeCloseTo(2 / 7, 12);
  });

  it('3CosMul answers these clear-cut questions the same way', () => {
    expect(evaluateAnalogies(kv, QUESTIONS, { method: '3cosmul' }).overall.correct).toBe(5);
  });

  it('agrees with KeyedVectors.analogy question by question (both methods, seeded random vectors)', () => {
    let seed = 99;
    const rnd = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const n = 300;
    const words = Array.from({ length: n }, (_, i) => `w${i}`);
    const big = new KeyedVectors(words, Float32Array.from({ length: n * 12 }, () => rnd() - 0.5), 12);
    for (const method of ['3cosadd', '3cosmul'] as const) {
      let expectedCorrect = 0;
      const lines = [': random'];
      for (let q = 0; q < 200; q++) {
        const [a, b, c] = [0, 1, 2].map(() => words[Math.floor(rnd() * n)]!);
        if (a === b || a === c || b === c) continue;
        const best = big.analogy(a!, b!, c!, { method, topn: 1 })[0]!.word;
        // Half the questions expect the vectors' own answer, half a random other word.
        const other = words[Math.floor(rnd() * n)]!;
        const expected = q % 2 === 0 ? best : other;
        if (expected === best) expectedCorrect++;
        lines.push(`${a} ${b} ${c} ${expected}`);
      }
      const r = evaluateAnalogies(big, lines.join('\n'), { method });
      expect(r.overall.correct).toBe(expectedCorrect);
    }
  });

  it('reports broken lines with their number', () => {
    expect(() => evaluateAnalogies(kv, 'man woman king queen\n', { fileName: 'q.txt' })).toThrow(
      'q.txt, line 1: a question comes before any ": section" line',
    );
    expect(() => evaluateAnalogies(kv, ': s\nman woman king\n')).toThrow('line 2: expected 4 words (a b c expected), found 3');
    expect(() => evaluateAnalogies(kv, '\n\n')).toThrow('no analogy questions found');
  });
});

describe('statistics', () => {
  it('gives ties the average of their ranks', () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(averageRanks([1, 1, 1])).toEqual([2, 2, 2]);
  });

  it('computes Spearman and Pearson by hand', () => {
    // ranks [2.5,4,1,2.5,5] vs [3.5,2,1,3.5,5]: deviations from 3 give sxy 6.5, sxx = syy = 9.5.
    expect(spearman([7, 8, 0, 7, 10], [0.5, 0, -1, 0.5, 1])).toBeCloseTo(6.5 / 9.5, 12);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2], [5, 5])).toBeNaN();
  });
});

describe('evaluateSimilarity', () => {
  const sim = kvOf({ a: [1, 0], b: [1, 1], c: [0, 1], d: [-1, 0], e: [1, 0] });
  const s = Math.SQRT1_2;

  it('correlates cosines with gold scores, ties included, and counts unknown pairs', () => {
    const text = '# my pairs\nword1\tword2\tscore\na\tb\t7\nA c 8\na\td\t0\nb\tc\t7\na\te\t10\na\tzzz\t5\n';
    const r = evaluateSimilarity(sim, text);
    expect(r.pairs).toBe(5);
    expect(r.oov).toBe(1);
    expect(r.oovShare).toBeCloseTo(1 / 6, 12);
    expect(r.points.map((p) => p.cosine)).toEqual([expect.closeTo(s, 6), 0, expect.closeTo(-1, 6), expect.closeTo(s, 6), expect.closeTo(1, 6)]);
    // Gold [7,8,0,7,10] and cosines [s,0,-1,s,1]: both have a tie.
    expect(r.spearman).toBeCloseTo(6.5 / 9.5, 6);
    // Pearson by hand: sum(g*c) - n*mean(g)*mean(c) = 14s + 10 - 5*6.4*(2s/5); sgg = 57.2; scc = 3 - 5*(2s/5)^2 = 2.6.
    expect(r.pearson).toBeCloseTo((14 * s + 10 - 5 * 6.4 * ((2 * s) / 5)) / Math.sqrt(57.2 * 2.6), 6);
  });

  it('says no pair is known instead of answering Spearman NaN', () => {
    expect(() => evaluateSimilarity(sim, 'x y 3\nzz a 5\n', { fileName: 'mine.txt' })).toThrow(
      /^mine\.txt: no pair of this file is in the vocabulary: each of its 2 pairs has a word these vectors do not know/,
    );
    expect(() => evaluateSimilarity(sim, 'a b 3\nzz a 5\n')).toThrow(/only 1 pair of this file is in the vocabulary \(1 have an unknown word\)/);
  });

  it('finds the score column by name in a SimLex-style header and reads commas', () => {
    const simlex = 'word1\tword2\tPOS\tSimLex999\tconc(w1)\na\tb\tN\t7\t4.1\na\tc\tN\t3\t4.1\na\td\tN\t1\t2\n';
    expect(evaluateSimilarity(sim, simlex).points.map((p) => p.gold)).toEqual([7, 3, 1]);
    const csv = 'Word 1,Word 2,Human (mean)\na,b,7\na,c,3\n';
    expect(evaluateSimilarity(sim, csv).points.map((p) => p.gold)).toEqual([7, 3]);
  });

  it('reports broken lines with their number', () => {
    expect(() => evaluateSimilarity(sim, 'a b 1\na b\n', { fileName: 'ws.txt' })).toThrow('ws.txt, line 2: expected "word1 word2 score", found 2 field(s)');
    expect(() => evaluateSimilarity(sim, 'a b 1\na c x\n')).toThrow('line 2: score "x" (column 3) is not a number');
    expect(() => evaluateSimilarity(sim, '# nothing\n')).toThrow('no word pairs found');
  });
});

describe('the shipped evaluation sets (data/eval)', () => {
  const analogies = readFileSync('data/eval/analogies.txt', 'utf8');
  const similarity = readFileSync('data/eval/similarity.txt', 'utf8');
  const words = new Set<string>();
  for (const line of analogies.split('\n')) if (line && !line.startsWith(':')) line.split(' ').forEach((w) => words.add(w));
  for (const line of similarity.split('\n')) if (line && !line.startsWith('#')) line.split('\t').slice(0, 2).forEach((w) => words.add(w));
  // Vectors holding every word, each a distinct random direction (seeded), so every question is asked.
  const all = [...words];
  let seed = 3;
  const rnd = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };
  const kvAll = new KeyedVectors(all, Float32Array.from({ length: all.length * 8 }, rnd), 8);

  it('analogies.txt parses into semantic sections first, then gram ones, with no unknown words', () => {
    const r = evaluateAnalogies(kvAll, analogies);
    const names = r.sections.map((x) => x.name);
    expect(names.length).toBeGreaterThanOrEqual(10);
    const firstGram = names.findIndex((n) => n.startsWith('gram'));
    expect(firstGram).toBeGreaterThan(0);
    expect(names.slice(firstGram).every((n) => n.startsWith('gram'))).toBe(true);
    expect(r.overall.total).toBeGreaterThanOrEqual(2000);
    expect(r.skipped).toBe(0);
    expect(r.coverage).toBe(1);
  });

  it('similarity.txt has hundreds of pairs scored 0-10', () => {
    const r = evaluateSimilarity(kvAll, similarity);
    expect(r.pairs).toBeGreaterThanOrEqual(300);
    expect(r.oov).toBe(0);
    expect(r.points.every((p) => p.gold >= 0 && p.gold <= 10)).toBe(true);
  });

  it.skipIf(!existsSync('public/corpora/brown.txt'))('uses only words seen at least 5 times in Brown', () => {
    const counts = new Map<string, number>();
    for (const w of readFileSync('public/corpora/brown.txt', 'utf8').toLowerCase().split(/[^\p{L}]+/u)) {
      if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    expect(all.filter((w) => (counts.get(w) ?? 0) < 5)).toEqual([]);
  }, 60_000); // counting 1.2 million tokens can take seconds on a shared machine
});
