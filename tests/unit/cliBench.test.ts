// The bench's own arithmetic: reading fastText's training time off its streamed output, ratios to gensim, the table.
import { describe, expect, it } from 'vitest';
import type { ChildResult } from '../../bench/child';
import { addRatios, formatTable, type ScoredRun } from '../../bench/table';
import { parseFasttextStderr } from '../../bench/trainers';

function fasttextOutput(): ChildResult {
  return {
    code: 0,
    signal: null,
    wallSeconds: 9,
    peakRssMB: 200,
    stdout: '',
    stderr: [
      { atMs: 100, cpuSeconds: 0.1, text: '\rRead 0M words\rRead 1M words\nNumber of words:  14141\n' },
      { atMs: 1500, cpuSeconds: 1.4, text: 'Number of labels: 0\n' },
      { atMs: 1600, cpuSeconds: 1.5, text: '\rProgress:   0.3% words/sec/thread:   91234 lr:  0.024925 avg.loss:  4.123456 ETA:   0h 0m' },
      { atMs: 6600, cpuSeconds: 6.2, text: '\rProgress:  99.9% words/sec/thread:  101234 lr:  0.000025 avg.loss:  2.700000 ETA:   0h 0m' },
      { atMs: 7500, cpuSeconds: 7.0, text: '\rProgress: 100.0% words/sec/thread:  101000 lr:  0.000000 avg.loss:  2.612345 ETA:   0h 0m 0s\n' },
    ],
  };
}

describe('fastText output', () => {
  it('times training from the vocabulary line to the 100% line, in wall and CPU seconds', () => {
    const p = parseFasttextStderr(fasttextOutput());
    expect(p.seconds).toBeCloseTo(6.0, 6);
    expect(p.cpuSeconds).toBeCloseTo(5.6, 6);
    expect(p.vocab).toBe(14141);
    expect(p.loss).toBeCloseTo(2.612345, 6);
  });

  it('reads a line that arrived in pieces (fastText writes "Progress: ", "100.0" and "%" separately), timed by its last piece', () => {
    const r = fasttextOutput();
    r.stderr.splice(4, 1,
      { atMs: 7400, cpuSeconds: 6.9, text: '\rProgress: ' },
      { atMs: 7450, cpuSeconds: 6.95, text: '100.0' },
      { atMs: 7500, cpuSeconds: 7.0, text: '%' },
      { atMs: 7510, cpuSeconds: 7.0, text: ' words/sec/thread:  101000 lr:  0.000000 avg.loss:  2.612345 ETA:   0h 0m 0s\n' });
    const p = parseFasttextStderr(r);
    expect(p.seconds).toBeCloseTo(6.0, 6);
    expect(p.cpuSeconds).toBeCloseTo(5.6, 6);
    expect(p.loss).toBeCloseTo(2.612345, 6);
  });

  it('gives no time when training never reached 100%', () => {
    const r = fasttextOutput();
    r.stderr.pop();
    expect(parseFasttextStderr(r).seconds).toBeUndefined();
  });
});

function run(trainer: string, corpusLabel: string, wordsPerSec: number, accuracy: number): ScoredRun {
  return {
    trainer, model: 'skipgram', threads: 1, corpusLabel, ok: true, words: 5e6, seconds: 5e6 / wordsPerSec, wordsPerSec,
    wordsPerCpuSec: wordsPerSec, peakRssMB: 100, finalLoss: 2.5, timing: 'test',
    scores: { analogies: [{ file: 'a.txt', accuracy, correct: 1, total: 10, coverage: 1 }], similarity: [{ file: 's.txt', spearman: 0.3, pairs: 10, oov: 0 }] },
  };
}

describe('ratios to gensim', () => {
  it('divides by the gensim run of the same model and leaves quality ratios out on a different text', () => {
    const runs = [run('lab cpu', 'brown', 100_000, 0.02), run('lab tfjs-wasm', 'brown[:50k]', 20_000, 0.01), run('gensim 4.2.0', 'brown', 400_000, 0.04)];
    addRatios(runs);
    expect(runs[0]!.ratios).toMatchObject({ wordsPerSec: 0.25, analogy: 0.5, spearman: 1 });
    expect(runs[1]!.ratios!.wordsPerSec).toBeCloseTo(0.05, 10);
    expect(runs[1]!.ratios!.analogy).toBeUndefined();
    const table = formatTable(runs).split('\n');
    expect(table).toHaveLength(5);
    expect(table[2]).toMatch(/\| lab cpu \| 1 \| brown \| 50\.0 \| 100,000 \| 0\.25x \|/);
  });

  it('compares fastText with subwords to Debian\'s fastText of the same model, not to gensim or to a fastText of another model', () => {
    const ft = (trainer: string, wps: number, acc: number): ScoredRun => ({ ...run(trainer, 'brown', wps, acc), model: 'fasttext' });
    const runs = [
      ft('lab cpu', 160_000, 0.45), ft('fastText', 40_000, 0.5),
      run('gensim 4.2.0', 'brown', 400_000, 0.04), { ...run('fastText', 'brown', 80_000, 0.04), model: 'skipgram' as const },
    ];
    addRatios(runs);
    expect(runs[0]!.ratios).toMatchObject({ wordsPerSec: 4, analogy: 0.9 });
    expect(runs[1]!.ratios).toMatchObject({ wordsPerSec: 1 });
    // the skip-gram rows still go to gensim
    expect(runs[3]!.ratios).toMatchObject({ wordsPerSec: 0.2 });
  });

  it('shows a failed trainer with its reason instead of numbers', () => {
    const failed: ScoredRun = { trainer: 'fastText', model: 'cbow', threads: 1, corpusLabel: 'brown', ok: false, error: 'exit 1: bad flag', timing: 'test' };
    expect(formatTable([failed])).toMatch(/\| cbow \| fastText \| 1 \| brown \| failed: exit 1: bad flag \|/);
  });
});
