// The trainers the bench compares, each run as a child process on the same pre-tokenized corpus file with the same
// settings, each saving its vectors for the lab's evaluator:
//   lab cpu      our typed-array engine, through the CLI (`src/cli/main.ts train`)
//   lab tfjs-wasm  our TensorFlow.js engine on the WebAssembly backend, through the CLI, on a slice of the corpus
//   gensim       Debian's python3-gensim (bench/gensim_train.py), when /usr/bin/python3 can import it
//   fastText     Debian's fasttext binary, without subwords (-minn 0 -maxn 0) next to skip-gram and CBOW, with them
//                (-minn/-maxn/-bucket as the lab's) next to the lab's fastText, when installed
// How each one's training seconds are measured (the words/s column counts corpus tokens x epochs / those seconds):
//   lab: the CLI times trainer.run() calls only (no reading, vocabulary or saving);
//   gensim: the script times model.train() only;
//   fastText: from its "Number of labels" line (vocabulary read) to its "Progress: 100.0%" line, both taken from
//   its stderr as it streams (it prints progress unbuffered every 100 ms), so reading and saving are left out.
// CPU seconds of the same phase: process.cpuUsage() in the CLI, time.process_time() in gensim, and for fastText
// /proc/PID/stat read when those two lines arrive. On a shared machine words per CPU second is the steadier figure.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastJsonLine, runChild, stderrTail, type ChildResult } from './child';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PYTHON = '/usr/bin/python3';
export const FASTTEXT = '/usr/bin/fasttext';

export interface BenchSettings {
  model: 'skipgram' | 'cbow' | 'glove' | 'fasttext';
  dim: number;
  window: number;
  negative: number;
  minCount: number;
  sample: number;
  alpha: number;
  minAlpha: number;
  epochs: number;
  seed: number;
  /** GloVe only: the weighting's cut-off and exponent (glove.c's -x-max and -alpha). */
  xMax?: number;
  weightPower?: number;
  /** fastText only (skip-gram with subwords): n-gram lengths and hash buckets (fastText's -minn, -maxn, -bucket). */
  minn?: number;
  maxn?: number;
  bucket?: number;
}

export interface TrainerRun {
  trainer: string;
  model: BenchSettings['model'];
  threads: number;
  corpusLabel: string;
  ok: boolean;
  error?: string;
  words?: number;
  vocab?: number;
  seconds?: number;
  wordsPerSec?: number;
  /** CPU seconds of the training phase (user + system, all threads of the trainer's process). */
  cpuSeconds?: number;
  /** Corpus tokens x epochs per CPU second: the figure least disturbed by other work on a shared machine. */
  wordsPerCpuSec?: number;
  peakRssMB?: number;
  finalLoss?: number | null;
  wallSeconds?: number;
  vectorsFile?: string;
  /** How the training seconds were measured. */
  timing: string;
  /** Training seconds per pass (GloVe: per iteration over the co-occurrence cells, counting excluded). */
  secondsPerEpoch?: number;
  /** GloVe: seconds spent counting co-occurrences, and the cells counted. */
  stageSeconds?: number;
  cells?: number;
}

