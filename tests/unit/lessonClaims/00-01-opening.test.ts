// Claims of lessons/00-from-autoencoders.md and lessons/01-word-embeddings.md, computed as their widgets compute them.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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

  it('one-hot in, context out: words that share their neighbours share a spot (ripe/sweet, hot/cold, i/we/they)', () => {
    expect(text).toMatch(/\*ripe\* with \*sweet\*, \*hot\* with \*cold\*, and \*i\*, \*we\* and \*they\*/);
    for (const seed of [1, 2, 3]) {
      const m = new TinyAutoencoder(data, 'onehot-ctx', seed);
      for (let i = 0; i < 400; i++) m.step();
      const codes = m.codes();
      const at = (w: string) => codes[data.words.indexOf(w)]!;
      const d = (a: string, b: string) => Math.hypot(at(a)[0] - at(b)[0], at(a)[1] - at(b)[1]);
      let spread = 0;
      let pairs = 0;
      for (const a of data.words) for (const b of data.words) if (a < b) { spread += d(a, b); pairs++; }
      spread /= pairs;
      // "the same spot": closer than a tenth of the mean distance between any two words.
      for (const [a, b] of [['ripe', 'sweet'], ['hot', 'cold'], ['i', 'we'], ['we', 'they'], ['i', 'they']]) {
        expect(d(a!, b!) / spread, `${a}/${b}, seed ${seed}`).toBeLessThan(0.1);
      }
      // Words with different neighbours do not: the two verbs stay apart.
      expect(d('eat', 'drink') / spread, `eat/drink, seed ${seed}`).toBeGreaterThan(0.2);
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

describe('01 word embeddings: context windows', () => {
  const text = lessonText('01-word-embeddings.md');
  const kv = shipped('brown-sotu-sg100');

  it("on the shipped vectors (window 5) doctor's nearest are people and names; hospital ranks about 250th", () => {
    expect(text).toMatch(/\(\*wally\*, \*dad\*, \*mama\*, \*cook\*, \*cop\*\), and \*hospital\* ranks only about 250th/);
    const top = kv.mostSimilar({ positive: ['doctor'], topn: 10 }).map((n) => n.word);
    expect(top).toEqual(expect.arrayContaining(['wally', 'dad', 'mama', 'cook', 'cop']));
    const rank = kv.mostSimilar({ positive: ['doctor'], topn: kv.size }).findIndex((n) => n.word === 'hospital') + 1;
    expect(rank).toBeGreaterThan(200);
    expect(rank).toBeLessThan(300);
    // "(window 5)": the settings the shipped set was trained with.
    const index = (JSON.parse(readFileSync('public/vectors/index.json', 'utf8')) as { sets: { id: string; settings: { window: number } }[] }).sets;
    expect(index.find((e) => e.id === 'brown-sotu-sg100')!.settings.window).toBe(5);
  });
});
