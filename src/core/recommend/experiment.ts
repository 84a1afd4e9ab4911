// The whole recommendation experiment for one seed (generate the log, hold out each user's last pick, train
// item2vec, score it and the baselines, place the new items) and its summary over seeds, with spread.
import type { Progress } from '../models/types';
import type { KeyedVectors } from '../vectors/keyedVectors';
import { scoreColdStart, type ColdStartScore } from './coldStart';
import { itemCounts, leaveLastOut, type Split } from './heldOut';
import { trainItem2Vec, type Item2VecSettings } from './item2vec';
import { rankByPopularity, rankForHistory } from './recommender';
import { hitAtK, ndcgAtK, randomHitAtK, randomNdcgAtK, spreadOf, type Spread } from './rankingMetrics';
import { DEFAULT_SHOP, generateShop, type Shop, type ShopConfig } from './shopModel';

/** Recommendations shown and scored per history. */
export const TOP_K = 10;
/** Seeds of the page, the CLI and the lesson's figures unless told otherwise. */
export const DEFAULT_SEEDS = [1, 2, 3];
/** "Beyond noise" = the paired difference's mean over seeds is more than this many standard errors above zero. */
export const NOISE_STANDARD_ERRORS = 2;

export const METHODS = ['item2vec', 'popularity', 'random'] as const;
export type Method = (typeof METHODS)[number];

export interface SeedResult {
  seed: number;
  cases: number;
  trainSessions: number;
  hitRate: Record<Method, number>;
  ndcg: Record<Method, number>;
  coldStart: ColdStartScore;
}

export interface SeedRun {
  shop: Shop;
  split: Split;
  kv: KeyedVectors;
  result: SeedResult;
}

export interface RunOptions {
  shop?: Partial<Omit<ShopConfig, 'seed'>>;
  item2vec?: Partial<Item2VecSettings>;
  onProgress?: (p: Progress) => void;
  cancelled?: () => boolean;
}

export function evaluateRankings(shop: Shop, split: Split, kv: KeyedVectors, k = TOP_K): Pick<SeedResult, 'hitRate' | 'ndcg'> {
  const counts = itemCounts(split.train, shop.items.length);
  const sum = { hitRate: { item2vec: 0, popularity: 0, random: 0 }, ndcg: { item2vec: 0, popularity: 0, random: 0 } };
  for (const c of split.cases) {
    const learned = rankForHistory(kv, shop.items, c.history).findIndex((r) => r.item === c.target);
    const popular = rankByPopularity(counts, shop.items, c.history).indexOf(c.target);
    const candidates = shop.items.filter((it) => !it.isNew).length - new Set(c.history).size;
    sum.hitRate.item2vec += hitAtK(learned, k);
    sum.ndcg.item2vec += ndcgAtK(learned, k);
    sum.hitRate.popularity += hitAtK(popular, k);
    sum.ndcg.popularity += ndcgAtK(popular, k);
    sum.hitRate.random += randomHitAtK(candidates, k);
    sum.ndcg.random += randomNdcgAtK(candidates, k);
  }
  const n = Math.max(1, split.cases.length);
  const scale = (r: Record<Method, number>) => Object.fromEntries(METHODS.map((m) => [m, r[m] / n])) as Record<Method, number>;
  return { hitRate: scale(sum.hitRate), ndcg: scale(sum.ndcg) };
}

export async function runSeed(seed: number, o: RunOptions = {}): Promise<SeedRun> {
  const shop = generateShop({ ...o.shop, seed });
  const split = leaveLastOut(shop);
  const kv = await trainItem2Vec(split.train, shop.items, { seed, settings: o.item2vec, onProgress: o.onProgress, cancelled: o.cancelled });
  const result: SeedResult = {
    seed,
    cases: split.cases.length,
    trainSessions: split.train.length,
    ...evaluateRankings(shop, split, kv),
    coldStart: scoreColdStart(shop, kv),
  };
  return { shop, split, kv, result };
}

export interface Comparison {
  /** Paired differences (first minus second) per seed. */
  difference: Spread;
  beyondNoise: boolean;
}

/** Is `a` above `b` beyond the spread over seeds? Paired by seed; needs at least 2 seeds. */
export function compareOverSeeds(a: readonly number[], b: readonly number[]): Comparison {
  const difference = spreadOf(a.map((x, i) => x - b[i]!));
  const n = difference.values.length;
  const se = difference.sd / Math.sqrt(Math.max(1, n));
  const beyondNoise = n >= 2 && difference.values.every((d) => d > 0) && difference.mean > NOISE_STANDARD_ERRORS * se;
  return { difference, beyondNoise };
}

export interface Summary {
  seeds: number[];
  sessions: number;
  k: number;
  cases: number;
  hitRate: Record<Method, Spread>;
  ndcg: Record<Method, Spread>;
  coldStart: { metadata: Spread; random: Spread };
  item2vecVsPopularity: Comparison;
  coldStartVsRandom: Comparison;
}

export function summarize(results: readonly SeedResult[], sessions: number): Summary {
  const over = (f: (r: SeedResult) => number) => spreadOf(results.map(f));
  const per = (f: (r: SeedResult) => Record<Method, number>) =>
    Object.fromEntries(METHODS.map((m) => [m, over((r) => f(r)[m])])) as Record<Method, Spread>;
  const hitRate = per((r) => r.hitRate);
  const coldStart = { metadata: over((r) => r.coldStart.metadata), random: over((r) => r.coldStart.random) };
  return {
    seeds: results.map((r) => r.seed),
    sessions,
    k: TOP_K,
    cases: results.reduce((s, r) => s + r.cases, 0),
    hitRate,
    ndcg: per((r) => r.ndcg),
    coldStart,
    item2vecVsPopularity: compareOverSeeds(hitRate.item2vec.values, hitRate.popularity.values),
    coldStartVsRandom: compareOverSeeds(coldStart.metadata.values, coldStart.random.values),
  };
}

export async function runExperiment(seeds: readonly number[], o: RunOptions = {}): Promise<Summary> {
  const results: SeedResult[] = [];
  for (const seed of seeds) results.push((await runSeed(seed, o)).result);
  return summarize(results, o.shop?.sessions ?? DEFAULT_SHOP.sessions);
}
