// Where benchmarks disagree about several sets of vectors: per benchmark, which set is ahead of which beyond the
// noise (their bands do not overlap), and every pair of sets that one benchmark orders one way and another the other.
import { BENCHMARKS, type BenchmarkId, type Scorecard } from './scorecard';

export interface PairOrder {
  a: string;
  b: string;
  /** Benchmarks on which a is ahead of b beyond the noise, on which b is ahead of a, and on which neither is. */
  aAhead: BenchmarkId[];
  bAhead: BenchmarkId[];
  even: BenchmarkId[];
  /** Both lists non-empty: the benchmarks rank this pair in opposite orders. */
  conflict: boolean;
}

export interface RankedBenchmark {
  id: BenchmarkId;
  /** Set names, best first, with their 1-based rank by value. */
  order: { name: string; rank: number; value: number }[];
}

/** a ahead of b on one row: a's band is wholly above b's. */
export function aheadBeyondNoise(a: { low: number; high: number }, b: { low: number; high: number }): boolean {
  return a.low > b.high;
}

export function rankBenchmarks(cards: readonly Scorecard[]): RankedBenchmark[] {
  return BENCHMARKS.filter((b) => cards.every((c) => c.rows.some((r) => r.id === b.id))).map((b) => {
    const scored = cards.map((c) => ({ name: c.name, value: c.rows.find((r) => r.id === b.id)!.value }));
    scored.sort((x, y) => y.value - x.value);
    return { id: b.id, order: scored.map((s, i) => ({ ...s, rank: i + 1 })) };
  });
}

export function pairOrders(cards: readonly Scorecard[]): PairOrder[] {
  const out: PairOrder[] = [];
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const a = cards[i]!;
      const b = cards[j]!;
      const o: PairOrder = { a: a.name, b: b.name, aAhead: [], bAhead: [], even: [], conflict: false };
      for (const bench of BENCHMARKS) {
        const ra = a.rows.find((r) => r.id === bench.id);
        const rb = b.rows.find((r) => r.id === bench.id);
        if (!ra || !rb) continue;
        if (aheadBeyondNoise(ra, rb)) o.aAhead.push(bench.id);
        else if (aheadBeyondNoise(rb, ra)) o.bAhead.push(bench.id);
        else o.even.push(bench.id);
      }
      o.conflict = o.aAhead.length > 0 && o.bAhead.length > 0;
      out.push(o);
    }
  }
  return out;
}
