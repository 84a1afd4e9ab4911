// Seed dictionaries for cross-space retrieval: parsed with file:line errors, and used by compareSpaces so that two
// spaces with no word in common (two languages) are aligned through the dictionary's pairs alone.
import { describe, expect, it } from 'vitest';
import { parseSeedDictionary } from '../../src/core/align/seedDictionary';
import { compareSpaces, DEFAULT_COMPARE, splitDictionary } from '../../src/core/align/compareSpaces';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { Rng } from '../../src/core/train/rng';

describe('seed dictionary file', () => {
  it('reads pairs separated by spaces or tabs, skips blanks, comments and repeats', () => {
    const text = '# en fr\nthe le\ncat\tchat\n\ncat chat\ncat minou\r\n';
    expect(parseSeedDictionary(text, 'en-fr.txt')).toEqual([
      { source: 'the', target: 'le' },
      { source: 'cat', target: 'chat' },
      { source: 'cat', target: 'minou' },
    ]);
  });

  it('names the file and line of a line that is not a pair, and refuses an empty file', () => {
    expect(() => parseSeedDictionary('the le\nhouse\n', 'en-fr.txt')).toThrow(/^en-fr\.txt:2: expected two words .* found 1: "house"/);
    expect(() => parseSeedDictionary('a b c\n', 'x.txt')).toThrow(/x\.txt:1: .*found 3/);
    expect(() => parseSeedDictionary('# only a comment\n', 'x.txt')).toThrow(/x\.txt: no word pairs/);
  });
});

/** Space B = space A rotated, with every word renamed: the situation of two languages with perfect translations. */
function twoLanguages(n: number, dim: number) {
  const rng = new Rng(3);
  const a = new Float32Array(n * dim).map(() => rng.nextFloat() - 0.5);
  // A rotation: the product of random Givens rotations keeps lengths and angles.
  const b = Float32Array.from(a);
  for (let r = 0; r < 20; r++) {
    const i = r % dim;
    const j = (r * 3 + 1) % dim;
    if (i === j) continue;
    const t = rng.nextFloat() * Math.PI;
    for (let w = 0; w < n; w++) {
      const x = b[w * dim + i]!;
      const y = b[w * dim + j]!;
      b[w * dim + i] = Math.cos(t) * x - Math.sin(t) * y;
      b[w * dim + j] = Math.sin(t) * x + Math.cos(t) * y;
    }
  }
  const wordsA = Array.from({ length: n }, (_, i) => `w${i}`);
  const wordsB = Array.from({ length: n }, (_, i) => `t${i}`);
  return { a: new KeyedVectors(wordsA, a, dim), b: new KeyedVectors(wordsB, b, dim), dictionary: wordsA.map((w, i) => ({ source: w, target: wordsB[i]! })) };
}

describe('compareSpaces with a dictionary', () => {
  it('aligns two spaces that share no word through the dictionary, and retrieves every held-out translation', () => {
    const { a, b, dictionary } = twoLanguages(300, 8);
    expect(() => compareSpaces(a, b, null, DEFAULT_COMPARE)).toThrow(/only 0 shared words/);
    const r = compareSpaces(a, b, null, DEFAULT_COMPARE, dictionary);
    const orth = r.retrieval.find((x) => x.kind === 'orthogonal')!;
    expect(orth.pairs).toBe(60);
    expect(orth.precisionAt1).toBe(1);
    expect(r.trainPairs).toBe(240);
    expect(r.shift).toBeNull();
  });

  it('a scrambled dictionary teaches nothing: held-out retrieval falls to about chance', () => {
    const { a, b, dictionary } = twoLanguages(300, 8);
    const scrambled = dictionary.map((p, i) => ({ source: p.source, target: dictionary[(i * 7 + 3) % dictionary.length]!.target }));
    const orth = compareSpaces(a, b, null, DEFAULT_COMPARE, scrambled).retrieval.find((x) => x.kind === 'orthogonal')!;
    expect(orth.precisionAt1).toBeLessThan(0.1);
  });

  it('keeps every translation of a held-out word out of training, and drops pairs a space does not know', () => {
    const { a, dictionary } = twoLanguages(300, 8);
    const withSynonyms = [...dictionary, ...dictionary.slice(0, 100).map((p, i) => ({ source: p.source, target: `t${(i + 150) % 300}` })), { source: 'unknown', target: 't1' }];
    const { train, test } = splitDictionary(withSynonyms, a, (w) => w.startsWith('t'), DEFAULT_COMPARE);
    expect(train.length + test.length).toBe(400);
    const trainSources = new Set(train.map((p) => p.source));
    expect(test.filter((p) => trainSources.has(p.source))).toEqual([]);
    expect(test.some((p) => withSynonyms.filter((q) => q.source === p.source).length === 2)).toBe(true);
  });
});
