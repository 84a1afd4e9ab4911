// The pure parts behind the lesson widgets: the tiny autoencoder, n-grams, padding, the probe,
// progress storage and safe Markdown.
import { describe, expect, it } from 'vitest';
import { AE_GROUPS, buildAeData, generatedCorpus, TinyAutoencoder } from '../../src/ui/lessons/widgets/autoencoder';
import { padBatches } from '../../src/ui/lessons/widgets/PaddingWidget';
import { pairsFor } from '../../src/ui/lessons/widgets/ContextWindowWidget';
import { trainProbe } from '../../src/ui/lessons/widgets/probe';
import { neighbourKept } from '../../src/ui/lessons/widgets/neighbourKept';
import { readProgress, summarize } from '../../src/ui/lessons/lessonsStore';
import { renderMarkdown } from '../../src/ui/lessons/renderMarkdown';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { Rng } from '../../src/core/train/rng';

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

// The subword widget's n-grams and hash are the fastText core's now: tests/unit/fastTextNgrams.test.ts.

describe('context windows and padding', () => {
  it('pairs a centre word with its window', () => {
    const t = 'a b c d e f'.split(' ');
    expect(pairsFor(t, 0, 2)).toEqual(['b', 'c']);
    expect(t.reduce((n, _, i) => n + pairsFor(t, i, 2).length, 0)).toBe(18);
  });

  it('counts padding, and bucketing reduces it', () => {
    const lengths = [2, 10, 3, 9];
    const plain = padBatches(lengths, 2, false);
    const sorted = padBatches(lengths, 2, true);
    expect(plain.pads).toBe(8 + 6);
    expect(sorted.pads).toBe(1 + 1);
    expect(sorted.total).toBe(sorted.pads + 24);
  });
});

function clusteredVectors(seed: number) {
  const rng = new Rng(seed);
  const words: string[] = [];
  const rows: number[] = [];
  for (let g = 0; g < 2; g++) for (let i = 0; i < 20; i++) {
    words.push(`g${g}w${i}`);
    for (let d = 0; d < 8; d++) rows.push((d === g ? 3 : 0) + rng.nextFloat() - 0.5);
  }
  return new KeyedVectors(words, Float32Array.from(rows), 8);
}

describe('probe', () => {
  it('reads a linearly coded property and fails on shuffled labels', () => {
    const kv = clusteredVectors(1);
    const rows = kv.words.map((w, i) => ({ word: w, x: kv.row(i), label: w.startsWith('g1') ? 1 : 0 }));
    const real = trainProbe(rows, 1, 0.25);
    expect(real.testAcc).toBe(1);
    const controls = [1, 2, 3, 4].map((s) => trainProbe(rows, s, 0.25, true).testAcc);
    expect(controls.reduce((a, b) => a + b, 0) / controls.length).toBeLessThan(0.85);
  });

  it('scores a layout that keeps neighbourhoods above a scrambled one', () => {
    const kv = clusteredVectors(2);
    const good = new Float32Array(kv.size * 2);
    const bad = new Float32Array(kv.size * 2);
    const rng = new Rng(3);
    kv.words.forEach((w, i) => {
      good[2 * i] = w.startsWith('g1') ? 10 : 0;
      good[2 * i + 1] = rng.nextFloat();
      bad[2 * i] = rng.nextFloat();
      bad[2 * i + 1] = rng.nextFloat();
    });
    expect(neighbourKept(kv.vectors, kv.size, kv.dim, good, 3)).toBeGreaterThan(neighbourKept(kv.vectors, kv.size, kv.dim, bad, 3));
  });
});

describe('progress storage and Markdown', () => {
  it('reads good progress and drops damaged entries with a message', () => {
    const ok = { a: { step: 2, visited: [0, 1, 2], quizzes: { 'a-q1': 'correct' } } };
    expect(readProgress(JSON.stringify(ok))).toEqual({ progress: ok, problem: null });
    const mixed = readProgress(JSON.stringify({ ...ok, b: { step: 'x' } }));
    expect(Object.keys(mixed.progress)).toEqual(['a']);
    expect(mixed.problem).toMatch(/damaged/);
    expect(readProgress('{not json').problem).toMatch(/could not be read/);
    expect(summarize(ok.a as never, 3, ['a-q1', 'a-q2'])).toEqual({ seen: 3, stepCount: 3, correct: 1, quizCount: 2, complete: false });
  });

  it('typesets maths and escapes raw HTML and script links', () => {
    const html = renderMarkdown('Cost $|V|$ <script>alert(1)</script> [x](javascript:alert(1))\n\n$$\n\\frac{a}{b}\n$$');
    expect(html).toContain('class="katex"');
    expect(html).toContain('katex-display');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/href="javascript/);
  });
});
