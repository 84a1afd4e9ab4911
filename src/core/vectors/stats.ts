// Correlation coefficients for word-similarity benchmarks. Spearman is Pearson on ranks, with tied values given
// the average of the ranks they span (scipy.stats.spearmanr does the same, and the benchmarks are full of ties).

/** 1-based ranks; ties share the mean of the ranks they occupy. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    const mean = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!] = mean;
    start = end + 1;
  }
  return ranks;
}

/** Pearson's r; NaN when there are fewer than two values or one side is constant. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new RangeError(`pearson needs equal lengths, got ${x.length} and ${y.length}`);
  const n = x.length;
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return sxy / Math.sqrt(sxx * syy);
}

export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(averageRanks(x), averageRanks(y));
}
