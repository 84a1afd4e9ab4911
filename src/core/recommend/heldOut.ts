// Leave-last-out: each user's last session loses its last pick, which becomes a test case ("given what the user
// picked so far in this session, is the next pick among the 10 recommended?"). Everything else is training data;
// the held-out picks are never seen by any model or baseline.
import type { Shop } from './shopModel';

export interface TestCase {
  user: number;
  /** The picks before the held-out one, in order. */
  history: number[];
  target: number;
}

export interface Split {
  /** Sessions as item ids, held-out picks removed. */
  train: number[][];
  cases: TestCase[];
}

export function leaveLastOut(shop: Shop): Split {
  const lastSession = new Map<number, number>();
  shop.sessions.forEach((s, i) => lastSession.set(s.user, i));
  const heldOut = new Set([...lastSession.values()].filter((i) => shop.sessions[i]!.items.length >= 2));
  const train: number[][] = [];
  const cases: TestCase[] = [];
  shop.sessions.forEach((s, i) => {
    if (!heldOut.has(i)) {
      train.push([...s.items]);
      return;
    }
    const history = s.items.slice(0, -1);
    train.push(history);
    cases.push({ user: s.user, history, target: s.items[s.items.length - 1]! });
  });
  return { train, cases };
}

/** How often each item occurs in the training sessions (the popularity baseline's ranking). */
export function itemCounts(train: readonly (readonly number[])[], itemCount: number): Float64Array {
  const counts = new Float64Array(itemCount);
  for (const s of train) for (const id of s) counts[id]!++;
  return counts;
}
