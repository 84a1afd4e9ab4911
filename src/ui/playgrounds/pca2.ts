// Two principal components of a handful of vectors (the words of one analogy, one walk...), for small 2-D drawings.
// Power iteration with deflation: exact enough for a picture and tiny next to a full eigen-solver.
import { mulberry32 } from '../../core/vectors/spaceMath';

const ITERATIONS = 100;
/** Fixed seed: the same words always give the same picture. */
export const PCA_SEED = 7;

export function pca2(rows: Float32Array[]): { coords: [number, number][]; explained: [number, number] } {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n === 0) return { coords: [], explained: [0, 0] };
  const mean = new Float64Array(d);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] += r[j] / n;
  const X = rows.map((r) => Float64Array.from(r, (v, j) => v - mean[j]));
  const total = X.reduce((a, r) => a + r.reduce((s, v) => s + v * v, 0), 0);
  const rand = mulberry32(PCA_SEED);
  const comps: Float64Array[] = [];
  const lambdas: number[] = [];
  for (let c = 0; c < 2; c++) {
    let v = Float64Array.from({ length: d }, () => rand() - 0.5);
    let lambda = 0;
    for (let it = 0; it < ITERATIONS; it++) {
      for (const p of comps) {
        const proj = p.reduce((s, x, j) => s + x * v[j], 0);
        v = v.map((x, j) => x - proj * p[j]);
      }
      const next = new Float64Array(d);
      for (const r of X) {
        const s = r.reduce((acc, x, j) => acc + x * v[j], 0);
        for (let j = 0; j < d; j++) next[j] += s * r[j];
      }
      const nn = Math.sqrt(next.reduce((a, x) => a + x * x, 0));
      lambda = nn;
      if (nn === 0) break;
      v = next.map((x) => x / nn);
    }
    comps.push(v);
    lambdas.push(lambda);
  }
  const coords = X.map((r) => comps.map((p) => r.reduce((s, x, j) => s + x * p[j], 0)) as [number, number]);
  return { coords, explained: [total > 0 ? lambdas[0] / total : 0, total > 0 ? lambdas[1] / total : 0] };
}
