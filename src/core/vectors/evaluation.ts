// Standard intrinsic evaluations, following gensim's evaluate_word_analogies and evaluate_word_pairs so that numbers
// are comparable with published ones: analogy accuracy on questions-words files (questions with an unknown word are
// skipped and counted, as gensim does; sections named "gram..." are syntactic, as in Mikolov's file) and Spearman /
// Pearson correlation with human similarity judgements (WordSim-353, SimLex-999, MEN, or the lab's own set).
import { CosineColumns } from './cosineColumns';
import { VectorFormatError } from './formats/errors';
import { COSMUL_EPSILON, type KeyedVectors } from './keyedVectors';
import { pearson, spearman } from './stats';
import { topKIndices } from './topK';

/** A broken line in an evaluation file (same "file, line N: ..." message shape as the vectors readers). */
export class EvalFileError extends VectorFormatError {
  constructor(detail: string, where: { fileName?: string; line?: number }) {
    super(detail, where);
    this.name = 'EvalFileError';
  }
}

/** gensim asks most_similar for 5 candidates and takes the first that is not a question word; 10 leaves room for
 * case variants ("King", "KING") of the question words when matching ignores case. */
const ANALOGY_CANDIDATES = 10;
/** Wrong answers kept per section, to show what the vectors got wrong without storing thousands. */
const WRONG_EXAMPLES_PER_SECTION = 5;

export interface Score {
  correct: number;
  total: number;
  accuracy: number;
}

export interface WrongAnswer {
  a: string;
  b: string;
  c: string;
  expected: string;
  predicted: string | null;
}

export interface SectionScore {
  name: string;
  correct: number;
  /** Questions answered (all four words known). */
  total: number;
  /** Questions skipped because a word is unknown (or outside `restrict`). */
  skipped: number;
  wrong: WrongAnswer[];
}

export interface AnalogyReport {
  sections: SectionScore[];
  semantic: Score;
  syntactic: Score;
  overall: Score;
  skipped: number;
  /** Share of questions that could be asked: answered / (answered + skipped). */
  coverage: number;
  method: '3cosadd' | '3cosmul';
  restrict: number;
}

export interface AnalogyEvalOptions {
  fileName?: string;
  method?: '3cosadd' | '3cosmul';
  /** Use only the first N words, for the questions and the answers (gensim's restrict_vocab, default 300,000). */
  restrict?: number;
  /** Match words ignoring case (default true, as gensim's case_insensitive). */
  caseInsensitive?: boolean;
  /** Called after every question; long evaluations run in a worker and show this. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** gensim's default restrict_vocab. */
export const DEFAULT_RESTRICT = 300_000;

const isSyntactic = (section: string): boolean => section.toLowerCase().startsWith('gram');

function score(correct: number, total: number): Score {
  return { correct, total, accuracy: total > 0 ? correct / total : 0 };
}

/** word -> index among the first `restrict` words; with case folding the most frequent spelling wins. */
function vocabLookup(kv: KeyedVectors, restrict: number, fold: boolean): Map<string, number> {
  const map = new Map<string, number>();
  const n = Math.min(restrict, kv.size);
  for (let i = 0; i < n; i++) {
    const key = fold ? kv.words[i]!.toLowerCase() : kv.words[i]!;
    if (!map.has(key)) map.set(key, i);
  }
  return map;
}

interface Question {
  section: number;
  words: [string, string, string, string];
}

function parseAnalogies(text: string, fileName: string | undefined, fold: boolean): { names: string[]; questions: Question[] } {
  const names: string[] = [];
  const questions: Question[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith(':')) {
      names.push(line.slice(1).trim() || `section ${names.length + 1}`);
      return;
    }
    const where = { fileName, line: i + 1 };
    if (names.length === 0) throw new EvalFileError('a question comes before any ": section" line', where);
    const words = line.split(/\s+/);
    if (words.length !== 4) throw new EvalFileError(`expected 4 words (a b c expected), found ${words.length}`, where);
    const w = (fold ? words.map((x) => x.toLowerCase()) : words) as Question['words'];
    questions.push({ section: names.length - 1, words: w });
  });
  if (questions.length === 0) throw new EvalFileError('no analogy questions found', { fileName });
  return { names, questions };
}

