// The lab's actions: the one code path behind every button, keyboard shortcut and test. Owns the trainer worker
// (through TrainerClient) for the life of the tab, so training carries on while the user visits the playgrounds,
// and turns worker messages into store updates.
import { KeyedVectors } from '../core/vectors/keyedVectors';
import type { EngineName } from '../core/train/types';
import { TrainerClient } from '../workers/trainerClient';
import { ENGINE_FALLBACK, type CorpusSource, type FromWorker, type Speed } from '../workers/trainerMessages';
import { CORPUS_TITLES, modelConfigOf, modelTitle, RESTART_KEYS, paramsOf, withParam, type LabConfig, type SpeedChoice } from './labConfig';
import { pushLoss, resetLoss } from './labLoss';
import { hasTrainer, isPreparing, useLabStore } from './labStore';
import { useVectorsStore } from './vectorsStore';

export const SPEEDS: Record<SpeedChoice, Speed & { label: string }> = {
  full: { label: 'Full speed', maxWordsPerChunk: 0, delayMs: 0 },
  // Slow enough to follow the map during a lecture, fast enough that the loss still visibly falls.
  demo: { label: 'Demo (slower)', maxWordsPerChunk: 1_000, delayMs: 60 },
  slow: { label: 'Slow motion', maxWordsPerChunk: 200, delayMs: 250 },
};

/** While training, a selected word's neighbours are recomputed this often (they change as the model learns). */
const NEIGHBOUR_REFRESH_MS = 2_000;

let client: TrainerClient | null = null;
/** The newest full vectors (from the worker, or a saved model): exports, saving and queries without a trainer. */
let currentKv: KeyedVectors | null = null;
let lastVectorsLabel = '';
let lastNeighbourQuery = 0;
/** The user's file, kept in the page only; bytes read once are handed to the next session without a copy. */
let userFile: File | null = null;
let userBytes: ArrayBuffer | null = null;

const store = () => useLabStore.getState();

function getClient(): TrainerClient {
  client ??= new TrainerClient({ onMessage, onCrash });
  return client;
}

export function currentVectors(): KeyedVectors | null {
  return currentKv;
}

function shortCorpusName(c: LabConfig): string {
  if (c.corpus === 'file') return store().userFile?.name ?? 'my text';
  return c.corpus === 'brown' ? 'Brown' : c.corpus === 'sotu' ? 'SOTU' : c.corpus;
}

function describeRun(c: LabConfig, epoch: number, done: boolean): string {
  const base = `${shortCorpusName(c)} ${modelTitle(c.model)}`;
  return done ? `${base} (trained, ${c.epochs} epoch${c.epochs === 1 ? '' : 's'})` : `${base} (training, epoch ${Math.min(epoch + 1, c.epochs)})`;
}

function onMessage(msg: FromWorker): void {
  const s = store();
  if ('session' in msg && msg.session !== s.session && msg.session !== -1) return; // a reset session's late message
  switch (msg.type) {
    case 'status':
      s.set({ phase: msg.phase, statusText: msg.text, statusFraction: msg.fraction ?? null });
      break;
    case 'corpus':
      s.set({ corpusInfo: msg.info });
      break;
    case 'engine':
      s.set({ activeEngine: msg.engine, engineNote: msg.note || s.engineNote });
      break;
    case 'progress':
      s.set({ progress: msg });
      if (msg.wordsTotal > 0 && msg.epochs > 0) pushLoss(msg.wordsDone / (msg.wordsTotal / msg.epochs), msg.loss);
      break;
    case 'snapshot':
      s.set({ snapshot: { words: msg.words, vectors: msg.vectors, dim: msg.dim, version: msg.version } });
      if (s.selection && performance.now() - lastNeighbourQuery > NEIGHBOUR_REFRESH_MS && s.phase === 'training') {
        void selectWord(s.selection.word);
      }
      break;
    case 'vectors':
      acceptVectors(msg);
      break;
    case 'matrix':
      s.set({ matrix: msg.view });
      break;
    case 'predictions':
      s.set({ predictions: msg.rows });
      break;
    case 'readout':
      s.set({ pairs: msg.pairs });
      break;
    case 'neighbours':
    case 'modelFile':
      break; // answered through the request promise
    case 'error':
      if (msg.kind === 'input') s.set({ fileError: msg.message });
      s.addNotice({ kind: msg.kind, message: msg.message, suggestedAlpha: msg.suggestedAlpha });
      break;
    default: {
      const never: never = msg;
      console.warn('Unknown message from the trainer worker', never);
    }
  }
}

function acceptVectors(msg: Extract<FromWorker, { type: 'vectors' }>): void {
  const c = store().runningConfig ?? store().config;
  currentKv = new KeyedVectors(msg.words, msg.vectors, msg.dim);
  const label = describeRun(c, msg.epoch, msg.done);
  store().set({ modelLabel: label, modelSource: 'training' });
  pushActiveVectors(currentKv, label, {
    corpus: shortCorpusName(c),
    model: modelTitle(c.model),
    dimensions: msg.dim,
    vocabulary: msg.words.length,
    epochs: `${Math.min(msg.epoch, c.epochs)} of ${c.epochs}`,
    seed: c.seed,
    engine: store().activeEngine ?? '',
  }, 'trained');
}

