// Every setting of the lab, declared once (like tensorflow/playground's State.PROPS and excalidraw's
// APP_STATE_STORAGE_CONF): its URL key, type, default, bounds, and where it is kept. The URL <-> config mapping,
// validation and the "bad value in the link" notes are all derived from this one table. The model list and each
// model's own parameters come from the model registry (src/core/models), read when needed, so a newly registered
// model appears here without an edit.
import { DECIMAL_NUMBER } from '../core/models/registry';
import { defaultParams, formatParam, getModel, hasModel, listModels, parseParam } from '../core/models';
import type { ModelConfig, ParamSpec, ParamValues } from '../core/models/types';
import { DEFAULT_TRAIN_CONFIG } from '../core/train/types';

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
  /** A registered model id (src/core/models). */
  model: string;
  dim: number;
  epochs: number;
  minCount: number;
  maxVocab: number;
  seed: number;
  /** Each model's own parameters, by model id; a model missing here uses its spec's defaults. Only the chosen
   *  model's are in the link, so switching models and back keeps what was set. */
  params: Record<string, ParamValues>;
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
/** The chosen model's own parameters: one row per ParamSpec of its registry entry, each with its own link key. */
interface ParamsSetting<K extends keyof LabConfig> extends Base<K> {
  type: 'params';
}
type Setting<K extends keyof LabConfig> = IntSetting<K> | FloatSetting<K> | EnumSetting<K> | BoolSetting<K> | ListSetting<K> | ParamsSetting<K>;
export type AnySetting = { [K in keyof LabConfig]: Setting<K> }[keyof LabConfig];

// The preset a first-time visitor sees: Brown, skip-gram, a 400-word map, full speed, and 100-d vectors trained for
// 10 epochs. Chosen by measurement (docs/defaults.md): about 29 CPU-seconds of training (30-40 s in all on one
// laptop core, enough to watch the map organise), and the best scores of the settings tried (analogies 0.111,
// Spearman 0.382, better than gensim's 5 epochs); 15 epochs cost half as much again for nothing more.
/** Dimensions of the first-visit run (docs/defaults.md). */
export const FIRST_VISIT_DIM = 100;
/** Epochs of the first-visit run (docs/defaults.md). */
export const FIRST_VISIT_EPOCHS = 10;
/**
 * The epochs the lab starts a model with: its own default where the registry gives one (GloVe fits 25 passes over
 * its co-occurrence cells, as Stanford's tool does), else the first-visit run's.
 */
export function labDefaultEpochs(model: string): number {
  return hasModel(model) ? (getModel(model).commonDefaults?.epochs ?? FIRST_VISIT_EPOCHS) : FIRST_VISIT_EPOCHS;
}

/**
 * A settings change that switches the model also moves the epochs to the new model's default, unless the student
 * (or the link) had set their own: a value that is still the old model's default follows the model.
 */
export function withModelDefaults(config: LabConfig, patch: Partial<LabConfig>): Partial<LabConfig> {
  if (patch.model === undefined || patch.model === config.model || patch.epochs !== undefined) return patch;
  if (config.epochs !== labDefaultEpochs(config.model)) return patch;
  return { ...patch, epochs: labDefaultEpochs(patch.model) };
}

export const DEFAULT_LAB_CONFIG: LabConfig = {
  corpus: 'brown',
  model: 'skipgram',
  dim: FIRST_VISIT_DIM,
  epochs: FIRST_VISIT_EPOCHS,
  minCount: DEFAULT_TRAIN_CONFIG.minCount,
  maxVocab: 0,
  seed: DEFAULT_TRAIN_CONFIG.seed,
  params: {},
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
  {
    key: 'model', label: 'Model', type: 'enum', keep: 'url', group: 'model', help: 'Which embedding model to train',
    // Read from the registry on every use, so a model registered after this module loaded is listed too.
    get values(): readonly string[] {
      // Image-text models train on pictures in their own playground, not on the lab's corpora.
      return listModels().filter((m) => m.family !== 'dual').map((m) => m.id);
    },
  },
  { key: 'dim', label: 'Dimensions', type: 'int', min: 2, max: 300, keep: 'url', group: 'model', help: 'Length of each word vector' },
  { key: 'epochs', label: 'Epochs', type: 'int', min: 1, max: 100, keep: 'url', group: 'model', help: 'Passes over the training data' },
  { key: 'minCount', label: 'Min count', type: 'int', min: 1, max: 1000, keep: 'url', group: 'model', help: 'Drop words seen fewer times than this' },
  { key: 'maxVocab', label: 'Max vocabulary', type: 'int', min: 0, max: 1_000_000, keep: 'url', group: 'model', help: 'Keep only this many most frequent words (0 = no limit)' },
  { key: 'params', label: 'Model parameters', type: 'params', keep: 'url', group: 'model', help: 'The chosen model’s own parameters (see modelParamRows)' },
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

// Decimal notation only (the same rule as every registry parameter and CLI flag).
const DECIMAL_RE = DECIMAL_NUMBER;

/** Parse one raw value; returns undefined (and why) when it does not fit the table. */
export function parseSetting(s: AnySetting, raw: string): { ok: true; value: LabConfig[keyof LabConfig] } | { ok: false; why: string } {
  switch (s.type) {
    case 'int': {
      const n = DECIMAL_RE.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n < s.min || n > s.max) {
        return { ok: false, why: `expected a whole number from ${s.min} to ${s.max}` };
      }
      return { ok: true, value: n };
    }
    case 'float': {
      const n = DECIMAL_RE.test(raw) ? Number(raw) : NaN;
      if (!Number.isFinite(n) || n < s.min || n > s.max) {
        return { ok: false, why: `expected a number from ${s.min} to ${s.max}` };
      }
      return { ok: true, value: n };
    }
    case 'enum':
      return s.values.includes(raw) ? { ok: true, value: raw as LabConfig[keyof LabConfig] } : { ok: false, why: `expected one of ${s.values.join(', ')}` };
    case 'bool':
      // No flat boolean setting is left (model parameters parse through the registry); kept for the table's type.
      if (raw === '1' || raw === 'true') return { ok: true, value: true as unknown as LabConfig[keyof LabConfig] };
      if (raw === '0' || raw === 'false') return { ok: true, value: false as unknown as LabConfig[keyof LabConfig] };
      return { ok: false, why: 'expected 0 or 1' };
    case 'list': {
      const items = raw.split(',').map((x) => x.trim()).filter(Boolean);
      const bad = items.filter((x) => !s.values.includes(x));
      if (bad.length > 0) return { ok: false, why: `unknown group(s) ${bad.join(', ')}; known: ${s.values.join(', ')}` };
      return { ok: true, value: [...new Set(items)] as ControlGroup[] };
    }
    case 'params':
      return { ok: false, why: 'model parameters are read by their own keys' };
  }
}

