// `train`: corpus -> vocabulary -> trainer (the same core the lab's worker runs) -> vectors file + one JSON line.
// Progress goes to stderr every few seconds; stdout carries only the final JSON summary, so scripts can parse it.
import { collectCorpus, streamCorpus } from '../core/text/corpusStream';
import { spacingOf, spacingWarning, splitCharacters } from '../core/text/textCheck';
import { COMMON_PARAMS, checkParams, defaultCommon, defaultParams, getModel, listModels } from '../core/models';
import type { CommonConfig, Model, ModelConfig, ModelSpec, ParamSpec, ParamValues, Progress, Trainer } from '../core/models/types';
import { MLM_EXTENSION } from '../core/models/contextual/mlmFile';
import { trainConfigFrom, Word2VecTrainer, type Word2VecParams } from '../core/models/word2vec/word2vecSpec';
import { createTrainer } from '../core/train/createTrainer';
import { DivergenceError, type EngineName, type ModelKind } from '../core/train/types';
import { validateTrainConfig } from '../core/train/validateConfig';
import { availableParallelism, tmpdir } from 'node:os';
import { BUNDLED_CORPORA } from '../../scripts/buildCorpora';
import { KeyedVectors } from '../core/vectors/keyedVectors';
import { parseCommand, type CommandSpec, type OptionSpec, type ParsedOptions } from './args';
import { readTextBlocks, resolveCorpus, type CorpusSource } from './corpusFile';
import { watchInterrupt } from './interrupt';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, InterruptedError, UsageError } from './errors';
import { peakRssMB } from './memory';
import { userPath } from './paths';
import { formatModelProgress, throttled } from './progress';
import { checkModelTarget, checkOutputTarget } from './outputTarget';
import { formatName, writeVectorsFile } from './vectorsFile';
import { runGeneratedTrain } from './trainGenerated';

/** Work per trainer.run() call (in the model's unit: corpus tokens, co-occurrence cells): about half a second, so
 *  Ctrl-C and progress stay responsive. */
export const CHUNK_WORDS = 50_000;

/** Engines that run in Node (WebGL and WebGPU need a browser). */
export const NODE_ENGINES = ['cpu', 'tfjs-wasm', 'tfjs-cpu'] as const;

/** Corpora made of bundled ones, read one after the other (`both` = Brown + SOTU, as the reference runs used). */
export const COMBINED_CORPORA: Record<string, readonly string[]> = { both: ['brown', 'sotu'] };
/** "brown|sotu|toy-fruit|toy-royals|both|PATH": every name --corpus accepts besides a file. */
const CORPUS_CHOICES = `${[...BUNDLED_CORPORA, ...Object.keys(COMBINED_CORPORA)].join('|')}|PATH`;
const DEFAULT_MODEL = 'skipgram';
const MB = 1024 * 1024;
/** Corpora up to this size are held in memory as word ids for training; larger ones are re-read each epoch. */
export const IN_MEMORY_MAX_BYTES = 64 * MB;

/** "skip-gram 5, CBOW 5, GloVe 10": each model's default of a setting, for --help. */
function defaultsText(models: readonly ModelSpec[], valueOf: (m: ModelSpec) => string | undefined): string {
  const vals = models.map((m) => [m.title, valueOf(m)] as const).filter(([, v]) => v !== undefined);
  const distinct = new Set(vals.map(([, v]) => v));
  if (distinct.size === 1) return ` (default ${vals[0]![1]})`;
  return ` (default: ${vals.map(([t, v]) => `${t} ${v}`).join(', ')})`;
}

/** A registry parameter as a command-line option. Defaults are per model, so the table holds none: an absent
 *  option means "the chosen model's default" (and a given one that the model lacks is refused). */
function optionOf(p: ParamSpec, help: string): OptionSpec {
  switch (p.type) {
    case 'int':
    case 'float':
      return { name: p.cliFlag, kind: p.type, min: p.min, max: p.max, exclusiveMin: p.type === 'float' ? p.exclusiveMin : undefined, help };
    case 'bool':
      return { name: p.cliFlag, kind: 'enum', values: ['0', '1'], help };
    case 'enum':
      return { name: p.cliFlag, kind: 'enum', values: p.values, help };
  }
}

