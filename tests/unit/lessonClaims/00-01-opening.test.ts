// Claims of lessons/00-from-autoencoders.md and lessons/01-word-embeddings.md, computed as their widgets compute them.
import { describe, expect, it } from 'vitest';
import { lessonText, shipped } from './shipped';
import { AE_GROUPS, buildAeData, generatedCorpus, TinyAutoencoder } from '../../../src/core/lessonModels/autoencoder';
import { contextSoftmax, SCORE_SCALE, SOFTMAX_WORDS } from '../../../src/core/vectors/softmaxScores';

/** Mean within-group distance over mean across-group distance of the fruit and drink codes (small = grouped). */
function groupRatio(codes: [number, number][], words: string[]): number {
  const at = (w: string) => codes[words.indexOf(w)]!;
  const d = (a: string, b: string) => Math.hypot(at(a)[0] - at(b)[0], at(a)[1] - at(b)[1]);
  const { fruit, drinks } = AE_GROUPS;
  let within = 0;
  let nw = 0;
  let across = 0;
  let na = 0;
  for (const g of [fruit, drinks]) {
    for (const a of g) {
      for (const b of g) {
        if (a < b) {
          within += d(a, b);
          nw++;
        }
      }
    }
  }
  for (const a of fruit) {
    for (const b of drinks) {
      across += d(a, b);
      na++;
    }
  }
  return within / nw / (across / na);
}

describe('00 from autoencoders', () => {
  const text = lessonText('00-from-autoencoders.md');
  // The widget's corpus and settings: window 2, up to 20 words, 400 steps.
  const data = buildAeData(generatedCorpus(), 2, 20);
  const trained = (mode: 'onehot-self' | 'cooc-self' | 'onehot-ctx', seed: number) => {
    const m = new TinyAutoencoder(data, mode, seed);
    for (let i = 0; i < 400; i++) m.step();
    return groupRatio(m.codes(), data.words);
  };

  it('the widget starts in the set-up the prediction asks about, with 400 steps', () => {
    expect(text).toMatch(/::widget\{name="autoencoder" mode="onehot-ctx" steps="400"\}/);
  });

  it('one-hot in, context out: fruit and drinks gather (learned), for several seeds', () => {
    for (const seed of [1, 2, 3]) expect(trained('onehot-ctx', seed), `seed ${seed}`).toBeLessThan(0.2);
  });

  it('rebuilding the one-hot vector gives no fruit group', () => {
    for (const seed of [1, 2, 3]) expect(trained('onehot-self', seed), `seed ${seed}`).toBeGreaterThan(0.5);
  });

  it('the corpus: 48 sentences, seventeen words, each sentence pattern once with each of its four nouns', () => {
    const lines = generatedCorpus().split('\n');
    expect(lines).toHaveLength(48);
    expect(text).toMatch(/tiny generated corpus of 48 sentences/);
    expect(data.words).toHaveLength(17);
    expect(text).toMatch(/grows from seventeen words/);
    expect(lines).toContain('we eat ripe pear');
    expect(lines).toContain('they drink hot tea');
    expect(text).toMatch(/Each sentence pattern occurs exactly once with each of its four nouns/);
    // Strip the noun: each pattern ("we eat ripe") is seen once with each fruit, or once with each drink.
    const byPattern = new Map<string, string[]>();
    for (const l of lines) {
      const cut = l.lastIndexOf(' ');
      byPattern.set(l.slice(0, cut), [...(byPattern.get(l.slice(0, cut)) ?? []), l.slice(cut + 1)]);
    }
    for (const [pattern, nouns] of byPattern) {
      const group = AE_GROUPS.fruit.includes(nouns[0]!) ? AE_GROUPS.fruit : AE_GROUPS.drinks;
      expect([...nouns].sort(), pattern).toEqual([...group].sort());
    }
  });

  it('one-hot in, context out: the verb and adjectives of each group settle nearer their own nouns', () => {
    expect(text).toMatch(/the adjectives and verbs of each group settle nearby/);
    for (const seed of [1, 2, 3]) {
      const m = new TinyAutoencoder(data, 'onehot-ctx', seed);
      for (let i = 0; i < 400; i++) m.step();
      const codes = m.codes();
      const at = (w: string) => codes[data.words.indexOf(w)]!;
      const centre = (ws: string[]) => [0, 1].map((k) => ws.reduce((s, w) => s + at(w)[k]!, 0) / ws.length);
      const dist = (w: string, c: number[]) => Math.hypot(at(w)[0] - c[0]!, at(w)[1] - c[1]!);
      const fruit = centre(AE_GROUPS.fruit);
      const drinks = centre(AE_GROUPS.drinks);
      for (const w of ['eat', 'ripe', 'sweet']) expect(dist(w, fruit), `${w}, seed ${seed}`).toBeLessThan(dist(w, drinks));
      for (const w of ['drink', 'hot', 'cold']) expect(dist(w, drinks), `${w}, seed ${seed}`).toBeLessThan(dist(w, fruit));
    }
  });

  it('co-occurrence rows of the four fruit words are identical: the grouping is given by the input', () => {
    const V = data.words.length;
    const row = (w: string) => Array.from(data.cooc.subarray(data.words.indexOf(w) * V, (data.words.indexOf(w) + 1) * V));
    const [first, ...rest] = AE_GROUPS.fruit;
    for (const w of rest) expect(row(w), w).toEqual(row(first!));
    expect(text).toMatch(/co-occurrence rows are \*\*identical\*\*/);
  });
});

describe('01 word embeddings: the softmax widget (brown-sotu-sg100, coffee / cup)', () => {
  const text = lessonText('01-word-embeddings.md');
  const kv = shipped('brown-sotu-sg100');
  const soft = contextSoftmax(kv, 'coffee')!;
  const order = Array.from(soft.p.keys()).sort((a, b) => soft.p[b]! - soft.p[a]!);

  it('is pinned and scores 10 x cosine over the 10,000 most frequent words', () => {
    expect(text).toMatch(/::widget\{name="softmax-cost" vectors="brown-sotu-sg100" centre="coffee" context="cup"/);
    expect(SCORE_SCALE).toBe(10);
    expect(SOFTMAX_WORDS).toBe(10_000);
    expect(soft.n).toBe(10_000);
  });

  it('tea is the most probable context, at about 0.7% (less than 1%), about 70 times uniform', () => {
    expect(kv.words[order[0]!]).toBe('tea');
    expect(soft.p[order[0]!]).toBeGreaterThan(0.005);
    expect(soft.p[order[0]!]).toBeLessThan(0.01);
    expect(soft.p[order[0]!]! * soft.n).toBeGreaterThan(50);
    expect(soft.p[order[0]!]! * soft.n).toBeLessThan(90);
  });

  it('the 100 most probable words hold about 13% of the mass', () => {
    const mass = order.slice(0, 100).reduce((s, i) => s + soft.p[i]!, 0);
    expect(mass).toBeGreaterThan(0.11);
    expect(mass).toBeLessThan(0.15);
  });

  it('cup gets about 0.15%, about fifteen times uniform', () => {
    const p = soft.p[kv.indexOf('cup')]!;
    expect(p).toBeGreaterThan(0.0012);
    expect(p).toBeLessThan(0.0018);
    expect(Math.round(p * soft.n)).toBe(15);
  });
});
