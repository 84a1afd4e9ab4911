// A mean over "recent" data without keeping every sample: two buckets, the current one and the last full one. When
// the current bucket holds `window` units it becomes the previous one. The mean covers between window and 2*window
// of the latest units, so it follows the trend (the loss falling, the speed changing) yet never jumps on one chunk.
export class RecentMean {
  private prevSum = 0;
  private prevCount = 0;
  private curSum = 0;
  private curCount = 0;

  constructor(private readonly window: number) {}

  add(sum: number, count: number): void {
    this.curSum += sum;
    this.curCount += count;
    if (this.curCount >= this.window) {
      this.prevSum = this.curSum;
      this.prevCount = this.curCount;
      this.curSum = 0;
      this.curCount = 0;
    }
  }

  sum(): number {
    return this.prevSum + this.curSum;
  }

  count(): number {
    return this.prevCount + this.curCount;
  }

  /** NaN before anything was added. */
  mean(): number {
    const n = this.count();
    return n > 0 ? this.sum() / n : NaN;
  }

  reset(): void {
    this.prevSum = this.prevCount = this.curSum = this.curCount = 0;
  }
}
