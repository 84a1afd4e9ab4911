// Every sentence of lessons/02-properties.md that states what its widgets or the vectors show, computed with the
// core on the vectors each widget is pinned to.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analogy, lessonText, neighbours, shipped } from './shipped';
import { centredCosine, meanUnitVector, randomPairMedians } from '../../../src/core/vectors/anisotropy';
import { evaluateExpression, parseExpression } from '../../../src/core/vectors/expression';
import type { KeyedVectors } from '../../../src/core/vectors/keyedVectors';

const text = lessonText('02-properties.md');
const both = shipped('brown-sotu-sg100');
const brown = shipped('brown-sg100');
/** The same corpus and settings as brown-sg100, trained with seed 2: the run-to-run baseline. */
const brown2 = shipped('brown-sg100-seed2');

/** Spearman correlation between frequency (file order) and vector length over the first n words. */
function frequencyLengthSpearman(kv: KeyedVectors, n: number): number {
  const norms = kv.norms();
  const byLength = Array.from({ length: n }, (_, i) => i).sort((a, b) => norms[a]! - norms[b]!);
  const lengthRank = new Array<number>(n);
  byLength.forEach((i, r) => (lengthRank[i] = r));
  let d2 = 0;
  // Frequency rank n-1-i (most frequent = highest) against length rank.
  for (let i = 0; i < n; i++) d2 += (n - 1 - i - lengthRank[i]!) ** 2;
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/** The arithmetic widget's answer list (unit vectors, query words left out). */
function arithmetic(kv: KeyedVectors, expr: string, topn = 10): string[] {
  const { vector, weights } = evaluateExpression(parseExpression(expr, (w) => kv.has(w)), (w) => (kv.has(w) ? kv.unitVector(w) : null), kv.dim);
  const exclude = new Set([...weights.keys()].map((w) => kv.indexOf(w)));
  return kv.nearestToVector(vector, topn, exclude).map((n) => n.word);
}

describe('02 properties: closeness is an angle (brown-sotu-sg100)', () => {
  it('frequent words have longer vectors: rank correlation above 0.8 over the 10,000 most frequent', () => {
    expect(text).toMatch(/rank correlation between frequency and length is above 0\.8/);
    expect(frequencyLengthSpearman(both, 10_000)).toBeGreaterThan(0.8);
  });

  it('cat/airplane is about 0.70 and cat/dog about 0.84 (the prediction quiz)', () => {
    expect(text).toMatch(/about 0\.70 against about 0\.84 for \*cat\* and \*dog\*/);
    expect(Math.abs(both.similarity('cat', 'airplane') - 0.7)).toBeLessThan(0.01);
    expect(Math.abs(both.similarity('cat', 'dog') - 0.84)).toBeLessThan(0.01);
    expect(both.similarity('cat', 'dog')).toBeGreaterThan(both.similarity('cat', 'airplane'));
  });

  it('tea/coffee about 0.88, hot/cold about 0.72', () => {
    expect(text).toMatch(/\*tea\*, \*coffee\*: about 0\.88\)/);
    expect(text).toMatch(/\*hot\*, \*cold\*: about 0\.72\)/);
    expect(Math.abs(both.similarity('tea', 'coffee') - 0.88)).toBeLessThan(0.01);
    expect(Math.abs(both.similarity('hot', 'cold') - 0.72)).toBeLessThan(0.01);
  });
});

describe('02 properties: anisotropy and centring', () => {
  it('random pairs: median about 0.44 raw (0.77 on Brown), about 0 after centring', () => {
    const m = randomPairMedians(both);
    expect(m.raw).toBeGreaterThan(0.39);
    expect(m.raw).toBeLessThan(0.49);
    expect(Math.abs(m.centred)).toBeLessThan(0.05);
    expect(m.meanLength).toBeCloseTo(0.67, 1);
    const b = randomPairMedians(brown);
    expect(b.raw).toBeGreaterThan(0.72);
    expect(b.raw).toBeLessThan(0.82);
    expect(Math.abs(b.centred)).toBeLessThan(0.05);
  });

  it('centring: cat/airplane falls to about 0.31, cat/dog stays about 0.69', () => {
    const mean = meanUnitVector(both);
    expect(Math.abs(centredCosine(both, 'cat', 'airplane', mean) - 0.31)).toBeLessThan(0.01);
    expect(Math.abs(centredCosine(both, 'cat', 'dog', mean) - 0.69)).toBeLessThan(0.01);
  });

  it('centring barely moves neighbour lists (war: at least 7 of the top 10 stay)', () => {
    const mean = meanUnitVector(both);
    const n = 10_000;
    const scored = both.words.slice(0, n).filter((w) => w !== 'war').map((w) => ({ w, s: centredCosine(both, 'war', w, mean) }));
    const centredTop = new Set(scored.sort((a, b) => b.s - a.s).slice(0, 10).map((x) => x.w));
    const rawTop = both.mostSimilar({ positive: ['war'], topn: 10, restrict: n }).map((x) => x.word);
    expect(rawTop.filter((w) => centredTop.has(w)).length).toBeGreaterThanOrEqual(7);
  });

  it('rare words have other rare words as neighbours, at cosines of 0.9 and more', () => {
    const rare = both.words.slice(both.size - 200);
    const top1 = rare.map((w) => both.mostSimilar({ positive: [w], topn: 1 })[0]!);
    expect(top1.reduce((a, n) => a + n.score, 0) / top1.length).toBeGreaterThan(0.9);
    // "other rare words": every one of these neighbours is in the rarer half of the vocabulary.
    expect(top1.filter((n) => both.indexOf(n.word) < both.size / 2)).toEqual([]);
  });
});

