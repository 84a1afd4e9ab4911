// Where benchmarks disagree: a pair is ordered on a benchmark only when the bands do not overlap, and a conflict is
// a pair that one benchmark orders one way and another the other way.
import { describe, expect, it } from 'vitest';
import { aheadBeyondNoise, pairOrders, rankBenchmarks } from '../../src/core/scorecard/disagreement';
import type { BenchmarkId, Scorecard, ScoreRow } from '../../src/core/scorecard/scorecard';

function card(name: string, scores: Partial<Record<BenchmarkId, [number, number, number]>>): Scorecard {
  const rows = Object.entries(scores).map(
    ([id, [value, low, high]]): ScoreRow => ({ id: id as BenchmarkId, name: id, kind: 'intrinsic', value, low, high, noise: '', baselines: [], verdict: 'beats', verdictRule: '', detail: '' }),
  );
  return { name, words: 10, dim: 2, rows, seconds: 0 };
}

describe('scorecard disagreement', () => {
  it('orders a pair only when the bands do not overlap', () => {
    expect(aheadBeyondNoise({ low: 0.5, high: 0.6 }, { low: 0.3, high: 0.49 })).toBe(true);
    expect(aheadBeyondNoise({ low: 0.5, high: 0.6 }, { low: 0.3, high: 0.5 })).toBe(false);
  });

  it('finds the pair two benchmarks rank in opposite orders, and not the pair they merely tie', () => {
    const a = card('A', { analogy: [0.2, 0.18, 0.22], probe: [0.7, 0.69, 0.71], similarity: [0.3, 0.2, 0.4] });
    const b = card('B', { analogy: [0.1, 0.08, 0.12], probe: [0.8, 0.79, 0.81], similarity: [0.35, 0.25, 0.45] });
    const c = card('C', { analogy: [0.19, 0.1, 0.25], probe: [0.75, 0.6, 0.9], similarity: [0.1, 0.0, 0.2] });
    const [ab, ac, bc] = pairOrders([a, b, c]);
    expect(ab).toMatchObject({ a: 'A', b: 'B', aAhead: ['analogy'], bAhead: ['probe'], even: ['similarity'], conflict: true });
    expect(ac).toMatchObject({ aAhead: [], bAhead: [], conflict: false });
    expect(bc).toMatchObject({ aAhead: ['similarity'], bAhead: [], conflict: false });
    const ranks = rankBenchmarks([a, b, c]);
    expect(ranks.map((r) => r.id)).toEqual(['analogy', 'similarity', 'probe']);
    expect(ranks[0]!.order.map((o) => `${o.rank}${o.name}`)).toEqual(['1A', '2C', '3B']);
  });

  it('ranks only the benchmarks every card has', () => {
    const a = card('A', { analogy: [0.2, 0.1, 0.3], genre: [0.5, 0.4, 0.6] });
    const b = card('B', { analogy: [0.3, 0.2, 0.4] });
    expect(rankBenchmarks([a, b]).map((r) => r.id)).toEqual(['analogy']);
  });
});
