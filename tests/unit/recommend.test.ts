// The recommendation core: the declared shop model generates what it declares, the held-out split hides what it
// should, the metrics do their arithmetic, and cold-start placement finds true neighbours where a random one does not.
import { describe, expect, it } from 'vitest';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { DEFAULT_SHOP, GENRES, PRICE_BANDS, generateShop, makeCatalogue, trueNeighbours } from '../../src/core/recommend/shopModel';
import { itemCounts, leaveLastOut } from '../../src/core/recommend/heldOut';
import { hitAtK, ndcgAtK, randomHitAtK, randomNdcgAtK, spreadOf } from '../../src/core/recommend/rankingMetrics';
import { rankByPopularity, rankForHistory } from '../../src/core/recommend/recommender';
import { nearestReleased, neighbourPrecision, placeByMetadata, scoreColdStart } from '../../src/core/recommend/coldStart';
import { compareOverSeeds, evaluateRankings, runSeed } from '../../src/core/recommend/experiment';

describe('the shop model', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = generateShop({ seed: 7, sessions: 300 });
    const b = generateShop({ seed: 7, sessions: 300 });
    const c = generateShop({ seed: 8, sessions: 300 });
    expect(a.sessions).toEqual(b.sessions);
    expect(a.users).toEqual(b.users);
    expect(c.sessions).not.toEqual(a.sessions);
  });

  it('has the declared catalogue: every genre x band cell, the last item of each new', () => {
    const items = makeCatalogue(DEFAULT_SHOP);
    expect(items).toHaveLength(GENRES.length * PRICE_BANDS.length * DEFAULT_SHOP.itemsPerCell);
    expect(items.filter((i) => i.isNew)).toHaveLength(GENRES.length * PRICE_BANDS.length);
    expect(items.find((i) => i.name === 'comedy-budget-1')).toMatchObject({ genre: 1, band: 0, rankInCell: 0, isNew: false });
    expect(items.find((i) => i.name === 'comedy-budget-8')?.isNew).toBe(true);
    expect(new Set(items.map((i) => i.name)).size).toBe(items.length);
  });

  it('generates sessions with the declared structure', () => {
    const shop = generateShop({ seed: 3 });
    const all = shop.sessions.flatMap((s) => s.items);
    // New items never occur; no item repeats within a session; lengths within bounds.
    expect(all.some((id) => shop.items[id]!.isNew)).toBe(false);
    for (const s of shop.sessions) {
      expect(new Set(s.items).size).toBe(s.items.length);
      expect(s.items.length).toBeLessThanOrEqual(DEFAULT_SHOP.maxSessionLength);
    }
    // Tastes: 0.6 + 0.3 on two genres, the rest spread; sums to 1.
    for (const u of shop.users) {
      expect(u.taste.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 10);
      expect([...u.taste].sort((x, y) => y - x).slice(0, 2)).toEqual([0.6, 0.3]);
    }
    // Consecutive picks share a genre far more often than chance (1/6): stay = 0.8 plus redraws from a 0.6 taste.
    let same = 0;
    let pairs = 0;
    for (const s of shop.sessions) for (let i = 1; i < s.items.length; i++, pairs++) if (shop.items[s.items[i]!]!.genre === shop.items[s.items[i - 1]!]!.genre) same++;
    expect(same / pairs).toBeGreaterThan(0.75);
    // Picks in the user's own price band: at most 0.95 x 0.7 + 0.05 / 3 = 0.68 (fewer once a cell's few items are
    // used up in a session and the no-repeat rule redraws), and far above the 1/3 of no loyalty.
    const own = shop.sessions.flatMap((s) => s.items.map((id) => shop.items[id]!.band === shop.users[s.user]!.band)).filter(Boolean).length;
    expect(own / all.length).toBeGreaterThan(0.5);
    expect(own / all.length).toBeLessThan(0.69);
    // Within a cell the most popular item is picked more than the least popular released one (Zipf weights).
    const counts = itemCounts(shop.sessions.map((s) => s.items), shop.items.length);
    const first = shop.items.filter((i) => i.rankInCell === 0).reduce((s, i) => s + counts[i.id]!, 0);
    const last = shop.items.filter((i) => i.rankInCell === DEFAULT_SHOP.itemsPerCell - 2).reduce((s, i) => s + counts[i.id]!, 0);
    expect(first).toBeGreaterThan(3 * last);
  });

  it('refuses a model it cannot run, saying why', () => {
    expect(() => generateShop({ sessions: 0 })).toThrow(/sessions must be a whole number of at least 1, got 0/);
    expect(() => generateShop({ stay: 1.5 })).toThrow(/stay must be a probability, got 1.5/);
  });

  it('true neighbours are the released items of the same cell', () => {
    const shop = generateShop({ seed: 1, sessions: 50 });
    const newItem = shop.items.find((i) => i.isNew)!;
    const truth = trueNeighbours(shop, newItem);
    expect(truth).toHaveLength(DEFAULT_SHOP.itemsPerCell - 1);
    for (const t of truth) expect([t.genre, t.band, t.isNew]).toEqual([newItem.genre, newItem.band, false]);
  });
});

