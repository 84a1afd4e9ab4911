// The declared shop model (src/core/recommend/shopModel.ts) generates what it declares, the same for the same seed.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOP, GENRES, PRICE_BANDS, generateShop, makeCatalogue, trueNeighbours } from '../../src/core/recommend/shopModel';
import { itemCounts } from '../../src/core/recommend/leaveLastOut';

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

