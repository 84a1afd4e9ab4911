// Recommendations for a history of picks: the history's profile is the mean of its items' unit vectors, and every
// other released item is ranked by cosine to it. The reason shown is the history item closest to the recommended
// one ("because you picked ..."). Items the vectors never saw (no training interaction) rank last.
import type { KeyedVectors } from '../vectors/keyedVectors';
import { cosVec } from '../vectors/vectorMath';
import type { Item } from './shopModel';

export interface Recommendation {
  item: number;
  score: number;
  /** The history item most similar to this one (-1 when the vectors know none of the history). */
  because: number;
}

/** Mean of the unit vectors of the items the vectors know; null when they know none. */
export function profileOf(kv: KeyedVectors, items: readonly Item[], ids: readonly number[]): Float32Array | null {
  const known = ids.filter((id) => kv.has(items[id]!.name));
  if (known.length === 0) return null;
  const p = new Float32Array(kv.dim);
  for (const id of known) {
    const u = kv.unitVector(items[id]!.name);
    for (let d = 0; d < p.length; d++) p[d]! += u[d]! / known.length;
  }
  return p;
}


/** Every released item not in the history, best first (full ranking: the evaluation needs the held-out item's
 *  rank even when it is not in the top k). */
export function rankForHistory(kv: KeyedVectors, items: readonly Item[], history: readonly number[]): Recommendation[] {
  const profile = profileOf(kv, items, history);
  const inHistory = new Set(history);
  const known = history.filter((id) => kv.has(items[id]!.name));
  const out: Recommendation[] = [];
  for (const it of items) {
    if (it.isNew || inHistory.has(it.id)) continue;
    if (!profile || !kv.has(it.name)) {
      out.push({ item: it.id, score: -Infinity, because: -1 });
      continue;
    }
    const v = kv.unitVector(it.name);
    let because = -1;
    let best = -Infinity;
    for (const h of known) {
      const s = cosVec(v, kv.unitVector(items[h]!.name));
      if (s > best) {
        best = s;
        because = h;
      }
    }
    out.push({ item: it.id, score: cosVec(profile, v), because });
  }
  // Ties (and the unknown items' -Infinity) fall back to catalogue order, so the ranking is deterministic.
  return out.sort((a, b) => b.score - a.score || a.item - b.item);
}

/** The popularity baseline: released items not in the history, by training count, most picked first. */
export function rankByPopularity(counts: Float64Array, items: readonly Item[], history: readonly number[]): number[] {
  const inHistory = new Set(history);
  return items
    .filter((it) => !it.isNew && !inHistory.has(it.id))
    .map((it) => it.id)
    .sort((a, b) => counts[b]! - counts[a]! || a - b);
}
