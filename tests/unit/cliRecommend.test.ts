// `npm run cli -- recommend` as a user meets it: a real process prints the figures with their baselines and spread
// (as JSON and as a report), and a bad option ends with one clear line and the usage exit code.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/core/recommend/experiment';
import { formatRecommend } from '../../src/cli/recommend';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'recommend', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, EMBEDDING_LAB_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli recommend', () => {
  it('--json: every figure with its baselines and spread over the seeds asked for', () => {
    const r = cli(['--seed', '4', '--seeds', '2', '--sessions', '300', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.seeds).toEqual([4, 5]);
    expect(s.sessions).toBe(300);
    expect(s.k).toBe(10);
    expect(s.cases).toBe(2 * 60); // 300 sessions / 5 per user = 60 users per seed, one held-out pick each
    for (const m of ['item2vec', 'popularity', 'random'] as const) {
      expect(s.hitRate[m].values).toHaveLength(2);
      expect(s.ndcg[m].mean).toBeLessThanOrEqual(s.hitRate[m].mean);
      expect(s.hitRate[m].sd).toBeGreaterThanOrEqual(0);
    }
    expect(s.hitRate.random.mean).toBeCloseTo(10 / 120, 1);
    expect(s.hitRate.item2vec.mean).toBeGreaterThan(s.hitRate.random.mean);
    expect(s.coldStart.metadata.mean).toBeGreaterThan(s.coldStart.random.mean);
    expect(r.stderr).toMatch(/seed 4: hit rate@10 item2vec 0\.\d{3}/);
    expect(r.stderr).toMatch(/seed 5:/);
  }, 120_000);

  it('a bad option is one line naming it, exit code 2', () => {
    const r = cli(['--sessions', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sessions must be .*50.*got 10/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(cli(['--help']).stdout).toMatch(/--sessions N/);
  }, 60_000);

  it('the report names each method and says whether item2vec beats popularity beyond the seed noise', () => {
    const spread = (mean: number, sd = 0.01) => ({ mean, sd, values: [mean - sd, mean + sd] });
    const s: Summary = {
      seeds: [1, 2], sessions: 500, k: 10, cases: 200,
      hitRate: { item2vec: spread(0.4), popularity: spread(0.16), random: spread(0.083, 0) },
      ndcg: { item2vec: spread(0.2), popularity: spread(0.07), random: spread(0.038, 0) },
      coldStart: { metadata: spread(0.7), random: spread(0.056, 0) },
      item2vecVsPopularity: { difference: spread(0.24), beyondNoise: true },
      coldStartVsRandom: { difference: spread(0.64), beyondNoise: false },
    };
    const text = formatRecommend(s);
    expect(text).toMatch(/item2vec\s+0\.400 ± 0\.010\s+0\.200 ± 0\.010/);
    expect(text).toMatch(/popularity\s+0\.160 ± 0\.010/);
    expect(text).toMatch(/random\s+0\.083 ± 0\.000/);
    expect(text).toMatch(/\(hit rate\): 0\.240 ± 0\.010: beyond the seed noise/);
    expect(text).toMatch(/difference: 0\.640 ± 0\.010: NOT beyond the seed noise/);
  });
});
