// Every setting of the lab, declared once (like tensorflow/playground's State.PROPS and excalidraw's
// APP_STATE_STORAGE_CONF): its URL key, type, default, bounds, and where it is kept. The URL <-> config mapping,
// validation and the "bad value in the link" notes are all derived from this one table.
import { DEFAULT_TRAIN_CONFIG, type ModelKind, type TrainConfig } from '../core/train/types';

export const BUNDLED_CORPORA = ['brown', 'sotu', 'toy-fruit', 'toy-royals'] as const;
export type BundledCorpus = (typeof BUNDLED_CORPORA)[number];
/** 'file' = the user's own text, which stays in this tab and is never part of a link. */
export type CorpusChoice = BundledCorpus | 'file';

export type { EngineChoice } from '../workers/trainerMessages';
import type { EngineChoice } from '../workers/trainerMessages';
export const ENGINE_CHOICES: readonly EngineChoice[] = ['auto', 'cpu', 'tfjs-webgpu', 'tfjs-webgl', 'tfjs-wasm', 'tfjs-cpu'];
export type MapMethod = 'tsne' | 'pca' | 'tsne-js';
export type SpeedChoice = 'full' | 'demo' | 'slow';
export type LabView = 'train' | 'step';

/** Control groups an instructor can hide with `hide=` (a focused lab for one lesson). */
export const CONTROL_GROUPS = {
  corpus: 'Corpus picker',
  model: 'Model and hyper-parameters',
  engine: 'Engine choice',
  speed: 'Speed',
  map: 'Map settings',
  search: 'Word search and neighbours',
  loss: 'Loss curve',
  models: 'Saved models',
  export: 'Export',
  stepper: 'Step-by-step tab',
  instructor: 'Instructor panel',
} as const;
export type ControlGroup = keyof typeof CONTROL_GROUPS;

export interface LabConfig {
  corpus: CorpusChoice;
  model: ModelKind;
  dim: number;
  window: number;
  negative: number;
  hs: boolean;
  alpha: number;
  epochs: number;
  minCount: number;
  maxVocab: number;
  sample: number;
  seed: number;
  engine: EngineChoice;
  speed: SpeedChoice;
  mapN: number;
  map: MapMethod;
  perplexity: number;
  mapLr: number;
  k: number;
  view: LabView;
  hide: ControlGroup[];
}

/** Where a setting is kept: in the shareable link, in this browser only, or nowhere. */
export type Keep = 'url' | 'local' | 'none';

interface Base<K extends keyof LabConfig> {
  key: K;
  label: string;
  keep: Keep;
  group: ControlGroup | 'training';
  help: string;
}
interface IntSetting<K extends keyof LabConfig> extends Base<K> {
  type: 'int';
  min: number;
  max: number;
}
interface FloatSetting<K extends keyof LabConfig> extends Base<K> {
  type: 'float';
  min: number;
  max: number;
}
interface EnumSetting<K extends keyof LabConfig> extends Base<K> {
  type: 'enum';
  values: readonly string[];
}
interface BoolSetting<K extends keyof LabConfig> extends Base<K> {
  type: 'bool';
}
interface ListSetting<K extends keyof LabConfig> extends Base<K> {
  type: 'list';
  values: readonly string[];
}
type Setting<K extends keyof LabConfig> = IntSetting<K> | FloatSetting<K> | EnumSetting<K> | BoolSetting<K> | ListSetting<K>;
export type AnySetting = { [K in keyof LabConfig]: Setting<K> }[keyof LabConfig];

// The preset a first-time visitor sees: Brown, skip-gram, a 400-word map, and a short run (3 epochs of 50-d
// vectors take about a minute on one laptop core) rather than gensim's 100-d x 5 epochs.
export const DEFAULT_LAB_CONFIG: LabConfig = {
  corpus: 'brown',
  model: 'skipgram',
  dim: 50,
  window: DEFAULT_TRAIN_CONFIG.window,
  negative: DEFAULT_TRAIN_CONFIG.negative,
  hs: false,
  alpha: DEFAULT_TRAIN_CONFIG.alpha,
  epochs: 3,
  minCount: DEFAULT_TRAIN_CONFIG.minCount,
  maxVocab: 0,
  sample: DEFAULT_TRAIN_CONFIG.sample,
  seed: DEFAULT_TRAIN_CONFIG.seed,
  engine: 'auto',
  speed: 'full',
  mapN: 400,
  map: 'tsne',
  perplexity: 30,
  mapLr: 100,
  k: 10,
  view: 'train',
  hide: [],
};

