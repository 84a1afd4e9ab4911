// `eval`: score a vectors file on analogy questions (accuracy) and word-similarity pairs (Spearman), with the same
// evaluator the lab's Evaluation playground uses. The bench runs every trainer's vectors through this, so scores
// are comparable across tools.
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { evaluateAnalogies, evaluateSimilarity } from '../core/vectors/evaluation';
import { parseCommand, type CommandSpec, type ParsedOptions } from './args';
import { CliError } from './errors';
import { DEFAULT_ANALOGIES, DEFAULT_SIMILARITY, PROJECT_ROOT, userPath } from './paths';
import { readVectorsFile } from './vectorsFile';

/** The word that skips one part of the evaluation. */
const SKIP = 'none';
/** gensim's evaluate_word_analogies searches the 300,000 most frequent words by default. */
const DEFAULT_RESTRICT = 300_000;

export const EVAL_SPEC: CommandSpec = {
  name: 'eval',
  summary: 'Score word vectors on analogies (accuracy) and word similarity (Spearman correlation).',
  usage: 'npm run cli -- eval --vectors FILE [--analogies FILE] [--similarity FILE] [--json]',
  options: [
    { name: 'vectors', kind: 'string', valueName: 'FILE', required: true, help: '.txt .bin .vec .tsv .elv or GloVe text' },
    { name: 'analogies', kind: 'string', valueName: 'FILE', multiple: true, help: `questions-words file (repeatable; "${SKIP}" skips; default data/eval/analogies.txt)` },
    { name: 'similarity', kind: 'string', valueName: 'FILE', multiple: true, help: `word1 word2 score per line (repeatable; "${SKIP}" skips; default data/eval/similarity.txt)` },
    { name: 'max-words', kind: 'int', min: 0, default: '0', help: 'load only the first N words of the file (0 = all)' },
    { name: 'restrict', kind: 'int', min: 1, default: String(DEFAULT_RESTRICT), help: 'answer analogies from the N most frequent words' },
    { name: 'method', kind: 'enum', values: ['3cosadd', '3cosmul'], default: '3cosadd', help: 'analogy scoring' },
    { name: 'case-sensitive', kind: 'flag', help: 'match words exactly (default: ignore case, as gensim does)' },
    { name: 'json', kind: 'flag', help: 'print one JSON object instead of a report' },
  ],
  examples: [
    'npm run cli -- eval --vectors brown.txt',
    'npm run cli -- eval --vectors brown.bin --analogies questions-words.txt --similarity wordsim353.tsv --json',
  ],
};

type AnalogyReport = ReturnType<typeof evaluateAnalogies>;
type SimilarityReport = ReturnType<typeof evaluateSimilarity>;

export interface EvalSummary {
  command: 'eval';
  vectors: string;
  words: number;
  dim: number;
  analogies: ({ file: string } & AnalogyReport)[];
  similarity: ({ file: string } & Omit<SimilarityReport, 'points'>)[];
}

interface EvalFile {
  path: string;
  /** As the user wrote it, or the project-relative default. */
  label: string;
}

function filesOf(value: unknown, fallback: string, kind: string): EvalFile[] {
  const given = Array.isArray(value) ? (value as string[]) : [];
  if (given.length === 0) {
    if (!existsSync(fallback)) {
      throw new CliError(`no default ${kind} set at ${fallback}; pass --${kind} FILE (or --${kind} ${SKIP})`);
    }
    return [{ path: fallback, label: relative(PROJECT_ROOT, fallback) }];
  }
  return given.filter((f) => f !== SKIP).map((f) => ({ path: userPath(f), label: f }));
}

export async function runEval(argv: readonly string[]): Promise<{ summary: EvalSummary; json: boolean } | 'help'> {
  const o = parseCommand(EVAL_SPEC, argv);
  if (o.help) return 'help';
  return { summary: await evaluateFiles(o), json: o.json === true };
}

async function evaluateFiles(o: ParsedOptions): Promise<EvalSummary> {
  const vectorsPath = userPath(o.vectors as string);
  const analogyFiles = filesOf(o.analogies, DEFAULT_ANALOGIES, 'analogies');
  const similarityFiles = filesOf(o.similarity, DEFAULT_SIMILARITY, 'similarity');
  // Read the question files first: a typo in their names should not cost the time of loading big vectors.
  const analogyTexts = analogyFiles.map((f) => readFileSync(f.path, 'utf8'));
  const similarityTexts = similarityFiles.map((f) => readFileSync(f.path, 'utf8'));
  const maxWords = (o['max-words'] as number) || undefined;
  const kv = await readVectorsFile(vectorsPath, { maxWords, onInfo: (m) => process.stderr.write(`note: ${m}\n`) });
  const caseInsensitive = o['case-sensitive'] !== true;
  const method = o.method as '3cosadd' | '3cosmul';
  const restrict = o.restrict as number;
  return {
    command: 'eval',
    vectors: vectorsPath,
    words: kv.size,
    dim: kv.dim,
    analogies: analogyTexts.map((text, i) => ({
      file: analogyFiles[i]!.label,
      ...evaluateAnalogies(kv, text, { fileName: basename(analogyFiles[i]!.path), method, restrict, caseInsensitive }),
    })),
    similarity: similarityTexts.map((text, i) => {
      const { points: _points, ...rest } = evaluateSimilarity(kv, text, { fileName: basename(similarityFiles[i]!.path), caseInsensitive });
      return { file: similarityFiles[i]!.label, ...rest };
    }),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number) => x.toLocaleString('en-US');

/** The human-readable report. */
export function formatEval(s: EvalSummary): string {
  const lines = [`vectors: ${s.vectors} (${num(s.words)} words x ${s.dim})`];
  for (const a of s.analogies) {
    const o = a.overall;
    lines.push(
      `analogies ${a.file}: ${num(o.correct)}/${num(o.total)} correct = ${pct(o.accuracy)}` +
        ` (semantic ${pct(a.semantic.accuracy)}, syntactic ${pct(a.syntactic.accuracy)});` +
        ` ${num(a.skipped)} question(s) skipped for unknown words (coverage ${pct(a.coverage)})`,
    );
    const width = Math.max(8, ...a.sections.map((x) => x.name.length));
    for (const sec of a.sections) {
      const acc = sec.total > 0 ? pct(sec.correct / sec.total) : '-';
      lines.push(`  ${sec.name.padEnd(width)}  ${String(sec.correct).padStart(5)}/${String(sec.total).padEnd(5)} ${acc.padStart(6)}`);
    }
  }
  for (const r of s.similarity) {
    lines.push(
      `similarity ${r.file}: Spearman ${r.spearman.toFixed(3)}, Pearson ${r.pearson.toFixed(3)} over ${num(r.pairs)} pairs` +
        ` (${num(r.oov)} pair(s) with unknown words, ${pct(r.oovShare)})`,
    );
  }
  return lines.join('\n');
}
