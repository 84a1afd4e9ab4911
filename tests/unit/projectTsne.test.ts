import { describe, expect, it } from 'vitest';
import { AffinityBuilder, type SparseP } from '../../src/core/project/affinities';
import { barnesHutGradient, exactGradient, klDivergence } from '../../src/core/project/gradient';
import { QuadTree } from '../../src/core/project/quadTree';
import { Tsne, WARM_ITERS, gaussian } from '../../src/core/project/tsne';
import { Rng } from '../../src/core/train/rng';
import { neighbourhoodKept, plantedClusters } from './projectFixtures';

function buildP(n: number, dim: number, perplexity: number, seed = 1): SparseP {
  const { vectors } = plantedClusters(n, dim, 5, seed);
  return new AffinityBuilder(vectors, n, dim, perplexity).work()!;
}

function randomLayout(n: number, scale: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: 2 * n }, () => gaussian(rng) * scale);
}

function runTsne(vectors: Float32Array, words: string[], dim: number, seed: number, iters: number, exactMaxN?: number): Tsne {
  const t = new Tsne({ perplexity: 30, learningRate: 200, seed, metric: 'euclidean', exactMaxN });
  t.setData(words, vectors, dim);
  t.finishAffinities();
  for (let i = 0; i < iters; i++) t.step();
  return t;
}

describe('t-SNE gradient', () => {
  it('matches finite differences of KL(P || Q)', () => {
    const n = 20;
    const p = buildP(n, 6, 5);
    const y = randomLayout(n, 1, 2);
    const grad = new Float64Array(2 * n);
    exactGradient(y, p, 1, grad);
    const h = 1e-6;
    for (const e of [0, 1, 7, 22, 39]) {
      const plus = y.slice();
      const minus = y.slice();
      plus[e] += h;
      minus[e] -= h;
      const fd = (klDivergence(plus, p) - klDivergence(minus, p)) / (2 * h);
      expect(grad[e]).toBeCloseTo(fd, 5);
    }
  });

  it('Barnes-Hut (theta 0.5) stays close to the exact gradient, and equals it at theta 0', () => {
    const n = 600;
    const p = buildP(n, 10, 30);
    const y = randomLayout(n, 10, 3);
    const exact = new Float64Array(2 * n);
    const bh = new Float64Array(2 * n);
    const tree = new QuadTree();
    exactGradient(y, p, 1, exact);
    barnesHutGradient(y, p, 1, 0.5, bh, tree);
    let err = 0;
    let norm = 0;
    for (let e = 0; e < 2 * n; e++) {
      err += (bh[e] - exact[e]) ** 2;
      norm += exact[e] ** 2;
    }
    expect(Math.sqrt(err / norm)).toBeLessThan(0.05);
    barnesHutGradient(y, p, 1, 0, bh, tree);
    for (let e = 0; e < 2 * n; e++) expect(bh[e]).toBeCloseTo(exact[e], 10);
  });
});

