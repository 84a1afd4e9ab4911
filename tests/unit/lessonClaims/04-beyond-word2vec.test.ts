// Claims of lessons/04-beyond-word2vec.md: the shipped fastText model on "befriendable" and "friendly" (neighbours,
// shares, the rank of friendly), fastText's n-grams of "cat" and its signed-char hash, the neighbours of "bank" on
// brown-sotu-sg100 and the sense counts behind the quiz's explanation.
import { describe, expect, it } from 'vitest';
import { lessonText, neighbours, shipped } from './shipped';
import { readFileSync } from 'node:fs';
import { charNgrams, fastTextHash } from '../../../src/core/models/fasttext/ngrams';
import { cosine, ftNeighbours, shippedFastText } from './shippedFastText';
import { tokenize } from '../../../src/core/text/tokenize';
import { listModels } from '../../../src/core/models';
import { loadMlmModel } from '../../../src/core/models/contextual/mlmModel';
import { sentenceTokens } from '../../../src/core/models/contextual/mlmTokenizer';
import { activateTfjsBackend } from '../../../src/core/train/tfjsBackend';

const kv = shipped('brown-sotu-sg100');
const text = lessonText('04-beyond-word2vec.md');

describe('04 beyond word2vec (brown-sotu-sg100)', () => {
  it('the widgets are pinned', () => {
    expect(text).toMatch(/::widget\{name="subword" word="befriendable" other="friendly"\}/);
    expect(text).toMatch(/::widget\{name="similarity" vectors="brown-sotu-sg100" word="bank"\}/);
  });

  it('GloVe on Brown: good sits next to luck, deal and very (56 side-by-side occurrences for its five nearest, 3 for skip-gram\'s fine, fun, humor, sad, happy)', () => {
    expect(text).toMatch(/::widget\{name="similarity" vectors="brown-glove100" word="good"\}/);
    const glove = shipped('brown-glove100');
    const sg = shipped('brown-sg100');
    expect(glove.words).toHaveLength(10_000);
    expect(glove.dim).toBe(100);
    const g = neighbours(glove, 'good');
    const s = neighbours(sg, 'good');
    expect(g).toEqual(expect.arrayContaining(['luck', 'deal', 'very']));
    expect(g).not.toContain('bad');
    expect(s).toEqual(expect.arrayContaining(['fine', 'happy', 'wonderful', 'bad']));
    // How often each of the five nearest words stands right beside "good" in Brown (either order).
    const sentences = readFileSync('public/corpora/brown.txt', 'utf8').split('\n').map((l) => tokenize(l));
    const beside = (words: string[]) => {
      const set = new Set(words);
      let n = 0;
      for (const t of sentences) for (let i = 0; i + 1 < t.length; i++) if ((t[i] === 'good' && set.has(t[i + 1]!)) || (t[i + 1] === 'good' && set.has(t[i]!))) n++;
      return n;
    };
    expect(beside(g.slice(0, 5))).toBe(56);
    expect(beside(s.slice(0, 5))).toBe(3);
    expect(text).toContain('The five nearest words stand next to *good* 56 times in Brown; skip-gram\'s five nearest, 3 times.');
  });

  it("GloVe's shipped settings and scores as the text gives them (x_max 10, 25 passes; analogies 7% vs 11%, similarity 0.17 vs 0.34)", () => {
    const index = JSON.parse(readFileSync('public/vectors/index.json', 'utf8')) as { sets: { id: string; settings: Record<string, unknown>; scores: Record<string, number> }[] };
    const byId = (id: string) => index.sets.find((e) => e.id === id)!;
    const glove = byId('brown-glove100');
    const sg = byId('brown-sg100');
    expect(glove.settings).toMatchObject({ model: 'glove', dim: 100, 'x-max': 10, epochs: 25, window: sg.settings.window });
    const pct = (x: number) => `${Math.round(100 * x)}%`;
    expect(`${pct(glove.scores['analogy accuracy']!)} against ${pct(sg.scores['analogy accuracy']!)}`).toBe('7% against 11%');
    expect(`${glove.scores['similarity Spearman']!.toFixed(2)} against ${sg.scores['similarity Spearman']!.toFixed(2)}`).toBe('0.17 against 0.34');
    expect(text).toContain('(analogies 7% against 11%, word-similarity correlation 0.17 against 0.34)');
    expect(text).toContain('25 passes over the counts, $x_{\\max} = 10$');
  });

  it('befriendable is unseen: 42 n-gram rows, next to memorable, unbearable, honorable, fashionable; friendly next to unfriendly, friendship, friends', () => {
    const ft = shippedFastText();
    expect(ft.has('befriendable')).toBe(false);
    expect(ft.composition('befriendable').parts).toHaveLength(42);
    expect(ftNeighbours(ft, 'befriendable')).toEqual(expect.arrayContaining(['memorable', 'unbearable', 'honorable', 'fashionable']));
    expect(ftNeighbours(ft, 'friendly')).toEqual(expect.arrayContaining(['unfriendly', 'friendship', 'friends']));
  });

  it('the widget\'s model: Brown, 50 dimensions, n-grams of 3 to 6 characters in 60,000 rows', () => {
    const ft = shippedFastText();
    expect(ft.dim).toBe(50);
    expect(ft.params).toEqual({ minn: 3, maxn: 6, bucket: 60_000 });
    expect(text).toContain('skip-gram, 50 dimensions, n-grams of 3 to 6 characters hashed into 60,000 rows');
  });

  it('befriendable: friendly shares 10 n-grams, cosine 0.86, only 132nd; the stem carries about half, the ending a third; 89 words end in -able, 5 contain friend', () => {
    const ft = shippedFastText();
    const b = ft.composition('befriendable');
    const f = ft.composition('friendly');
    expect(b.parts.filter((p) => p.kind === 'ngram' && f.parts.some((q) => q.label === p.label))).toHaveLength(10);
    expect(cosine(b.vector, f.vector).toFixed(2)).toBe('0.86');
    const ranked = ft.nearestToVector(b.vector, 500, new Set()).map((n) => n.word);
    expect(ranked.indexOf('friendly') + 1).toBe(132);
    // Shares of the n-grams that lie wholly inside "<befriend" and wholly inside "able>" (the widget's share column).
    const sum = (inside: string) => b.parts.filter((p) => inside.includes(p.label)).reduce((a, p) => a + p.share, 0);
    expect(sum('<befriend')).toBeGreaterThan(0.45);
    expect(sum('<befriend')).toBeLessThan(0.55);
    expect(sum('able>')).toBeGreaterThan(0.3);
    expect(sum('able>')).toBeLessThan(0.4);
    expect(ft.words.filter((w) => w.endsWith('able'))).toHaveLength(89);
    expect(ft.words.filter((w) => w.includes('friend'))).toHaveLength(5);
    expect(text).toContain('while *friendly* (10 n-grams in common, cosine 0.86) ranks only 132nd');
    expect(text).toContain('89 words of the vocabulary end in *-able* and only 5 contain *friend*');
  });

  it('the hash reads bytes as signed char: plain FNV-1a on ASCII, different on a non-ASCII letter', () => {
    const textbook = (s: string) => {
      let h = 0x811c9dc5;
      for (const byte of new TextEncoder().encode(s)) h = Math.imul(h ^ byte, 0x01000193);
      return h >>> 0;
    };
    for (const g of ['<ca', 'cat>', '<cat>']) expect(fastTextHash(g)).toBe(textbook(g));
    expect(fastTextHash('café')).not.toBe(textbook('café'));
    expect(text).toContain('reading each byte as a signed char, a detail that matters only for non-ASCII letters');
  });

  it('fastText hashes six n-grams for cat, <cat> included (the quiz answer)', () => {
    expect(charNgrams('cat')).toHaveLength(6);
    expect(charNgrams('cat')).toContain('<cat>');
    expect(text).toMatch(/answer: 6\n/);
  });

  it("GloVe's weight of a pair seen 10 times is about 0.18", () => {
    expect((10 / 100) ** 0.75).toBeCloseTo(0.18, 2);
  });

  it('bank: every neighbour from banking and money, no river word', () => {
    const top = neighbours(kv, 'bank');
    expect(top).toEqual(expect.arrayContaining(['banks', 'deposit', 'currency', 'notes']));
    for (const river of ['river', 'rivers', 'shore', 'stream', 'water', 'creek', 'banks of']) expect(top).not.toContain(river);
  });

  it('bank means money in 18 of the 20 sentences drawn at random for the sense game', () => {
    const set = JSON.parse(readFileSync('data/senses/senses.json', 'utf8')) as { words: { word: string; occurrences: { sense: string }[] }[] };
    const bank = set.words.find((w) => w.word === 'bank')!;
    expect(bank.occurrences).toHaveLength(20);
    expect(bank.occurrences.filter((o) => o.sense === 'money')).toHaveLength(18);
    expect(text).toContain('(18 of the 20 sentences with *bank* drawn at random for the sense game below)');
  });

  it("the contextual widget's model: 6,000 words, trained 1,479 steps in 50 minutes", async () => {
    await activateTfjsBackend('cpu');
    const m = loadMlmModel(new Uint8Array(readFileSync('public/models/mlm-brown-sotu.elcm')));
    const meta = m.meta as { steps: number; trainingSeconds: number; settings: { vocabSize: number; layers: number; heads: number; dim: number } };
    expect(meta.settings).toMatchObject({ vocabSize: 6000, layers: 2, heads: 4, dim: 64 });
    expect(meta.steps).toBe(1479);
    expect(Math.round(meta.trainingSeconds / 60)).toBe(50);
    expect(text).toContain('(2 layers of 4 attention heads, 64 dimensions, 6,000 words)');
    expect(text).toContain('for 1,479 steps, 50 minutes on two shared CPU cores');
  });

  it('bank in a river sentence against two money sentences: cosine -0.02, the money pair 0.91 (shipped masked-LM)', async () => {
    await activateTfjsBackend('cpu');
    const m = loadMlmModel(new Uint8Array(readFileSync('public/models/mlm-brown-sotu.elcm')));
    const sentences = ['She sat on the river bank.', 'She paid at the bank.', 'The bank raised its interest rates.'];
    const toks = sentences.map((x) => sentenceTokens(x));
    const enc = await m.encode(toks);
    const v = toks.map((t, i) => enc[i]!.slice(t.indexOf('bank') * m.dim, (t.indexOf('bank') + 1) * m.dim));
    const signed = (x: number) => x.toFixed(2).replace('-', '−');
    expect(signed(cosine(v[0]!, v[1]!))).toBe('−0.02');
    expect(signed(cosine(v[1]!, v[2]!))).toBe('0.91');
    expect(text).toContain('"She sat on the river bank." and "She paid at the bank." have cosine −0.02, while "She paid at the bank." and "The bank raised its interest rates." give 0.91');
  });

  it('says what the lab cannot show yet, and no longer promises a later part', () => {
    // The multimodal section's note (GloVe and the contextual section have their widgets now).
    expect(text.match(/\*\*What the lab can show today:\*\*/g)?.length).toBeGreaterThanOrEqual(1);
    expect(text).not.toMatch(/No GloVe vectors are shipped/);
    expect(text).not.toMatch(/later part of the lab/);
    expect(text).not.toMatch(/47%/);
  });

  it('names the models the Lab really trains (GloVe and fastText are registered)', () => {
    const ids = listModels().map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['glove', 'fasttext']));
    expect(text).toMatch(/\(#\/lab\?model=glove\)/);
    expect(text).toMatch(/\(#\/lab\?model=fasttext\)/);
  });
});