/**
 * Offer these vectors (trained here, or a saved model loaded in the lab) to the playgrounds and lessons, replacing
 * the lab's previous entry instead of piling up. They become active only if the user had chosen the lab's vectors
 * (then the newer snapshot follows that choice); otherwise the vectors in use stay until the user switches.
 */
function pushActiveVectors(kv: KeyedVectors, label: string, details: Record<string, string | number>, origin: 'trained' | 'loaded'): void {
  const previous = lastVectorsLabel;
  lastVectorsLabel = label;
  useVectorsStore.getState().offer({ kv, origin, label, details }, previous);
}

function onCrash(message: string): void {
  const s = store();
  const wasActive = hasTrainer(s.phase) || isPreparing(s.phase);
  const failed: EngineName = s.activeEngine ?? 'cpu';
  const next = ENGINE_FALLBACK[failed] ?? 'cpu';
  s.addNotice({
    kind: 'crash',
    message: `The training worker crashed (${message}). ${wasActive ? `Starting again on ${next === 'cpu' ? 'the CPU engine' : next}; the settings are kept.` : 'A new worker is ready.'}`,
  });
  s.set({ phase: 'idle', statusText: 'The training worker was restarted' });
  if (wasActive && s.phase !== 'paused') void startTraining({ engineOverride: next });
}

async function corpusSource(c: LabConfig): Promise<{ source: CorpusSource; transfer: Transferable[] }> {
  if (c.corpus !== 'file') {
    const url = new URL(`./corpora/${c.corpus}.txt`, document.baseURI).href;
    return { source: { kind: 'bundled', name: c.corpus, url }, transfer: [] };
  }
  if (!userFile) throw new Error('Choose a .txt file first.');
  const bytes = userBytes ?? (await userFile.arrayBuffer());
  userBytes = null; // transferred: the worker owns it now
  const splitCharacters = store().userFile?.splitCharacters === true;
  return { source: { kind: 'bytes', name: userFile.name, bytes, splitCharacters }, transfer: [bytes] };
}

export async function startTraining(o: { startPaused?: boolean; engineOverride?: EngineName } = {}): Promise<void> {
  const s = store();
  const c = s.config;
  const session = s.session + 1;
  resetLoss();
  currentKv = null;
  s.set({
    session,
    runningConfig: c,
    phase: 'loading',
    statusText: 'Starting…',
    statusFraction: null,
    progress: null,
    matrix: null,
    predictions: null,
    pairs: null,
    activeEngine: null,
    engineNote: '',
    corpusInfo: null,
    modelSource: 'training',
    modelLabel: describeRun(c, 0, false),
    selection: null,
    notices: s.notices.filter((n) => n.kind === 'crash' || n.kind === 'backend'),
  });
  let src;
  try {
    src = await corpusSource(c);
  } catch (e) {
    s.set({ phase: 'idle', statusText: 'Ready' });
    s.addNotice({ kind: 'input', message: (e as Error).message });
    return;
  }
  getClient().send(
    {
      type: 'start',
      session,
      model: modelConfigOf(c),
      engine: o.engineOverride ?? c.engine,
      source: src.source,
      mapN: c.mapN,
      speed: SPEEDS[c.speed],
      startPaused: o.startPaused ?? false,
    },
    src.transfer,
  );
}

export function pause(): void {
  if (store().phase === 'training') getClient().send({ type: 'pause' });
}

export function resume(): void {
  if (store().phase === 'paused') getClient().send({ type: 'resume' });
}

export function togglePause(): void {
  const p = store().phase;
  if (p === 'training') pause();
  else if (p === 'paused') resume();
  else if (p === 'idle' || p === 'done' || p === 'failed') void startTraining();
}

/** One small step; before any start it prepares a paused session (load, vocabulary, engine) to step through. */
export function step(): void {
  const p = store().phase;
  if (p === 'paused') getClient().send({ type: 'step' });
  else if (p === 'idle' || p === 'failed') void startTraining({ startPaused: true });
}

export function reset(): void {
  const s = store();
  if (isPreparing(s.phase)) getClient().restart();
  else client?.send({ type: 'stop' });
  resetLoss();
  s.set({
    session: s.session + 1,
    runningConfig: null,
    phase: 'idle',
    statusText: 'Ready: press Start training',
    statusFraction: null,
    progress: null,
    pairs: null,
    snapshot: null,
    matrix: null,
    predictions: null,
    activeEngine: null,
    engineNote: '',
    selection: null,
    modelSource: 'none',
    modelLabel: '',
    notices: [],
  });
}

