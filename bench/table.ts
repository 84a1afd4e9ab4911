// The bench's results as rows with ratios to gensim (the reference most readers know), printed as a Markdown table
// so that the same text goes to the terminal and into docs/cli-and-bench.md.
import { basename } from 'node:path';
import type { Scores } from './score';
import type { TrainerRun } from './trainers';

export interface ScoredRun extends TrainerRun {
  scores?: Scores;
  scoreError?: string;
  ratios?: { wordsPerSec?: number; wordsPerCpuSec?: number; peakRssMB?: number; analogy?: number; spearman?: number };
}

/** The gensim run to compare with: same model, same thread count if there is one, else 1 thread. fastText with
 *  subwords (which the bench's gensim script does not train) is compared with Debian's fastText instead. */
function referenceFor(run: ScoredRun, all: readonly ScoredRun[]): ScoredRun | undefined {
  const reference = run.model === 'fasttext' ? 'fastText' : 'gensim';
  const g = all.filter((r) => r.ok && r.trainer.startsWith(reference) && r.model === run.model);
  return g.find((r) => r.threads === run.threads) ?? g.find((r) => r.threads === 1);
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b !== 0 && Number.isFinite(a / b) ? a / b : undefined;

export function addRatios(runs: ScoredRun[]): void {
  for (const r of runs) {
    const g = referenceFor(r, runs);
    if (!g || !r.ok) continue;
    // Quality is only comparable on the same text: a run on a slice gets no quality ratio.
    const sameText = g.corpusLabel === r.corpusLabel;
    r.ratios = {
      wordsPerSec: ratio(r.wordsPerSec, g.wordsPerSec),
      wordsPerCpuSec: ratio(r.wordsPerCpuSec, g.wordsPerCpuSec),
      peakRssMB: ratio(r.peakRssMB, g.peakRssMB),
      analogy: sameText ? ratio(r.scores?.analogies[0]?.accuracy, g.scores?.analogies[0]?.accuracy) : undefined,
      spearman: sameText ? ratio(r.scores?.similarity[0]?.spearman, g.scores?.similarity[0]?.spearman) : undefined,
    };
  }
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dash = '-';
const x = (v: number | undefined) => (v === undefined ? dash : `${v.toFixed(2)}x`);
const f = (v: number | undefined, digits: number) => (v === undefined ? dash : v.toFixed(digits));

export function formatTable(runs: readonly ScoredRun[]): string {
  const extraSim = Math.max(0, ...runs.map((r) => (r.scores?.similarity.length ?? 1) - 1));
  const extraAna = Math.max(0, ...runs.map((r) => (r.scores?.analogies.length ?? 1) - 1));
  const first = runs.find((r) => r.scores)?.scores;
  const head = [
    'model', 'trainer', 'threads', 'corpus', 'train s', 'words/s', 'vs gensim', 'words/CPU-s', 'vs gensim', 'peak MB', 'vs gensim',
    'analogy acc.', 'vs gensim', 'Spearman', 'vs gensim', 'final loss',
    ...(first?.analogies.slice(1).map((a) => `acc. ${basename(a.file)}`) ?? []),
    ...(first?.similarity.slice(1).map((s) => `rho ${basename(s.file)}`) ?? []),
  ];
  const rows = runs.map((r) => {
    if (!r.ok) {
      return [r.model, r.trainer, String(r.threads), r.corpusLabel, `failed: ${r.error ?? ''}`.slice(0, 160)];
    }
    const a = r.scores?.analogies[0];
    const s = r.scores?.similarity[0];
    return [
      r.model, r.trainer, String(r.threads), r.corpusLabel, f(r.seconds, 1), r.wordsPerSec ? int.format(r.wordsPerSec) : dash,
      x(r.ratios?.wordsPerSec), r.wordsPerCpuSec ? int.format(r.wordsPerCpuSec) : dash, x(r.ratios?.wordsPerCpuSec), r.peakRssMB ? String(r.peakRssMB) : dash, x(r.ratios?.peakRssMB),
      a ? `${f(a.accuracy, 3)} (${a.correct}/${a.total})` : r.scoreError ? 'error' : dash, x(r.ratios?.analogy),
      f(s?.spearman, 3), x(r.ratios?.spearman), r.finalLoss == null ? dash : r.finalLoss.toFixed(3),
      ...Array.from({ length: extraAna }, (_, i) => f(r.scores?.analogies[i + 1]?.accuracy, 3)),
      ...Array.from({ length: extraSim }, (_, i) => f(r.scores?.similarity[i + 1]?.spearman, 3)),
    ];
  });
  return markdown(head, rows);
}

export function markdown(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