describe('t-SNE layout', () => {
  const n = 300;
  const dim = 50;
  const { vectors, words } = plantedClusters(n, dim, 10, 1);

  it('keeps 10-NN neighbourhoods of planted clusters, with the exact and the Barnes-Hut gradient', () => {
    const exact = runTsne(vectors, words, dim, 1, 1000);
    const bh = runTsne(vectors, words, dim, 1, 1000, 0);
    expect(exact.usesBarnesHut).toBe(false);
    expect(bh.usesBarnesHut).toBe(true);
    expect(neighbourhoodKept(vectors, dim, exact.positions(), n)).toBeGreaterThan(0.4);
    expect(neighbourhoodKept(vectors, dim, bh.positions(), n)).toBeGreaterThan(0.4);
    // A random layout keeps about k / n of them.
    expect(neighbourhoodKept(vectors, dim, randomLayout(n, 1, 9), n)).toBeLessThan(0.1);
    expect(exact.settled).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = runTsne(vectors, words, dim, 7, 300).positions();
    const b = runTsne(vectors, words, dim, 7, 300).positions();
    const c = runTsne(vectors, words, dim, 8, 300).positions();
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('warm start moves points far less than a cold start when the vectors drift a little', () => {
    const t = runTsne(vectors, words, dim, 1, 1000);
    const before = t.positions();
    const rng = new Rng(11);
    const drifted = vectors.map((v) => v + 0.05 * gaussian(rng));
    t.setData(words, drifted, dim);
    t.finishAffinities();
    for (let i = 0; i < WARM_ITERS; i++) t.step();
    expect(t.settled).toBe(true);
    const warm = t.positions();
    const cold = runTsne(drifted, words, dim, 2, 1000).positions();
    const spread = rms(before);
    const moveWarm = meanMove(before, warm) / spread;
    const moveCold = meanMove(before, cold) / spread;
    expect(moveWarm).toBeLessThan(0.15);
    expect(moveWarm * 4).toBeLessThan(moveCold);
  });

  it('keeps the places of known words when the word list changes, and lowers a too-high perplexity with a note', () => {
    const small = plantedClusters(100, 10, 4, 5);
    const t = new Tsne({ perplexity: 50, learningRate: 0, seed: 1, metric: 'euclidean' });
    t.setData(small.words, small.vectors, 10);
    t.finishAffinities();
    expect(t.note).toBe('perplexity lowered to 33 for 100 points');
    for (let i = 0; i < 400; i++) t.step();
    const before = t.positions();
    // Drop the first 10 words, add 10 new ones at the end.
    const words = [...small.words.slice(10), ...Array.from({ length: 10 }, (_, i) => `new${i}`)];
    const vectors = new Float32Array(100 * 10);
    vectors.set(small.vectors.subarray(100));
    vectors.set(small.vectors.subarray(0, 100), 900);
    t.setData(words, vectors, 10);
    // Until the new P is ready the old layout keeps its words.
    expect(t.words[0]).toBe('w0');
    t.finishAffinities();
    expect(t.words[0]).toBe('w10');
    const after = t.positions();
    expect(after[0]).toBe(before[20]);
    expect(after[1]).toBe(before[21]);
    for (let i = 0; i < 50; i++) t.step();
    for (const v of t.positions()) expect(Number.isFinite(v)).toBe(true);
  });
});

function rms(y: Float32Array): number {
  let s = 0;
  for (const v of y) s += v * v;
  return Math.sqrt(s / (y.length / 2));
}

function meanMove(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 2) s += Math.hypot(a[i] - b[i], a[i + 1] - b[i + 1]);
  return s / (a.length / 2);
}

describe('t-SNE affinities while snapshots stream in', () => {
  it('finishes the P it started and then takes only the newest queued vectors', () => {
    const a = plantedClusters(200, 10, 4, 1);
    const t = new Tsne({ perplexity: 20, learningRate: 0, seed: 1, metric: 'euclidean' });
    t.setData(a.words, a.vectors, 10);
    t.finishAffinities();
    for (let i = 0; i < 100; i++) t.step();
    const b = plantedClusters(200, 10, 4, 2);
    const c = plantedClusters(200, 10, 4, 3);
    const d = plantedClusters(200, 10, 4, 4);
    t.setData(b.words, b.vectors, 10);
    let clock = 0;
    t.work(1, () => (clock += 1)); // a slice of the neighbour search for b
    expect(t.affinityProgress).toBeGreaterThan(0);
    t.setData(c.words, c.vectors, 10);
    t.setData(d.words, d.vectors, 10);
    // b's P is not thrown away: it completes and is adopted, then d's (c was superseded while waiting).
    let built = 0;
    const original = AffinityBuilder.prototype.work;
    AffinityBuilder.prototype.work = function (this: AffinityBuilder, ...args: Parameters<typeof original>) {
      const r = original.apply(this, args);
      if (r) built++;
      return r;
    };
    try {
      t.finishAffinities();
    } finally {
      AffinityBuilder.prototype.work = original;
    }
    expect(built).toBe(2);
    expect(t.affinityProgress).toBeNull();
    // Still mid cold start (iteration 100 < 250): the schedule continues instead of restarting.
    expect(t.iteration).toBe(100);
    for (let i = 0; i < 2000 && !t.settled; i++) t.step();
    expect(t.iteration).toBe(1000);
  });
});
