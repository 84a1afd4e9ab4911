import { describe, expect, it } from 'vitest';
import { createLayoutEngine, type LayoutEngine } from '../../src/core/project/layoutEngine';
import { neighbourhoodKept, plantedClusters } from './projectFixtures';

function settle(e: LayoutEngine, maxTicks = 5000): void {
  for (let t = 0; t < maxTicks && !e.settled; t++) e.work(50);
}

describe('layout engines behind one interface', () => {
  const n = 80;
  const dim = 12;
  const { vectors, words } = plantedClusters(n, dim, 4, 3, 1, 10);

  it('tsne-js runs stepwise, seeded and warm-startable', async () => {
    const a = await createLayoutEngine({ method: 'tsne-js', perplexity: 10, learningRate: 0, seed: 1 });
    const b = await createLayoutEngine({ method: 'tsne-js', perplexity: 10, learningRate: 0, seed: 1 });
    a.setData(words, vectors, dim);
    b.setData(words, vectors, dim);
    a.work(1);
    b.work(1);
    expect(Array.from(a.positions())).toEqual(Array.from(b.positions())); // seeded start despite tsne-js's Math.random
    settle(a);
    expect(a.iteration).toBe(1000);
    const cold = a.positions();
    for (const v of cold) expect(Number.isFinite(v)).toBe(true);
    expect(neighbourhoodKept(vectors, dim, cold, n)).toBeGreaterThan(0.3);
    // Warm start: a little drift, 300 more iterations from where the points are.
    const drifted = vectors.map((v, i) => v + 0.02 * Math.sin(i));
    a.setData(words, drifted, dim);
    settle(a);
    expect(a.iteration).toBe(1300);
    const warm = a.positions();
    let moved = 0;
    let spread = 0;
    for (let i = 0; i < cold.length; i++) {
      moved += Math.abs(warm[i] - cold[i]);
      spread += Math.abs(cold[i]);
    }
    expect(moved / spread).toBeLessThan(0.3);
  });

  it('switching from PCA seeds t-SNE with the PCA layout and reports the method', async () => {
    const pca = await createLayoutEngine({ method: 'pca', perplexity: 10, learningRate: 0, seed: 1 });
    pca.setData(words, vectors, dim);
    expect(pca.work(10)).toBe(true);
    expect(pca.settled).toBe(true);
    expect(pca.note).toMatch(/axes explain \d+\.\d% \+ \d+\.\d% of the variance/);
    const tsne = await createLayoutEngine({ method: 'tsne', perplexity: 10, learningRate: 0, seed: 1 });
    tsne.seedFrom(pca.words, pca.positions());
    tsne.setData(words, vectors, dim);
    settle(tsne);
    expect(tsne.engine).toBe('t-SNE (exact gradient)');
    expect(neighbourhoodKept(vectors, dim, tsne.positions(), n)).toBeGreaterThan(0.4);
  });
});
