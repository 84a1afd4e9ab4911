// Run benchmark files on the active vectors in slices, yielding to the browser between slices so the page stays
// responsive, with progress and cancel. Each slice goes through the vectors helper's evaluateAnalogies; the
// per-section counts are summed here (a slice carries its section header along).
import type { KeyedVectors } from '../../core/vectors/keyedVectors';
import { evaluateAnalogies, evaluateSimilarity } from '../../core/vectors/evaluation';

/** Questions per slice: each one scans the whole vocabulary (~2 M multiply-adds for 20,000 x 100), so ~40 ms. */
export const QUESTIONS_PER_SLICE = 20;

export interface SectionScore {
  name: string;
  correct: number;
  total: number;
  skipped: number;
}

export interface AnalogyRun {
  sections: SectionScore[];
  overall: { correct: number; total: number; accuracy: number };
  semantic: { correct: number; total: number; accuracy: number };
  syntactic: { correct: number; total: number; accuracy: number };
  skipped: number;
  /** Share of questions whose four words are all in the vocabulary. */
  coverage: number;
}

export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

/** Cut a questions-words file into slices, each starting with the section line it belongs to. */
export function sliceAnalogies(text: string, fileName: string, perSlice = QUESTIONS_PER_SLICE): { slices: string[]; questions: number } {
  const slices: string[] = [];
  let section = '';
  let current: string[] = [];
  let questions = 0;
  const flush = () => {
    if (current.length > 0) slices.push([section, ...current].filter(Boolean).join('\n'));
    current = [];
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith(':')) {
      flush();
      section = line;
      continue;
    }
    if (section === '') throw new Error(`${fileName}, line ${n + 1}: a question comes before any ": section" line`);
    const fields = line.split(/\s+/).length;
    if (fields !== 4) {
      throw new Error(`${fileName}, line ${n + 1}: expected four words (a b c d) or a ": section" line, found ${fields} field${fields === 1 ? '' : 's'}`);
    }
    current.push(line);
    questions++;
    if (current.length >= perSlice) flush();
  }
  flush();
  return { slices, questions };
}

const ratio = (c: number, t: number) => ({ correct: c, total: t, accuracy: t > 0 ? c / t : NaN });
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export async function runAnalogies(
  kv: KeyedVectors,
  text: string,
  o: { fileName: string; method: '3cosadd' | '3cosmul'; restrict: number; signal: AbortSignal; onProgress: (done: number, total: number) => void },
): Promise<AnalogyRun> {
  const { slices, questions } = sliceAnalogies(text, o.fileName);
  if (questions === 0) throw new Error(`${o.fileName}: no analogy questions found (expected lines of four words, with ": section" lines).`);
  const bySection = new Map<string, SectionScore>();
  let done = 0;
  for (const slice of slices) {
    if (o.signal.aborted) throw new Cancelled();
    const r = evaluateAnalogies(kv, slice, { fileName: o.fileName, method: o.method, restrict: o.restrict, caseInsensitive: true });
    for (const s of r.sections) {
      const acc = bySection.get(s.name) ?? { name: s.name, correct: 0, total: 0, skipped: 0 };
      acc.correct += s.correct;
      acc.total += s.total;
      acc.skipped += s.skipped;
      bySection.set(s.name, acc);
    }
    done += slice.split('\n').filter((l) => !l.startsWith(':')).length;
    o.onProgress(done, questions);
    await tick();
  }
  const sections = [...bySection.values()];
  const sum = (list: SectionScore[], k: 'correct' | 'total' | 'skipped') => list.reduce((a, s) => a + s[k], 0);
  const syn = sections.filter((s) => s.name.startsWith('gram'));
  const sem = sections.filter((s) => !s.name.startsWith('gram'));
  const skipped = sum(sections, 'skipped');
  const total = sum(sections, 'total');
  return {
    sections,
    overall: ratio(sum(sections, 'correct'), total),
    semantic: ratio(sum(sem, 'correct'), sum(sem, 'total')),
    syntactic: ratio(sum(syn, 'correct'), sum(syn, 'total')),
    skipped,
    coverage: total + skipped > 0 ? total / (total + skipped) : 0,
  };
}

export function runSimilarity(kv: KeyedVectors, text: string, fileName: string) {
  return evaluateSimilarity(kv, text, { fileName, caseInsensitive: true });
}

/** Guess what a benchmark file holds: ": section" lines or four words per line -> analogies; two words and a number -> similarity. */
export function detectBenchmark(text: string): 'analogies' | 'similarity' | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).slice(0, 50);
  if (lines.some((l) => l.startsWith(':'))) return 'analogies';
  const fields = lines.map((l) => l.split(/[\t ,]+/));
  if (fields.length > 0 && fields.every((f) => f.length === 4)) return 'analogies';
  if (fields.length > 0 && fields.filter((f) => f.length >= 3 && Number.isFinite(Number(f[2]))).length >= fields.length * 0.8) return 'similarity';
  return null;
}
