// Seeded stratified splits for the transfer curve: proportions kept, every class (and every Brown genre) on both
// sides, nested subsets, and the same draw for the same seed.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentIndex } from '../../src/core/search/documents';
import { brownGenreDocs } from '../../src/core/transfer/brownDocs';
import { GENRE_GROUPS, groupOfGenre } from '../../src/core/transfer/genreGroups';
import { nestedStratifiedSubsets, stratifiedCounts, stratifiedSplit } from '../../src/core/transfer/split';

const CORPUS = 'public/corpora/brown.txt';
const INDEX = 'public/corpora/brown-docs.json';

describe('stratifiedCounts', () => {
  it('allocates in proportion, sums to n, and gives every class one when n allows', () => {
    expect(stratifiedCounts([50, 30, 20], 10)).toEqual([5, 3, 2]);
    expect(stratifiedCounts([40, 14, 6], 15)).toEqual([10, 4, 1]); // 10 / 3.5 / 1.5: the tie goes to the lower class
    expect(stratifiedCounts([97, 2, 1], 3)).toEqual([1, 1, 1]);
    const c = stratifiedCounts([88, 110, 176, 126], 15);
    expect(c.reduce((s, v) => s + v, 0)).toBe(15);
    expect(Math.min(...c)).toBeGreaterThanOrEqual(1);
    expect(() => stratifiedCounts([2, 2], 5)).toThrow(/cannot draw 5 items from 4/);
  });
});

describe('stratifiedSplit', () => {
  const labels = Int32Array.from({ length: 60 }, (_, i) => (i < 40 ? 0 : i < 54 ? 1 : 2));

  it('keeps each class in both parts at its share, with no item in both', () => {
    const { train, test } = stratifiedSplit(labels, 3, 0.25, 4);
    expect(train.length + test.length).toBe(60);
    expect(new Set([...train, ...test]).size).toBe(60);
    const count = (idx: number[], c: number) => idx.filter((i) => labels[i] === c).length;
    const sizes = [40, 14, 6];
    for (const c of [0, 1, 2]) expect(Math.abs(count(test, c) - 0.25 * sizes[c]!)).toBeLessThan(1);
    for (const c of [0, 1, 2]) expect(count(train, c)).toBeGreaterThan(0);
  });

  it('is the same for one seed and differs for another', () => {
    expect(stratifiedSplit(labels, 3, 0.25, 4)).toEqual(stratifiedSplit(labels, 3, 0.25, 4));
    expect(stratifiedSplit(labels, 3, 0.25, 4).test).not.toEqual(stratifiedSplit(labels, 3, 0.25, 5).test);
  });

  it('names a bad label and a bad share', () => {
    expect(() => stratifiedSplit([0, 3], 2, 0.5, 1)).toThrow(/label 3 at position 1/);
    expect(() => stratifiedSplit([0, 1], 2, 1, 1)).toThrow(/between 0 and 1/);
  });
});

describe('nestedStratifiedSubsets', () => {
  it('draws each size stratified from the pool, each smaller set inside the larger', () => {
    const labels = Int32Array.from({ length: 100 }, (_, i) => i % 4);
    const pool = Array.from({ length: 80 }, (_, i) => i);
    const sets = nestedStratifiedSubsets(pool, labels, 4, [8, 20, 40, 80], 3);
    expect(sets.map((s) => s.length)).toEqual([8, 20, 40, 80]);
    for (let k = 1; k < sets.length; k++) for (const i of sets[k - 1]!) expect(sets[k]).toContain(i);
    for (const s of sets) {
      expect(s.every((i) => i < 80)).toBe(true);
      for (let c = 0; c < 4; c++) expect(s.filter((i) => labels[i] === c).length).toBe(s.length / 4);
    }
    expect(nestedStratifiedSubsets(pool, labels, 4, [8], 3)[0]).toEqual(sets[0]);
  });
});

describe('Brown genre groups', () => {
  it('maps all fifteen genres and rejects an unknown one by document', () => {
    expect(new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r'].map((g) => groupOfGenre(g, 'x'))).size).toBe(
      GENRE_GROUPS.length,
    );
    expect(() => groupOfGenre('z', 'cz01')).toThrow(/cz01.*"z"/);
  });

  it.skipIf(!existsSync(CORPUS) || !existsSync(INDEX))('the held-out split of the 500 documents keeps every genre on both sides', () => {
    const col = brownGenreDocs(readFileSync(CORPUS, 'utf8'), JSON.parse(readFileSync(INDEX, 'utf8')) as DocumentIndex);
    expect(col.docs.length).toBe(500);
    expect(col.docs.every((d) => d.tokens.length > 1000)).toBe(true);
    const strata = Int32Array.from(col.docs, (d) => d.stratum!);
    const { train, test } = stratifiedSplit(strata, col.strata!.length, 0.2, 1);
    expect(test.length).toBe(100);
    for (let g = 0; g < col.strata!.length; g++) {
      expect(test.some((i) => strata[i] === g), `${col.strata![g]} held out`).toBe(true);
      expect(train.some((i) => strata[i] === g), `${col.strata![g]} in training`).toBe(true);
    }
    const groupCounts = GENRE_GROUPS.map((_, c) => col.docs.filter((d) => d.label === c).length);
    expect(groupCounts).toEqual([88, 110, 176, 126]);
  }, 60_000); // tokenizing a million words can take seconds on a shared machine
});
