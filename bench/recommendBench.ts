// Recommendation with cold start, over seeds and log sizes: item2vec (the registry's skip-gram on sessions from the
// declared shop model, src/core/recommend/shopModel.ts) against the popularity baseline and a random ranking on
// hit rate@10 and NDCG@10, and cold-start placement by metadata against a random placement; mean ± sd over seeds,
// side by side. Run: npx tsx bench/recommendBench.ts [--seeds 5] [--sessions 500,2000,8000]
// (a second or two per seed and size on one core). docs/recommend.md quotes its output.
import { compareOverSeeds, runSeed, summarize, type SeedResult } from '../src/core/recommend/experiment';
import type { Spread } from '../src/core/recommend/hitMetrics';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const SEEDS = Number(arg('seeds', '5'));
const SIZES = arg('sessions', '500,2000,8000').split(',').map(Number);
const s3 = (s: Spread) => `${s.mean.toFixed(3)} ± ${s.sd.toFixed(3)}`;

console.log(`Seeds 1-${SEEDS}; mean ± sd over seeds. Hit rate and NDCG at 10; cold start = share of a new item's nearest released items that are its true neighbours.\n`);
console.log('| sessions | test picks/seed | HR@10 item2vec | HR@10 popularity | HR@10 random | NDCG@10 item2vec | NDCG@10 popularity | NDCG@10 random | item2vec − popularity | cold start: metadata | cold start: random | seconds/seed |');
console.log('|---:|---:|---|---|---|---|---|---|---|---|---|---:|');
for (const sessions of SIZES) {
  const results: SeedResult[] = [];
  const t0 = performance.now();
  for (let seed = 1; seed <= SEEDS; seed++) {
    results.push((await runSeed(seed, { shop: { sessions } })).result);
    console.error(`sessions ${sessions}, seed ${seed} done`);
  }
  const secs = (performance.now() - t0) / 1000 / SEEDS;
  const s = summarize(results, sessions);
  const cmp = compareOverSeeds(s.hitRate.item2vec.values, s.hitRate.popularity.values);
  console.log(`| ${sessions} | ${s.cases / SEEDS} | ${s3(s.hitRate.item2vec)} | ${s3(s.hitRate.popularity)} | ${s3(s.hitRate.random)} | ${s3(s.ndcg.item2vec)} | ${s3(s.ndcg.popularity)} | ${s3(s.ndcg.random)} | ${s3(cmp.difference)}${cmp.beyondNoise ? '' : ' (not beyond noise)'} | ${s3(s.coldStart.metadata)} | ${s3(s.coldStart.random)} | ${secs.toFixed(1)} |`);
}