/** Accuracy on a questions-words file: "a b c d" lines meaning a is to b as c is to d, grouped by ": section". */
export function evaluateAnalogies(kv: KeyedVectors, text: string, o: AnalogyEvalOptions = {}): AnalogyReport {
  const fold = o.caseInsensitive ?? true;
  const method = o.method ?? '3cosadd';
  const restrict = Math.min(o.restrict ?? DEFAULT_RESTRICT, kv.size);
  const { names, questions } = parseAnalogies(text, o.fileName, fold);
  const vocab = vocabLookup(kv, restrict, fold);
  const sections: SectionScore[] = names.map((name) => ({ name, correct: 0, total: 0, skipped: 0, wrong: [] }));
  const keyOf = (i: number): string => (fold ? kv.words[i]!.toLowerCase() : kv.words[i]!);

  const columns = new CosineColumns(kv, restrict);
  const scores = new Float32Array(restrict);
  questions.forEach((q, n) => {
    if (n % 64 === 0) o.signal?.throwIfAborted();
    const section = sections[q.section]!;
    const [a, b, c, expected] = q.words;
    const ids = [a, b, c, expected].map((w) => vocab.get(w));
    if (ids.some((id) => id === undefined)) {
      section.skipped++;
    } else {
      const [ia, ib, ic] = ids as number[];
      const ca = columns.get(ia!);
      const cb = columns.get(ib!);
      const cc = columns.get(ic!);
      if (method === '3cosmul') {
        // Cosines shifted to [0, 1], as gensim's most_similar_cosmul.
        for (let i = 0; i < restrict; i++) {
          scores[i] = (((1 + cb[i]!) / 2) * ((1 + cc[i]!) / 2)) / ((1 + ca[i]!) / 2 + COSMUL_EPSILON);
        }
      } else {
        for (let i = 0; i < restrict; i++) scores[i] = cb[i]! - ca[i]! + cc[i]!;
      }
      const candidates = topKIndices(scores, ANALOGY_CANDIDATES, restrict, new Set([ia!, ib!, ic!]));
      const ignore = new Set([a, b, c]);
      const hit = candidates.find((index) => !ignore.has(keyOf(index)));
      const predicted = hit === undefined ? null : keyOf(hit);
      section.total++;
      if (predicted === expected) section.correct++;
      else if (section.wrong.length < WRONG_EXAMPLES_PER_SECTION) section.wrong.push({ a, b, c, expected, predicted });
    }
    o.onProgress?.(n + 1, questions.length);
  });

  const sum = (list: SectionScore[]): Score =>
    score(
      list.reduce((s, x) => s + x.correct, 0),
      list.reduce((s, x) => s + x.total, 0),
    );
  const skipped = sections.reduce((s, x) => s + x.skipped, 0);
  return {
    sections,
    semantic: sum(sections.filter((s) => !isSyntactic(s.name))),
    syntactic: sum(sections.filter((s) => isSyntactic(s.name))),
    overall: sum(sections),
    skipped,
    coverage: (questions.length - skipped) / questions.length,
    method,
    restrict,
  };
}

export interface SimilarityPoint {
  a: string;
  b: string;
  gold: number;
  cosine: number;
}

export interface SimilarityReport {
  spearman: number;
  pearson: number;
  /** Pairs scored (both words known). */
  pairs: number;
  /** Pairs with an unknown word, left out of the correlations. */
  oov: number;
  oovShare: number;
  points: SimilarityPoint[];
}

export interface SimilarityEvalOptions {
  fileName?: string;
  caseInsensitive?: boolean;
  restrict?: number;
}

/** Column names that hold the human score in benchmark files with a header row (SimLex-999, WordSim-353 csv...). */
const SCORE_COLUMN = /simlex|score|similarity|^sim$|human|mean|gold|rating/i;
const DEFAULT_SCORE_COLUMN = 2;

function fieldsOf(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((f) => f.trim());
  if (line.includes(',')) return line.split(',').map((f) => f.trim());
  return line.split(/\s+/);
}

/** Correlation of cosine similarity with human scores; "word1 word2 score" lines, tab, space or comma separated. */
export function evaluateSimilarity(kv: KeyedVectors, text: string, o: SimilarityEvalOptions = {}): SimilarityReport {
  const fold = o.caseInsensitive ?? true;
  const vocab = vocabLookup(kv, o.restrict ?? kv.size, fold);
  const points: SimilarityPoint[] = [];
  let oov = 0;
  let scoreColumn = DEFAULT_SCORE_COLUMN;
  let sawData = false;
  const norms = kv.norms();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = { fileName: o.fileName, line: i + 1 };
    const fields = fieldsOf(line);
    if (fields.length < 3) throw new EvalFileError(`expected "word1 word2 score", found ${fields.length} field(s)`, where);
    if (!sawData) {
      sawData = true;
      if (Number.isNaN(Number(fields[DEFAULT_SCORE_COLUMN]))) {
        // A header row: find the score column by name.
        const named = fields.findIndex((f, k) => k >= 2 && SCORE_COLUMN.test(f));
        scoreColumn = named >= 0 ? named : DEFAULT_SCORE_COLUMN;
        return;
      }
    }
    const rawScore = fields[scoreColumn];
    const gold = Number(rawScore);
    if (rawScore === undefined || rawScore === '' || !Number.isFinite(gold)) {
      throw new EvalFileError(`score ${JSON.stringify(rawScore ?? '')} (column ${scoreColumn + 1}) is not a number`, where);
    }
    const [a, b] = fold ? [fields[0]!.toLowerCase(), fields[1]!.toLowerCase()] : [fields[0]!, fields[1]!];
    const ia = vocab.get(a);
    const ib = vocab.get(b);
    if (ia === undefined || ib === undefined) {
      oov++;
      return;
    }
    let dot = 0;
    for (let k = 0; k < kv.dim; k++) dot += kv.vectors[ia * kv.dim + k]! * kv.vectors[ib * kv.dim + k]!;
    const denom = norms[ia]! * norms[ib]!;
    points.push({ a, b, gold, cosine: denom > 0 ? dot / denom : 0 });
  });
  if (points.length + oov === 0) throw new EvalFileError('no word pairs found', { fileName: o.fileName });
  // A rank correlation needs two known pairs; with fewer, Spearman would be NaN, which tells a student nothing.
  if (points.length === 0) {
    throw new EvalFileError(`no pair of this file is in the vocabulary: each of its ${oov} pairs has a word these vectors do not know`, {
      fileName: o.fileName,
    });
  }
  if (points.length === 1) {
    throw new EvalFileError(`only 1 pair of this file is in the vocabulary (${oov} have an unknown word): a correlation needs at least 2`, {
      fileName: o.fileName,
    });
  }
  const gold = points.map((p) => p.gold);
  const cos = points.map((p) => p.cosine);
  return {
    spearman: spearman(gold, cos),
    pearson: pearson(gold, cos),
    pairs: points.length,
    oov,
    oovShare: oov / (points.length + oov),
    points,
  };
}