/**
 * The option table of `train`, built from the model registry when asked (so a model registered at any time is
 * listed): the common settings, then every model's own parameters once per flag, saying which models use them.
 */
export function trainSpec(): CommandSpec {
  const models = listModels();
  const common = COMMON_PARAMS.map((p) =>
    optionOf(p, p.help.charAt(0).toLowerCase() + p.help.slice(1) + defaultsText(models, (m) => String(defaultCommon(m)[p.key as keyof CommonConfig]))),
  );
  const own: OptionSpec[] = [];
  const seen = new Set<string>();
  for (const m of models) {
    for (const p of m.params) {
      if (seen.has(p.cliFlag)) continue;
      seen.add(p.cliFlag);
      const users = models.filter((x) => x.params.some((q) => q.cliFlag === p.cliFlag));
      const fmt = (x: ModelSpec) => {
        const q = x.params.find((y) => y.cliFlag === p.cliFlag)!;
        return q.type === 'bool' ? (q.default ? '1' : '0') : String(q.default);
      };
      const only = users.length < models.length ? ` [${users.map((u) => u.id).join(', ')}]` : '';
      // Models that share a flag may explain it differently (a learning rate that decays, or AdaGrad's base rate).
      const helpOf = (x: ModelSpec) => x.params.find((y) => y.cliFlag === p.cliFlag)!.help;
      const helps = [...new Set(users.map(helpOf))];
      const lower = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);
      const help = helps.length === 1 ? lower(helps[0]!) : helps.map((h) => `${users.filter((u) => helpOf(u) === h).map((u) => u.title).join(', ')}: ${lower(h)}`).join('; ');
      own.push(optionOf(p, help + only + defaultsText(users, fmt)));
    }
  }
  const engines = NODE_ENGINES.filter((e) => models.some((m) => m.engines.includes(e)));
  return {
    name: 'train',
    summary: `Train word vectors (${models.map((m) => m.title).join(', ')}) on a corpus, with the same engines the browser lab uses.`,
    usage: `npm run cli -- train --corpus ${CORPUS_CHOICES} [--model ${models.map((m) => m.id).join('|')}] [options] [--out FILE]`,
    options: [
      { name: 'corpus', kind: 'string', valueName: CORPUS_CHOICES, help: 'bundled corpus name (both = brown + sotu) or a text file, one sentence per line (required, except for models that draw their own data: imagetext)' },
      { name: 'model', kind: 'enum', values: models.map((m) => m.id), default: DEFAULT_MODEL, help: models.map((m) => `${m.id}: ${m.summary}`).join('; ') },
      ...common,
      ...own,
      { name: 'engine', kind: 'enum', values: engines, help: `typed-array engine or TensorFlow.js backend (default: the model's first; ${models.map((m) => `${m.id}: ${m.engines.filter((e) => (NODE_ENGINES as readonly string[]).includes(e)).join('/')}`).join(', ')})` },
      { name: 'out', kind: 'string', valueName: 'FILE', help: 'save vectors: .txt .bin .vec .tsv (projector pair) or .elv' },
      { name: 'stream', kind: 'flag', help: `re-read the corpus every epoch instead of holding it (always above ${IN_MEMORY_MAX_BYTES / MB} MB; word2vec models)` },
      { name: 'split-characters', kind: 'flag', help: 'treat each Chinese/Japanese character as a word (texts without spaces)' },
      { name: 'quiet', kind: 'flag', help: 'no progress lines on stderr' },
    ],
    examples: [
      'npm run cli -- train --corpus brown --out brown.txt',
      'npm run cli -- train --corpus sotu --model cbow --dim 50 --epochs 3 --out sotu.bin',
      'npm run cli -- train --model glove --corpus both --dim 100 --window 10 --x-max 10 --epochs 25 --out glove.txt',
      'npm run cli -- train --corpus my-notes.txt --min-count 2 --engine tfjs-wasm --out notes.tsv',
    ],
  };
}

export interface ResolvedTrain {
  spec: ModelSpec;
  config: ModelConfig;
  engine: string;
}

/** The chosen model and its full config from parsed options: its defaults under what was given; a flag the model
 *  does not have, an engine it does not run on, or a combination it refuses is a usage error naming the flags. */