/** The table. Order = order of controls and of URL parameters. */
export const LAB_SETTINGS: readonly AnySetting[] = [
  { key: 'corpus', label: 'Corpus', type: 'enum', values: [...BUNDLED_CORPORA, 'file'], keep: 'url', group: 'corpus', help: 'Text to train on' },
  { key: 'model', label: 'Model', type: 'enum', values: ['skipgram', 'cbow'], keep: 'url', group: 'model', help: 'Skip-gram predicts the context from a word; CBOW predicts a word from its context' },
  { key: 'dim', label: 'Dimensions', type: 'int', min: 2, max: 300, keep: 'url', group: 'model', help: 'Length of each word vector' },
  { key: 'window', label: 'Window', type: 'int', min: 1, max: 20, keep: 'url', group: 'model', help: 'Maximum distance between a word and its context words (reduced at random, as in word2vec)' },
  { key: 'negative', label: 'Negative samples', type: 'int', min: 0, max: 25, keep: 'url', group: 'model', help: 'Noise words per true pair (0 with hierarchical softmax on = pure hierarchical softmax)' },
  { key: 'hs', label: 'Hierarchical softmax', type: 'bool', keep: 'url', group: 'model', help: 'Predict through a Huffman tree of binary decisions' },
  { key: 'alpha', label: 'Learning rate', type: 'float', min: 1e-5, max: 10, keep: 'url', group: 'model', help: 'Starting learning rate; it falls linearly to almost zero' },
  { key: 'epochs', label: 'Epochs', type: 'int', min: 1, max: 100, keep: 'url', group: 'model', help: 'Passes over the corpus' },
  { key: 'minCount', label: 'Min count', type: 'int', min: 1, max: 1000, keep: 'url', group: 'model', help: 'Drop words seen fewer times than this' },
  { key: 'maxVocab', label: 'Max vocabulary', type: 'int', min: 0, max: 1_000_000, keep: 'url', group: 'model', help: 'Keep only this many most frequent words (0 = no limit)' },
  { key: 'sample', label: 'Subsampling', type: 'float', min: 0, max: 0.1, keep: 'url', group: 'model', help: 'Down-sample words more frequent than this share of the corpus (0 = off)' },
  { key: 'seed', label: 'Seed', type: 'int', min: 0, max: 2_147_483_647, keep: 'url', group: 'model', help: 'Same seed, same settings, same corpus: same vectors' },
  { key: 'engine', label: 'Engine', type: 'enum', values: ENGINE_CHOICES, keep: 'url', group: 'engine', help: 'Where the arithmetic runs' },
  { key: 'speed', label: 'Speed', type: 'enum', values: ['full', 'demo', 'slow'], keep: 'url', group: 'speed', help: 'Slow training down to watch it' },
  { key: 'mapN', label: 'Words on the map', type: 'int', min: 100, max: 5000, keep: 'url', group: 'map', help: 'The N most frequent words are drawn' },
  { key: 'map', label: 'Projection', type: 'enum', values: ['tsne', 'pca', 'tsne-js'], keep: 'url', group: 'map', help: 't-SNE keeps neighbours together; PCA keeps the largest directions' },
  { key: 'perplexity', label: 'Perplexity', type: 'float', min: 2, max: 100, keep: 'url', group: 'map', help: 'About how many neighbours t-SNE tries to keep' },
  { key: 'mapLr', label: 't-SNE learning rate', type: 'float', min: 1, max: 1000, keep: 'url', group: 'map', help: 'Step size of the t-SNE layout' },
  { key: 'k', label: 'Neighbours', type: 'int', min: 1, max: 50, keep: 'url', group: 'search', help: 'How many nearest neighbours to list' },
  { key: 'view', label: 'View', type: 'enum', values: ['train', 'step'], keep: 'url', group: 'training', help: 'Live training or the step-by-step view' },
  { key: 'hide', label: 'Hidden controls', type: 'list', values: Object.keys(CONTROL_GROUPS), keep: 'url', group: 'instructor', help: 'Control groups hidden in this link' },
];

export function settingOf<K extends keyof LabConfig>(key: K): Setting<K> {
  const s = LAB_SETTINGS.find((x) => x.key === key);
  if (!s) throw new Error(`No lab setting named ${key}`);
  return s as unknown as Setting<K>;
}

/** Parse one raw value; returns undefined (and why) when it does not fit the table. */
export function parseSetting(s: AnySetting, raw: string): { ok: true; value: LabConfig[keyof LabConfig] } | { ok: false; why: string } {
  switch (s.type) {
    case 'int': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isInteger(n) || n < s.min || n > s.max) {
        return { ok: false, why: `expected a whole number from ${s.min} to ${s.max}` };
      }
      return { ok: true, value: n };
    }
    case 'float': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || n < s.min || n > s.max) {
        return { ok: false, why: `expected a number from ${s.min} to ${s.max}` };
      }
      return { ok: true, value: n };
    }
    case 'enum':
      return s.values.includes(raw) ? { ok: true, value: raw as LabConfig[keyof LabConfig] } : { ok: false, why: `expected one of ${s.values.join(', ')}` };
    case 'bool':
      if (raw === '1' || raw === 'true') return { ok: true, value: true };
      if (raw === '0' || raw === 'false') return { ok: true, value: false };
      return { ok: false, why: 'expected 0 or 1' };
    case 'list': {
      const items = raw.split(',').map((x) => x.trim()).filter(Boolean);
      const bad = items.filter((x) => !s.values.includes(x));
      if (bad.length > 0) return { ok: false, why: `unknown group(s) ${bad.join(', ')}; known: ${s.values.join(', ')}` };
      return { ok: true, value: [...new Set(items)] as ControlGroup[] };
    }
  }
}

