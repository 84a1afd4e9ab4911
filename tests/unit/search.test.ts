import { describe, expect, it } from 'vitest';
import { bm25Idf, bm25Scores, buildBm25, BM25_B, BM25_K1 } from '../../src/core/search/bm25';
import { documentVectors, firstDirection, SIF_A, unigramProbabilities } from '../../src/core/search/docVectors';
import { documentsFromIndex, type DocumentIndex } from '../../src/core/search/documents';
import { averagePrecision, meanWithInterval, pairedWinShare, precisionAt, rankByScore } from '../../src/core/search/rankingMetrics';
import { SearchEngine, evaluateSearch } from '../../src/core/search/searchEngine';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';

describe('BM25', () => {
  const docs = [['cat', 'sat', 'mat'], ['dog', 'dog', 'barked'], ['cat', 'and', 'dog', 'and', 'bird', 'and', 'fish']];
  const index = buildBm25(docs);

  it('scores by hand: idf x saturated tf, normalised by length', () => {
    const s = bm25Scores(index, ['dog']);
    const idf = bm25Idf(2, 3);
    expect(idf).toBeCloseTo(Math.log(1 + 1.5 / 2.5), 12);
    const avg = 13 / 3;
    const expected = (tf: number, len: number) => (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * len) / avg));
    expect(s[0]).toBe(0);
    expect(s[1]).toBeCloseTo(expected(2, 3), 12);
    expect(s[2]).toBeCloseTo(expected(1, 7), 12);
    expect(s[1]).toBeGreaterThan(s[2]!);
  });

  it('rare terms weigh more, and unknown terms add nothing', () => {
    expect(bm25Idf(1, 3)).toBeGreaterThan(bm25Idf(2, 3));
    expect([...bm25Scores(index, ['zebra'])]).toEqual([0, 0, 0]);
    expect(bm25Idf(3, 3)).toBeGreaterThan(0); // never negative, even in every document
  });
});

describe('ranking measures', () => {
  it('precision@k and average precision by hand', () => {
    const ranking = rankByScore([0.1, 0.9, 0.5, 0.7]);
    expect(ranking).toEqual([1, 3, 2, 0]);
    const rel = new Set([3, 0]);
    expect(precisionAt(ranking, rel, 2)).toBe(0.5);
    expect(averagePrecision(ranking, rel)).toBeCloseTo((1 / 2 + 2 / 4) / 2, 12);
    expect(averagePrecision([3, 0, 1, 2], rel)).toBe(1);
  });

  it('ties keep index order, so rankings are reproducible', () => {
    expect(rankByScore([1, 1, 1])).toEqual([0, 1, 2]);
  });

  it('bootstrap interval contains the mean and narrows with agreement', () => {
    const spread = meanWithInterval([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(spread.low).toBeLessThan(spread.mean);
    expect(spread.high).toBeGreaterThan(spread.mean);
    const flat = meanWithInterval([0.5, 0.5, 0.5]);
    expect(flat.low).toBe(0.5);
    expect(flat.high).toBe(0.5);
    expect(pairedWinShare([1, 1, 1, 1], [0, 0, 0, 0])).toBe(1);
    expect(pairedWinShare([0, 1, 0, 1], [1, 0, 1, 0])).toBeGreaterThan(0.2);
    expect(pairedWinShare([0, 1, 0, 1], [1, 0, 1, 0])).toBeLessThan(0.8);
  });
});

describe('document vectors', () => {
  // Two topics in 3-D: animals along x, vehicles along y; "the" sits on z, shared by every document.
  const kv = new KeyedVectors(
    ['the', 'cat', 'dog', 'car', 'bus'],
    new Float32Array([0, 0, 1, 1, 0.1, 0, 0.9, 0.2, 0, 0.1, 1, 0, 0.2, 0.9, 0]),
    3,
  );
  const docs = [
    ['the', 'the', 'the', 'cat', 'the', 'dog'],
    ['the', 'the', 'the', 'car', 'the', 'bus'],
    ['the', 'the', 'dog', 'the', 'cat', 'the'],
  ];

  it('SIF weights frequent words down: a / (a + p)', () => {
    const p = unigramProbabilities(docs);
    expect(p.get('the')).toBeCloseTo(12 / 18, 12);
    const sif = documentVectors(kv, docs, 'sif', p);
    const mean = documentVectors(kv, docs, 'mean', p);
    expect(sif.common).not.toBeNull();
    expect(mean.common).toBeNull();
    // In the mean, "the" dominates and both topics look alike; SIF separates them.
    const cos = (v: Float32Array, a: number, b: number) => v[a * 3]! * v[b * 3]! + v[a * 3 + 1]! * v[b * 3 + 1]! + v[a * 3 + 2]! * v[b * 3 + 2]!;
    expect(cos(mean.vectors, 0, 1)).toBeGreaterThan(0.8);
    expect(cos(sif.vectors, 0, 1)).toBeLessThan(cos(mean.vectors, 0, 1));
    expect(cos(sif.vectors, 0, 2)).toBeGreaterThan(0.99);
    expect(SIF_A).toBeGreaterThan(0);
  });

  it('the common direction is the dominant one', () => {
    const rows = new Float32Array([1, 0.1, 2, 0.1, 2, -0.1]);
    const u = firstDirection(rows, 3, 2);
    expect(Math.abs(u[0]!)).toBeGreaterThan(0.99);
  });

  it('the engine finds the right document, with its passage, for each method', () => {
    const sdocs = [
      { id: 'd0', genre: 'a', source: 'x', sentences: ['the cat sat', 'the dog ran'] },
      { id: 'd1', genre: 'b', source: 'y', sentences: ['the car stopped', 'the bus left'] },
      { id: 'd2', genre: 'a', source: 'z', sentences: ['the the the', 'a dog and a cat'] },
    ];
    const engine = new SearchEngine(sdocs, kv);
    for (const m of ['bm25', 'mean', 'sif'] as const) {
      const a = engine.search('bus', m, 3);
      expect(a.hits[0]!.doc, m).toBe(1);
      expect(a.hits[0]!.passages[0]!.text, m).toBe('the bus left');
    }
    const unknown = engine.search('zebra', 'sif');
    expect(unknown.hits).toEqual([]);
    expect(unknown.ignored).toEqual([{ word: 'zebra', why: 'no vector' }]);
    const ev = evaluateSearch(engine, [{ query: 'cat', genre: 'a' }, { query: 'car', genre: 'b' }], 1);
    expect(ev.chance.mean).toBeCloseTo((2 / 3 + 1 / 3) / 2, 12);
    for (const m of ev.methods) expect(m.meanPrecision.mean, m.method).toBe(1);
  });
});

describe('document index', () => {
  const index: DocumentIndex = {
    corpus: 'brown',
    genres: { a: 'press' },
    docs: [
      { id: 'ca01', genre: 'a', source: 'S1', firstLine: 0, lines: 2 },
      { id: 'ca02', genre: 'a', source: 'S2', firstLine: 2, lines: 1 },
    ],
  };

  it('cuts documents out of the corpus by line ranges', () => {
    const docs = documentsFromIndex('one\ntwo\nthree\n', index);
    expect(docs.map((d) => d.sentences)).toEqual([['one', 'two'], ['three']]);
  });

  it('a corpus shorter than its index is an error naming the document and the fix', () => {
    expect(() => documentsFromIndex('one\ntwo', index)).toThrow(/document ca02 needs lines 3-3 of brown\.txt.*npm run corpora/);
  });
});
