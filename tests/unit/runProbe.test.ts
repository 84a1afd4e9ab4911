// The probing experiment: held-out words are word types the probe never trained on, the baselines and selectivity
// are the arithmetic they claim to be, and a signal carried by the vectors is found while the control task is not.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/train/rng';
import { stratifiedSplit } from '../../src/core/transfer/split';
import { buildProbeDataset, type TagLexicon } from '../../src/core/probe/probeData';
import { majorityAccuracy, runProbe, DEFAULT_PROBE_TEST_SHARE } from '../../src/core/probe/runProbe';

/** 600 words in three classes; the class is written (with noise) into the first two of eight dimensions. */
function syntheticVectors(): { words: string[]; vectors: Float32Array; dim: number; lexicon: TagLexicon } {
  const rng = new Rng(4);
  const dim = 8;
  const n = 600;
  const words: string[] = [];
  const vectors = new Float32Array(n * dim);
  const lexicon: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const c = i % 5 < 3 ? 0 : i % 5 < 4 ? 1 : 2; // 60 / 20 / 20 %
    const w = `w${i}`;
    words.push(w);
    lexicon[w] = c;
    for (let j = 0; j < dim; j++) vectors[i * dim + j] = rng.nextFloat() - 0.5;
    vectors[i * dim] += c === 1 ? 1.5 : 0;
    vectors[i * dim + 1] += c === 2 ? 1.5 : 0;
  }
  return { words, vectors, dim, lexicon: { classes: ['a', 'b', 'c'], words: lexicon } };
}

describe('probe split', () => {
  it('puts every word type on one side only, and keeps each class on both sides', () => {
    const { words, vectors, dim, lexicon } = syntheticVectors();
    const d = buildProbeDataset({ words, vectors, dim }, lexicon);
    for (const seed of [1, 2, 3]) {
      const s = stratifiedSplit(d.labels, 3, DEFAULT_PROBE_TEST_SHARE, seed);
      const train = new Set(s.train.map((r) => d.words[r]));
      const test = s.test.map((r) => d.words[r]);
      expect(test.filter((w) => train.has(w))).toEqual([]);
      expect(train.size + test.length).toBe(d.words.length);
      for (const c of [0, 1, 2]) expect(s.test.some((r) => d.labels[r] === c)).toBe(true);
    }
  });
});

describe('probe arithmetic', () => {
  it('majority baseline: the most common training class, scored on the held-out rows', () => {
    const labels = [0, 1, 1, 2, 1, 0, 0, 1];
    expect(majorityAccuracy(labels, 3, [0, 1, 2, 3, 4], [5, 6, 7])).toBe(1 / 3); // class 1 wins training; 7 is 1
    expect(majorityAccuracy(labels, 3, [0, 5, 6], [1, 2])).toBe(0);
  });

  it('selectivity is accuracy minus control per seed, and the spreads summarise the seeds', () => {
    const { words, vectors, dim, lexicon } = syntheticVectors();
    const r = runProbe(buildProbeDataset({ words, vectors, dim }, lexicon), { seeds: [1, 2, 3] });
    expect(r.perSeed.map((s) => s.seed)).toEqual([1, 2, 3]);
    for (const s of r.perSeed) expect(s.selectivity).toBeCloseTo(s.accuracy - s.control, 12);
    const acc = r.perSeed.map((s) => s.accuracy);
    expect(r.accuracy.mean).toBeCloseTo(acc.reduce((a, b) => a + b, 0) / 3, 12);
    expect(r.accuracy.min).toBe(Math.min(...acc));
    expect(r.accuracy.max).toBe(Math.max(...acc));
    expect(r.trainWords + r.testWords).toBe(600);
    expect(r.testWords).toBe(120);
    expect(r.classCounts).toEqual([360, 120, 120]);
    const weighted = r.perClass.reduce((s, c) => s + c.accuracy * c.testWords, 0) / r.testWords;
    expect(weighted).toBeCloseTo(r.accuracy.mean, 10);
  });

  it('finds the class the vectors carry, while the control task stays near its majority rate', () => {
    const { words, vectors, dim, lexicon } = syntheticVectors();
    const r = runProbe(buildProbeDataset({ words, vectors, dim }, lexicon), { seeds: [1, 2, 3] });
    expect(r.accuracy.min).toBeGreaterThan(0.9);
    expect(r.majority.mean).toBeCloseTo(0.6, 2);
    expect(r.control.max).toBeLessThan(0.7); // random labels of unseen words cannot be predicted
    expect(r.selectivity.min).toBeGreaterThan(0.25);
    expect(r.beyondBaselines).toBe(true);
  });

  it('reports progress for every probe and refuses a data set with one class', () => {
    const { words, vectors, dim, lexicon } = syntheticVectors();
    const seen: string[] = [];
    runProbe(buildProbeDataset({ words, vectors, dim }, lexicon), { seeds: [1, 2], onProgress: (d, t) => seen.push(`${d}/${t}`) });
    expect(seen).toEqual(['1/4', '2/4', '3/4', '4/4']);
    const one: TagLexicon = { classes: ['a', 'b'], words: Object.fromEntries(words.map((w) => [w, 0])) };
    expect(() => runProbe(buildProbeDataset({ words, vectors, dim }, one))).toThrow(/only 1 part-of-speech class/);
  });
});
