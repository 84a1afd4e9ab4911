// Cold start: an item released after the log has no interactions, so item2vec has no vector for it. It gets one
// from its metadata instead: the mean of the unit vectors of the released items that share the metadata the shop
// knows (genre, price band, or both). Scored against the generating model's true neighbours (shopModel.ts): of the
// R released items nearest to the placed vector, how many are true neighbours (R = how many true neighbours the
// vectors know, so a perfect placement scores 1). The baseline places the item at a random released item's vector.
import type { KeyedVectors } from '../vectors/keyedVectors';
import { cosVec } from '../vectors/vectorMath';
import { trueNeighbours, type Item, type Shop } from './shopModel';

/** What the shop knows about a new item; null = not given. */
export interface Metadata {
  genre: number | null;
  band: number | null;
}

export interface Placement {
  vector: Float32Array;
  /** The released items whose mean it is. */
  basis: number[];
}

/** The mean of the unit vectors of released items matching every given field; null when none matches (or the
 *  vectors know none of them). With no field given it is the mean of the whole catalogue. */
export function placeByMetadata(kv: KeyedVectors, items: readonly Item[], meta: Metadata): Placement | null {
  const basis = items
    .filter((it) => !it.isNew && kv.has(it.name))
    .filter((it) => (meta.genre === null || it.genre === meta.genre) && (meta.band === null || it.band === meta.band))
    .map((it) => it.id);
  if (basis.length === 0) return null;
  const vector = new Float32Array(kv.dim);
  for (const id of basis) {
    const u = kv.unitVector(items[id]!.name);
    for (let d = 0; d < vector.length; d++) vector[d]! += u[d]! / basis.length;
  }
  return { vector, basis };
}

export interface Neighbour {
  item: number;
  score: number;
}

/** The k released items (known to the vectors) nearest to v by cosine. */
export function nearestReleased(kv: KeyedVectors, items: readonly Item[], v: Float32Array, k: number): Neighbour[] {
  return items
    .filter((it) => !it.isNew && kv.has(it.name))
    .map((it) => ({ item: it.id, score: cosVec(v, kv.unitVector(it.name)) }))
    .sort((a, b) => b.score - a.score || a.item - b.item)
    .slice(0, k);
}

/** Share of `found` that is in `truth`, over `found.length` (0 for an empty list). */
export function neighbourPrecision(found: readonly number[], truth: ReadonlySet<number>): number {
  if (found.length === 0) return 0;
  return found.filter((id) => truth.has(id)).length / found.length;
}

export interface ColdStartScore {
  /** Mean over the new items of the placement's neighbour precision. */
  metadata: number;
  /** The same with each new item placed at a random released item (exact mean over all of them). */
  random: number;
  perItem: { item: number; metadata: number; random: number }[];
}

export function scoreColdStart(shop: Shop, kv: KeyedVectors): ColdStartScore {
  const { items } = shop;
  const released = items.filter((it) => !it.isNew && kv.has(it.name));
  // Neighbour lists of every "random placement", computed once; long enough for any new item's R.
  const longest = Math.max(...items.filter((it) => it.isNew).map((it) => trueNeighbours(shop, it).length));
  const randomLists = released.map((r) => nearestReleased(kv, items, kv.unitVector(r.name), longest).map((n) => n.item));
  const perItem = items
    .filter((it) => it.isNew)
    .map((it) => {
      const truth = new Set(trueNeighbours(shop, it).filter((j) => kv.has(j.name)).map((j) => j.id));
      const placed = placeByMetadata(kv, items, { genre: it.genre, band: it.band });
      const found = placed ? nearestReleased(kv, items, placed.vector, truth.size).map((n) => n.item) : [];
      const random = randomLists.reduce((s, list) => s + neighbourPrecision(list.slice(0, truth.size), truth), 0) / Math.max(1, randomLists.length);
      return { item: it.id, metadata: neighbourPrecision(found, truth), random };
    });
  const mean = (f: (p: (typeof perItem)[number]) => number) => perItem.reduce((s, p) => s + f(p), 0) / Math.max(1, perItem.length);
  return { metadata: mean((p) => p.metadata), random: mean((p) => p.random), perItem };
}
