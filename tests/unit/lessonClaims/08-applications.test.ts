// Claims of lessons/08-applications.md on the pinned vectors (the recommendation section's are in
// 08-recommend.test.ts): the semantic-search
// ranking for "illness and treatment", and the evaluation widget's scores on the project's own test sets.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lessonText, shipped } from './shipped';
import { textVector, keywordOverlap } from '../../../src/ui/lessons/widgets/textVectors';
import { DOCUMENTS } from '../../../src/ui/lessons/widgets/documents';
import { cosVec } from '../../../src/core/vectors/vectorMath';
import { evaluateAnalogies, evaluateSimilarity } from '../../../src/core/vectors/evaluation';
import type { KeyedVectors } from '../../../src/core/vectors/keyedVectors';
import { documentsFromIndex } from '../../../src/core/search/documents';
import { SearchEngine, evaluateSearch } from '../../../src/core/search/searchEngine';
import { BROWN_GENRE_QUERIES } from '../../../src/core/search/searchQueries';
import { pairedWinShare } from '../../../src/core/search/rankingMetrics';
import { WEAT_PRESETS } from '../../../src/core/vectors/bias';
import { spearmanWithInterval } from '../../../src/core/scorecard/intervals';

const both = shipped('brown-sotu-sg100');
const brown = shipped('brown-sg100');
const text = lessonText('08-applications.md');

function search(kv: KeyedVectors, query: string) {
  const q = textVector(kv, query).vector!;
  return DOCUMENTS.map((d) => ({ d, s: cosVec(q, textVector(kv, d).vector!), shared: keywordOverlap(query, d) })).sort((a, b) => b.s - a.s);
}

describe('08 applications (brown-sotu-sg100)', () => {
  it('the widgets are pinned', () => {
    for (const w of ['semantic-search', 'bias', 'probe', 'evaluation']) expect(text).toMatch(new RegExp(`::widget\\{name="${w}" vectors="brown-sotu-sg100"`));
  });

  it('illness and treatment: the doctor sentence first at about 0.68, teacher about 0.67, nurses about 0.66; cosines from about 0.37; no shared keyword', () => {
    const r = search(both, 'illness and treatment');
    expect(DOCUMENTS).toHaveLength(30);
    expect(r[0]!.d).toBe('The doctor examined the patient and prescribed medicine.');
    expect(r[0]!.s).toBeCloseTo(0.68, 2);
    expect(r[1]!.d).toMatch(/^The teacher/);
    expect(r[1]!.s).toBeCloseTo(0.67, 2);
    expect(r[2]!.d).toMatch(/^Nurses/);
    expect(r[2]!.s).toBeCloseTo(0.66, 2);
    expect(r[r.length - 1]!.s).toBeCloseTo(0.37, 1);
    expect(r[0]!.shared).toBe(0);
    // "thirty short sentences, none of which contains illness or treatment"
    for (const d of DOCUMENTS) expect(d.toLowerCase(), d).not.toMatch(/\b(illness|treatment)\b/);
  });

  it('evaluation: about 18% (659 of 3,594) and Spearman about 0.31; Brown alone about 11% and 0.34, a second Brown run 10% and 0.33; more text lifts analogies beyond that noise, not similarity', () => {
    const analogies = readFileSync('data/eval/analogies.txt', 'utf8');
    const similarity = readFileSync('data/eval/similarity.txt', 'utf8');
    const run = (kv: KeyedVectors) => ({
      a: evaluateAnalogies(kv, analogies, { restrict: kv.size, caseInsensitive: true }).overall,
      s: evaluateSimilarity(kv, similarity, { caseInsensitive: true }).spearman,
    });
    const b = run(both);
    expect(b.a.correct).toBe(659);
    expect(b.a.total).toBe(3594);
    expect(b.s).toBeCloseTo(0.31, 2);
    const o = run(brown);
    expect(o.a.accuracy).toBeCloseTo(0.11, 1);
    expect(Math.round(o.a.accuracy * 100)).toBe(11);
    expect(o.s).toBeCloseTo(0.34, 2);
    // A second Brown run: 10% and 0.33, so the two runs differ by under a point of analogy accuracy.
    const o2 = run(shipped('brown-sg100-seed2'));
    expect(Math.round(o2.a.accuracy * 100)).toBe(10);
    expect(o2.s).toBeCloseTo(0.33, 2);
    const noise = Math.abs(o.a.accuracy - o2.a.accuracy);
    // "Adding the speeches lifted the analogy score far beyond that noise, but not the similarity correlation,
    // which came out lower": lower than both Brown runs.
    expect(b.a.accuracy - Math.max(o.a.accuracy, o2.a.accuracy)).toBeGreaterThan(10 * noise);
    expect(b.s).toBeLessThan(Math.min(o.s, o2.s));
    // "well inside the 95% interval of the Brown figure over its rated word pairs (about 0.25 to 0.42)".
    const points = evaluateSimilarity(brown, similarity, { caseInsensitive: true }).points;
    const ci = spearmanWithInterval(points.map((p) => p.gold), points.map((p) => p.cosine));
    expect(ci.low).toBeCloseTo(0.25, 2);
    expect(ci.high).toBeCloseTo(0.42, 2);
    expect(b.s).toBeGreaterThan(ci.low + 0.05);
    expect(text).toContain('a second training run on Brown, with another seed, 10% and 0.33');
  });
});

