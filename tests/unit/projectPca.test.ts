import { describe, expect, it } from 'vitest';
import { pca2, pcaOfRows } from '../../src/core/project/pca';
import { gaussian } from '../../src/core/project/tsne';
import { Rng } from '../../src/core/train/rng';

/** n points with covariance R diag(sd^2) R^T, R a random orthonormal basis (Gram-Schmidt). */
function knownCovariance(n: number, sd: number[], seed: number) {
  const dim = sd.length;
  const rng = new Rng(seed);
  const basis: Float64Array[] = [];
  for (let k = 0; k < dim; k++) {
    const v = Float64Array.from({ length: dim }, () => gaussian(rng));
    for (const b of basis) {
      const d = b.reduce((s, x, i) => s + x * v[i], 0);
      for (let i = 0; i < dim; i++) v[i] -= d * b[i];
    }
    const norm = Math.hypot(...v);
    basis.push(v.map((x) => x / norm));
  }
  const vectors = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < dim; k++) {
      const z = gaussian(rng) * sd[k];
      for (let d = 0; d < dim; d++) vectors[i * dim + d] += z * basis[k][d] + (k === 0 ? 5 : 0) / dim; // plus an offset: PCA centres
    }
  }
  return { vectors, basis, dim };
}

describe('PCA by power iteration', () => {
  const sd = [3, 2, 1, 0.5, 0.5, 0.3];
  const { vectors, basis, dim } = knownCovariance(4000, sd, 1);
  const words = Array.from({ length: 4000 }, (_, i) => `w${i}`);

  it('finds the two leading axes and their variances of a known covariance', () => {
    const r = pca2(vectors, 4000, dim, { seed: 1 });
    for (let c = 0; c < 2; c++) {
      const axis = r.axes.subarray(c * dim, (c + 1) * dim);
      const cos = Math.abs(axis.reduce((s, x, i) => s + x * basis[c][i], 0));
      expect(cos).toBeGreaterThan(0.99);
      expect(r.variances[c]).toBeGreaterThan(sd[c] ** 2 * 0.9);
      expect(r.variances[c]).toBeLessThan(sd[c] ** 2 * 1.1);
    }
    const total = sd.reduce((s, x) => s + x * x, 0);
    expect(r.explained[0]).toBeCloseTo(9 / total, 1);
    // Projections are centred.
    let mean = 0;
    for (let i = 0; i < 4000; i++) mean += r.positions[2 * i];
    expect(Math.abs(mean / 4000)).toBeLessThan(1e-3);
  });

  it('keeps signs consistent with the previous frame, whatever the random start', () => {
    const first = pca2(vectors, 4000, dim, { seed: 1, words });
    // Previous frame drawn mirrored on both axes: the next frame must follow it.
    const mirrored = first.positions.map((v) => -v);
    for (const seed of [2, 3, 4, 5]) {
      const next = pca2(vectors, 4000, dim, { seed, words, previous: { words, positions: mirrored } });
      for (let i = 0; i < 20; i++) expect(next.positions[i]).toBeCloseTo(mirrored[i], 3);
    }
  });

  it('swaps back components whose order flipped', () => {
    const first = pca2(vectors, 4000, dim, { seed: 1, words });
    const swapped = new Float32Array(first.positions.length);
    for (let i = 0; i < swapped.length; i += 2) {
      swapped[i] = first.positions[i + 1];
      swapped[i + 1] = first.positions[i];
    }
    const next = pca2(vectors, 4000, dim, { seed: 1, words, previous: { words, positions: swapped } });
    for (let i = 0; i < 20; i++) expect(next.positions[i]).toBeCloseTo(swapped[i], 3);
  });
});

describe('pcaOfRows (small drawings)', () => {
  it('lays a handful of rows on their two main directions, deterministically', () => {
    // Points on a line in 5-D plus a little spread across it: PC 1 carries almost all the variance.
    const rows = [0, 1, 2, 3, 4].map((t) => Float32Array.from([t, 2 * t, 0, t % 2 ? 0.1 : -0.1, 0]));
    const a = pcaOfRows(rows);
    const b = pcaOfRows(rows);
    expect(a).toEqual(b);
    expect(a.coords).toHaveLength(5);
    expect(a.explained[0]).toBeGreaterThan(0.99);
    expect(a.explained[0] + a.explained[1]).toBeCloseTo(1, 6);
    // distances along PC 1 are the distances along the line (|(1, 2)| = sqrt 5 per step)
    expect(Math.abs(a.coords[4]![0] - a.coords[0]![0])).toBeCloseTo(4 * Math.sqrt(5), 3);
    expect(pcaOfRows([])).toEqual({ coords: [], explained: [0, 0] });
  });
});
