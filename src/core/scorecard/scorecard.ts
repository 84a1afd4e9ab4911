// The scorecard: one set of word vectors scored on every benchmark the lab has, each figure with its noise (an
// interval over questions, pairs or queries, or the spread over seeds) and its baseline, and a verdict that says
// whether it beats that baseline beyond the noise.
//   intrinsic: analogies (data/eval/analogies.txt, 3CosAdd) and word similarity (data/eval/similarity.txt);
//   extrinsic: the part-of-speech probe (with its control task), the Brown genre classifier on frozen vectors, and
//              search over the 500 Brown documents (mean and SIF document vectors against BM25 keywords).
import { buildProbeDataset, DEFAULT_PROBE_WORDS, type TagLexicon } from '../probe/probeData';
import { runProbeSeed, summariseProbe, type ProbeSeedRun } from '../probe/runProbe';
import { documentsFromIndex, type DocumentIndex } from '../search/documents';
import { pairedWinShare } from '../search/rankingMetrics';
import { SearchEngine, evaluateSearch, SEARCH_METHOD_NAMES } from '../search/searchEngine';
import { BROWN_GENRE_QUERIES } from '../search/searchQueries';
import { brownGenreDocs } from '../transfer/brownDocs';
import { beatsBeyondSpread, runTransferCurve } from '../transfer/transferCurve';
import { evaluateAnalogies, evaluateSimilarity } from '../vectors/evaluation';
import type { KeyedVectors } from '../vectors/keyedVectors';
import { spearmanWithInterval, wilsonInterval } from './intervals';

export type BenchmarkId = 'analogy' | 'similarity' | 'probe' | 'genre' | 'search-mean' | 'search-sif';

export const BENCHMARKS: readonly { id: BenchmarkId; name: string; kind: 'intrinsic' | 'extrinsic' }[] = [
  { id: 'analogy', name: 'Analogies (accuracy)', kind: 'intrinsic' },
  { id: 'similarity', name: 'Word similarity (Spearman)', kind: 'intrinsic' },
  { id: 'probe', name: 'Part-of-speech probe (held-out words)', kind: 'extrinsic' },
  { id: 'genre', name: 'Genre classifier (frozen vectors)', kind: 'extrinsic' },
  { id: 'search-mean', name: `Search P@10 (${SEARCH_METHOD_NAMES.mean})`, kind: 'extrinsic' },
  { id: 'search-sif', name: `Search P@10 (${SEARCH_METHOD_NAMES.sif})`, kind: 'extrinsic' },
];

export type Verdict = 'beats' | 'within noise' | 'below';

export interface ScoreRow {
  id: BenchmarkId;
  name: string;
  kind: 'intrinsic' | 'extrinsic';
  value: number;
  /** The noise band around value: a 95% interval, or the min-max over seeds (see `noise`). */
  low: number;
  high: number;
  noise: string;
  baselines: { name: string; value: number; low?: number; high?: number }[];
  verdict: Verdict;
  /** What the verdict compares, in words. */
  verdictRule: string;
  detail: string;
}

export interface Scorecard {
  name: string;
  words: number;
  dim: number;
  rows: ScoreRow[];
  seconds: number;
}

export interface ScorecardInputs {
  analogies: string;
  similarity: string;
  lexicon: TagLexicon;
  brownText: string;
  brownIndex: DocumentIndex;
}

/** Three seeds for the two trained benchmarks: enough to show a spread, and the page finishes in well under a minute. */
export const SCORECARD_SEEDS = [1, 2, 3];
/** The genre classifier trains on every document left after the held-out fifth (400 of 500). */
export const GENRE_TRAINING_DOCS = 400;
/** Search is scored at rank 10, as the Search playground scores it. */
export const SEARCH_K = 10;
/** A method beats BM25 beyond the noise of the queries when it wins in this share of paired bootstrap resamples. */
export const WIN_SHARE = 0.95;

export interface ScorecardProgress {
  stage: string;
  /** 0-based index of the stage, of `stages`. */
  index: number;
  stages: number;
  /** Progress within the stage, 0..1. */
  fraction: number;
}

export interface ScorecardOptions {
  seeds?: readonly number[];
  signal?: AbortSignal;
  onProgress?: (p: ScorecardProgress) => void;
}

const STAGES = ['word similarity', 'analogies', 'part-of-speech probe', 'genre classifier', 'search'] as const;
const tick = () => new Promise<void>((r) => setTimeout(r, 0));
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;

function verdictOf(low: number, high: number, baseLow: number, baseHigh: number): Verdict {
  if (low > baseHigh) return 'beats';
  if (high < baseLow) return 'below';
  return 'within noise';
}

