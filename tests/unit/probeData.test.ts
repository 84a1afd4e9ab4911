// The probing data set: which words become rows, standardised features, the lexicon file's checks, and the control
// task's labels (one per word type, drawn from the real class distribution, reproducible by seed).
import { describe, expect, it } from 'vitest';
import { buildProbeDataset, classCounts, controlLabels, parseTagLexicon, standardiseColumns } from '../../src/core/probe/probeData';

const LEXICON = { classes: ['noun', 'verb', 'other'], words: { dog: 0, cat: 0, run: 1, eat: 1, the: 2 } };

describe('probe data set', () => {
  it('keeps the tagged words among the first maxWords, lower-cased, the first of two spellings only', () => {
    const words = ['The', 'dog', 'xyz', 'the', 'run', 'cat', 'eat'];
    const dim = 2;
    const vectors = Float32Array.from(words.flatMap((_, i) => [i, 10 * i]));
    const d = buildProbeDataset({ words, vectors, dim }, LEXICON, 4);
    expect(d.words).toEqual(['the', 'dog', 'run', 'cat']);
    expect([...d.labels]).toEqual([2, 0, 1, 0]);
    expect(d.considered).toBe(6); // 'xyz' and the second 'the' were looked at and skipped
    expect(d.tagged).toBe(4);
    // Rows 0, 1, 4, 5 of the vectors, standardised: column 0 was [0, 1, 4, 5].
    const mean = 2.5;
    const sd = Math.sqrt(((0 - mean) ** 2 + (1 - mean) ** 2 + (4 - mean) ** 2 + (5 - mean) ** 2) / 4);
    expect(d.x[0]).toBeCloseTo((0 - mean) / sd, 6);
    expect(d.x[2 * 2]).toBeCloseTo((4 - mean) / sd, 6);
    expect(d.x[1]).toBeCloseTo(d.x[0]!, 6); // column 1 is ten times column 0: the same after standardising
  });

  it('standardises each column to mean 0 and deviation 1, and a constant column to 0', () => {
    const x = Float32Array.from([1, 7, 3, 7, 5, 7]);
    standardiseColumns(x, 2);
    expect([x[0], x[2], x[4]].map((v) => Number(v!.toFixed(4)))).toEqual([-1.2247, 0, 1.2247]);
    expect([x[1], x[3], x[5]]).toEqual([0, 0, 0]);
  });

  it('checks the lexicon file and says what is wrong', () => {
    expect(parseTagLexicon(LEXICON, 'pos.json').classes).toHaveLength(3);
    expect(() => parseTagLexicon([], 'pos.json')).toThrow(/pos\.json: expected \{ "classes"/);
    expect(() => parseTagLexicon({ classes: ['a'], words: { dog: 3 } }, 'pos.json')).toThrow(/pos\.json: word "dog" has class 3/);
  });
});

describe('control task', () => {
  const labels = Int32Array.from({ length: 4000 }, (_, i) => (i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2)); // 60 / 30 / 10 %

  it('gives every word type one label, from the classes of the real task, the same for the same seed', () => {
    const a = controlLabels(labels, 3, 7);
    expect(a).toHaveLength(labels.length);
    expect(a.every((c) => c >= 0 && c < 3)).toBe(true);
    expect(controlLabels(labels, 3, 7)).toEqual(a);
    expect(controlLabels(labels, 3, 8)).not.toEqual(a);
  });

  it('follows the class distribution of the real labels, but not the labels themselves', () => {
    const a = controlLabels(labels, 3, 1);
    const share = classCounts(a, 3).map((c) => c / a.length);
    expect(share[0]).toBeCloseTo(0.6, 1);
    expect(share[1]).toBeCloseTo(0.3, 1);
    expect(share[2]).toBeCloseTo(0.1, 1);
    // Independent of the real label: agreement is about sum p_c^2 = 0.46, far from 1.
    const agree = a.filter((c, i) => c === labels[i]).length / a.length;
    expect(agree).toBeGreaterThan(0.4);
    expect(agree).toBeLessThan(0.52);
  });
});
