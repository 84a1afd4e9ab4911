// The scorecard on the shipped Brown vectors: every benchmark present in the declared order, each figure equal to
// what the benchmark's own code gives, inside its band, with verdicts that follow from the figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProbeDataset, parseTagLexicon } from '../../src/core/probe/probeData';
import { runProbe } from '../../src/core/probe/runProbe';
import { BENCHMARKS, runScorecard, type ScorecardProgress } from '../../src/core/scorecard/scorecard';
import { documentsFromIndex } from '../../src/core/search/documents';
import { SearchEngine, evaluateSearch } from '../../src/core/search/searchEngine';
import { BROWN_GENRE_QUERIES } from '../../src/core/search/searchQueries';
import { evaluateAnalogies, evaluateSimilarity } from '../../src/core/vectors/evaluation';
import { readCompact } from '../../src/core/vectors/formats/compact';

const kv = readCompact(new Uint8Array(readFileSync('public/vectors/brown-sg100.elv')), { fileName: 'brown-sg100.elv' }).kv;
const inputs = {
  analogies: readFileSync('data/eval/analogies.txt', 'utf8'),
  similarity: readFileSync('data/eval/similarity.txt', 'utf8'),
  lexicon: parseTagLexicon(JSON.parse(readFileSync('public/corpora/brown-pos.json', 'utf8')), 'brown-pos.json'),
  brownText: readFileSync('public/corpora/brown.txt', 'utf8'),
  brownIndex: JSON.parse(readFileSync('public/corpora/brown-docs.json', 'utf8')),
};

describe('scorecard on brown-sg100 (one seed)', () => {
  it('scores every benchmark as the benchmark itself does, with bands, baselines and verdicts', async () => {
    const stages: string[] = [];
    const card = await runScorecard(kv, 'brown', inputs, { seeds: [1], onProgress: (p: ScorecardProgress) => stages.push(p.stage) });
    expect(card.rows.map((r) => r.id)).toEqual(BENCHMARKS.map((b) => b.id));
    expect([...new Set(stages)]).toEqual(['word similarity', 'analogies', 'part-of-speech probe', 'genre classifier', 'search', 'done']);
    for (const r of card.rows) {
      expect(r.low, r.id).toBeLessThanOrEqual(r.value + 1e-12);
      expect(r.high, r.id).toBeGreaterThanOrEqual(r.value - 1e-12);
      expect(r.baselines.length, r.id).toBeGreaterThan(0);
    }
    const row = (id: string) => card.rows.find((r) => r.id === id)!;
    const an = evaluateAnalogies(kv, inputs.analogies, { restrict: kv.size, caseInsensitive: true });
    expect(row('analogy').value).toBe(an.overall.accuracy);
    expect(row('analogy').verdict).toBe('beats');
    expect(row('similarity').value).toBeCloseTo(evaluateSimilarity(kv, inputs.similarity, { caseInsensitive: true }).spearman, 12);
    const probe = runProbe(buildProbeDataset(kv, inputs.lexicon), { seeds: [1] });
    expect(row('probe').value).toBe(probe.accuracy.mean);
    expect(row('probe').baselines.map((b) => b.value)).toEqual([probe.majority.mean, probe.control.mean]);
    expect(row('probe').verdict).toBe(probe.beyondBaselines ? 'beats' : 'within noise');
    const genre = row('genre');
    expect(genre.value).toBeGreaterThan(genre.baselines[0]!.value);
    const ev = evaluateSearch(new SearchEngine(documentsFromIndex(inputs.brownText, inputs.brownIndex), kv), BROWN_GENRE_QUERIES, 10);
    expect(row('search-mean').value).toBe(ev.methods.find((m) => m.method === 'mean')!.meanPrecision.mean);
    expect(row('search-sif').baselines[0]!.value).toBe(ev.methods.find((m) => m.method === 'bm25')!.meanPrecision.mean);
    // The Search playground's finding on these vectors: neither vector method beats BM25 beyond the noise.
    expect(row('search-mean').verdict).toBe('within noise');
  }, 240_000);

  it('stops when its signal is aborted', async () => {
    const ctl = new AbortController();
    ctl.abort(new Error('stop'));
    await expect(runScorecard(kv, 'brown', inputs, { signal: ctl.signal })).rejects.toThrow('stop');
  });
});
