// The pure parts behind the lesson widgets: context windows, padding, layout scores, progress storage and safe
// Markdown (the tiny autoencoder, the probe and fine-tuning have their own tests, named after their core modules).
import { describe, expect, it } from 'vitest';
import { padBatches } from '../../src/ui/lessons/widgets/PaddingWidget';
import { pairsFor } from '../../src/ui/lessons/widgets/ContextWindowWidget';
import { neighbourKept } from '../../src/ui/lessons/widgets/neighbourKept';
import { readProgress, summarize } from '../../src/ui/lessons/lessonsStore';
import { renderMarkdown } from '../../src/ui/lessons/renderMarkdown';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { Rng } from '../../src/core/train/rng';

// The subword widget's n-grams and hash are the fastText core's now: tests/unit/fastTextNgrams.test.ts.

describe('context windows and padding', () => {
  it('pairs a centre word with its window', () => {
    const t = 'a b c d e f'.split(' ');
    expect(pairsFor(t, 0, 2)).toEqual(['b', 'c']);
    expect(t.reduce((n, _, i) => n + pairsFor(t, i, 2).length, 0)).toBe(18);
  });

  it('counts padding, and bucketing reduces it', () => {
    const lengths = [2, 10, 3, 9];
    const plain = padBatches(lengths, 2, false);
    const sorted = padBatches(lengths, 2, true);
    expect(plain.pads).toBe(8 + 6);
    expect(sorted.pads).toBe(1 + 1);
    expect(sorted.total).toBe(sorted.pads + 24);
  });
});

function clusteredVectors(seed: number) {
  const rng = new Rng(seed);
  const words: string[] = [];
  const rows: number[] = [];
  for (let g = 0; g < 2; g++) for (let i = 0; i < 20; i++) {
    words.push(`g${g}w${i}`);
    for (let d = 0; d < 8; d++) rows.push((d === g ? 3 : 0) + rng.nextFloat() - 0.5);
  }
  return new KeyedVectors(words, Float32Array.from(rows), 8);
}

describe('layouts of clustered vectors', () => {
  it('scores a layout that keeps neighbourhoods above a scrambled one', () => {
    const kv = clusteredVectors(2);
    const good = new Float32Array(kv.size * 2);
    const bad = new Float32Array(kv.size * 2);
    const rng = new Rng(3);
    kv.words.forEach((w, i) => {
      good[2 * i] = w.startsWith('g1') ? 10 : 0;
      good[2 * i + 1] = rng.nextFloat();
      bad[2 * i] = rng.nextFloat();
      bad[2 * i + 1] = rng.nextFloat();
    });
    expect(neighbourKept(kv.vectors, kv.size, kv.dim, good, 3)).toBeGreaterThan(neighbourKept(kv.vectors, kv.size, kv.dim, bad, 3));
  });
});

describe('progress storage and Markdown', () => {
  it('reads good progress and drops damaged entries with a message', () => {
    const ok = { a: { step: 2, visited: [0, 1, 2], quizzes: { 'a-q1': 'correct' } } };
    expect(readProgress(JSON.stringify(ok))).toEqual({ progress: ok, problem: null });
    const mixed = readProgress(JSON.stringify({ ...ok, b: { step: 'x' } }));
    expect(Object.keys(mixed.progress)).toEqual(['a']);
    expect(mixed.problem).toMatch(/damaged/);
    expect(readProgress('{not json').problem).toMatch(/could not be read/);
    expect(summarize(ok.a as never, 3, ['a-q1', 'a-q2'])).toEqual({ seen: 3, stepCount: 3, correct: 1, quizCount: 2, complete: false });
  });

  it('typesets maths and escapes raw HTML and script links', () => {
    const html = renderMarkdown('Cost $|V|$ <script>alert(1)</script> [x](javascript:alert(1))\n\n$$\n\\frac{a}{b}\n$$');
    expect(html).toContain('class="katex"');
    expect(html).toContain('katex-display');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/href="javascript/);
  });
});
