// The t-SNE runs widget's runs as link text: "1:10,2:10,1:2" = (seed 1, perplexity 10), (seed 2, perplexity 10),
// (seed 1, perplexity 2). Kept in one pure module so the schema (build-time check), the widget and the tests agree.

export interface TsneRunSpec {
  seed: number;
  perplexity: number;
}

/** The perplexities the widget offers (its select). */
export const TSNE_PERPLEXITIES = [2, 5, 10, 20, 30, 50] as const;
/** More runs than this make the lesson page slow on a laptop (each run works a slice of every frame). */
export const MAX_TSNE_RUNS = 4;
export const DEFAULT_TSNE_RUNS: readonly TsneRunSpec[] = [{ seed: 1, perplexity: 10 }, { seed: 2, perplexity: 10 }, { seed: 1, perplexity: 2 }];

const PAIR = `[1-9]\\d{0,8}:(?:${TSNE_PERPLEXITIES.join('|')})`;
export const TSNE_RUNS_PATTERN = new RegExp(`^${PAIR}(?:,${PAIR}){0,${MAX_TSNE_RUNS - 1}}$`);

export function formatTsneRuns(runs: readonly TsneRunSpec[]): string {
  return runs.map((r) => `${r.seed}:${r.perplexity}`).join(',');
}

/** The runs written in `text`, or null when it does not have the shape of TSNE_RUNS_PATTERN. */
export function parseTsneRuns(text: string): TsneRunSpec[] | null {
  if (!TSNE_RUNS_PATTERN.test(text)) return null;
  return text.split(',').map((pair) => {
    const [seed, perplexity] = pair.split(':').map(Number);
    return { seed, perplexity };
  });
}
