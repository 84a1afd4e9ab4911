import { describe, expect, it } from 'vitest';
import { WallClockRate } from '../../src/workers/wallClockRate';

describe('WallClockRate', () => {
  it('divides words by wall-clock time, pauses between chunks included', () => {
    const r = new WallClockRate(3_000);
    expect(r.rate()).toBe(0);
    r.add(0, 0);
    expect(r.rate()).toBe(0);
    // Demo speed: 1,000 words in 3 ms of work, then a 60 ms pause, repeated.
    let t = 0;
    for (let i = 1; i <= 20; i++) {
      t += 63;
      r.add(t, i * 1_000);
    }
    expect(r.rate()).toBeCloseTo(1_000 / 0.063, 3);
  });

  it('follows a speed change within the window and forgets the past on reset', () => {
    const r = new WallClockRate(1_000);
    for (let t = 0; t <= 5_000; t += 100) r.add(t, t * 10); // 10,000 words/s
    for (let t = 5_100; t <= 7_000; t += 100) r.add(t, 50_000 + (t - 5_000) * 2); // then 2,000 words/s
    expect(r.rate()).toBeCloseTo(2_000, 6);
    r.reset();
    expect(r.rate()).toBe(0);
  });
});
