// The opening lesson's tiny autoencoder (src/core/lessonModels/autoencoder.ts): its data, its gradients against
// finite differences, and which training target groups the words by meaning.
import { describe, expect, it } from 'vitest';
import { AE_GROUPS, buildAeData, generatedCorpus, TinyAutoencoder } from '../../src/core/lessonModels/autoencoder';

function groupRatio(codes: [number, number][], words: string[]): number {
  const at = (w: string) => codes[words.indexOf(w)];
  const d = (a: string, b: string) => Math.hypot(at(a)[0] - at(b)[0], at(a)[1] - at(b)[1]);
  const { fruit, drinks } = AE_GROUPS;
  let within = 0, nw = 0, across = 0, na = 0;
  for (const g of [fruit, drinks]) for (const a of g) for (const b of g) if (a < b) { within += d(a, b); nw++; }
  for (const a of fruit) for (const b of drinks) { across += d(a, b); na++; }
  return within / nw / (across / na);
}

describe('tiny autoencoder', () => {
  const data = buildAeData(generatedCorpus(), 2, 20);

  it('builds a small vocabulary with normalised co-occurrence rows', () => {
    expect(data.words.length).toBeGreaterThanOrEqual(12);
    expect(data.words.length).toBeLessThanOrEqual(20);
    const V = data.words.length;
    for (let i = 0; i < V; i++) {
      let s = 0;
      for (let j = 0; j < V; j++) s += data.cooc[i * V + j];
      expect(s).toBeCloseTo(1, 9);
    }
  });

  it('matches its gradients against finite differences', () => {
    for (const mode of ['onehot-self', 'cooc-self', 'onehot-ctx'] as const) {
      const m = new TinyAutoencoder(data, mode, 3);
      for (let i = 0; i < 20; i++) m.step(); // away from the symmetric start
      const { g1, g2, gb } = m.lossAndGradients();
      const V = data.words.length;
      const h = 1e-5;
      for (const [w, g] of [[m.w1, g1], [m.w2, g2], [m.b2, gb]] as const) {
        for (const q of [0, 3, w.length - 1]) {
          const keep = w[q];
          w[q] = keep + h;
          const up = m.lossAndGradients().loss;
          w[q] = keep - h;
          const down = m.lossAndGradients().loss;
          w[q] = keep;
          expect(g[q] / V).toBeCloseTo((up - down) / (2 * h), 6);
        }
      }
    }
  });

  it('groups fruit and drinks when it predicts contexts, not when it rebuilds one-hots', () => {
    for (const seed of [1, 2]) {
      const ctx = new TinyAutoencoder(data, 'onehot-ctx', seed);
      const self = new TinyAutoencoder(data, 'onehot-self', seed);
      const first = ctx.step();
      let last = first;
      for (let i = 0; i < 400; i++) {
        last = ctx.step();
        self.step();
      }
      expect(last).toBeLessThan(first);
      expect(groupRatio(ctx.codes(), data.words)).toBeLessThan(0.2);
      expect(groupRatio(self.codes(), data.words)).toBeGreaterThan(0.5);
    }
  });
});