describe('02 properties: neighbours', () => {
  it("war's four nearest are hostilities, wars, ii, conflict; god's first is heaven, christ and jesus in its top ten", () => {
    expect(text).toMatch(/\*war\*'s four nearest are \*hostilities\*, \*wars\*, \*ii\* \(as in World War II\) and \*conflict\*/);
    expect(neighbours(both, 'war', 4)).toEqual(['hostilities', 'wars', 'ii', 'conflict']);
    const god = neighbours(both, 'god');
    expect(god[0]).toBe('heaven');
    expect(god.slice(1)).toEqual(expect.arrayContaining(['christ', 'jesus']));
  });

  it("on Brown alone war's first neighbours are world and civil", () => {
    expect(neighbours(brown, 'war', 2)).toEqual(['world', 'civil']);
    // Not a one-run accident: Brown trained with another seed gives the same two.
    expect(neighbours(brown2, 'war', 2)).toEqual(['world', 'civil']);
  });
});

describe('02 properties: arithmetic and analogies', () => {
  it('paris - france + italy: tokyo first, rome not in the top 10, seven of ten cities or halves of city names', () => {
    const top = arithmetic(both, 'paris - france + italy');
    expect(top[0]).toBe('tokyo');
    expect(top).not.toContain('rome');
    const cities = ['tokyo', 'vienna', 'london', 'boston', 'philadelphia', 'francisco', 'aires'];
    expect(text).toMatch(/Seven of the ten answers are cities or halves of city names/);
    expect(top.filter((w) => cities.includes(w))).toHaveLength(7);
  });

  it('with the query words kept, b itself wins (king for king - man + woman, paris for paris - france + italy)', () => {
    expect(text).toMatch(/otherwise \*king\* itself usually wins/);
    for (const kv of [both, brown]) {
      expect(kv.analogy('man', 'king', 'woman', { method: '3cosadd', topn: 1, includeQuery: true })[0]!.word).toBe('king');
      expect(kv.analogy('france', 'paris', 'italy', { method: '3cosadd', topn: 1, includeQuery: true })[0]!.word).toBe('paris');
    }
  });

  it('on Brown alone rome comes second', () => {
    expect(arithmetic(brown, 'paris - france + italy').indexOf('rome')).toBe(1);
  });

  it('king - man + woman: queen first with 3CosAdd and 3CosMul (brown-sotu-sg100), the rest mostly names', () => {
    // Everything after queen except "italian" is a first name or a surname.
    const names = ['alexander', 'churchill', 'thompson', 'nicholas', 'mary', 'edward', 'greville', 'arthur', 'madison'];
    for (const m of ['3cosadd', '3cosmul'] as const) {
      const top = analogy(both, 'man', 'king', 'woman', m);
      expect(top[0], m).toBe('queen');
      expect(top, m).toEqual(expect.arrayContaining(['alexander', 'churchill', 'mary']));
      expect(top.slice(1).filter((w) => names.includes(w)).length, m).toBeGreaterThanOrEqual(7);
    }
  });

  it('on Brown alone: anne, paula and daughter first, queen fourth, under both methods', () => {
    for (const m of ['3cosadd', '3cosmul'] as const) {
      const top = analogy(brown, 'man', 'king', 'woman', m);
      expect(new Set(top.slice(0, 3)), m).toEqual(new Set(['anne', 'paula', 'daughter']));
      expect(top[3], m).toBe('queen');
    }
  });

  it('another seed on Brown: rome sixth, queen not in the top ten (behind maid, ann, aunt, sister), under both methods', () => {
    expect(text).toMatch(/another random seed it comes sixth/);
    expect(text).toMatch(/\*queen\* is not in the top ten at all, behind \*maid\*, \*ann\*, \*aunt\* and \*sister\*/);
    expect(arithmetic(brown2, 'paris - france + italy').indexOf('rome')).toBe(5);
    for (const m of ['3cosadd', '3cosmul'] as const) {
      const top = analogy(brown2, 'man', 'king', 'woman', m);
      expect(top, m).not.toContain('queen');
      expect(top.slice(0, 5), m).toEqual(expect.arrayContaining(['maid', 'ann', 'aunt', 'sister']));
    }
    // Same text and settings, only the seed differs.
    const index = (JSON.parse(readFileSync('public/vectors/index.json', 'utf8')) as { sets: { id: string; settings: Record<string, unknown> }[] }).sets;
    const settings = (id: string) => index.find((e) => e.id === id)!.settings;
    expect({ ...settings('brown-sg100-seed2'), seed: 1 }).toEqual(settings('brown-sg100'));
  });

  it('the widgets are pinned to the vectors these claims use', () => {
    expect(text).toMatch(/::widget\{name="cosine" vectors="brown-sotu-sg100"/);
    expect(text).toMatch(/::widget\{name="arithmetic" vectors="brown-sotu-sg100" expr="paris - france \+ italy"\}/);
    expect(text).toMatch(/::widget\{name="analogy" vectors="brown-sg100" a="man" b="king" c="woman"\}/);
  });
});
