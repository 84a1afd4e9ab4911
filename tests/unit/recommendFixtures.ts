// Hand-made item vectors for the recommendation tests, where the right answer is known by construction.
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { GENRES, PRICE_BANDS, generateShop } from '../../src/core/recommend/shopModel';

/** Hand-made vectors: each item points along its genre's axis plus a little of its band's, so cells are tight. */
export function cellVectors(shopSeed = 1) {
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
