// The recommendation experiment off the main thread: for each seed, generate the declared shop's log, train item2vec
// (the registry's skip-gram on sessions) and score it against popularity and random, and cold start. Progress goes
// back through a callback; the page cancels by terminating the worker (RecommendWidget.tsx).
import { expose } from 'comlink';
import { runSeed, summarize, type SeedResult, type Summary } from '../core/recommend/experiment';

export interface RecommendProgress {
  /** 0-based index of the seed in training. */
  seedIndex: number;
  seeds: number;
  /** Share of all the work done, 0..1. */
  fraction: number;
}

export interface RecommendOutcome {
  summary: Summary;
  /** The first seed's item vectors, for the page's recommendations and cold-start placements. */
  words: string[];
  vectors: Float32Array;
  dim: number;
}

const api = {
  async run(seeds: number[], sessions: number, onProgress: (p: RecommendProgress) => void): Promise<RecommendOutcome> {
    const results: SeedResult[] = [];
    let first: Omit<RecommendOutcome, 'summary'> | null = null;
    for (let i = 0; i < seeds.length; i++) {
      const run = await runSeed(seeds[i]!, {
        shop: { sessions },
        onProgress: (p) => onProgress({ seedIndex: i, seeds: seeds.length, fraction: (i + p.unitsDone / Math.max(1, p.unitsTotal)) / seeds.length }),
      });
      results.push(run.result);
      if (i === 0) first = { words: [...run.kv.words], vectors: run.kv.vectors.slice(0, run.kv.size * run.kv.dim), dim: run.kv.dim };
    }
    if (!first) throw new Error('no seed to run');
    return { ...first, summary: summarize(results, sessions) };
  },
};

export type RecommendApi = typeof api;
expose(api);
