// `train`: corpus -> vocabulary -> trainer (the same core the lab's worker runs) -> vectors file + one JSON line.
// Progress goes to stderr every few seconds; stdout carries only the final JSON summary, so scripts can parse it.
import { streamCorpus } from '../core/text/corpusStream';
import { spacingOf, spacingWarning, splitCharacters } from '../core/text/textCheck';
import { createTrainer } from '../core/train/createTrainer';
import { DEFAULT_TRAIN_CONFIG, DivergenceError, type EngineName, type TrainConfig, type TrainProgress } from '../core/train/types';
import { MAX_DIM, MAX_EPOCHS, MAX_NEGATIVE, MAX_THREADS, MAX_WINDOW, validateTrainConfig } from '../core/train/validateConfig';
import { availableParallelism } from 'node:os';
import { BUNDLED_CORPORA } from '../../scripts/buildCorpora';
import { KeyedVectors } from '../core/vectors/keyedVectors';
import { parseCommand, type CommandSpec, type ParsedOptions } from './args';
import { readTextBlocks, resolveCorpus } from './corpusFile';
import { watchInterrupt } from './interrupt';
import { CliError, InterruptedError, UsageError } from './errors';
import { peakRssMB } from './memory';
import { userPath } from './paths';
import { formatProgress, throttled } from './progress';
import { checkOutputTarget } from './outputTarget';
import { formatName, writeVectorsFile } from './vectorsFile';

/** Corpus tokens per trainer.run() call: about half a second of work, so Ctrl-C and progress stay responsive. */
export const CHUNK_WORDS = 50_000;

/** Engines that run in Node (WebGL and WebGPU need a browser). */
export const NODE_ENGINES = ['cpu', 'tfjs-wasm', 'tfjs-cpu'] as const;

const D = DEFAULT_TRAIN_CONFIG;
/** "brown|sotu|toy-fruit|toy-royals|PATH": every name --corpus accepts besides a file. */
const CORPUS_CHOICES = `${BUNDLED_CORPORA.join('|')}|PATH`;

export const TRAIN_SPEC: CommandSpec = {
  name: 'train',
  summary: 'Train word vectors (skip-gram or CBOW) on a corpus, with the same engine the browser lab uses.',
  usage: `npm run cli -- train --corpus ${CORPUS_CHOICES} [options] [--out FILE]`,
  options: [
    { name: 'corpus', kind: 'string', placeholder: CORPUS_CHOICES, required: true, help: 'bundled corpus name or a text file, one sentence per line' },
    { name: 'model', kind: 'enum', values: ['skipgram', 'cbow'], default: D.model, help: 'architecture' },
    { name: 'dim', kind: 'int', min: 1, max: MAX_DIM, default: String(D.dim), help: 'vector size' },
    { name: 'window', kind: 'int', min: 1, max: MAX_WINDOW, default: String(D.window), help: 'maximum context distance' },
    { name: 'negative', kind: 'int', min: 0, max: MAX_NEGATIVE, default: String(D.negative), help: 'negative samples per pair (0 = none)' },
    { name: 'hs', kind: 'enum', values: ['0', '1'], default: D.hs ? '1' : '0', help: 'hierarchical softmax' },
    { name: 'min-count', kind: 'int', min: 1, default: String(D.minCount), help: 'drop words seen fewer times' },
    { name: 'max-vocab', kind: 'int', min: 0, default: String(D.maxVocab), help: 'keep at most N most frequent words (0 = all)' },
    { name: 'sample', kind: 'float', min: 0, default: String(D.sample), help: 'down-sampling of frequent words (0 = off)' },
    { name: 'alpha', kind: 'float', min: 0, exclusiveMin: true, default: String(D.alpha), help: 'initial learning rate' },
    { name: 'min-alpha', kind: 'float', min: 0, default: String(D.minAlpha), help: 'final learning rate' },
    { name: 'epochs', kind: 'int', min: 1, max: MAX_EPOCHS, default: String(D.epochs), help: 'passes over the corpus' },
    { name: 'seed', kind: 'int', min: 0, default: String(D.seed), help: 'random seed (same seed, same vectors)' },
    { name: 'engine', kind: 'enum', values: NODE_ENGINES, default: 'cpu', help: 'typed-array engine or TensorFlow.js backend' },
    { name: 'threads', kind: 'int', min: 1, max: MAX_THREADS, default: String(D.threads), help: 'worker threads (1 = deterministic; at most the cores here)' },
    { name: 'batch-size', kind: 'int', min: 1, default: String(D.batchSize), help: 'pairs per batch (tfjs engines only)' },
    { name: 'out', kind: 'string', placeholder: 'FILE', help: 'save vectors: .txt .bin .vec .tsv (projector pair) or .elv' },
    { name: 'split-characters', kind: 'flag', help: 'treat each Chinese/Japanese character as a word (texts without spaces)' },
    { name: 'quiet', kind: 'flag', help: 'no progress lines on stderr' },
  ],
  examples: [
    'npm run cli -- train --corpus brown --out brown.txt',
    'npm run cli -- train --corpus sotu --model cbow --dim 50 --epochs 3 --out sotu.bin',
    'npm run cli -- train --corpus my-notes.txt --min-count 2 --engine tfjs-wasm --out notes.tsv',
  ],
};

