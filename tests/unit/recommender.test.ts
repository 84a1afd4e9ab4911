// Recommendations for a history and the popularity baseline (src/core/recommend/recommender.ts), and hit rate on a
// hand-made log (src/core/recommend/experiment.ts's evaluateRankings).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOP, makeCatalogue } from '../../src/core/recommend/shopModel';
import { rankByPopularity, rankForHistory } from '../../src/core/recommend/recommender';
import { evaluateRankings } from '../../src/core/recommend/experiment';
import { cellVectors } from './recommendFixtures';

describe('recommendations and baselines', () => {
  it('ranks the history\'s cell first, with the closest history item as the reason', () => {
    const { shop, kv } = cellVectors();
    const id = (n: string) => shop.items.find((i) => i.name === n)!.id;
    const recs = rankForHistory(kv, shop.items, [id('scifi-premium-1'), id('scifi-premium-2')]);
    expect(recs.some((r) => r.item === id('scifi-premium-1'))).toBe(false);
    expect(recs.some((r) => shop.items[r.item]!.isNew)).toBe(false);
    for (const r of recs.slice(0, 5)) expect(shop.items[r.item]!.name).toMatch(/^scifi-premium-/);
    expect([id('scifi-premium-1'), id('scifi-premium-2')]).toContain(recs[0]!.because);
  });

  it('popularity ranks by training count and skips the history', () => {
    const items = makeCatalogue(DEFAULT_SHOP);
    const counts = new Float64Array(items.length);
    counts[5] = 10;
    counts[2] = 7;
    counts[9] = 7;
    expect(rankByPopularity(counts, items, [5]).slice(0, 2)).toEqual([2, 9]);
  });

  it('scores hit rate on a log whose held-out pick is in the history\'s cell', () => {
    const { shop, kv } = cellVectors();
    const id = (n: string) => shop.items.find((i) => i.name === n)!.id;
    const split = {
      train: [[id('drama-budget-1'), id('comedy-budget-1')]],
      cases: [
        { user: 0, history: [id('scifi-premium-1')], target: id('scifi-premium-2') },
        { user: 1, history: [id('comedy-standard-1')], target: id('drama-premium-7') },
      ],
    };
    const r = evaluateRankings(shop, split, kv, 10);
    expect(r.hitRate.item2vec).toBe(0.5); // the first case hits, the second (another cell) does not
    expect(r.hitRate.random).toBeCloseTo(10 / 125, 12);
  });
});

