// What the trainer worker does, written against injected dependencies (the trainer factory, the message sink) so the
// worker file stays a thin adapter. Owns: reading the corpus (with progress), encoding it, choosing and starting an
// engine (probe for "auto", fallback on failure), and the chunked training loop that yields between chunks so that
// pause / step / queries are answered while it trains. Any model in the registry (src/core/models) trains here: the
// start message names it, and its spec says which engines it has and what its progress counts.
import { getModel } from '../core/models';
import type { CommonConfig, Model, ModelConfig, Progress, ProgressUnit, TrainData, Trainer } from '../core/models/types';
import { encodeCorpus, type EncodedCorpus } from '../core/text/corpus';
import { DivergenceError, type EngineName } from '../core/train/types';
import { KeyedVectors } from '../core/vectors/keyedVectors';
import { decodeText, splitCharacters, TextInputError } from '../core/text/textCheck';
import { MASK } from '../core/models/contextual/mlmTokenizer';
import { probeEngines } from './enginesProbe';
import { pairsReadout } from './pairsReadout';
import { WallClockRate } from './wallClockRate';
import { ENGINE_FALLBACK, type CorpusInfo, type CorpusSource, type FromWorker, type Phase, type Speed, type ToWorker } from './trainerMessages';

/** The bundled corpus could not be downloaded: reported as such, never as a crashed worker. */
export class CorpusReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorpusReadError';
  }
}

export type CreateTrainer = (data: TrainData, config: ModelConfig, engine: EngineName) => Promise<Trainer>;

/** The registry's factory: what the real worker uses (tests inject their own). */
export const createFromRegistry: CreateTrainer = (data, config, engine) => getModel(config.model).create(data, config, engine);
export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

/** Adaptive chunks aim at this many ms of work, so a pause or step waits at most about this long. */
export const CHUNK_TARGET_MS = 40;
/** Bounds on adaptive chunk size (words): small enough for slow engines, large enough to amortise overhead. */
const MIN_CHUNK_WORDS = 200;
const MAX_CHUNK_WORDS = 200_000;
const FIRST_CHUNK_WORDS = 2_000;
/** At least this many progress points per epoch, so a tiny corpus still draws a loss curve rather than 3 dots. */
const MIN_CHUNKS_PER_EPOCH = 40;
/** Sentences and guesses in a contextual model's live view: a few, so the refresh stays light. */
const PREDICTION_SENTENCES = 4;
const PREDICTION_GUESSES = 3;
/** Map snapshots (top-N words) at ~2.5 Hz: enough for a gliding map, cheap to copy. */
export const SNAPSHOT_MS = 400;
/** Full vectors for the playgrounds every few seconds (a 15,000 x 100 copy is 6 MB). */
export const VECTORS_MS = 5_000;
/** The pairs readout scans the whole vocabulary (~50 ms at 14,000 x 100): every few seconds is plenty. */
export const READOUT_MS = 2_000;
/** "Step" trains one hundredth of an epoch (at least one sentence): a visible but small move. */
const STEP_FRACTION_OF_EPOCH = 0.01;
/** The co-occurrence view shows this many most frequent words (a 20 x 20 heatmap stays readable). */
export const MATRIX_VIEW_WORDS = 20;

const ENGINE_WORDS: Record<EngineName, string> = {
  cpu: 'the CPU engine',
  'tfjs-webgpu': 'TensorFlow.js on WebGPU',
  'tfjs-webgl': 'TensorFlow.js on WebGL',
  'tfjs-wasm': 'TensorFlow.js on WebAssembly',
  'tfjs-cpu': 'TensorFlow.js on plain JavaScript',
};

type StartMsg = Extract<ToWorker, { type: 'start' }>;

