// Intervals for the scorecard's intrinsic scores, so that every figure it prints carries its noise: a binomial
// interval for an accuracy over questions, and a bootstrap interval for a correlation over word pairs.
import { seededRandom } from '../search/rankingMetrics';
import { spearman } from '../vectors/stats';

/** z for a two-sided 95% interval. */
const Z95 = 1.959964;
/** Bootstrap resamples: the 2.5% and 97.5% quantiles settle to about a hundredth with a thousand. */
export const CORRELATION_RESAMPLES = 1000;

/** Wilson's 95% score interval for `correct` of `total` (sensible at 0 and at small totals, unlike p +- 2 se). */
export function wilsonInterval(correct: number, total: number): { low: number; high: number } {
  if (total <= 0) return { low: NaN, high: NaN };
  const p = correct / total;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / (1 + z2 / total);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Spearman's correlation of x and y with a 95% percentile bootstrap interval over resampled pairs; seeded. */
export function spearmanWithInterval(x: readonly number[], y: readonly number[], seed = 1): { value: number; low: number; high: number } {
  const n = x.length;
  const value = spearman(x, y);
  if (n < 3) return { value, low: NaN, high: NaN };
  const rand = seededRandom(seed);
  const values: number[] = [];
  const bx = new Array<number>(n);
  const by = new Array<number>(n);
  for (let b = 0; b < CORRELATION_RESAMPLES; b++) {
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * n);
      bx[i] = x[j]!;
      by[i] = y[j]!;
    }
    const r = spearman(bx, by);
    if (Number.isFinite(r)) values.push(r);
  }
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))]!;
  return { value, low: at(0.025), high: at(0.975) };
}
