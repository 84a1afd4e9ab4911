// `train` for models that make their own training data instead of reading a corpus (the image-text model draws its
// scenes from the seed): no --corpus, the model's own file format for --out, and the same progress, Ctrl-C and JSON
// summary line as a text model.
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { ModelConfig, ModelSpec, Progress } from '../core/models/types';
import { CliError, InterruptedError, UsageError } from './errors';
import { watchInterrupt } from './interrupt';
import { peakRssMB } from './memory';
import { userPath } from './paths';
import { formatModelProgress, throttled } from './progress';
import type { ParsedOptions } from './args';
import type { TrainSummary } from './train';

/** Images per trainer.run() call: a few batches, well under a second, so Ctrl-C and progress stay responsive. */
export const CHUNK_IMAGES = 256;

/** The file extension each generated-data model saves to (its own format). */
const MODEL_EXTENSIONS: Record<string, string> = { dual: '.eldm' };

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

export async function runGeneratedTrain(spec: ModelSpec, config: ModelConfig, engine: string, o: ParsedOptions, log: (line: string) => void): Promise<TrainSummary> {
  if (o.corpus !== undefined) {
    throw new UsageError(`--corpus does not apply to --model ${spec.id}: it trains on pictures and captions it draws from the seed, not on a text corpus`, 'train');
  }
  if (o.stream === true || o['split-characters'] === true) throw new UsageError(`--stream and --split-characters concern text corpora; --model ${spec.id} has none`, 'train');
  const ext = MODEL_EXTENSIONS[spec.family];
  const outPath = typeof o.out === 'string' ? userPath(o.out) : undefined;
  if (outPath && extname(outPath).toLowerCase() !== ext) throw new UsageError(`--out ${outPath}: --model ${spec.id} saves in its own format; use a name ending in ${ext}`, 'train');
  if (!spec.save) throw new CliError(`${spec.title} cannot be saved.`);
  const say = o.quiet === true ? () => {} : log;
  if (!outPath) log(`note: no --out given: the model will not be saved (add --out FILE${ext} to keep it)`);

  const setupStart = performance.now();
  const data = spec.generateData!(config);
  const captions = data.kind === 'image-text' ? data.pairs.captions : [];
  const pairs = captions.length;
  const trainer = await spec.create(data, config, engine, { onLog: say });
  const setupSeconds = (performance.now() - setupStart) / 1000;
  say(`training ${spec.title} on the ${trainer.engine} engine: ${pairs.toLocaleString('en-US')} generated pairs, dim ${config.common.dim}, ${config.common.epochs} epoch(s), seed ${config.common.seed}`);
  const interrupt = watchInterrupt(log);
  const tick = throttled(say);
  let last: Progress = trainer.progress();
  let cpuMicros = 0;
  try {
    while (!trainer.done) {
      if (interrupt.requested()) {
        const pct = last.unitsTotal > 0 ? ((100 * last.unitsDone) / last.unitsTotal).toFixed(1) : '0';
        throw new InterruptedError(`training stopped at ${pct}%${outPath ? `; ${outPath} was not written` : ''}`);
      }
      const cpu0 = process.cpuUsage();
      last = await trainer.run(CHUNK_IMAGES);
      const cpu = process.cpuUsage(cpu0);
      cpuMicros += cpu.user + cpu.system;
      tick(formatModelProgress(last, spec.unit));
      await yieldToEventLoop();
    }
    tick(formatModelProgress(last, spec.unit), true);
  } finally {
    interrupt.dispose();
  }
  const model = trainer.model();
  trainer.dispose();
  const trainSeconds = last.seconds;
  // The text side reads every caption once a pass: its words are counted as a text model's corpus words are.
  const captionTokens = captions.reduce((n, c) => n + c.split(/\s+/).filter(Boolean).length, 0);
  const summary: TrainSummary = {
    command: 'train',
    corpus: `${pairs} generated image-caption pairs`,
    engine: trainer.engine,
    model: spec.id,
    settings: { ...config.common, ...config.params },
    words: captionTokens * config.common.epochs,
    corpusTokens: captionTokens,
    sentences: pairs,
    vocab: trainer.vocab.words.length,
    unit: spec.unit,
    units: last.unitsDone,
    unitsPerSec: Math.round(last.unitsDone / Math.max(trainSeconds, 1e-9)),
    seconds: Math.round(trainSeconds * 1e6) / 1e6,
    secondsPerEpoch: Math.round((trainSeconds / config.common.epochs) * 1000) / 1000,
    cpuSeconds: Math.round(cpuMicros / 1000) / 1000,
    setupSeconds: Math.round(setupSeconds * 1000) / 1000,
    stageSeconds: 0,
    wordsPerSec: Math.round((captionTokens * config.common.epochs) / Math.max(trainSeconds, 1e-9)),
    finalLoss: Number.isFinite(last.loss) ? Math.round(last.loss * 1e5) / 1e5 : null,
    lossName: spec.lossName,
    peakRssMB: 0,
    out: [],
    format: outPath ? `${spec.title} model (${ext})` : null,
  };
  if (outPath) {
    try {
      writeFileSync(outPath, spec.save(model));
    } catch (e) {
      throw new CliError(`--out ${outPath}: ${(e as Error).message}`);
    }
    summary.out = [outPath];
    say(`wrote ${outPath}`);
  }
  summary.peakRssMB = peakRssMB();
  return summary;
}
