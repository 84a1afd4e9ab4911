// Cold-start placement by metadata (src/core/recommend/coldStart.ts) against true neighbours and a random placement.
import { describe, expect, it } from 'vitest';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { DEFAULT_SHOP, GENRES, PRICE_BANDS, trueNeighbours } from '../../src/core/recommend/shopModel';
import { nearestReleased, neighbourPrecision, placeByMetadata, scoreColdStart } from '../../src/core/recommend/coldStart';
import { cellVectors } from './recommendFixtures';

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

