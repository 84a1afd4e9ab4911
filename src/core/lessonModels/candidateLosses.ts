// The three losses lesson 05's loss widget compares, on one centre word and a few candidates of which one is the
// true partner: softmax cross-entropy over the candidates, negative sampling's logistic loss (the true partner as
// the positive, every other candidate as a negative), and the margin (hinge) loss on the raw cosines.
// Pure numbers in, numbers out, so the widget and the lesson's claims test compute the same thing.

export interface CandidateLosses {
  /** Softmax probability of each candidate, scores = cosine × scale. */
  readonly p: number[];
  /** −log p[true partner]. */
  readonly crossEntropy: number;
  /** −log σ(s⁺) − Σ over wrong candidates of log σ(−s⁻): never negative. */
  readonly logistic: number;
  /** max(0, m − cos⁺ + cos⁻) per candidate; 0 for the true partner. */
  readonly hingeTerms: number[];
  readonly hinge: number;
}

/** −log σ(x), written so that it stays finite for large |x| (softplus of −x). */
function negLogSigmoid(x: number): number {
  return Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** Losses of `cosines` (centre word against each candidate) with candidate `pos` as the true partner. */
export function candidateLosses(cosines: readonly number[], pos: number, scale: number, margin: number): CandidateLosses {
  if (pos < 0 || pos >= cosines.length) throw new Error(`true partner ${pos} is not one of the ${cosines.length} candidates`);
  const s = cosines.map((c) => c * scale);
  const max = Math.max(...s);
  const ex = s.map((x) => Math.exp(x - max));
  const z = ex.reduce((a, b) => a + b, 0);
  const p = ex.map((e) => e / z);
  // log-sum-exp form: finite even when the true partner's probability underflows to 0.
  const crossEntropy = Math.log(z) - (s[pos]! - max);
  let logistic = negLogSigmoid(s[pos]!);
  for (let i = 0; i < s.length; i++) if (i !== pos) logistic += negLogSigmoid(-s[i]!);
  const hingeTerms = cosines.map((c, i) => (i === pos ? 0 : Math.max(0, margin - cosines[pos]! + c)));
  return { p, crossEntropy, logistic, hingeTerms, hinge: hingeTerms.reduce((a, b) => a + b, 0) };
}
