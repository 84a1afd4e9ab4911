// More claims of lessons/05-training-embeddings.md: how many rows a batch of sentences touches (on Brown), the
// loss widget's opening state (its logistic loss, once shown with the wrong sign), the padding widget's default
// sentences with and without bucketing, and the dimension measurement the text cites from docs/defaults.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonText, shipped } from './shipped';
import { tokenize } from '../../../src/core/text/tokenize';
import { candidateLosses } from '../../../src/core/lessonModels/candidateLosses';
import { DEFAULT_TEXT, padBatches } from '../../../src/ui/lessons/widgets/PaddingWidget';

const text = lessonText('05-training-embeddings.md');
/** The batch the sentence speaks of. */
const BATCH_SENTENCES = 64;

describe('05 training embeddings: batches, losses, padding, dimension', () => {
  it('64 consecutive Brown sentences hold a few hundred distinct words (median about 500) of its 48,526', () => {
    const lines = readFileSync('public/corpora/brown.txt', 'utf8').split('\n').filter(Boolean);
    const vocabulary = new Set<string>();
    for (const l of lines) for (const t of tokenize(l)) vocabulary.add(t);
    expect(vocabulary.size).toBe(48_526);
    expect(text).toContain("out of Brown's 48,526");
    const counts: number[] = [];
    for (let start = 0; start + BATCH_SENTENCES <= lines.length; start += BATCH_SENTENCES) {
      const seen = new Set<string>();
      for (const l of lines.slice(start, start + BATCH_SENTENCES)) for (const t of tokenize(l)) seen.add(t);
      counts.push(seen.size);
    }
    counts.sort((a, b) => a - b);
    const median = counts[counts.length >> 1]!;
    expect(median).toBeGreaterThanOrEqual(450);
    expect(median).toBeLessThanOrEqual(550);
    // "A few hundred": most batches, not only the median.
    expect(counts[Math.floor(0.1 * counts.length)]!).toBeGreaterThanOrEqual(200);
    expect(counts[Math.floor(0.9 * counts.length)]!).toBeLessThan(1000);
    expect(text).toContain('64 consecutive sentences of Brown hold about 500 distinct words');
  });

  it("the loss widget's opening state (tea true, scale 5): cross-entropy 0.47, a positive logistic loss of 8.59, no margin loss", () => {
    const kv = shipped('brown-sotu-sg100');
    const cos = ['tea', 'milk', 'chair', 'river', 'election'].map((w) => kv.similarity('coffee', w));
    const l = candidateLosses(cos, 0, 5, 0.2);
    expect(l.crossEntropy.toFixed(2)).toBe('0.47');
    expect(l.logistic.toFixed(2)).toBe('8.59');
    expect(l.hinge).toBe(0);
    // With milk as the true partner (the quiz), tea and chair are the two terms that add.
    const milk = candidateLosses(cos, 1, 5, 0.2);
    expect(milk.hingeTerms.map((x) => x > 0)).toEqual([true, false, true, false, false]);
  });

  it("bucketing cuts the padding widget's default batches down: 35 of 90 slots padding, 1 of 56 sorted", () => {
    const lengths = DEFAULT_TEXT.split('\n').map((l) => tokenize(l).length);
    const plain = padBatches(lengths, 2, false);
    const sorted = padBatches(lengths, 2, true);
    expect([plain.pads, plain.total]).toEqual([35, 90]);
    expect([sorted.pads, sorted.total]).toEqual([1, 56]);
    expect(text).toMatch(/::widget\{name="padding"\}/);
  });

  it('on Brown, 200 dimensions scored no better than 100 (5 epochs each, docs/defaults.md)', () => {
    const doc = readFileSync('docs/defaults.md', 'utf8');
    const row = (dim: number) => {
      const r = doc.split('\n').find((l) => new RegExp(`^\\| \\**${dim}\\** \\| \\**5\\b`).test(l))!;
      const cells = r.split('|').map((c) => c.trim().replace(/\*/g, ''));
      return { analogy: Number(cells[7]), spearman: Number(cells[8]) };
    };
    const d100 = row(100);
    const d200 = row(200);
    expect(d100.analogy).toBeGreaterThan(0);
    expect(d200.analogy).toBeLessThanOrEqual(d100.analogy);
    expect(d200.spearman).toBeLessThanOrEqual(d100.spearman);
    expect(text).toContain('on Brown, 200 dimensions scored no better than 100');
  });
});