export function setConfig(patch: Partial<LabConfig>): void {
  const s = store();
  s.setConfig(patch);
  if (patch.speed && client) client.send({ type: 'setSpeed', speed: SPEEDS[patch.speed] });
  if (patch.mapN && client && hasTrainer(s.phase)) client.send({ type: 'setMapN', mapN: patch.mapN });
  if (patch.mapN && s.modelSource === 'saved' && currentKv) showSavedOnMap(currentKv, patch.mapN);
}

/** Settings changed since the trainer started that only a restart applies. */
export function pendingRestartKeys(): (keyof LabConfig)[] {
  const s = store();
  if (!s.runningConfig) return [];
  const running = s.runningConfig;
  return [...RESTART_KEYS].filter((k) =>
    k === 'params' ? JSON.stringify(paramsOf(running)) !== JSON.stringify(paramsOf(s.config)) : running[k] !== s.config[k],
  );
}

export function applySuggestedAlpha(alpha: number): void {
  reset();
  const s = store();
  s.set({ config: withParam(s.config, 'alpha', Number(alpha.toPrecision(3))) });
  void startTraining();
}

export async function selectWord(raw: string): Promise<void> {
  const word = raw.trim().toLowerCase();
  const s = store();
  if (!word) {
    s.set({ selection: null });
    return;
  }
  const k = s.config.k;
  lastNeighbourQuery = performance.now();
  if (hasTrainer(s.phase) && s.modelSource === 'training') {
    try {
      const r = await getClient().queryNeighbours(word, k);
      store().set({ selection: { word: r.word, neighbours: r.neighbours, from: store().modelLabel } });
    } catch (e) {
      store().set({ selection: { word, neighbours: [], error: (e as Error).message, from: store().modelLabel } });
    }
    return;
  }
  if (!currentKv) {
    s.set({ selection: { word, neighbours: [], error: 'No model yet: start training (or load a saved model) first.', from: '' } });
    return;
  }
  if (!currentKv.has(word)) {
    s.set({ selection: { word, neighbours: [], error: `“${raw.trim()}” is not in this model’s vocabulary (${currentKv.size.toLocaleString('en')} words).`, from: s.modelLabel } });
    return;
  }
  const neighbours = currentKv.mostSimilar({ positive: [word], topn: k }).map((n) => ({ word: n.word, score: n.score }));
  s.set({ selection: { word, neighbours, from: s.modelLabel } });
}

/** The freshest full vectors: asks the worker when a model is training, else the saved model in use. */
export async function freshVectors(): Promise<KeyedVectors | null> {
  const s = store();
  if (hasTrainer(s.phase) && s.modelSource === 'training' && client) {
    try {
      await client.requestVectors(); // the reply also goes through onMessage -> acceptVectors
    } catch {
      /* fall back to the last vectors received */
    }
  }
  return currentKv;
}

/** A model in its own file format (ModelSpec.save): what a saved fastText model keeps beyond its vectors. */
export interface ModelFile {
  model: string;
  bytes: Uint8Array;
}

/** The file that came with the saved model in use (so that saving it again keeps it). */
let loadedModelFile: ModelFile | null = null;

/**
 * The model file of the model in use, for models whose vectors alone lose something (fastText's n-gram table): asked
 * of the worker while a model trains, else the one loaded with a saved model; null for plain vector models.
 */
export async function freshModelFile(): Promise<ModelFile | null> {
  const s = store();
  if (hasTrainer(s.phase) && s.modelSource === 'training' && client) {
    const msg = await client.requestModelFile();
    return msg.bytes ? { model: msg.model, bytes: msg.bytes } : null;
  }
  return s.modelSource === 'saved' ? loadedModelFile : null;
}

export function showSavedOnMap(kv: KeyedVectors, mapN: number): void {
  const sub = kv.subset(Math.min(mapN, kv.size));
  const prev = store().snapshot?.version ?? 0;
  store().set({ snapshot: { words: [...sub.words], vectors: sub.vectors, dim: sub.dim, version: prev + 1 } });
}

/** Use a saved model's vectors in the lab (map, neighbours, export) and in the playgrounds. */
export function adoptSavedVectors(kv: KeyedVectors, label: string, details: Record<string, string | number>, file: ModelFile | null = null): void {
  reset();
  currentKv = kv;
  loadedModelFile = file;
  store().set({ modelSource: 'saved', modelLabel: label, statusText: `Loaded the saved model “${label}”` });
  showSavedOnMap(kv, store().config.mapN);
  pushActiveVectors(kv, label, details, 'loaded');
}

// ---- the user's own text -------------------------------------------------------------------------------------
export function userFileObject(): File | null {
  return userFile;
}

export function acceptUserFile(file: File, bytes: ArrayBuffer): void {
  userFile = file;
  userBytes = bytes;
}

export function corpusLabel(c: LabConfig): string {
  return c.corpus === 'file' ? `Your text: ${store().userFile?.name ?? ''}` : CORPUS_TITLES[c.corpus];
}
