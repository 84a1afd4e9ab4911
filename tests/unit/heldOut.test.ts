// The held-out split the subword-vocabulary stepper is judged on.
import { describe, expect, it } from 'vitest';
import { splitCounts } from '../../src/core/text/subwords/heldOut';

describe('splitCounts', () => {
  it('holds out the last sentences and drops rare training words', () => {
    const text = 'the cat sat\nthe cat ran\nthe dog sat\na zebra ran';
    const s = splitCounts(text, 0.25, 2);
    expect([...s.heldOut]).toEqual([['a', 1], ['zebra', 1], ['ran', 1]]);
    expect(s.heldOutTokens).toBe(3);
    expect(s.trainTokens).toBe(9);
    expect(Object.fromEntries(s.train)).toEqual({ the: 3, cat: 2, sat: 2 });
    expect(() => splitCounts(text, 0)).toThrow(/between 0 and 1/);
  });
});