export function configFrom(o: ParsedOptions): TrainConfig {
  const config: TrainConfig = {
    ...DEFAULT_TRAIN_CONFIG,
    model: o.model as TrainConfig['model'],
    dim: o.dim as number,
    window: o.window as number,
    negative: o.negative as number,
    hs: o.hs === '1',
    minCount: o['min-count'] as number,
    maxVocab: o['max-vocab'] as number,
    sample: o.sample as number,
    alpha: o.alpha as number,
    minAlpha: o['min-alpha'] as number,
    epochs: o.epochs as number,
    seed: o.seed as number,
    threads: o.threads as number,
    batchSize: o['batch-size'] as number,
  };
  if (config.negative === 0 && !config.hs) {
    throw new UsageError('nothing to train with --negative 0 and --hs 0: use negative sampling, --hs 1, or both', 'train');
  }
  if (config.minAlpha > config.alpha) {
    throw new UsageError(`--min-alpha (${config.minAlpha}) is above --alpha (${config.alpha})`, 'train');
  }
  // The engine's own check, now rather than after the corpus is read: any bound the table above misses ends here.
  try {
    validateTrainConfig(config);
  } catch (err) {
    throw new UsageError((err as Error).message, 'train');
  }
  return config;
}

/**
 * Threads beyond the cores make Hogwild slower, not faster (they take turns on the same cores and fight over the
 * same cache lines), and each holds its own scratch memory. We cap rather than refuse, as `make -j` users would
 * expect: a script written on a big machine still runs on a laptop, and the note says what was done.
 */
export function capThreads(requested: number, cores: number): { threads: number; note?: string } {
  if (requested <= cores) return { threads: requested };
  return {
    threads: cores,
    note: `note: --threads ${requested} is more than the ${cores} core(s) of this machine; training on ${cores} thread(s) (more threads than cores only slow training down)`,
  };
}

export interface TrainSummary {
  command: 'train';
  corpus: string;
  engine: string;
  model: TrainConfig['model'];
  settings: TrainConfig;
  /** Corpus tokens processed: raw tokens x epochs, as gensim and word2vec.c count them. */
  words: number;
  corpusTokens: number;
  sentences: number;
  vocab: number;
  /** Training seconds only (no corpus reading, vocabulary or saving). */
  seconds: number;
  /** CPU seconds (user + system, all threads) spent in those training calls: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  /** Corpus reading, tokenizing and vocabulary building. */
  setupSeconds: number;
  wordsPerSec: number;
  finalLoss: number | null;
  peakRssMB: number;
  out: string[];
  format: string | null;
}

// Lets signal handlers and timers run between chunks (awaiting an already-settled promise would not).
const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

const MB = 1024 * 1024;
/** Files smaller than this are counted in a moment: no reading progress for them. */
const PROGRESS_MIN_BYTES = 64 * MB;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

