import { describe, expect, it } from 'vitest';
import { buildHuffman, codeString } from '../../src/core/train/huffman';
import { Rng } from '../../src/core/train/rng';

/** Optimal total cost sum(count * depth) by the textbook heap construction (sum of merged weights). */
function optimalCost(counts: number[]): number {
  const q = [...counts];
  let cost = 0;
  while (q.length > 1) {
    q.sort((a, b) => a - b);
    const m = q.shift()! + q.shift()!;
    cost += m;
    q.push(m);
  }
  return cost;
}

describe('Huffman tree (word2vec.c construction)', () => {
  it('gives the hand-computed codes and points on a 4-word vocabulary', () => {
    const t = buildHuffman([4, 2, 1, 1]);
    expect([0, 1, 2, 3].map((w) => codeString(t, w))).toEqual(['1', '01', '001', '000']);
    const pts = (w: number) => Array.from(t.points.subarray(t.offsets[w], t.offsets[w + 1]));
    expect(pts(0)).toEqual([2]);
    expect(pts(1)).toEqual([2, 1]);
    expect(pts(2)).toEqual([2, 1, 0]);
    expect(pts(3)).toEqual([2, 1, 0]);
    expect(t.maxCodeLength).toBe(3);
  });

  it('is prefix-free, complete (Kraft sum 1), optimal, with shorter codes for more frequent words', () => {
    const rng = new Rng(3);
    for (let trial = 0; trial < 5; trial++) {
      const V = 50 + trial * 37;
      const counts = Array.from({ length: V }, () => 1 + Math.floor(Math.exp(rng.nextFloat() * 9)));
      counts.sort((a, b) => b - a);
      const t = buildHuffman(counts);
      const codes = counts.map((_, w) => codeString(t, w));
      let kraft = 0;
      let cost = 0;
      for (let w = 0; w < V; w++) {
        kraft += 2 ** -codes[w].length;
        cost += counts[w] * codes[w].length;
        if (w > 0) expect(codes[w].length).toBeGreaterThanOrEqual(codes[w - 1].length);
        // Inner node ids are in range and the path starts at the root.
        const o = t.offsets[w];
        expect(t.points[o]).toBe(V - 2);
        for (let i = o; i < t.offsets[w + 1]; i++) expect(t.points[i] >= 0 && t.points[i] <= V - 2).toBe(true);
      }
      expect(kraft).toBeCloseTo(1, 12);
      expect(cost).toBe(optimalCost(counts));
      const sorted = [...codes].sort();
      for (let i = 1; i < sorted.length; i++) expect(sorted[i].startsWith(sorted[i - 1])).toBe(false);
    }
  });

  it('maps each inner node to one consistent position: same prefix, same point', () => {
    const counts = [30, 20, 10, 9, 8, 3, 2, 2, 1];
    const t = buildHuffman(counts);
    const nodeOfPrefix = new Map<string, number>();
    for (let w = 0; w < counts.length; w++) {
      const code = codeString(t, w);
      for (let i = 0; i < code.length; i++) {
        const prefix = code.slice(0, i);
        const p = t.points[t.offsets[w] + i];
        if (nodeOfPrefix.has(prefix)) expect(nodeOfPrefix.get(prefix)).toBe(p);
        else nodeOfPrefix.set(prefix, p);
      }
    }
    expect(nodeOfPrefix.size).toBe(counts.length - 1);
  });

  it('explains bad input', () => {
    expect(() => buildHuffman([3])).toThrow(/at least 2 words/);
    expect(() => buildHuffman([1, 2])).toThrow(/descending/);
  });
});