export function formatSetting(s: AnySetting, value: LabConfig[keyof LabConfig]): string {
  if (s.type === 'bool') return value ? '1' : '0';
  if (s.type === 'list') return (value as string[]).join(',');
  return String(value);
}

export interface ParsedLabConfig {
  config: LabConfig;
  /** One human sentence per ignored value, shown above the lab. */
  notes: string[];
}

/** Read the settings of a link; values that do not fit the table fall back to defaults with a note. */
export function configFromParams(params: URLSearchParams, base: LabConfig = DEFAULT_LAB_CONFIG): ParsedLabConfig {
  const config: LabConfig = { ...base, hide: [...base.hide] };
  const notes: string[] = [];
  for (const s of LAB_SETTINGS) {
    if (s.keep !== 'url') continue;
    const raw = params.get(s.key);
    if (raw === null) continue;
    const r = parseSetting(s, raw);
    if (r.ok) (config as unknown as Record<string, unknown>)[s.key] = r.value;
    else notes.push(`Ignored ${s.key}=${raw} in the link (${r.why}); using ${formatSetting(s, base[s.key]) || 'none'}.`);
  }
  if (config.corpus === 'file') {
    // The user's text never leaves the browser that read it, so a link cannot carry it: neither a link from someone
    // else nor a reload of this page has it. Say so and ask for the file, rather than train on another text.
    notes.push('This link names an own text (corpus=file), but a text is never part of a link and a reload forgets it: choose the .txt file again below to train on it.');
  }
  return { config, notes };
}

/** Every URL-kept setting as query parameters (all of them, so a link keeps meaning the same when defaults change). */
export function configToParams(config: LabConfig, extra?: URLSearchParams): URLSearchParams {
  const p = new URLSearchParams();
  for (const s of LAB_SETTINGS) {
    if (s.keep !== 'url') continue;
    if (s.type === 'list' && (config[s.key] as string[]).length === 0) continue;
    p.set(s.key, formatSetting(s, config[s.key]));
  }
  // Parameters owned by the shell (e.g. present=1) survive.
  extra?.forEach((v, k) => {
    if (!LAB_SETTINGS.some((s) => s.key === k)) p.set(k, v);
  });
  return p;
}

/** The core's TrainConfig for a lab config (fields the lab does not expose keep the core's defaults). */
export function trainConfigOf(c: LabConfig): TrainConfig {
  return {
    ...DEFAULT_TRAIN_CONFIG,
    model: c.model,
    dim: c.dim,
    window: c.window,
    negative: c.negative,
    hs: c.hs,
    alpha: c.alpha,
    epochs: c.epochs,
    minCount: c.minCount,
    maxVocab: c.maxVocab,
    sample: c.sample,
    seed: c.seed,
  };
}

/** Human names, used by the status line and labels. */
export const CORPUS_TITLES: Record<CorpusChoice, string> = {
  brown: 'Brown corpus (1 M words, 1961 American English)',
  sotu: 'State of the Union addresses (1790-2018)',
  'toy-fruit': 'Toy: fruit and drinks',
  'toy-royals': 'Toy: kings and queens',
  file: 'Your own text',
};
export const MODEL_TITLES: Record<ModelKind, string> = { skipgram: 'skip-gram', cbow: 'CBOW' };
export const ENGINE_TITLES: Record<EngineChoice, string> = {
  auto: 'Auto (fastest after a short probe)',
  cpu: 'CPU engine (typed arrays)',
  'tfjs-webgpu': 'TensorFlow.js on WebGPU',
  'tfjs-webgl': 'TensorFlow.js on WebGL',
  'tfjs-wasm': 'TensorFlow.js on WebAssembly',
  'tfjs-cpu': 'TensorFlow.js on plain JavaScript',
};

/** Training must restart for these to take effect (the trainer's config is fixed when it is created). */
export const RESTART_KEYS: ReadonlySet<keyof LabConfig> = new Set([
  'corpus', 'model', 'dim', 'window', 'negative', 'hs', 'alpha', 'epochs', 'minCount', 'maxVocab', 'sample', 'seed', 'engine',
]);