export function configFrom(o: ParsedOptions): ResolvedTrain {
  const spec = getModel(String(o.model ?? DEFAULT_MODEL));
  const common: CommonConfig = defaultCommon(spec);
  for (const p of COMMON_PARAMS) if (o[p.cliFlag] !== undefined) (common as unknown as Record<string, number>)[p.key] = o[p.cliFlag] as number;
  const params: ParamValues = defaultParams(spec);
  const mine = new Set(spec.params.map((p) => p.cliFlag));
  for (const m of listModels()) {
    for (const p of m.params) {
      if (mine.has(p.cliFlag) || o[p.cliFlag] === undefined) continue;
      const owners = listModels().filter((x) => x.params.some((q) => q.cliFlag === p.cliFlag)).map((x) => x.id);
      throw new UsageError(`--${p.cliFlag} does not apply to --model ${spec.id} (it is a setting of ${owners.join(', ')})`, 'train');
    }
  }
  for (const p of spec.params) {
    const v = o[p.cliFlag];
    if (v === undefined) continue;
    params[p.key] = p.type === 'bool' ? v === '1' : (v as number | string);
  }
  const engine = typeof o.engine === 'string' ? o.engine : spec.engines[0]!;
  if (!spec.engines.includes(engine)) {
    throw new UsageError(`--model ${spec.id} runs on ${spec.engines.filter((e) => (NODE_ENGINES as readonly string[]).includes(e)).join(', ')}, not --engine ${engine}`, 'train');
  }
  const problems = checkParams(spec, params);
  if (problems.length > 0) throw new UsageError(problems.join('; '), 'train');
  const config: ModelConfig = { model: spec.id, common, params };
  if (spec.id === 'skipgram' || spec.id === 'cbow') {
    // The engine's own check, now rather than after the corpus is read: any bound the table above misses ends here.
    try {
      validateTrainConfig(trainConfigFrom(spec.id as ModelKind, config as ModelConfig<Word2VecParams>));
    } catch (err) {
      throw new UsageError((err as Error).message, 'train');
    }
  }
  return { spec, config, engine };
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
  model: string;
  /** The common settings and the model's own, as trained. */
  settings: CommonConfig & ParamValues;
  /** Corpus tokens x passes, as gensim and word2vec.c count words (for GloVe: passes over the cells, not the text). */
  words: number;
  corpusTokens: number;
  sentences: number;
  vocab: number;
  /** What the trainer counts, and how many it did over all passes (GloVe: co-occurrence cells x passes). */
  unit: string;
  units: number;
  unitsPerSec: number;
  /** Training seconds only (no corpus reading, vocabulary, counting stage or saving). */
  seconds: number;
  secondsPerEpoch: number;
  /** CPU seconds (user + system, all threads) spent in those training calls: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  /** Corpus reading, tokenizing and vocabulary building. */
  setupSeconds: number;
  /** A model's own preparation stage inside the trainer (GloVe's co-occurrence counting); 0 when it has none. */
  stageSeconds: number;
  wordsPerSec: number;
  finalLoss: number | null;
  lossName: string;
  peakRssMB: number;
  out: string[];
  format: string | null;
  /** What the model reports about itself (GloVe: co-occurrence cells held, the cap, pruning). */
  details?: Record<string, unknown>;
}

// Lets signal handlers and timers run between chunks (awaiting an already-settled promise would not).
const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

/** A --corpus value as one source: a bundled corpus or a file; `both` is Brown + SOTU written once to a temporary
 *  file, so the streaming reader sees one text. */
function corpusSourceOf(value: string, say: (line: string) => void): CorpusSource {
  const parts = COMBINED_CORPORA[value];
  if (!parts) return resolveCorpus(value, say);
  const path = join(tmpdir(), `embedding-lab-${value}-${process.pid}.txt`);
  writeFileSync(path, parts.map((p) => readFileSync(resolveCorpus(p, say).path, 'utf8')).join('\n'));
  return { name: value, path, bytes: statSync(path).size };
}

/** Files smaller than this are counted in a moment: no reading progress for them. */
const PROGRESS_MIN_BYTES = 64 * MB;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