export interface TrainerJob {
  trainer: string;
  threads: number;
  input: string;
  corpusLabel: string;
  out: string;
  settings: BenchSettings;
  echo: (line: string) => void;
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

function perSecond(words: number | undefined, seconds: number | undefined): number | undefined {
  return words !== undefined && seconds !== undefined && seconds > 0 ? Math.round(words / seconds) : undefined;
}

function failed(job: TrainerJob, r: ChildResult | undefined, why: string, timing: string): TrainerRun {
  const tail = r ? stderrTail(r) : '';
  return {
    trainer: job.trainer,
    model: job.settings.model,
    threads: job.threads,
    corpusLabel: job.corpusLabel,
    ok: false,
    error: tail ? `${why}: ${tail}` : why,
    timing,
  };
}

function fromJson(job: TrainerJob, r: ChildResult, timing: string): TrainerRun {
  const j = lastJsonLine(r.stdout);
  if (r.code !== 0 || !j) return failed(job, r, `exit ${r.code ?? r.signal}`, timing);
  return {
    trainer: job.trainer,
    model: job.settings.model,
    threads: job.threads,
    corpusLabel: job.corpusLabel,
    ok: true,
    words: num(j.words),
    vocab: num(j.vocab),
    seconds: num(j.seconds),
    wordsPerSec: num(j.wordsPerSec),
    cpuSeconds: num(j.cpuSeconds),
    wordsPerCpuSec: perSecond(num(j.words), num(j.cpuSeconds)),
    // Measured from outside when possible (GNU time), else the trainer's own figure.
    peakRssMB: r.peakRssMB ?? num(j.peakRssMB),
    finalLoss: num(j.finalLoss) ?? null,
    wallSeconds: Math.round(r.wallSeconds * 10) / 10,
    vectorsFile: job.out,
    timing,
    secondsPerEpoch: num(j.secondsPerEpoch),
    stageSeconds: num(j.stageSeconds),
    cells: num((j.details as { cooccurrence?: { cells?: unknown } } | undefined)?.cooccurrence?.cells),
  };
}

function commonFlags(s: BenchSettings): string[] {
  if (s.model === 'glove') {
    return [
      '--model', 'glove', '--dim', String(s.dim), '--window', String(s.window), '--min-count', String(s.minCount),
      '--alpha', String(s.alpha), '--epochs', String(s.epochs), '--seed', String(s.seed),
      '--x-max', String(s.xMax ?? 10), '--weight-power', String(s.weightPower ?? 0.75),
    ];
  }
  return [
    '--model', s.model, '--dim', String(s.dim), '--window', String(s.window), '--negative', String(s.negative),
    '--min-count', String(s.minCount), '--sample', String(s.sample), '--alpha', String(s.alpha),
    '--min-alpha', String(s.minAlpha), '--epochs', String(s.epochs), '--seed', String(s.seed),
    ...(s.model === 'fasttext' ? ['--minn', String(s.minn ?? 3), '--maxn', String(s.maxn ?? 6), '--bucket', String(s.bucket ?? 2_000_000)] : []),
  ];
}

/** Our CLI in a fresh Node process (tsx as an import hook, so the PID measured is the trainer's own). */
export async function runLab(job: TrainerJob, engine: 'cpu' | 'tfjs-wasm'): Promise<TrainerRun> {
  const timing = 'trainer.run() calls only';
  const args = [
    '--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'train', '--corpus', job.input, ...commonFlags(job.settings),
    ...(job.settings.model === 'glove' || job.settings.model === 'fasttext' ? [] : ['--hs', '0']), '--engine', engine, '--threads', String(job.threads), '--out', job.out,
  ];
  try {
    const r = await runChild(process.execPath, args, { cwd: ROOT, onStderrLine: job.echo });
    return fromJson(job, r, timing);
  } catch (err) {
    return failed(job, undefined, (err as Error).message, timing);
  }
}

export function gensimAvailable(): string | undefined {
  if (!existsSync(PYTHON)) return undefined;
  try {
    return execFileSync(PYTHON, ['-c', 'import gensim; print(gensim.__version__)'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

export async function runGensim(job: TrainerJob): Promise<TrainerRun> {
  const timing = 'model.train() only';
  const args = [
    join(ROOT, 'bench', 'gensim_train.py'), '--input', job.input, '--out', job.out, ...commonFlags(job.settings),
    '--hs', '0', '--threads', String(job.threads),
  ];
  try {
    const r = await runChild(PYTHON, args, { cwd: ROOT, onStderrLine: job.echo });
    return fromJson(job, r, timing);
  } catch (err) {
    return failed(job, undefined, (err as Error).message, timing);
  }
}

export function fasttextAvailable(): boolean {
  return existsSync(FASTTEXT);
}

const FT_VOCAB_DONE = /Number of labels/;
const FT_TRAIN_DONE = /Progress: 100\.0%/;
const FT_LOSS = /avg\.loss:\s*([\d.]+)/g;
const FT_WORDS = /Number of words:\s*(\d+)/;

/**
 * The chunk in which the first match of `re` in the whole stream ends. fastText writes its progress line in small
 * pieces ("Progress: ", "100.0", "%"), which often arrive as separate chunks, so a line is matched on the joined
 * text and timed by the chunk that completed it.
 */
function chunkCompleting(chunks: ChildResult['stderr'], all: string, re: RegExp): ChildResult['stderr'][number] | undefined {
  const m = re.exec(all);
  if (!m) return undefined;
  const end = m.index + m[0].length;
  let at = 0;
  for (const c of chunks) {
    at += c.text.length;
    if (at >= end) return c;
  }
  return undefined;
}

/** Training seconds, vocabulary size and final loss read off fastText's stderr. */
export function parseFasttextStderr(r: ChildResult): { seconds?: number; cpuSeconds?: number; vocab?: number; loss?: number } {
  const all = r.stderr.map((c) => c.text).join('');
  const start = chunkCompleting(r.stderr, all, FT_VOCAB_DONE);
  const end = chunkCompleting(r.stderr, all, FT_TRAIN_DONE);
  const losses = [...all.matchAll(FT_LOSS)];
  const vocab = FT_WORDS.exec(all);
  return {
    seconds: start && end ? (end.atMs - start.atMs) / 1000 : undefined,
    cpuSeconds:
      start?.cpuSeconds !== undefined && end?.cpuSeconds !== undefined ? end.cpuSeconds - start.cpuSeconds : undefined,
    vocab: vocab ? Number(vocab[1]) : undefined,
    loss: losses.length ? Number(losses[losses.length - 1]![1]) : undefined,
  };
}

export async function runFasttext(job: TrainerJob, corpusTokens: number): Promise<TrainerRun> {
  const timing = 'stderr: vocabulary read -> Progress 100%';
  const s = job.settings;
  const outStem = job.out.replace(/\.vec$/, '');
  // The lab's fastText is skip-gram with subwords: the same here; skip-gram and CBOW rows compare without subwords.
  const subwords = s.model === 'fasttext'
    ? ['-minn', String(s.minn ?? 3), '-maxn', String(s.maxn ?? 6), '-bucket', String(s.bucket ?? 2_000_000)]
    : ['-minn', '0', '-maxn', '0'];
  const args = [
    s.model === 'fasttext' ? 'skipgram' : s.model, '-input', job.input, '-output', outStem, '-dim', String(s.dim), '-ws', String(s.window),
    '-neg', String(s.negative), '-minCount', String(s.minCount), '-t', String(s.sample), '-lr', String(s.alpha),
    '-epoch', String(s.epochs), '-thread', String(job.threads), ...subwords, '-seed', String(s.seed),
  ];
  let r: ChildResult;
  try {
    r = await runChild(FASTTEXT, args, { cwd: ROOT });
  } catch (err) {
    return failed(job, undefined, (err as Error).message, timing);
  }
  if (r.code !== 0) return failed(job, r, `exit ${r.code ?? r.signal}`, timing);
  const parsed = parseFasttextStderr(r);
  if (parsed.seconds === undefined) return failed(job, r, 'could not read the training time from its output', timing);
  const words = corpusTokens * s.epochs;
  return {
    trainer: job.trainer,
    model: s.model,
    threads: job.threads,
    corpusLabel: job.corpusLabel,
    ok: true,
    words,
    vocab: parsed.vocab,
    seconds: Math.round(parsed.seconds * 1000) / 1000,
    wordsPerSec: Math.round(words / parsed.seconds),
    cpuSeconds: parsed.cpuSeconds,
    wordsPerCpuSec: perSecond(words, parsed.cpuSeconds),
    peakRssMB: r.peakRssMB ?? undefined,
    finalLoss: parsed.loss ?? null,
    wallSeconds: Math.round(r.wallSeconds * 10) / 10,
    vectorsFile: `${outStem}.vec`,
    timing,
  };
}

/**
 * Whether the lab's cpu engine uses more than one thread when asked: the engine says so through onLog when it
 * falls back to one ("trains on 1 thread"), and then an N-thread run would only repeat the 1-thread figure.
 */
export async function labCpuThreads(threads: number): Promise<boolean> {
  if (threads <= 1) return false;
  const { encodeCorpus } = await import('../src/core/text/corpus');
  const { createTrainer } = await import('../src/core/train/createTrainer');
  const { DEFAULT_TRAIN_CONFIG } = await import('../src/core/train/types');
  const { TOY_CORPORA } = await import('../src/core/text/toyCorpora');
  const corpus = encodeCorpus(TOY_CORPORA.royals!.text, { minCount: 1, maxVocab: 0 });
  const logs: string[] = [];
  const trainer = await createTrainer(corpus, { ...DEFAULT_TRAIN_CONFIG, dim: 4, threads }, 'cpu', { onLog: (m) => logs.push(m) });
  trainer.dispose();
  return !logs.some((m) => /\b1 thread\b/i.test(m));
}
