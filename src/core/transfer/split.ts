// Seeded, stratified splits: every class keeps its share in both parts, so a small training set still sees each
// class and the held-out accuracy is not skewed by a lucky draw of the easy class.
import { Rng } from '../train/rng';

/** Fisher-Yates shuffle in place with a seeded generator. */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
  return items;
}

/** Indices of each class, in input order. */
function byClass(labels: ArrayLike<number>, classes: number): number[][] {
  const out: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    if (!Number.isInteger(c) || c < 0 || c >= classes) throw new RangeError(`label ${c} at position ${i} is not in 0..${classes - 1}`);
    out[c]!.push(i);
  }
  return out;
}

/**
 * How many of `n` items each class gets when drawing in proportion to `sizes` (largest remainder), then, whenever n
 * allows, at least one per non-empty class (taken from the class with the most), so that no class vanishes from a
 * small draw.
 */
export function stratifiedCounts(sizes: readonly number[], n: number): number[] {
  const total = sizes.reduce((s, v) => s + v, 0);
  if (n > total) throw new RangeError(`cannot draw ${n} items from ${total}`);
  const exact = sizes.map((s) => (total > 0 ? (s * n) / total : 0));
  const counts = exact.map((e) => Math.floor(e));
  let left = n - counts.reduce((s, v) => s + v, 0);
  const byRemainder = exact.map((e, c) => ({ c, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.c - b.c);
  for (let i = 0; left > 0; i = (i + 1) % byRemainder.length) {
    const c = byRemainder[i]!.c;
    if (counts[c]! < sizes[c]!) {
      counts[c]!++;
      left--;
    }
  }
  const nonEmpty = sizes.filter((s) => s > 0).length;
  if (n >= nonEmpty) {
    for (let c = 0; c < sizes.length; c++) {
      if (sizes[c]! === 0 || counts[c]! > 0) continue;
      const donor = counts.indexOf(Math.max(...counts));
      counts[donor]!--;
      counts[c] = 1;
    }
  }
  return counts;
}

/** A stratified split into a held-out part of `testShare` of the items and the rest; seeded. */
export function stratifiedSplit(labels: ArrayLike<number>, classes: number, testShare: number, seed: number): { train: number[]; test: number[] } {
  if (!(testShare > 0 && testShare < 1)) throw new RangeError(`the held-out share must be between 0 and 1, got ${testShare}`);
  const rng = new Rng(seed);
  const groups = byClass(labels, classes).map((g) => shuffleInPlace(g, rng));
  const testCounts = stratifiedCounts(groups.map((g) => g.length), Math.round(labels.length * testShare));
  const train: number[] = [];
  const test: number[] = [];
  groups.forEach((g, c) => {
    test.push(...g.slice(0, testCounts[c]));
    train.push(...g.slice(testCounts[c]));
  });
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}

/**
 * Stratified subsets of `pool` for each size from one seeded shuffle per class: every subset takes a prefix of each
 * class's order, so a larger set contains the smaller one (whenever rounding gives no class fewer items) and the
 * curve moves mostly by added data, not by a fresh draw.
 */
export function nestedStratifiedSubsets(
  pool: readonly number[],
  labels: ArrayLike<number>,
  classes: number,
  sizes: readonly number[],
  seed: number,
): number[][] {
  const rng = new Rng(seed);
  const groups: number[][] = Array.from({ length: classes }, () => []);
  for (const i of pool) groups[labels[i]!]!.push(i);
  for (const g of groups) shuffleInPlace(g, rng);
  return sizes.map((n) => {
    const counts = stratifiedCounts(groups.map((g) => g.length), n);
    const out: number[] = [];
    groups.forEach((g, c) => out.push(...g.slice(0, counts[c])));
    // Grouped by class; the trainer shuffles. Not shuffling here keeps each size's draw independent of which other
    // sizes were asked for.
    return out;
  });
}