export async function runScorecard(kv: KeyedVectors, name: string, inputs: ScorecardInputs, o: ScorecardOptions = {}): Promise<Scorecard> {
  const started = Date.now();
  const seeds = [...(o.seeds ?? SCORECARD_SEEDS)];
  const rows: ScoreRow[] = [];
  const meta = (id: BenchmarkId) => BENCHMARKS.find((b) => b.id === id)!;
  const stage = async (index: number, fraction = 0) => {
    o.signal?.throwIfAborted();
    o.onProgress?.({ stage: STAGES[index]!, index, stages: STAGES.length, fraction });
    await tick();
  };

  await stage(0);
  const sim = evaluateSimilarity(kv, inputs.similarity, { fileName: 'similarity.txt', caseInsensitive: true });
  const si = spearmanWithInterval(sim.points.map((p) => p.gold), sim.points.map((p) => p.cosine));
  rows.push({
    ...meta('similarity'),
    value: si.value,
    low: si.low,
    high: si.high,
    noise: `95% bootstrap interval over ${sim.pairs} word pairs`,
    baselines: [{ name: 'no relation', value: 0 }],
    verdict: verdictOf(si.low, si.high, 0, 0),
    verdictRule: 'the interval lies above 0',
    detail: `${sim.pairs} pairs scored, ${sim.oov} left out for unknown words`,
  });

  await stage(1);
  const an = evaluateAnalogies(kv, inputs.analogies, { fileName: 'analogies.txt', restrict: kv.size, caseInsensitive: true });
  const aw = wilsonInterval(an.overall.correct, an.overall.total);
  // A guess among the vocabulary, less the three question words that are never an answer.
  const chance = 1 / Math.max(1, kv.size - 3);
  rows.push({
    ...meta('analogy'),
    value: an.overall.accuracy,
    low: aw.low,
    high: aw.high,
    noise: `95% interval over ${an.overall.total} questions`,
    baselines: [{ name: 'a random word', value: chance }],
    verdict: verdictOf(aw.low, aw.high, chance, chance),
    verdictRule: 'the interval lies above a random guess',
    detail: `${an.overall.correct} of ${an.overall.total} right; ${pct(an.coverage)} of the questions had all four words`,
  });

  await stage(2);
  const data = buildProbeDataset(kv, inputs.lexicon, DEFAULT_PROBE_WORDS);
  const runs: ProbeSeedRun[] = [];
  for (const seed of seeds) {
    runs.push(runProbeSeed(data, seed, { signal: o.signal }));
    await stage(2, runs.length / seeds.length);
  }
  const probe = summariseProbe(data, runs);
  const worstBase = Math.max(probe.majority.max, probe.control.max);
  rows.push({
    ...meta('probe'),
    value: probe.accuracy.mean,
    low: probe.accuracy.min,
    high: probe.accuracy.max,
    noise: `min-max over ${seeds.length} seeds (splits of ${probe.words} word types)`,
    baselines: [
      { name: 'majority class', value: probe.majority.mean, low: probe.majority.min, high: probe.majority.max },
      { name: 'control task', value: probe.control.mean, low: probe.control.min, high: probe.control.max },
    ],
    verdict: probe.beyondBaselines ? 'beats' : probe.accuracy.max < Math.min(probe.majority.min, probe.control.min) ? 'below' : 'within noise',
    verdictRule: 'its worst seed beats the best seed of the majority class and of the control task',
    detail: `selectivity ${signed(probe.selectivity.mean)} points (${signed(probe.selectivity.min)} to ${signed(probe.selectivity.max)}); best baseline seed ${pct(worstBase)}`,
  });

  await stage(3);
  const collection = brownGenreDocs(inputs.brownText, inputs.brownIndex);
  const curve = runTransferCurve(collection, kv, {
    arms: ['frozen'],
    sizes: [GENRE_TRAINING_DOCS],
    seeds,
    signal: o.signal,
    onProgress: (p) => o.onProgress?.({ stage: STAGES[3], index: 3, stages: STAGES.length, fraction: p.done / p.total }),
  });
  const point = curve.points[0]!;
  const frozen = point.arms.frozen!;
  rows.push({
    ...meta('genre'),
    value: frozen.mean,
    low: frozen.min,
    high: frozen.max,
    noise: `min-max over ${seeds.length} seeds (${curve.testIds.length} held-out documents)`,
    baselines: [
      { name: 'majority class', value: point.majority.mean, low: point.majority.min, high: point.majority.max },
      { name: 'chance', value: curve.chance },
    ],
    verdict: beatsBeyondSpread(frozen, point.majority) ? 'beats' : frozen.max < point.majority.min ? 'below' : 'within noise',
    verdictRule: 'its worst seed beats the best seed of the majority class',
    detail: `${curve.classes.length} genre groups, ${GENRE_TRAINING_DOCS} training documents; ${pct(curve.pretrainedCoverage)} of the tokens have a vector`,
  });

  await stage(4);
  const engine = new SearchEngine(documentsFromIndex(inputs.brownText, inputs.brownIndex), kv);
  const ev = evaluateSearch(engine, BROWN_GENRE_QUERIES, SEARCH_K);
  const bm25 = ev.methods.find((m) => m.method === 'bm25')!;
  for (const method of ['mean', 'sif'] as const) {
    const m = ev.methods.find((x) => x.method === method)!;
    const share = pairedWinShare(m.precision, bm25.precision);
    rows.push({
      ...meta(`search-${method}`),
      value: m.meanPrecision.mean,
      low: m.meanPrecision.low,
      high: m.meanPrecision.high,
      noise: `95% bootstrap interval over ${ev.queries.length} queries`,
      baselines: [
        { name: 'BM25 keywords', value: bm25.meanPrecision.mean, low: bm25.meanPrecision.low, high: bm25.meanPrecision.high },
        { name: 'chance', value: ev.chance.mean },
      ],
      verdict: share >= WIN_SHARE ? 'beats' : share <= 1 - WIN_SHARE ? 'below' : 'within noise',
      verdictRule: `it beats BM25 in ${pct(WIN_SHARE)} of paired resamples of the queries`,
      detail: `beats BM25 in ${pct(share)} of paired resamples of the queries`,
    });
  }
  o.onProgress?.({ stage: 'done', index: STAGES.length, stages: STAGES.length, fraction: 1 });
  const order = BENCHMARKS.map((b) => b.id);
  rows.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { name, words: kv.size, dim: kv.dim, rows, seconds: (Date.now() - started) / 1000 };
}
