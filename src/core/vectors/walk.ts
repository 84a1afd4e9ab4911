// A walk from one word to another through nearest neighbours: beam search over the k-nearest-neighbour graph,
// always moving to neighbours that are closest (by cosine) to the target. It shows that the space is connected
// by small semantic steps (cold -> cool -> warm -> hot), and honestly says when no walk is found within the limit.
import { dot, topK, unitRows, type VectorSpace } from './spaceMath';

export interface WalkOptions {
  /** Neighbours considered at each step (the k of the k-NN graph). */
  k?: number;
  /** Paths kept alive at each step (1 = greedy). */
  beam?: number;
  /** Give up after this many steps. */
  maxSteps?: number;
  /** Only walk through the first `restrict` words (most frequent first): rare words make noisy stepping stones. */
  restrict?: number;
}

export const DEFAULT_WALK: Required<WalkOptions> = { k: 10, beam: 5, maxSteps: 12, restrict: 20_000 };

export interface WalkStep {
  word: string;
  /** Cosine to the previous word on the path (NaN for the first). */
  fromPrevious: number;
  /** Cosine to the target. */
  toTarget: number;
}

export interface WalkResult {
  found: boolean;
  path: WalkStep[];
  /** Human explanation of the outcome. */
  message: string;
}

export function findWalk(space: VectorSpace, from: string, to: string, opts: WalkOptions = {}): WalkResult {
  const o = { ...DEFAULT_WALK, ...opts };
  const n = Math.min(o.restrict, space.words.length);
  const d = space.dim;
  const a = space.indexOf(from);
  const b = space.indexOf(to);
  if (a < 0 || b < 0) {
    const missing = [a < 0 ? from : null, b < 0 ? to : null].filter(Boolean).map((w) => `"${w}"`);
    return { found: false, path: [], message: `Unknown word${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` };
  }
  // Work on unit rows of the first n words plus the two endpoints (which may be rarer than the restriction).
  const units = unitRows(space, n);
  const vecOf = (i: number): Float32Array =>
    i < n ? units.subarray(i * d, (i + 1) * d) : unitRows({ ...space, vectors: space.vectors.subarray(i * d, (i + 1) * d), words: [space.words[i]] });
  const target = vecOf(b);
  const cos = (i: number, j: number) => dot(vecOf(i), vecOf(j));
  const step = (i: number, prev: number): WalkStep => ({
    word: space.words[i],
    fromPrevious: prev < 0 ? NaN : cos(prev, i),
    toTarget: cos(i, b),
  });
  if (a === b) return { found: true, path: [step(a, -1)], message: 'The start and the target are the same word.' };

  const cache = new Map<number, number[]>();
  const neighbours = (i: number): number[] => {
    const hit = cache.get(i);
    if (hit) return hit;
    const v = vecOf(i);
    const scores = new Float32Array(n);
    for (let j = 0; j < n; j++) scores[j] = dot(v, units.subarray(j * d, (j + 1) * d));
    // The target counts as a neighbour when it would rank among the k nearest (even if it is rarer than `restrict`).
    const best = topK(scores, o.k, new Set([i]));
    if (b >= n) {
      const cb = dot(v, target);
      if (best.length < o.k || cb > scores[best[best.length - 1]]) best.push(b);
    }
    cache.set(i, best);
    return best;
  };

  let beams: number[][] = [[a]];
  for (let s = 0; s < o.maxSteps; s++) {
    const candidates: { path: number[]; score: number }[] = [];
    for (const path of beams) {
      const last = path[path.length - 1];
      for (const j of neighbours(last)) {
        if (path.includes(j)) continue;
        const next = [...path, j];
        if (j === b) return done(next);
        candidates.push({ path: next, score: dot(vecOf(j), target) });
      }
    }
    if (candidates.length === 0) break;
    candidates.sort((x, y) => y.score - x.score);
    const seenEnds = new Set<number>();
    beams = [];
    for (const c of candidates) {
      const end = c.path[c.path.length - 1];
      if (seenEnds.has(end)) continue;
      seenEnds.add(end);
      beams.push(c.path);
      if (beams.length >= o.beam) break;
    }
  }
  const best = beams[0] ?? [a];
  return {
    found: false,
    path: best.map((i, k) => step(i, k === 0 ? -1 : best[k - 1])),
    message: `No walk from "${from}" to "${to}" found within ${o.maxSteps} steps (k = ${o.k} neighbours, beam ${o.beam}). Shown: the path that got closest.`,
  };

  function done(path: number[]): WalkResult {
    return {
      found: true,
      path: path.map((i, k) => step(i, k === 0 ? -1 : path[k - 1])),
      message: `Found a walk of ${path.length - 1} step${path.length === 2 ? '' : 's'} from "${from}" to "${to}".`,
    };
  }
}
