// What the bench compares the lab's GloVe with: Stanford's C tool (glove.c, built from its source), measured on this
// project's machine with the settings below on the same cleaned Brown corpus. The tool is not packaged for Debian,
// so it is not run here: these are measured facts, copied into docs/cli-and-bench.md with how they were taken.
export const STANFORD_GLOVE_BROWN = {
  settings: 'vocab min-count 5, window 10 (symmetric, 1/d), x_max 10, alpha 0.75, eta 0.05, 25 iterations of AdaGrad, dim 100, 1 thread, word + context vectors (-model 2)',
  iterations: 25,
  /** Training seconds for the 25 iterations, one thread, on a loaded machine. */
  trainSeconds: 143,
  cells: 3_600_000,
  peakMB: 47,
  /** Scored on the standard public benchmarks (Google analogies over covered questions; Spearman), which users bring. */
  quality: { analogy: 0.019, ws353: 0.2, simlex: 0.03, men: 0.24 },
} as const;

/** The GloVe settings of the reference run, as the bench passes them to the lab's CLI. */
export const GLOVE_BENCH = { dim: 100, window: 10, minCount: 5, alpha: 0.05, xMax: 10, weightPower: 0.75, iterations: 25, seed: 1 } as const;
