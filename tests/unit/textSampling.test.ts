import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/train/rng';
import {
  NoiseSampler,
  PairCursor,
  WindowCursor,
  forEachPair,
  keepProbabilities,
  subsampleSentence,
} from '../../src/core/text/sampling';
import { buildVocab, countWords } from '../../src/core/text/vocab';
import { encodeSentences } from '../../src/core/text/corpus';

function corpusOf(sentences: string[][]) {
  const { counts, rawTokens } = countWords(sentences);
  const vocab = buildVocab(counts, rawTokens, { minCount: 1, maxSize: 0 });
  return encodeSentences(sentences, vocab, rawTokens);
}

describe('Rng', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 20 }, () => a.nextU32());
    const sb = Array.from({ length: 20 }, () => b.nextU32());
    const sc = Array.from({ length: 20 }, () => c.nextU32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    for (const x of sa) expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
  });
  it('has pinned outputs (xoshiro128** seeded by splitmix32, checked against an independent Python version)', () => {
    const r = new Rng(1);
    expect([r.nextU32(), r.nextU32(), r.nextU32()]).toEqual([2442144158, 3238099751, 3819917871]);
    const q = new Rng(12345);
    expect([q.nextU32(), q.nextU32()]).toEqual([518667457, 440444462]);
  });
  it('is roughly uniform: floats in [0,1) with mean 1/2, ints in range with even buckets', () => {
    const r = new Rng(7);
    const N = 200_000;
    let sum = 0;
    const buckets = new Array<number>(10).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < N; i++) {
      const f = r.nextFloat();
      if (!(f >= 0 && f < 1)) outOfRange++;
      sum += f;
      buckets[r.nextInt(10)]++;
    }
    expect(outOfRange).toBe(0);
    expect(Math.abs(sum / N - 0.5)).toBeLessThan(0.005);
    // 4 standard deviations of a binomial(N, 0.1) count.
    const sd = Math.sqrt(N * 0.1 * 0.9);
    for (const b of buckets) expect(Math.abs(b - N / 10)).toBeLessThan(4 * sd);
  });
  it('accepts seed 0, negative and fractional seeds', () => {
    for (const s of [0, -1, 2.5, 2 ** 40]) {
      const r = new Rng(s);
      const x = r.nextU32();
      expect(Number.isInteger(x)).toBe(true);
    }
    expect(new Rng(0).nextU32()).not.toBe(new Rng(2 ** 32).nextU32());
  });
});

describe('keepProbabilities', () => {
  it('matches the word2vec.c formula computed by hand', () => {
    // T = 1000 kept tokens, sample = 1e-3 -> threshold sample*T = 1.
    const vocab = { counts: new Float64Array([500, 100, 4, 1]), keptTokens: 1000 };
    const keep = keepProbabilities(vocab, 1e-3);
    // f=500: (sqrt(500)+1)/500 = 0.046721...
    expect(keep[0]).toBeCloseTo((Math.sqrt(500) + 1) / 500, 6);
    expect(keep[0]).toBeCloseTo(0.0467214, 6);
    // f=100: (10+1)/100 = 0.11
    expect(keep[1]).toBeCloseTo(0.11, 6);
    // f=4: (2+1)/4 = 0.75
    expect(keep[2]).toBeCloseTo(0.75, 6);
    // f=1: (1+1)/1 = 2 -> capped at 1
    expect(keep[3]).toBe(1);
  });
  it('keeps everything when sample is 0', () => {
    const keep = keepProbabilities({ counts: new Float64Array([1e6, 1]), keptTokens: 1e6 + 1 }, 0);
    expect(Array.from(keep)).toEqual([1, 1]);
  });
  it('down-samples a sentence by those probabilities', () => {
    const corpus = corpusOf([Array.from({ length: 10_000 }, (_, i) => (i % 2 ? 'a' : 'b'))]);
    const keep = new Float32Array([0.25, 1]);
    const out = new Int32Array(10_000);
    const n = subsampleSentence(corpus, 0, keep, new Rng(3), out);
    let a = 0;
    for (let i = 0; i < n; i++) if (out[i] === 0) a++;
    expect(n - a).toBe(5000); // word 1 always kept
    expect(Math.abs(a - 1250)).toBeLessThan(4 * Math.sqrt(5000 * 0.25 * 0.75));
  });
});