describe('leave-last-out', () => {
  it('holds out the last pick of each user\'s last session, and only that', () => {
    const shop = generateShop({ seed: 2, sessions: 200 });
    const { train, cases } = leaveLastOut(shop);
    expect(cases).toHaveLength(shop.users.length);
    expect(train).toHaveLength(shop.sessions.length);
    const trainPicks = train.reduce((s, t) => s + t.length, 0);
    expect(trainPicks).toBe(shop.sessions.reduce((s, t) => s + t.items.length, 0) - cases.length);
    for (const c of cases) {
      const last = shop.sessions.map((s, i) => ({ s, i })).filter(({ s }) => s.user === c.user).pop()!;
      expect([...c.history, c.target]).toEqual(last.s.items);
      expect(train[last.i]).toEqual(c.history);
    }
  });
});

describe('ranking metrics', () => {
  it('hit rate and NDCG on hand cases', () => {
    expect(hitAtK(0, 10)).toBe(1);
    expect(hitAtK(9, 10)).toBe(1);
    expect(hitAtK(10, 10)).toBe(0);
    expect(hitAtK(-1, 10)).toBe(0);
    expect(ndcgAtK(0, 10)).toBe(1);
    expect(ndcgAtK(2, 10)).toBeCloseTo(0.5, 12); // 1 / log2(4)
    expect(ndcgAtK(10, 10)).toBe(0);
  });

  it('the random expectations match an exhaustive count', () => {
    // 4 candidates, top 2: the relevant item is in the top 2 in half the orders; NDCG = (1 + 1/log2 3) / 4.
    expect(randomHitAtK(4, 2)).toBe(0.5);
    expect(randomNdcgAtK(4, 2)).toBeCloseTo((1 + 1 / Math.log2(3)) / 4, 12);
    expect(randomHitAtK(5, 10)).toBe(1);
    let sum = 0;
    for (let r = 0; r < 20; r++) sum += ndcgAtK(r, 10);
    expect(randomNdcgAtK(20, 10)).toBeCloseTo(sum / 20, 12);
  });

  it('spread: mean and sample standard deviation', () => {
    const s = spreadOf([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(spreadOf([0.3]).sd).toBe(0);
  });

  it('beyond noise only when every seed agrees and the mean is two standard errors above zero', () => {
    expect(compareOverSeeds([0.4, 0.41, 0.39], [0.2, 0.19, 0.21]).beyondNoise).toBe(true);
    expect(compareOverSeeds([0.4, 0.1, 0.39], [0.2, 0.19, 0.21]).beyondNoise).toBe(false);
    expect(compareOverSeeds([0.4], [0.2]).beyondNoise).toBe(false);
  });
});

/** Hand-made vectors: each item points along its genre's axis plus a little of its band's, so cells are tight. */
function cellVectors(shopSeed = 1) {
  const shop = generateShop({ seed: shopSeed, sessions: 50 });
  const released = shop.items.filter((i) => !i.isNew);
  const dim = GENRES.length + PRICE_BANDS.length;
  const v = new Float32Array(released.length * dim);
  released.forEach((it, r) => {
    v[r * dim + it.genre] = 1;
    v[r * dim + GENRES.length + it.band] = 0.5;
    v[r * dim + ((it.rankInCell + it.genre) % dim)]! += 0.01 * (it.rankInCell + 1); // break exact ties
  });
  return { shop, kv: new KeyedVectors(released.map((i) => i.name), v, dim) };
}

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

describe('cold start', () => {
  it('the metadata mean lands among the true neighbours; a random placement mostly does not', () => {
    const { shop, kv } = cellVectors();
    const newItem = shop.items.find((i) => i.isNew && i.name.startsWith('thriller-standard'))!;
    const placed = placeByMetadata(kv, shop.items, { genre: newItem.genre, band: newItem.band })!;
    expect(placed.basis).toHaveLength(DEFAULT_SHOP.itemsPerCell - 1);
    const truth = new Set(trueNeighbours(shop, newItem).map((i) => i.id));
    const found = nearestReleased(kv, shop.items, placed.vector, truth.size).map((n) => n.item);
    expect(neighbourPrecision(found, truth)).toBe(1);
    const score = scoreColdStart(shop, kv);
    expect(score.metadata).toBe(1);
    // A random released item is in the new item's cell with chance 1/18, and its neighbours then are that cell.
    expect(score.random).toBeCloseTo(1 / (GENRES.length * PRICE_BANDS.length), 2);
  });

  it('genre alone places the item among its genre; no match gives no placement', () => {
    const { shop, kv } = cellVectors();
    const placed = placeByMetadata(kv, shop.items, { genre: 2, band: null })!;
    expect(placed.basis).toHaveLength(PRICE_BANDS.length * (DEFAULT_SHOP.itemsPerCell - 1));
    for (const n of nearestReleased(kv, shop.items, placed.vector, 10)) expect(shop.items[n.item]!.genre).toBe(2);
    const empty = new KeyedVectors(['x', 'y'], new Float32Array([1, 0, 0, 1]), 2);
    expect(placeByMetadata(empty, shop.items, { genre: 0, band: 0 })).toBeNull();
  });
});

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
