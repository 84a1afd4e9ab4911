// item2vec (src/core/recommend/item2vec.ts): the registry's skip-gram on generated sessions, end to end through
// src/core/recommend/experiment.ts, beats popularity and places new items far better than chance; seeded.
import { describe, expect, it } from 'vitest';
import { runSeed } from '../../src/core/recommend/experiment';

describe('item2vec end to end (the registry\'s skip-gram on sessions)', () => {
  it('beats popularity on hit rate@10 and places new items far better than chance', async () => {
    const run = await runSeed(1, { shop: { sessions: 1000 }, item2vec: { epochs: 10 } });
    const r = run.result;
    expect(r.cases).toBe(200);
    expect(r.hitRate.item2vec).toBeGreaterThan(r.hitRate.popularity + 0.05);
    expect(r.hitRate.popularity).toBeGreaterThan(r.hitRate.random);
    expect(r.coldStart.metadata).toBeGreaterThan(3 * r.coldStart.random);
    // Same seed, same vectors.
    const again = await runSeed(1, { shop: { sessions: 1000 }, item2vec: { epochs: 10 } });
    expect(again.result).toEqual(r);
  }, 120_000);
});
