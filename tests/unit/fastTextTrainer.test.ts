// fastText training end to end on a toy corpus: the loss falls, one seed gives one model, unseen and misspelled
// words get vectors near their correct forms, and a saved .bin opens in Debian's fastText when it is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeCorpus } from '../../src/core/text/corpus';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { readFastTextBin, writeFastTextBin } from '../../src/core/models/fasttext/fastTextBin';
import { FastTextVectors } from '../../src/core/models/fasttext/fastTextVectors';
import { DEFAULT_FASTTEXT_CONFIG, FastTextTrainer, type FastTextConfig } from '../../src/core/models/fasttext/fastTextTrainer';

const fruit = encodeCorpus(TOY_CORPORA.fruit!.text, { minCount: 1, maxVocab: 0 });
const TOY: FastTextConfig = { ...DEFAULT_FASTTEXT_CONFIG, dim: 16, window: 2, minCount: 1, sample: 0, epochs: 10, bucket: 2000, alpha: 0.05 };

async function trained(config: FastTextConfig): Promise<FastTextTrainer> {
  const t = new FastTextTrainer(fruit, config);
  while (!t.done) await t.run(500);
  return t;
}

describe.each(['skipgram', 'cbow'] as const)('fastText %s', (model) => {
  it('lowers the loss and learns the toy corpus\'s two topics', async () => {
    const t = new FastTextTrainer(fruit, { ...TOY, model });
    const first = await t.run(300);
    let p = first;
    while (!p.done) p = await t.run(300);
    expect(Number.isFinite(p.loss)).toBe(true);
    expect(p.loss).toBeLessThan(first.loss * 0.8);
    const kv = t.subwordVectors();
    // fruit words closer to each other than to drinks
    expect(kv.similarity('apple', 'orange')).toBeGreaterThan(kv.similarity('apple', 'milk'));
  });

  it('is deterministic for one seed and differs across seeds', async () => {
    const a = (await trained({ ...TOY, model, epochs: 2, seed: 4 })).vectors();
    const b = (await trained({ ...TOY, model, epochs: 2, seed: 4 })).vectors();
    const c = (await trained({ ...TOY, model, epochs: 2, seed: 5 })).vectors();
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});

describe('fastText vectors for any word', () => {
  it('builds unseen and misspelled words from n-grams, nearest to the words they are spelled like', async () => {
    const t = await trained({ ...TOY, minn: 2, maxn: 4 });
    const kv = t.subwordVectors();
    expect(kv.has('banan')).toBe(false);
    expect(kv.canCompose('banan')).toBe(true);
    const near = kv.nearestToVector(kv.vectorOf('banan'), 3);
    expect(near.map((x) => x.word)).toContain('banana');
    // a known word's vector is the mean of its own row and its n-gram rows, as the trainer composes it
    const id = kv.indexOf('juice');
    const fromTrainer = t.vectorsFor([id]);
    kv.vectorOf('juice').forEach((x, d) => expect(x).toBeCloseTo(fromTrainer[d]!, 6));
  });

  it('says what each part contributes: the shares add up to 1', async () => {
    const kv = (await trained({ ...TOY, epochs: 2 })).subwordVectors();
    for (const word of ['apple', 'applesauce']) {
      const c = kv.composition(word);
      expect(c.known).toBe(word === 'apple');
      expect(c.parts[0]!.kind).toBe(word === 'apple' ? 'word' : 'ngram');
      expect(c.parts.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 5);
    }
    expect(kv.canCompose('')).toBe(false); // "<>" is shorter than minn 3: nothing to compose
    expect(new FastTextVectors(['a', 'b'], new Float32Array(2 * 2), 2, { minn: 3, maxn: 0, bucket: 0 }).canCompose('zzz')).toBe(false);
  });

  it('with maxn 0 is word2vec with fastText\'s update rule: no n-gram rows at all', async () => {
    const t = await trained({ ...TOY, maxn: 0, epochs: 1 });
    expect(t.bucket).toBe(0);
    expect(t.subwordVectors().canCompose('zebra')).toBe(false);
  });

  it('refuses settings that cannot work, saying which', () => {
    expect(() => new FastTextTrainer(fruit, { ...TOY, minn: 5, maxn: 3 })).toThrow(/maxn \(3\) must be at least minn \(5\)/);
    expect(() => new FastTextTrainer(fruit, { ...TOY, bucket: 0 })).toThrow(/bucket is 0/);
    expect(() => new FastTextTrainer(fruit, { ...TOY, hs: true })).toThrow(/hierarchical softmax/);
  });
});

const FASTTEXT = '/usr/bin/fasttext';
describe.runIf(existsSync(FASTTEXT))('a model saved as .bin, opened by Debian\'s fastText', () => {
  it('prints the same vectors for seen and unseen words', async () => {
    const t = await trained({ ...TOY, epochs: 2 });
    const bytes = writeFastTextBin(t.toFastTextFile());
    const dir = mkdtempSync(join(tmpdir(), 'ft-bin-'));
    const path = join(dir, 'toy.bin');
    writeFileSync(path, bytes);
    const words = ['apple', 'juice', 'applesauce', 'bananna'];
    const lines = execFileSync(FASTTEXT, ['print-word-vectors', path], { input: words.join('\n') + '\n', encoding: 'utf8' }).trim().split('\n');
    const kv = new FastTextVectors(...(() => { const m = readFastTextBin(bytes); return [m.words, m.input, m.args.dim, m.args] as const; })());
    lines.forEach((line, i) => {
      const [word, ...nums] = line.trim().split(/\s+/);
      expect(word).toBe(words[i]);
      const mine = kv.vectorOf(word!);
      nums.map(Number).forEach((x, d) => expect(mine[d]).toBeCloseTo(x, 4));
    });
  });
});

const PYTHON = '/usr/bin/python3';
const hasGensim = existsSync(PYTHON) && (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import gensim'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
describe.runIf(hasGensim)('a model saved as .bin, opened by gensim\'s load_facebook_model', () => {
  it('gives the same vectors for seen and unseen words', async () => {
    const t = await trained({ ...TOY, epochs: 2 });
    const dir = mkdtempSync(join(tmpdir(), 'ft-gensim-'));
    const path = join(dir, 'toy.bin');
    writeFileSync(path, writeFastTextBin(t.toFastTextFile()));
    const script = `import sys, json\nfrom gensim.models.fasttext import load_facebook_model\nm = load_facebook_model(sys.argv[1])\nprint(json.dumps({w: m.wv[w].tolist() for w in sys.argv[2:]}))`;
    const got = JSON.parse(execFileSync(PYTHON, ['-c', script, path, 'apple', 'applesauce'], { encoding: 'utf8' })) as Record<string, number[]>;
    const kv = t.subwordVectors();
    for (const [word, vec] of Object.entries(got)) vec.forEach((x, d) => expect(kv.vectorOf(word)[d]).toBeCloseTo(x, 5));
  });
});