describe('NoiseSampler', () => {
  it('draws words with frequencies proportional to count^0.75', () => {
    const counts = new Float64Array([1000, 300, 100, 30, 10, 3, 1, 0]);
    const s = new NoiseSampler(counts, 0.75);
    const rng = new Rng(11);
    const N = 400_000;
    const seen = new Float64Array(counts.length);
    for (let i = 0; i < N; i++) seen[s.sample(rng)]++;
    let z = 0;
    for (const c of counts) z += Math.pow(c, 0.75);
    counts.forEach((c, i) => {
      const p = Math.pow(c, 0.75) / z;
      expect(s.probabilities[i]).toBeCloseTo(p, 12);
      const sd = Math.sqrt(N * p * (1 - p));
      expect(Math.abs(seen[i] - N * p)).toBeLessThanOrEqual(4.5 * sd + 1e-9);
    });
    expect(seen[7]).toBe(0); // zero count: never drawn
  });
  it('honours another exponent (fastText uses 0.5)', () => {
    const s = new NoiseSampler([1, 4, 16], 0.5);
    expect(Array.from(s.probabilities)).toEqual([1 / 7, 2 / 7, 4 / 7].map((x) => expect.closeTo(x, 12)));
  });
  it('uses memory proportional to the vocabulary, not a 1e8 table', () => {
    const s = new NoiseSampler(new Float64Array(50_000).fill(3));
    expect(s.accept.length).toBe(50_000);
    expect(s.alias.length).toBe(50_000);
  });
  it('rejects bad counts with a clear message', () => {
    expect(() => new NoiseSampler([0, 0])).toThrow(/every count is zero/);
    expect(() => new NoiseSampler([1, NaN])).toThrow(/word 1/);
    expect(() => new NoiseSampler([])).toThrow(/non-empty/);
  });
  it('can hold its own Rng', () => {
    const a = new NoiseSampler([5, 5, 5], 0.75, new Rng(1));
    const b = new NoiseSampler([5, 5, 5], 0.75);
    const r = new Rng(1);
    for (let i = 0; i < 20; i++) expect(a.sample()).toBe(b.sample(r));
    expect(() => b.sample()).toThrow(/needs an Rng/);
  });
});

describe('pair generation', () => {
  // ids follow descending counts then alphabetical order: a(3) b(2) c(1) d(1) e(1) -> 0..4
  const corpus = corpusOf([
    ['a', 'b', 'c', 'a'],
    ['d'],
    ['e', 'a', 'b'],
  ]);
  const id = (w: string) => corpus.vocab.index.get(w)!;

  it('yields exactly the window pairs when reduced windows are off', () => {
    const pairs: string[] = [];
    forEachPair(corpus, { window: 2, reducedWindows: false }, new Rng(1), null, (c, x) =>
      pairs.push(`${corpus.vocab.words[c]}>${corpus.vocab.words[x]}`),
    );
    expect(pairs).toEqual([
      'a>b', 'a>c',
      'b>a', 'b>c', 'b>a',
      'c>a', 'c>b', 'c>a',
      'a>b', 'a>c',
      // 'd' alone: no pairs
      'e>a', 'e>b',
      'a>e', 'a>b',
      'b>e', 'b>a',
    ]);
    expect(id('a')).toBe(0);
  });

  it('with reduced windows gives a subset of the full-window pairs, near pairs more often', () => {
    const long = corpusOf([Array.from({ length: 2000 }, (_, i) => `w${i % 50}`)]);
    let near = 0;
    let far = 0;
    const w = new WindowCursor(long, { window: 4 }, null, new Rng(5));
    const pos = (x: number) => Number(long.vocab.words[x].slice(1));
    while (w.next()) {
      expect(w.count).toBeGreaterThan(0);
      expect(w.count).toBeLessThanOrEqual(8);
      for (let k = 0; k < w.count; k++) {
        const d = Math.abs(((pos(w.contexts[k]) - pos(w.centre) + 75) % 50) - 25);
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(4);
        if (d === 1) near++;
        if (d === 4) far++;
      }
    }
    // Distance 1 is inside every window (prob 1), distance 4 only when the draw is the full window (prob 1/4).
    expect(near / far).toBeGreaterThan(3.5);
    expect(near / far).toBeLessThan(4.5);
  });

  it('PairCursor fills batches that concatenate to forEachPair, over several epochs', () => {
    const all: number[] = [];
    forEachPair(corpus, { window: 2, epochs: 3 }, new Rng(9), null, (c, x) => all.push(c, x));
    const pc = new PairCursor(corpus, { window: 2, epochs: 3 }, null, new Rng(9));
    const cs = new Int32Array(5);
    const xs = new Int32Array(5);
    const got: number[] = [];
    for (;;) {
      const n = pc.fill(cs, xs);
      for (let i = 0; i < n; i++) got.push(cs[i], xs[i]);
      if (n < cs.length) break;
    }
    expect(got).toEqual(all);
    expect(pc.done).toBe(true);
    expect(pc.rawWordsDone).toBe(3 * corpus.rawTokens);
  });

  it('counts raw tokens, including out-of-vocabulary ones', () => {
    const sentences = [['a', 'b', 'zzz'], ['a', 'b']];
    const { counts, rawTokens } = countWords(sentences);
    counts.delete('zzz');
    const vocab = buildVocab(counts, rawTokens, { minCount: 1, maxSize: 0 });
    const c = encodeSentences(sentences, vocab, rawTokens);
    const w = new WindowCursor(c, { window: 5 }, null, new Rng(1));
    while (w.next());
    expect(w.rawWordsDone).toBe(5);
  });
});
