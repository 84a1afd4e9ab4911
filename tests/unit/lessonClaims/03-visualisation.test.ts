// Claims of lessons/03-visualisation.md: the t-SNE runs widget's "5-NN kept" score at learning rates 10, 100 and
// 1000 (seeds 1 and 2, perplexity 10, as the widget starts), and its perplexity cap, on brown-sotu-sg100.
import { describe, expect, it } from 'vitest';
import { lessonText, shipped } from './shipped';
import { Tsne } from '../../../src/core/project/tsne';
import { effectivePerplexity } from '../../../src/core/project/affinities';
import { WORD_GROUPS } from '../../../src/ui/lessons/widgets/wordGroups';
import { neighbourKept } from '../../../src/ui/lessons/widgets/neighbourKept';

const kv = shipped('brown-sotu-sg100');
const words = Object.values(WORD_GROUPS).flat().filter((w) => kv.has(w));
const vectors = new Float32Array(words.length * kv.dim);
words.forEach((w, i) => vectors.set(kv.vector(w), i * kv.dim));
/** Slice of work per call while running a layout to the end (any value gives the same layout). */
const WORK_MS = 50;

function kept(learningRate: number, seed: number): number {
  const t = new Tsne({ perplexity: 10, learningRate, seed });
  t.setData(words, vectors, kv.dim);
  while (!t.settled) t.work(WORK_MS);
  return neighbourKept(vectors, words.length, kv.dim, t.positions(), 5);
}

describe('03 visualisation (brown-sotu-sg100)', () => {
  const text = lessonText('03-visualisation.md');

  it('the widget is pinned', () => {
    expect(text).toMatch(/::widget\{name="tsne-runs" vectors="brown-sotu-sg100"\}/);
  });

  it('learning rate: 10 and 100 keep about two thirds of the 5-NN; 1000 drops to between 25% and 45%', () => {
    for (const seed of [1, 2]) {
      const at10 = kept(10, seed);
      const at100 = kept(100, seed);
      const at1000 = kept(1000, seed);
      expect(at100, `seed ${seed}`).toBeGreaterThan(0.6);
      expect(at100, `seed ${seed}`).toBeLessThan(0.72);
      expect(Math.abs(at10 - at100), `seed ${seed}`).toBeLessThan(0.1);
      expect(at1000, `seed ${seed}`).toBeGreaterThan(0.2);
      expect(at1000, `seed ${seed}`).toBeLessThan(0.48);
      expect(at100 - at1000, `seed ${seed}`).toBeGreaterThan(0.15);
    }
  });

  it('perplexity 50 is lowered, to about a third of the words, with a note; 20 is not', () => {
    const capped = effectivePerplexity(50, words.length);
    expect(capped.note).toBeTruthy();
    expect(capped.perplexity).toBeCloseTo(words.length / 3, -1);
    expect(effectivePerplexity(20, words.length).note).toBeUndefined();
  });
});