export function formatSetting(s: AnySetting, value: LabConfig[keyof LabConfig]): string {
  if (s.type === 'bool') return value ? '1' : '0';
  if (s.type === 'list') return (value as string[]).join(',');
  if (s.type === 'params') return '';
  return String(value);
}

/** The settings rows of a model's own parameters, from its registry entry (those marked CLI-only left out). */
export function modelParamRows(model: string): readonly ParamSpec[] {
  return hasModel(model) ? getModel(model).params.filter((p) => p.inLab !== false) : [];
}

/** A model's parameters in this config: what was set, over the spec's defaults. */
export function paramsOf(c: LabConfig, model: string = c.model): ParamValues {
  if (!hasModel(model)) return {};
  return { ...defaultParams(getModel(model)), ...c.params[model] };
}

/** A config with one parameter of the chosen model changed. */
export function withParam(c: LabConfig, key: string, value: ParamValues[string]): LabConfig {
  return { ...c, params: { ...c.params, [c.model]: { ...paramsOf(c), [key]: value } } };
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
    if (s.keep !== 'url' || s.type === 'params') continue;
    const raw = params.get(s.key);
    if (raw === null) continue;
    const r = parseSetting(s, raw);
    if (r.ok) (config as unknown as Record<string, unknown>)[s.key] = r.value;
    else notes.push(`Ignored ${s.key}=${raw} in the link (${r.why}); using ${formatSetting(s, base[s.key]) || 'none'}.`);
  }
  // The chosen model's own parameters, by their link keys.
  const own = { ...paramsOf(config) };
  for (const p of modelParamRows(config.model)) {
    const raw = params.get(p.urlKey);
    if (raw === null) continue;
    const r = parseParam(p, raw);
    if (r.ok) own[p.key] = r.value;
    else notes.push(`Ignored ${p.urlKey}=${raw} in the link (${r.why}); using ${formatParam(p, own[p.key]!)}.`);
  }
  if (hasModel(config.model)) config.params = { ...config.params, [config.model]: own };
  // A link that names a model but no epochs gets that model's own default (a hand-written #/lab?model=glove).
  if (params.get('model') !== null && params.get('epochs') === null) Object.assign(config, withModelDefaults(base, { model: config.model }));
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
    if (s.type === 'params') {
      const own = paramsOf(config);
      for (const q of modelParamRows(config.model)) p.set(q.urlKey, formatParam(q, own[q.key]!));
      continue;
    }
    if (s.type === 'list' && (config[s.key] as string[]).length === 0) continue;
    p.set(s.key, formatSetting(s, config[s.key]));
  }
  // Parameters owned by the shell (e.g. present=1) survive; so do no other model's keys (they would mislead).
  extra?.forEach((v, k) => {
    if (!isLabKey(k)) p.set(k, v);
  });
  return p;
}

/** A query key the lab owns: one of its settings or a parameter of any registered model. */
export function isLabKey(k: string): boolean {
  return LAB_SETTINGS.some((s) => s.key === k) || listModels().some((m) => m.params.some((q) => q.urlKey === k));
}

/** What the trainer worker's start message carries: the registry's split config (the lab trains on one thread). */
export function modelConfigOf(c: LabConfig): ModelConfig {
  return {
    model: c.model,
    common: { dim: c.dim, epochs: c.epochs, minCount: c.minCount, maxVocab: c.maxVocab, seed: c.seed, threads: 1 },
    params: paramsOf(c),
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
/** A model's human name, from the registry ("skip-gram", "GloVe"); the id itself for an unknown one. */
export function modelTitle(id: string): string {
  return hasModel(id) ? getModel(id).title : id;
}
/** Every registered model's title by id, read now (for the model picker). */
export function modelTitles(): Record<string, string> {
  return Object.fromEntries(listModels().filter((m) => m.family !== 'dual').map((m) => [m.id, m.title]));
}
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
  'corpus', 'model', 'dim', 'epochs', 'minCount', 'maxVocab', 'params', 'seed', 'engine',
]);