export async function runTrain(argv: readonly string[], log: (line: string) => void): Promise<TrainSummary | 'help'> {
  const o = parseCommand(TRAIN_SPEC, argv);
  if (o.help) return 'help';
  const config = configFrom(o);
  const engine = o.engine as EngineName;
  const outPath = typeof o.out === 'string' ? userPath(o.out) : undefined;
  const ext = outPath ? checkOutputTarget(outPath, 'train') : undefined;
  const quiet = o.quiet === true;
  const say = quiet ? () => {} : log;
  const capped = capThreads(config.threads, availableParallelism());
  config.threads = capped.threads;
  if (capped.note) log(capped.note);

  const setupStart = performance.now();
  const source = resolveCorpus(o.corpus as string, say);
  // Training without --out is allowed, as gensim trains a model that is never saved and word2vec.c builds a
  // vocabulary without -output: quick looks at loss and speed (the bench) need no file. But it is said out loud,
  // since a forgotten --out would otherwise cost a whole run unnoticed.
  if (!outPath) log('note: no --out given: the vectors will not be saved (add --out FILE.txt to keep them)');

  const interrupt = watchInterrupt(log);
  try {
    const split = o['split-characters'] === true;
    const tick = throttled(say);
    // The counting pass reports its progress and stops on Ctrl-C; training passes stop between chunks instead.
    let counting = true;
    let firstBlock = true;
    const stream = await streamCorpus(
      () =>
        readTextBlocks(source, {
          stopped: () => counting && interrupt.requested(),
          transform: split ? splitCharacters : undefined,
          onBytes: (n) => {
            if (counting && source.bytes > PROGRESS_MIN_BYTES) tick(`reading ${source.name}: ${mb(n)} of ${mb(source.bytes)} (${((100 * n) / Math.max(1, source.bytes)).toFixed(0)}%)`);
          },
        }),
      {
        minCount: config.minCount,
        maxVocab: config.maxVocab,
        // The first block tells whether the text separates its words: warned once, before the counting goes on.
        onBlock: (text) => {
          if (!firstBlock) return;
          firstBlock = false;
          const warning = spacingWarning(source.name, spacingOf(text), '--split-characters');
          if (warning && !split) log(`warning: ${warning}`);
        },
      },
    ).catch((err: unknown) => {
      if (interrupt.requested()) throw new InterruptedError(`stopped while reading ${source.name}${outPath ? `; ${outPath} was not written` : ''}`);
      if (err instanceof CliError) throw err;
      throw new CliError(`${source.name}: ${(err as Error).message}`);
    });
    counting = false;
    if (interrupt.requested()) throw new InterruptedError(`stopped while reading ${source.name}${outPath ? `; ${outPath} was not written` : ''}`);
    say(
      `corpus ${source.name}: ${stream.rawTokens.toLocaleString('en-US')} tokens, ${stream.sentences.toLocaleString('en-US')} ` +
        `sentences, ${stream.vocab.words.length.toLocaleString('en-US')} words with count >= ${config.minCount}`,
    );
    const trainer = await createTrainer(stream, config, engine, { onLog: say });
    const setupSeconds = (performance.now() - setupStart) / 1000;
    say(`training ${config.model} on the ${trainer.engine} engine, dim ${config.dim}, ${config.epochs} epoch(s), seed ${config.seed}`);

    let trainSeconds = 0;
    let trainCpuMicros = 0;
    let last: TrainProgress = trainer.progress();
    try {
      while (!trainer.done) {
        if (interrupt.requested()) {
          const pct = last.wordsTotal > 0 ? ((100 * last.wordsDone) / last.wordsTotal).toFixed(1) : '0';
          throw new InterruptedError(`training stopped at ${pct}%${outPath ? `; ${outPath} was not written` : ''}`);
        }
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        last = await trainer.run(CHUNK_WORDS);
        const cpu = process.cpuUsage(cpu0);
        trainSeconds += (performance.now() - t0) / 1000;
        trainCpuMicros += cpu.user + cpu.system;
        tick(formatProgress(last, config.epochs));
        await yieldToEventLoop();
      }
      tick(formatProgress(last, config.epochs), true);
    } catch (err) {
      trainer.dispose();
      if (err instanceof DivergenceError) {
        throw new CliError(`${err.message} On the command line: --alpha ${err.suggestedAlpha}.`);
      }
      throw err;
    }

    const vocab = stream.vocab;
    const kv = new KeyedVectors(vocab.words, trainer.vectors(), trainer.dim);
    trainer.dispose();
    const words = stream.rawTokens * config.epochs;
    const summary: TrainSummary = {
      command: 'train',
      corpus: source.name,
      engine: String(trainer.engine),
      model: config.model,
      settings: config,
      words,
      corpusTokens: stream.rawTokens,
      sentences: stream.sentences,
      vocab: vocab.words.length,
      seconds: round(trainSeconds, 6),
      cpuSeconds: round(trainCpuMicros / 1e6, 3),
      setupSeconds: round(setupSeconds, 3),
      wordsPerSec: Math.round(words / Math.max(trainSeconds, 1e-9)),
      finalLoss: Number.isFinite(last.loss) ? round(last.loss, 5) : null,
      peakRssMB: 0,
      out: [],
      format: ext ? formatName(ext) : null,
    };
    if (outPath) {
      const meta = { corpus: source.name, engine: summary.engine, ...config, words, vocab: summary.vocab };
      say(`saving ${outPath} (${summary.format})...`);
      summary.out = await writeVectorsFile(kv, outPath, meta, interrupt);
      say(`wrote ${summary.out.join(' and ')} (${summary.format})`);
    }
    summary.peakRssMB = peakRssMB();
    return summary;
  } finally {
    interrupt.dispose();
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
