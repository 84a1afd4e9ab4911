// `recommend`: the recommendation experiment of lesson 08 headless. Generates the declared shop's sessions for each
// seed, trains item2vec (the registry's skip-gram on sessions), and prints hit rate@10 and NDCG@10 of item2vec, the
// popularity baseline and a random ranking, and cold-start placement against a random one, each as mean ± sd over
// the seeds. Ctrl-C stops after the current training chunk.
import { DEFAULT_SEEDS, runSeed, summarize, type SeedResult, type Summary } from '../core/recommend/experiment';
import { CancelledError } from '../core/recommend/item2vec';
import type { Spread } from '../core/recommend/rankingMetrics';
import { DEFAULT_SHOP, GENRES, MAX_SESSIONS, MIN_SESSIONS, PRICE_BANDS } from '../core/recommend/shopModel';
import { parseCommand, type CommandSpec } from './args';
import { InterruptedError } from './errors';
import { watchInterrupt } from './interrupt';

/** Most seeds one run takes (each trains a model: about a second on one core). */
const MAX_SEED_COUNT = 50;

export const RECOMMEND_SPEC: CommandSpec = {
  name: 'recommend',
  summary: 'Item2vec recommendations on sessions from a declared shop model: hit rate@10 against popularity and random, and cold start.',
  usage: 'npm run cli -- recommend [--seed N] [--seeds N] [--sessions N] [--json]',
  options: [
    { name: 'seed', kind: 'int', min: 0, default: String(DEFAULT_SEEDS[0]), help: 'first seed (of the generated log and of training)' },
    { name: 'seeds', kind: 'int', min: 1, max: MAX_SEED_COUNT, default: String(DEFAULT_SEEDS.length), help: 'how many seeds, from --seed on (the spread is over these)' },
    { name: 'sessions', kind: 'int', min: MIN_SESSIONS, max: MAX_SESSIONS, default: String(DEFAULT_SHOP.sessions), help: 'sessions in each generated log' },
    { name: 'json', kind: 'flag', help: 'print one JSON object instead of a report' },
  ],
  examples: ['npm run cli -- recommend', 'npm run cli -- recommend --seed 10 --seeds 5 --sessions 5000 --json'],
};

const f3 = (x: number) => x.toFixed(3);
export const spreadText = (s: Spread) => `${f3(s.mean)} ± ${f3(s.sd)}`;

export function formatRecommend(s: Summary): string {
  const c = DEFAULT_SHOP;
  const lines = [
    `Shop model: ${GENRES.length} genres x ${PRICE_BANDS.length} price bands x ${c.itemsPerCell} items (the last of each cell new, with no interactions);`,
    `${s.sessions} sessions per seed, ${c.sessionsPerUser} per user; each user's last pick held out (${s.cases} test picks over ${s.seeds.length} seeds).`,
    `Seeds ${s.seeds.join(', ')}; mean ± sd over seeds.`,
    '',
    `method      hit rate@${s.k}      NDCG@${s.k}`,
    ...(['item2vec', 'popularity', 'random'] as const).map((m) => `${m.padEnd(11)} ${spreadText(s.hitRate[m]).padEnd(16)} ${spreadText(s.ndcg[m])}`),
    '',
    `item2vec - popularity (hit rate): ${spreadText(s.item2vecVsPopularity.difference)}: ${s.item2vecVsPopularity.beyondNoise ? 'beyond the seed noise' : 'NOT beyond the seed noise'}`,
    '',
    'Cold start (share of each new item\'s nearest released items that are its true neighbours):',
    `placed by metadata (mean of its genre and price band): ${spreadText(s.coldStart.metadata)}`,
    `placed at a random released item:                      ${spreadText(s.coldStart.random)}`,
    `difference: ${spreadText(s.coldStartVsRandom.difference)}: ${s.coldStartVsRandom.beyondNoise ? 'beyond the seed noise' : 'NOT beyond the seed noise'}`,
  ];
  return lines.join('\n');
}

export async function runRecommend(argv: readonly string[], log: (line: string) => void): Promise<{ summary: Summary; json: boolean } | 'help'> {
  const o = parseCommand(RECOMMEND_SPEC, argv);
  if (o.help) return 'help';
  const first = o.seed as number;
  const count = o.seeds as number;
  const sessions = o.sessions as number;
  const interrupt = watchInterrupt(log);
  try {
    const results: SeedResult[] = [];
    for (let seed = first; seed < first + count; seed++) {
      const run = await runSeed(seed, { shop: { sessions }, cancelled: () => interrupt.requested() });
      results.push(run.result);
      log(`seed ${seed}: hit rate@10 item2vec ${f3(run.result.hitRate.item2vec)}, popularity ${f3(run.result.hitRate.popularity)}; cold start ${f3(run.result.coldStart.metadata)}`);
    }
    return { summary: summarize(results, sessions), json: o.json === true };
  } catch (e) {
    if (e instanceof CancelledError) throw new InterruptedError('stopped: interrupted before the last seed finished; nothing printed');
    throw e;
  } finally {
    interrupt.dispose();
  }
}