export class TrainerSession {
  private session = 0;
  private trainer: Trainer | null = null;
  private unit: ProgressUnit = 'words';
  private state: 'idle' | 'loading' | 'running' | 'paused' | 'done' = 'idle';
  private speed: Speed = { maxWordsPerChunk: 0, delayMs: 0 };
  private mapN = 400;
  private chunkWords = FIRST_CHUNK_WORDS;
  private loopToken = 0;
  private snapshotVersion = 0;
  private lastSnapshotAt = 0;
  private lastVectorsAt = 0;
  private lastReadoutAt = 0;
  private readonly rate = new WallClockRate();
  /** Wall-clock ms spent running (pauses by the user excluded; the slower speeds' waits included). */
  private runMsBefore = 0;
  private runSegmentStart = 0;
  private kvCache: KeyedVectors | null = null;
  private corpusCache: { key: string; corpus: EncodedCorpus; info: CorpusInfo } | null = null;
  private corpus: EncodedCorpus | null = null;
  private engine: EngineName = 'cpu';
  private startMsg: StartMsg | null = null;

  constructor(
    private readonly post: Post,
    private readonly createTrainer: CreateTrainer = createFromRegistry,
  ) {}

  handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'start':
        void this.start(msg);
        break;
      case 'pause':
        if (this.state === 'running') this.pauseNow('Paused');
        break;
      case 'resume':
        if (this.state === 'paused' && this.trainer && !this.trainer.done) this.runLoop();
        break;
      case 'step':
        if (this.state === 'paused') void this.stepOnce();
        break;
      case 'stop':
        this.stopNow();
        break;
      case 'setSpeed':
        this.speed = msg.speed;
        break;
      case 'setMapN':
        this.mapN = msg.mapN;
        if (this.trainer) this.postSnapshot();
        break;
      case 'requestVectors':
        if (this.trainer) this.postVectors(msg.id);
        else this.post({ type: 'error', session: this.session, id: msg.id, kind: 'query', message: 'No model is being trained.' });
        break;
      case 'requestModelFile':
        this.postModelFile(msg.id);
        break;
      case 'queryNeighbours':
        this.answerNeighbours(msg.id, msg.word, msg.k);
        break;
      default: {
        const never: never = msg;
        throw new Error(`Unknown message ${JSON.stringify(never)}`);
      }
    }
  }

  private status(phase: Phase, text: string, fraction?: number): void {
    this.post({ type: 'status', session: this.session, phase, text, fraction });
  }

  private stopNow(): void {
    this.loopToken++;
    this.trainer?.dispose();
    this.trainer = null;
    this.kvCache = null;
    this.state = 'idle';
    this.status('idle', 'Ready');
  }

  private async start(msg: StartMsg): Promise<void> {
    this.stopNow();
    this.session = msg.session;
    this.startMsg = msg;
    this.speed = msg.speed;
    this.mapN = msg.mapN;
    this.chunkWords = FIRST_CHUNK_WORDS;
    this.runMsBefore = 0;
    this.state = 'loading';
    const mine = msg.session;
    try {
      const spec = getModel(msg.model.model);
      this.unit = spec.unit;
      const { corpus, info } = await this.loadCorpus(msg.source, msg.model.common);
      if (this.session !== mine) return;
      this.corpus = corpus;
      this.post({ type: 'corpus', session: mine, info });
      const engine = msg.engine === 'auto' ? await this.chooseEngine(corpus, msg.model) : msg.engine;
      if (this.session !== mine) return;
      await this.startEngine(corpus, msg.model, engine);
      if (this.session !== mine) return;
      this.postProgress(this.trainer!.progress());
      this.postSnapshot();
      this.postReadout();
      if (msg.startPaused) this.pauseNow('Ready: press Step to train a little, or Resume to train on');
      else this.runLoop();
    } catch (e) {
      if (this.session !== mine) return;
      this.state = 'idle';
      const kind = e instanceof TextInputError ? 'input' : e instanceof CorpusReadError ? 'corpus' : 'crash';
      this.post({ type: 'error', session: mine, kind, message: errorText(e) });
      this.status('failed', kind === 'input' ? 'Could not use this text' : kind === 'corpus' ? 'Could not read the corpus' : 'Training could not start');
    }
  }

  private async loadCorpus(source: CorpusSource, config: CommonConfig): Promise<{ corpus: EncodedCorpus; info: CorpusInfo }> {
    const key = source.kind === 'bundled' ? `${source.url}|${config.minCount}|${config.maxVocab}` : '';
    if (key && this.corpusCache?.key === key) return this.corpusCache;
    const fileName = source.kind === 'bundled' ? `${source.name}.txt` : source.name;
    this.status('loading', `Reading ${fileName}… 0%`, 0);
    const bytes = source.kind === 'bundled' ? await this.fetchWithProgress(source.url, fileName) : new Uint8Array(source.bytes);
    const decoded = decodeText(fileName, bytes);
    const text = source.kind === 'bytes' && source.splitCharacters ? splitCharacters(decoded) : decoded;
    this.status('vocab', 'Building vocabulary', 0);
    let lastPost = 0;
    let corpus: EncodedCorpus;
    try {
      corpus = encodeCorpus(text, { minCount: config.minCount, maxVocab: config.maxVocab }, (fraction, phase) => {
        const now = performance.now();
        if (now - lastPost < 100 && fraction < 1) return;
        lastPost = now;
        const what = phase === 'tokenize' ? 'Splitting into words' : phase === 'vocab' ? 'Building vocabulary' : 'Encoding';
        this.status(phase === 'encode' ? 'encoding' : 'vocab', `${what}… ${Math.round(fraction * 100)}%`, fraction);
      });
    } catch (e) {
      // The core's messages ("empty", "only 1 word occurs at least 5 times") are about the user's input.
      throw new TextInputError(`${fileName}: ${errorText(e)}`);
    }
    const info: CorpusInfo = {
      name: fileName,
      rawTokens: corpus.rawTokens,
      sentences: corpus.offsets.length - 1,
      vocabSize: corpus.vocab.words.length,
    };
    if (key) this.corpusCache = { key, corpus, info };
    return { corpus, info };
  }

  /** A bundled corpus that cannot be downloaded (offline, not stored, missing): not a crash of anything. */
  private async fetchWithProgress(url: string, fileName: string): Promise<Uint8Array> {
    let res: Response;
    try {
      res = await fetch(url);
    } catch {
      // No answer at all: no network, and the offline copy (src/sw/serviceWorker.ts) does not hold this corpus.
      throw new CorpusReadError(
        `Could not read ${fileName}: the network is unreachable and this corpus is not stored for offline use yet. ` +
          'Brown and the toy corpora always are; the others are stored the first time they are read online.',
      );
    }
    if (!res.ok || !res.body) throw new CorpusReadError(`Could not read ${fileName}: HTTP ${res.status}. Run "npm run corpora" to build the bundled corpora.`);
    const total = Number(res.headers.get('content-length')) || 0;
    const reader = res.body.getReader();
    const parts: Uint8Array[] = [];
    let got = 0;
    let lastPost = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      got += value.length;
      const now = performance.now();
      if (now - lastPost > 100) {
        lastPost = now;
        const f = total > 0 ? Math.min(1, got / total) : undefined;
        this.status('loading', f !== undefined ? `Reading ${fileName}… ${Math.round(f * 100)}%` : `Reading ${fileName}… ${(got / 1e6).toFixed(1)} MB`, f);
      }
    }
    const out = new Uint8Array(got);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }

  private async chooseEngine(corpus: EncodedCorpus, config: ModelConfig): Promise<EngineName> {
    const engines = getModel(config.model).engines as readonly EngineName[];
    if (engines.length === 1) return engines[0]!; // nothing to choose between
    this.status('probing', 'Measuring which engine is fastest on this machine…');
    const result = await probeEngines(corpus, config, this.createTrainer, (text) => this.status('probing', text), engines);
    this.post({ type: 'engine', session: this.session, engine: result.best, note: result.note });
    return result.best;
  }

  /** Create the trainer, falling back along ENGINE_FALLBACK when an engine cannot start. */
  private async startEngine(corpus: EncodedCorpus, config: ModelConfig, first: EngineName): Promise<void> {
    const spec = getModel(config.model);
    if (!spec.engines.includes(first)) {
      throw new Error(`${spec.title} does not run on ${ENGINE_WORDS[first] ?? first}; it runs on ${spec.engines.join(', ')}.`);
    }
    let engine: EngineName | null = first;
    while (engine) {
      this.status('probing', `Starting ${ENGINE_WORDS[engine]}…`);
      try {
        this.trainer = await this.createTrainer({ kind: 'text', corpus }, config, engine);
        this.engine = engine;
        this.post({ type: 'engine', session: this.session, engine, note: engine === first ? '' : `${ENGINE_WORDS[first]} could not start; using ${ENGINE_WORDS[engine]}.` });
        return;
      } catch (e) {
        const next: EngineName | null = nextEngine(engine, spec.engines);
        this.post({
          type: 'error',
          session: this.session,
          kind: 'backend',
          message: `${ENGINE_WORDS[engine]} could not start (${errorText(e)}).${next ? ` Trying ${ENGINE_WORDS[next]}.` : ''}`,
        });
        if (!next) throw e;
        engine = next;
      }
    }
  }

  private pauseNow(text: string): void {
    if (this.state === 'running') this.runMsBefore += performance.now() - this.runSegmentStart;
    this.loopToken++;
    this.state = 'paused';
    this.status('paused', text);
    if (this.trainer) {
      this.postSnapshot();
      this.postVectors();
      this.postReadout();
    }
  }

  private runLoop(): void {
    const token = ++this.loopToken;
    this.state = 'running';
    // Time spent paused is not training time: the rate starts afresh from here.
    this.rate.reset();
    this.runSegmentStart = performance.now();
    if (this.trainer) this.rate.add(this.runSegmentStart, this.trainer.progress().unitsDone);
    this.status('training', this.trainingText());
    void this.loop(token);
  }

  private trainingText(): string {
    const p = this.trainer!.progress();
    if (p.stage) return p.stage;
    return `Training epoch ${Math.min(p.epoch + 1, this.trainer!.epochs)} of ${this.trainer!.epochs} on ${ENGINE_WORDS[this.engine]}`;
  }

  private async loop(token: number): Promise<void> {
    let lastEpoch = -1;
    while (this.state === 'running' && token === this.loopToken && this.trainer) {
      const trainer = this.trainer;
      const words = this.speed.maxWordsPerChunk > 0 ? this.speed.maxWordsPerChunk : this.chunkWords;
      const t0 = performance.now();
      const p = await this.runChunk(trainer, words);
      if (!p || token !== this.loopToken) return;
      const ms = performance.now() - t0;
      if (this.speed.maxWordsPerChunk === 0 && ms > 0) {
        // Before the work is known (a counting stage), only the overall bounds apply.
        const perEpoch = p.unitsTotal > 0 ? p.unitsTotal / Math.max(1, trainer.epochs) : MAX_CHUNK_WORDS * MIN_CHUNKS_PER_EPOCH;
        const cap = Math.min(MAX_CHUNK_WORDS, Math.max(1, Math.floor(perEpoch / MIN_CHUNKS_PER_EPOCH)));
        this.chunkWords = Math.round(Math.min(cap, Math.max(Math.min(MIN_CHUNK_WORDS, cap), (words * CHUNK_TARGET_MS) / ms)));
      }
      this.postProgress(p);
      if (p.stage) {
        this.status('training', p.stage, p.stageFraction);
      } else if (p.epoch !== lastEpoch && !p.done) {
        lastEpoch = p.epoch;
        this.status('training', this.trainingText());
      }
      const now = performance.now();
      if (now - this.lastSnapshotAt >= SNAPSHOT_MS) this.postSnapshot();
      if (now - this.lastVectorsAt >= VECTORS_MS) this.postVectors();
      if (now - this.lastReadoutAt >= READOUT_MS) this.postReadout();
      if (p.done) {
        this.state = 'done';
        this.postSnapshot();
        this.postVectors();
        this.postReadout();
        const wallS = (this.runMsBefore + performance.now() - this.runSegmentStart) / 1000;
        this.status('done', `Finished ${trainer.epochs} epoch${trainer.epochs === 1 ? '' : 's'} in ${wallS.toFixed(1)} s on ${ENGINE_WORDS[this.engine]}`);
        return;
      }
      await pauseBetweenChunks(this.speed.delayMs);
    }
  }

  /** One chunk; on failure reports it, and returns null. Divergence pauses; an engine failure moves to the next engine. */
  private async runChunk(trainer: Trainer, words: number): Promise<Progress | null> {
    try {
      this.kvCache = null;
      return await trainer.run(words);
    } catch (e) {
      if (e instanceof DivergenceError || (e as Error)?.name === 'DivergenceError') {
        const d = e as DivergenceError;
        this.post({ type: 'error', session: this.session, kind: 'divergence', message: d.message, suggestedAlpha: d.suggestedAlpha });
        this.pauseNow('Paused: training diverged (the loss is not a number)');
        return null;
      }
      await this.replaceFailedEngine(e);
      return null;
    }
  }

  /** An engine that starts but fails while training: report, and start over on the next engine (same seed). */
  private async replaceFailedEngine(e: unknown): Promise<void> {
    const failed = this.engine;
    const msg = this.startMsg;
    const next = msg ? nextEngine(failed, getModel(msg.model.model).engines) : null;
    this.post({
      type: 'error',
      session: this.session,
      kind: 'backend',
      message: `${ENGINE_WORDS[failed]} failed while training (${errorText(e)}).${next ? ` Starting over on ${ENGINE_WORDS[next]}.` : ''}`,
    });
    if (!next || !msg || !this.corpus) {
      this.stopNow();
      return;
    }
    this.loopToken++;
    this.trainer?.dispose();
    this.trainer = null;
    try {
      await this.startEngine(this.corpus, msg.model, next);
      this.runLoop();
    } catch (err) {
      this.post({ type: 'error', session: this.session, kind: 'crash', message: errorText(err) });
      this.stopNow();
    }
  }

  private async stepOnce(): Promise<void> {
    const trainer = this.trainer;
    if (!trainer || trainer.done) return;
    const token = ++this.loopToken;
    const total = trainer.progress().unitsTotal;
    const words = total > 0 ? Math.max(1, Math.round((total / trainer.epochs) * STEP_FRACTION_OF_EPOCH)) : FIRST_CHUNK_WORDS;
    const p = await this.runChunk(trainer, words);
    if (!p || token !== this.loopToken) return;
    this.postProgress(p);
    this.postSnapshot();
    this.postReadout();
    if (p.done) {
      this.state = 'done';
      this.postVectors();
      this.status('done', `Finished ${trainer.epochs} epochs`);
    } else {
      this.status('paused', p.stage ? `Paused after a step (${p.stage})` : `Paused after a step (epoch ${p.epoch + 1} of ${trainer.epochs})`);
    }
  }

  private postProgress(p: Progress): void {
    // Only a running loop measures a rate: a single step while paused keeps the last figure.
    if (this.state === 'running') this.rate.add(performance.now(), p.unitsDone);
    this.post({
      type: 'progress',
      session: this.session,
      epoch: p.epoch,
      epochs: p.epochs,
      unit: this.unit,
      wordsDone: p.unitsDone,
      wordsTotal: p.unitsTotal,
      loss: p.loss,
      lr: p.lr,
      wordsPerSec: this.rate.rate(),
      seconds: p.seconds,
      done: p.done,
    });
  }

  /** The trainer's result when it has one vector per vocabulary word (the map and neighbours need that). */
  private wordModel(): Extract<Model, { kind: 'static' | 'subword' }> | null {
    const m = this.trainer?.model();
    return m && (m.kind === 'static' || m.kind === 'subword') ? m : null;
  }

  private postSnapshot(): void {
    const t = this.trainer;
    if (t) this.postPredictions(t);
    const m = this.wordModel();
    if (!t || !m) return;
    this.lastSnapshotAt = performance.now();
    const n = Math.min(this.mapN, m.words.length);
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) ids[i] = i; // vocabulary ids are in order of frequency
    const vectors = m.vectorsFor(ids);
    this.post(
      { type: 'snapshot', session: this.session, words: m.words.slice(0, n), dim: m.dim, vectors, version: ++this.snapshotVersion },
      [vectors.buffer],
    );
    const view = t.matrixView?.(MATRIX_VIEW_WORDS);
    if (view) this.post({ type: 'matrix', session: this.session, view }, [view.target.buffer, view.fitted.buffer]);
  }

  /** A contextual model has no vector per word for the map: the lab shows its guesses for hidden words instead. */
  private postPredictions(t: Trainer): void {
    const m = t.model();
    if (m.kind !== 'contextual' || !m.predictMasked || !t.probeSentences) return;
    const predict = m.predictMasked.bind(m);
    const session = this.session;
    const sentences = t.probeSentences(PREDICTION_SENTENCES);
    void Promise.all(
      sentences.map(async (words) => {
        const position = Math.floor(words.length / 2);
        const masked = words.map((w, i) => (i === position ? MASK : w));
        const [guess] = await predict(masked, PREDICTION_GUESSES);
        return { words, position, guesses: guess?.guesses ?? [] };
      }),
    ).then(
      (rows) => session === this.session && this.post({ type: 'predictions', session, rows }),
      () => {}, // a view, not training: a failed refresh is simply skipped
    );
  }

  private postReadout(): void {
    const m = this.wordModel();
    if (!m) return;
    this.lastReadoutAt = performance.now();
    this.post({ type: 'readout', session: this.session, pairs: pairsReadout(m.words, m.vectors(), m.dim) });
  }

  private postVectors(id?: number): void {
    const t = this.trainer;
    const m = this.wordModel();
    if (!t || !m) return;
    this.lastVectorsAt = performance.now();
    const vectors = m.vectors();
    const p = t.progress();
    this.post(
      { type: 'vectors', session: this.session, id, words: [...m.words], dim: m.dim, vectors, epoch: p.epoch, done: p.done },
      [vectors.buffer],
    );
  }

  /** The spec's own file of a model that answers for unseen words (fastText's n-gram table); null for plain vectors. */
  private postModelFile(id: number): void {
    const m = this.trainer?.model();
    if (!this.trainer || !m || !this.startMsg) {
      this.post({ type: 'error', session: this.session, id, kind: 'query', message: 'No model is being trained.' });
      return;
    }
    const spec = getModel(this.startMsg.model.model);
    let bytes: Uint8Array | null;
    try {
      bytes = m.kind === 'subword' && spec.save ? spec.save(m) : null;
    } catch (e) {
      this.post({ type: 'error', session: this.session, id, kind: 'query', message: `Could not write the model file: ${(e as Error).message}` });
      return;
    }
    this.post({ type: 'modelFile', session: this.session, id, model: spec.id, bytes }, bytes ? [bytes.buffer] : []);
  }

  private answerNeighbours(id: number, word: string, k: number): void {
    const m = this.wordModel();
    if (!m) {
      this.post({ type: 'error', session: this.session, id, kind: 'query', message: 'No model is being trained.' });
      return;
    }
    this.kvCache ??= new KeyedVectors(m.words, m.vectors(), m.dim);
    const kv = this.kvCache;
    const w = word.trim().toLowerCase();
    if (!kv.has(w)) {
      const minCount = this.startMsg?.model.common.minCount ?? 1;
      this.post({ type: 'error', session: this.session, id, kind: 'query', message: `“${word}” is not in the vocabulary (${kv.size.toLocaleString('en')} words seen at least ${minCount} times).` });
      return;
    }
    const neighbours = kv.mostSimilar({ positive: [w], topn: k }).map((n) => ({ word: n.word, score: n.score }));
    this.post({ type: 'neighbours', id, word: w, neighbours });
  }
}

/** The next engine to try after `engine` fails, skipping those the model does not run on. */
function nextEngine(engine: EngineName, allowed: readonly string[]): EngineName | null {
  let next = ENGINE_FALLBACK[engine];
  while (next && !allowed.includes(next)) next = ENGINE_FALLBACK[next];
  return next;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Yield to the event loop so messages are handled; a MessageChannel avoids setTimeout's 4 ms clamp. */
function pauseBetweenChunks(delayMs: number): Promise<void> {
  if (delayMs > 0) return new Promise((r) => setTimeout(r, delayMs));
  return new Promise((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      r();
    };
    ch.port2.postMessage(null);
  });
}
