// Independent reference maths for the playground browser tests: plain arrays and textbook formulas, written apart
// from src/ so that the tests check the app's answers instead of repeating its code.

export interface Vecs {
  words: string[];
  rows: number[][];
}

/** Parse word2vec text ("count dim" header, then "word x1 ... xd" lines). */
export function parseW2vText(text: string): Vecs {
  const lines = text.trim().split('\n');
  const words: string[] = [];
  const rows: number[][] = [];
  for (const line of lines.slice(1)) {
    const [w, ...xs] = line.trim().split(/\s+/);
    words.push(w);
    rows.push(xs.map(Number));
  }
  return { words, rows };
}

export const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
export const len = (a: number[]) => Math.sqrt(dot(a, a));
export const unit = (a: number[]) => a.map((x) => x / len(a));
export const cos = (a: number[], b: number[]) => dot(a, b) / (len(a) * len(b));

export function vec(v: Vecs, w: string): number[] {
  const i = v.words.indexOf(w);
  if (i < 0) throw new Error(`test vectors lack ${w}`);
  return v.rows[i];
}

/** Words ranked by cosine to target, best first, skipping `exclude`. */
export function ranked(v: Vecs, target: number[], exclude: string[] = []): { word: string; score: number }[] {
  return v.words
    .map((word, i) => ({ word, score: cos(v.rows[i], target) }))
    .filter((r) => !exclude.includes(r.word))
    .sort((x, y) => y.score - x.score);
}

export function threeCosAdd(v: Vecs, a: string, b: string, c: string, keep = false) {
  const t = unit(vec(v, b)).map((x, i) => x - unit(vec(v, a))[i] + unit(vec(v, c))[i]);
  return ranked(v, t, keep ? [] : [a, b, c]);
}

/** Levy & Goldberg's 3CosMul with cosines shifted to [0, 1], epsilon 1e-6 (as gensim). */
export function threeCosMul(v: Vecs, a: string, b: string, c: string) {
  const s = (x: number[], w: string) => (1 + cos(x, vec(v, w))) / 2;
  return v.words
    .map((word, i) => ({ word, score: (s(v.rows[i], b) * s(v.rows[i], c)) / (s(v.rows[i], a) + 1e-6) }))
    .filter((r) => ![a, b, c].includes(r.word))
    .sort((x, y) => y.score - x.score);
}

export function oddOneOut(v: Vecs, words: string[]): string {
  const mean = words.map((w) => unit(vec(v, w))).reduce((acc, u) => acc.map((x, i) => x + u[i]));
  return words.map((w) => ({ w, s: cos(vec(v, w), mean) })).sort((x, y) => x.s - y.s)[0].w;
}

/** WEAT effect size and exact one-sided p over all equal-size partitions. */
export function weatExact(v: Vecs, X: string[], Y: string[], A: string[], B: string[]) {
  const s = (w: string) =>
    A.reduce((acc, a) => acc + cos(vec(v, w), vec(v, a)), 0) / A.length - B.reduce((acc, b) => acc + cos(vec(v, w), vec(v, b)), 0) / B.length;
  const all = [...X, ...Y].map(s);
  const mean = (xs: number[]) => xs.reduce((p, q) => p + q, 0) / xs.length;
  const m = mean(all);
  const sd = Math.sqrt(all.reduce((acc, x) => acc + (x - m) ** 2, 0) / (all.length - 1));
  const effect = (mean(all.slice(0, X.length)) - mean(all.slice(X.length))) / sd;
  const observed = all.slice(0, X.length).reduce((p, q) => p + q, 0);
  let hits = 0;
  let runs = 0;
  const n = all.length;
  // Every subset of size |X| via bitmasks (n is small in the tests).
  for (let mask = 0; mask < 1 << n; mask++) {
    let bits = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) {
      bits++;
      sum += all[i];
    }
    if (bits !== X.length) continue;
    runs++;
    if (sum >= observed - 1e-9) hits++;
  }
  return { effect, p: hits / runs };
}

export function spearman(x: number[], y: number[]): number {
  const rank = (v: number[]) => {
    const idx = v.map((_, i) => i).sort((i, j) => v[i] - v[j]);
    const r = new Array<number>(v.length);
    for (let s = 0; s < idx.length; ) {
      let e = s;
      while (e + 1 < idx.length && v[idx[e + 1]] === v[idx[s]]) e++;
      for (let k = s; k <= e; k++) r[idx[k]] = (s + e) / 2 + 1;
      s = e + 1;
    }
    return r;
  };
  const rx = rank(x);
  const ry = rank(y);
  const mx = rx.reduce((a, b) => a + b) / rx.length;
  const my = ry.reduce((a, b) => a + b) / ry.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** A small vectors file: a few structured words plus seeded filler, and one outlier no walk can reach. */
export function smallVectorsFile(): { text: string; v: Vecs } {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const dim = 6;
  const base: Record<string, number[]> = {
    man: [1, 0.1, 0.2, 0.9, 0.1, 0.3],
    woman: [0.1, 1, 0.2, 0.9, 0.1, 0.3],
    king: [1, 0.1, 1, 0.3, 0.2, 0.1],
    queen: [0.1, 1, 1, 0.3, 0.2, 0.1],
    boy: [0.9, 0.2, 0.1, 1, 0.5, 0.2],
    girl: [0.2, 0.9, 0.1, 1, 0.5, 0.2],
    he: [1, 0.05, 0.1, 0.5, 0.2, 0.2],
    she: [0.05, 1, 0.1, 0.5, 0.2, 0.2],
    good: [0.3, 0.3, 0.2, 0.1, 1, 0.8],
    bad: [0.3, 0.3, 0.2, 0.1, -0.6, 0.8],
    apple: [0.1, 0.1, 0.1, 0.2, 0.3, 1.2],
    pear: [0.15, 0.05, 0.1, 0.25, 0.2, 1.1],
  };
  const filler = ['river', 'stone', 'music', 'table', 'cloud'];
  const words = [...Object.keys(base), ...filler, 'zzzoutlier'];
  const rows = [
    ...Object.values(base),
    ...filler.map(() => Array.from({ length: dim }, () => +(rand() * 0.9 + 0.05).toFixed(4))),
    [-1, -1, -1, -1, -1, -1],
  ];
  const text = [`${words.length} ${dim}`, ...words.map((w, i) => `${w} ${rows[i].join(' ')}`)].join('\n') + '\n';
  return { text, v: { words, rows } };
}
