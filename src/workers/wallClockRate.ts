// Words per second as a person watching the lab experiences it: words processed over wall-clock time, including
// the pauses a throttled speed (Demo, Slow motion) puts between chunks. The engine's own figure counts only the time
// spent inside its arithmetic, which in Demo speed read 210k-430k words/s while about 16k were processed per second.

/** The rate is measured over about this much recent time: long enough to be steady, short enough to follow a speed change. */
export const RATE_WINDOW_MS = 3_000;

interface Sample {
  t: number;
  words: number;
}

export class WallClockRate {
  private samples: Sample[] = [];

  constructor(private readonly windowMs = RATE_WINDOW_MS) {}

  /** Forget the history (after a pause, a step or a new run: time spent stopped is not training time). */
  reset(): void {
    this.samples = [];
  }

  /** Record that `words` had been processed in total at time `t` (ms). */
  add(t: number, words: number): void {
    this.samples.push({ t, words });
    // Keep one sample older than the window so the window is always fully covered.
    while (this.samples.length > 2 && t - this.samples[1]!.t >= this.windowMs) this.samples.shift();
  }

  /** Words per second over the window; 0 until two samples some time apart exist. */
  rate(): number {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.t <= first.t) return 0;
    return ((last.words - first.words) * 1000) / (last.t - first.t);
  }
}