export async function runTrain(argv: readonly string[], log: (line: string) => void): Promise<TrainSummary | 'help'> {
  const o = parseCommand(trainSpec(), argv);
  if (o.help) return 'help';
  const { spec, config, engine } = configFrom(o);
  if (spec.generateData) return runGeneratedTrain(spec, config, engine, o, log);
  if (o.corpus === undefined) throw new UsageError(`train needs --corpus ${CORPUS_CHOICES}`, 'train');
  const common = config.common;
  const outPath = typeof o.out === 'string' ? userPath(o.out) : undefined;
  // A contextual model has no vector per word to write as word vectors: it is saved whole in its own format.
  const ownFormat = spec.family === 'contextual' && spec.save ? MLM_EXTENSION : undefined;
  if (outPath && ownFormat) checkModelTarget(outPath, ownFormat, 'train');
  const ext = outPath && !ownFormat ? checkOutputTarget(outPath, 'train') : undefined;
  const quiet = o.quiet === true;
  const say = quiet ? () => {} : log;
  const capped = capThreads(common.threads, availableParallelism());
  common.threads = capped.threads;
  if (capped.note) log(capped.note);

  const setupStart = performance.now();
  const source = corpusSourceOf(o.corpus as string, say);
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
        minCount: common.minCount,
        maxVocab: common.maxVocab,
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
        `sentences, ${stream.vocab.words.length.toLocaleString('en-US')} words with count >= ${common.minCount}`,
    );
    // A small corpus is encoded once and kept as word ids (about two thirds of the text's size): epochs then skip
    // re-reading and re-tokenizing. A big one is re-read every epoch, so memory stays flat whatever its size. Models
    // other than word2vec need every sentence at once (GloVe counts co-occurrences over all of them): held whole.
    const word2vec = spec.id === 'skipgram' || spec.id === 'cbow';
    const streamed = word2vec && (o.stream === true || source.bytes > IN_MEMORY_MAX_BYTES);
    if (!word2vec && o.stream === true) log(`note: --stream does not apply to ${spec.title}, which holds the corpus whole`);
    const whole = streamed ? null : await collectCorpus(stream);
    let trainer: Trainer;
    if (word2vec) {
      const tc = trainConfigFrom(spec.id as ModelKind, config as ModelConfig<Word2VecParams>);
      trainer = new Word2VecTrainer(await createTrainer(whole ?? stream, tc, engine as EngineName, { onLog: say }));
    } else {
      trainer = await spec.create({ kind: 'text', corpus: whole! }, config, engine, { onLog: say });
    }
    const setupSeconds = (performance.now() - setupStart) / 1000;
    say(`training ${spec.title} on the ${trainer.engine} engine, dim ${common.dim}, ${common.epochs} epoch(s), seed ${common.seed}`);

    let trainSeconds = 0;
    let stageSeconds = 0;
    let trainCpuMicros = 0;
    let last: Progress = trainer.progress();
    try {
      while (!trainer.done) {
        if (interrupt.requested()) {
          const pct = last.unitsTotal > 0 ? ((100 * last.unitsDone) / last.unitsTotal).toFixed(1) : '0';
          throw new InterruptedError(`training stopped at ${pct}%${outPath ? `; ${outPath} was not written` : ''}`);
        }
        // Work done while the total is still unknown belongs to a preparation stage (GloVe's counting).
        const inStage = last.unitsTotal === 0;
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        last = await trainer.run(CHUNK_WORDS);
        const cpu = process.cpuUsage(cpu0);
        const secs = (performance.now() - t0) / 1000;
        if (inStage) stageSeconds += secs;
        else {
          trainSeconds += secs;
          trainCpuMicros += cpu.user + cpu.system;
        }
        tick(formatModelProgress(last, spec.unit));
        await yieldToEventLoop();
      }
      tick(formatModelProgress(last, spec.unit), true);
    } catch (err) {
      trainer.dispose();
      if (err instanceof DivergenceError) {
        throw new CliError(`${err.message} On the command line: --alpha ${err.suggestedAlpha}.`);
      }
      throw err;
    }

    const model = trainer.model();
    if (model.kind === 'contextual' && ownFormat && spec.save) {
      return await finishContextual(model, spec, trainer, {
        corpus: source.name, settings: { ...common, ...config.params }, outPath, say, rawTokens: stream.rawTokens, sentences: stream.sentences,
        vocab: stream.vocab.words.length, last, trainSeconds, setupSeconds, cpuSeconds: trainCpuMicros / 1e6, ownFormat,
      });
    }
    if (model.kind !== 'static' && model.kind !== 'subword') throw new CliError(`${spec.title} gives no per-word vectors to save.`);
    const kv = new KeyedVectors(model.words, model.vectors(), model.dim);
    const details = (trainer as { cooccurrence?: () => unknown }).cooccurrence?.();
    trainer.dispose();
    const words = stream.rawTokens * common.epochs;
    const summary: TrainSummary = {
      command: 'train',
      corpus: source.name,
      engine: String(trainer.engine),
      model: spec.id,
      settings: { ...common, ...config.params },
      words,
      corpusTokens: stream.rawTokens,
      sentences: stream.sentences,
      vocab: stream.vocab.words.length,
      unit: spec.unit,
      units: last.unitsDone,
      unitsPerSec: Math.round(last.unitsDone / Math.max(trainSeconds, 1e-9)),
      seconds: round(trainSeconds, 6),
      secondsPerEpoch: round(trainSeconds / common.epochs, 3),
      cpuSeconds: round(trainCpuMicros / 1e6, 3),
      setupSeconds: round(setupSeconds, 3),
      stageSeconds: round(stageSeconds, 3),
      wordsPerSec: Math.round(words / Math.max(trainSeconds, 1e-9)),
      finalLoss: Number.isFinite(last.loss) ? round(last.loss, 5) : null,
      lossName: spec.lossName,
      peakRssMB: 0,
      out: [],
      format: ext ? formatName(ext) : null,
    };
    if (details) summary.details = { cooccurrence: details };
    if (outPath) {
      const meta = { corpus: source.name, engine: summary.engine, model: spec.id, ...summary.settings, words, vocab: summary.vocab };
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

interface ContextualRun {
  corpus: string;
  settings: CommonConfig & ParamValues;
  outPath: string | undefined;
  say: (line: string) => void;
  rawTokens: number;
  sentences: number;
  vocab: number;
  last: Progress;
  trainSeconds: number;
  setupSeconds: number;
  cpuSeconds: number;
  ownFormat: string;
}

/** The summary (and the saved file) of a contextual model: speed in optimiser steps, the whole model in its format. */
async function finishContextual(model: Model, spec: ModelSpec, trainer: Trainer, r: ContextualRun): Promise<TrainSummary> {
  const tokens = (trainer as { tokensDone?: number }).tokensDone ?? 0;
  const bytes = r.outPath ? spec.save!(model) : null;
  trainer.dispose();
  const summary: TrainSummary = {
    command: 'train',
    corpus: r.corpus,
    engine: String(trainer.engine),
    model: spec.id,
    settings: r.settings,
    // Tokens fed through the model (masked sentences), which is what its training touched.
    words: tokens,
    corpusTokens: r.rawTokens,
    sentences: r.sentences,
    vocab: r.vocab,
    unit: spec.unit,
    units: r.last.unitsDone,
    unitsPerSec: round(r.last.unitsDone / Math.max(r.trainSeconds, 1e-9), 3),
    seconds: round(r.trainSeconds, 6),
    secondsPerEpoch: round(r.trainSeconds / r.settings.epochs, 3),
    cpuSeconds: round(r.cpuSeconds, 3),
    setupSeconds: round(r.setupSeconds, 3),
    stageSeconds: 0,
    wordsPerSec: Math.round(tokens / Math.max(r.trainSeconds, 1e-9)),
    finalLoss: Number.isFinite(r.last.loss) ? round(r.last.loss, 5) : null,
    lossName: spec.lossName,
    peakRssMB: 0,
    out: [],
    format: bytes ? `contextual model ${r.ownFormat}` : null,
  };
  if (bytes && r.outPath) {
    await writeFile(r.outPath, bytes);
    summary.out = [r.outPath];
    r.say(`wrote ${r.outPath} (${(bytes.length / MB).toFixed(1)} MB)`);
  }
  summary.peakRssMB = peakRssMB();
  return summary;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
