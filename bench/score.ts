// Scores every trainer's saved vectors with the lab's own evaluator (the CLI's eval command, called in-process), so
// that all trainers are judged by identical code: same analogy rules (3CosAdd, query words excluded, case folded),
// same Spearman, same handling of unknown words.
import { runEval, type EvalSummary } from '../src/cli/evaluate';

export interface Scores {
  /** Per analogy file: accuracy over the questions whose four words are all known. */
  analogies: { file: string; accuracy: number; correct: number; total: number; coverage: number }[];
  similarity: { file: string; spearman: number; pairs: number; oov: number }[];
}

export async function scoreVectors(vectorsFile: string, analogyFiles: string[], similarityFiles: string[]): Promise<Scores> {
  const argv = ['--vectors', vectorsFile, '--json'];
  for (const f of analogyFiles) argv.push('--analogies', f);
  for (const f of similarityFiles) argv.push('--similarity', f);
  const result = await runEval(argv);
  if (result === 'help') throw new Error('unexpected help output');
  const s: EvalSummary = result.summary;
  return {
    analogies: s.analogies.map((a) => ({
      file: a.file,
      accuracy: a.overall.accuracy,
      correct: a.overall.correct,
      total: a.overall.total,
      coverage: a.coverage,
    })),
    similarity: s.similarity.map((r) => ({ file: r.file, spearman: r.spearman, pairs: r.pairs, oov: r.oov })),
  };
}