describe('08 applications: bias detection', () => {
  it("the widget opens on WEAT with male and female names as targets and career and family words as attributes", () => {
    expect(text).toMatch(/::widget\{name="bias" vectors="brown-sotu-sg100"\}/);
    // No preset in the directive: the playground opens on the first one.
    expect(WEAT_PRESETS[0]!.names).toEqual({ X: 'Male names', Y: 'Female names', A: 'Career', B: 'Family' });
    expect(text).toContain('such as male and female names, lean differently towards two groups of attribute words, such as career and family words');
  });
});

describe('08 applications: search on the 500 Brown documents (the Search playground, default vectors)', () => {
  it('BM25 and both kinds of word vectors cannot be told apart beyond the query noise; P@10 about 43%, 38%, 38%; chance 7%; intervals about 20 points wide', () => {
    expect(text).toContain('BM25 keywords and both kinds of word vectors cannot be told apart beyond the noise of the query sample: precision@10 is about 43% for BM25 and about 38% for either kind of vectors, against 7% for a random ranking');
    const docs = documentsFromIndex(readFileSync('public/corpora/brown.txt', 'utf8'), JSON.parse(readFileSync('public/corpora/brown-docs.json', 'utf8')));
    // The lesson's search widget ranks "the 500 documents of the Brown corpus" with the vectors it pins.
    expect(docs).toHaveLength(500);
    expect(text).toMatch(/::widget\{name="search" vectors="brown-sotu-sg100"/);
    const ev = evaluateSearch(new SearchEngine(docs, both), BROWN_GENRE_QUERIES, 10);
    const ap = (m: string) => ev.methods.find((x) => x.method === m)!.ap;
    // The playground's own rule (SearchPlayground.tsx): beyond noise = winning in 95% of bootstrap resamples.
    for (const m of ['mean', 'sif']) {
      const share = pairedWinShare(ap(m), ap('bm25'));
      expect(share, m).toBeLessThan(0.95);
      expect(share, m).toBeGreaterThan(0.05);
    }
    const p10 = (m: string) => ev.methods.find((x) => x.method === m)!.meanPrecision;
    expect(Math.round(100 * p10('bm25').mean)).toBe(43);
    for (const m of ['mean', 'sif']) {
      expect(Math.round(100 * p10(m).mean), m).toBe(38);
      // "about 20 points wide": the playground's 95% bootstrap interval over the queries.
      expect(Math.abs(100 * (p10(m).high - p10(m).low) - 20), m).toBeLessThan(5);
    }
    expect(Math.round(100 * ev.chance.mean)).toBe(7);
  }, 120_000);
});
