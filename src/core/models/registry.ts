/**
 * The model registry: the one place that knows which embedding models exist.
 *
 * A model is its own files plus one `registerModel(spec)` line in `builtins.ts`. Everything else (the lab's model
 * list, settings rows and link keys, the CLI's `--model` values, flags, help and validation, the worker's start
 * message, the bench rows, the conformance suite) asks the registry at the moment it needs the list, so a model
 * registered later (a test's toy model, a plug-in) shows up everywhere without editing any of them.
 *
 *   registerModel(spec)        add a ModelSpec (throws on a clash of id, flag or link key)
 *   listModels() / getModel(id) / hasModel(id)
 *   defaultParams(spec) / defaultCommon(spec)
 *   parseParam(param, raw)     text from a link or a command line -> value, or why not
 *   checkParams(spec, params)  bounds + the spec's own cross-checks -> one sentence per problem
 *   COMMON_PARAMS              the settings every model shares (dim, epochs, min count, ...)
 *
 * The shapes (ModelSpec, ParamSpec, Trainer, Model, Progress) are in types.ts.
 */
import { MAX_DIM, MAX_EPOCHS, MAX_THREADS } from '../train/validateConfig';
import type { CommonConfig, ModelSpec, ParamSpec, ParamValue, ParamValues } from './types';

export type * from './types';

/** The settings every model shares, declared like a model's own (so the CLI and the lab derive them the same way). */
export const COMMON_PARAMS: readonly ParamSpec<Record<keyof CommonConfig, number>>[] = [
  { key: 'dim', type: 'int', min: 1, max: MAX_DIM, default: 100, label: 'Dimensions', help: 'Length of each word vector', cliFlag: 'dim', urlKey: 'dim' },
  { key: 'epochs', type: 'int', min: 1, max: MAX_EPOCHS, default: 5, label: 'Epochs', help: 'Passes over the training data', cliFlag: 'epochs', urlKey: 'epochs' },
  { key: 'minCount', type: 'int', min: 1, default: 5, label: 'Min count', help: 'Drop words seen fewer times than this', cliFlag: 'min-count', urlKey: 'minCount' },
  { key: 'maxVocab', type: 'int', min: 0, default: 0, label: 'Max vocabulary', help: 'Keep only this many most frequent words (0 = no limit)', cliFlag: 'max-vocab', urlKey: 'maxVocab' },
  { key: 'seed', type: 'int', min: 0, default: 1, label: 'Seed', help: 'Same seed, same settings, same corpus: same vectors', cliFlag: 'seed', urlKey: 'seed' },
  { key: 'threads', type: 'int', min: 1, max: MAX_THREADS, default: 1, label: 'Threads', help: 'Worker threads where the engine has them (1 = deterministic)', cliFlag: 'threads', urlKey: 'threads' },
];

// Insertion order is the order of the lab's model list and of --help.
const models = new Map<string, ModelSpec>();

/** Add a model. Throws when its id is taken, when a key, flag or link key repeats inside it, or when a flag or link
 *  key it shares with another model means something else there (the CLI and the link are one namespace). */
export function registerModel<P extends ParamValues>(spec: ModelSpec<P>): void {
  const s = spec as unknown as ModelSpec;
  if (!/^[a-z][a-z0-9-]*$/.test(s.id)) throw new Error(`Model id "${s.id}" must be lower-case letters, digits and dashes.`);
  if (models.has(s.id)) throw new Error(`A model "${s.id}" is already registered.`);
  if (s.engines.length === 0) throw new Error(`Model "${s.id}" declares no engine.`);
  const seen = new Set<string>();
  const common = new Set(COMMON_PARAMS.flatMap((c) => [c.key, c.cliFlag, c.urlKey]));
  for (const p of s.params) {
    for (const name of [`key ${p.key}`, `flag ${p.cliFlag}`, `link key ${p.urlKey}`]) {
      if (seen.has(name)) throw new Error(`Model "${s.id}" declares ${name} twice.`);
      seen.add(name);
    }
    if (common.has(p.cliFlag) || common.has(p.urlKey)) throw new Error(`Model "${s.id}": ${p.key} reuses a common setting's name.`);
    checkDefault(s.id, p);
    for (const other of models.values()) {
      for (const q of other.params) {
        const sameFlag = q.cliFlag === p.cliFlag;
        const sameUrl = q.urlKey === p.urlKey;
        if ((sameFlag || sameUrl) && (q.key !== p.key || q.type !== p.type || q.cliFlag !== p.cliFlag || q.urlKey !== p.urlKey)) {
          throw new Error(`Model "${s.id}": ${p.key} (--${p.cliFlag}, ${p.urlKey}=) clashes with "${other.id}"'s ${q.key} (--${q.cliFlag}, ${q.urlKey}=).`);
        }
      }
    }
  }
  models.set(s.id, s);
}

/** Remove a model (tests that register a toy model clean up with this). */
export function unregisterModel(id: string): boolean {
  return models.delete(id);
}

export function listModels(): readonly ModelSpec[] {
  return [...models.values()];
}

export function hasModel(id: string): boolean {
  return models.has(id);
}

export function getModel(id: string): ModelSpec {
  const m = models.get(id);
  if (!m) throw new Error(`Unknown model "${id}": expected ${[...models.keys()].join(', ')}.`);
  return m;
}

export function defaultParams(spec: ModelSpec): ParamValues {
  return Object.fromEntries(spec.params.map((p) => [p.key, p.default]));
}

export function defaultCommon(spec?: ModelSpec): CommonConfig {
  const base = Object.fromEntries(COMMON_PARAMS.map((p) => [p.key, p.default])) as unknown as CommonConfig;
  return { ...base, ...spec?.commonDefaults };
}

export type ParseResult = { ok: true; value: ParamValue } | { ok: false; why: string };

/** Decimal notation only: Number() also reads "0x10", "0b11" and "0o7", which nobody means in a link or a flag. */
export const DECIMAL_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Text from a link or a command line -> a value within the param's bounds, or a phrase saying what was expected. */
export function parseParam(p: ParamSpec, raw: string): ParseResult {
  const text = raw.trim();
  switch (p.type) {
    case 'int':
    case 'float': {
      const n = DECIMAL_NUMBER.test(text) ? Number(text) : NaN;
      const isInt = p.type === 'int';
      const exclusive = p.type === 'float' && p.exclusiveMin === true;
      const range = `${exclusive ? `above ${p.min}` : `from ${p.min}`}${p.max !== undefined ? ` to ${p.max}` : ''}`;
      const what = isInt ? `a whole number ${range}` : `a number ${range}`;
      if (!Number.isFinite(n) || (isInt && !Number.isInteger(n))) return { ok: false, why: `expected ${what}` };
      const low = exclusive ? n <= p.min : n < p.min;
      if (low || (p.max !== undefined && n > p.max)) return { ok: false, why: `expected ${what}` };
      return { ok: true, value: n };
    }
    case 'bool':
      if (text === '1' || text === 'true') return { ok: true, value: true };
      if (text === '0' || text === 'false') return { ok: true, value: false };
      return { ok: false, why: 'expected 0 or 1' };
    case 'enum':
      return p.values.includes(text) ? { ok: true, value: text } : { ok: false, why: `expected one of ${p.values.join(', ')}` };
  }
}

/** The value as it is written in a link or on a command line. */
export function formatParam(p: ParamSpec, v: ParamValue): string {
  if (p.type === 'bool') return v ? '1' : '0';
  return String(v);
}

/** Every problem with a full parameter object: missing keys, wrong types, out of bounds, then the spec's own
 *  cross-checks. Each sentence names the CLI flag. An empty list means the parameters are usable. */
export function checkParams(spec: ModelSpec, params: ParamValues): string[] {
  const problems: string[] = [];
  for (const p of spec.params) {
    const v = params[p.key];
    if (v === undefined) {
      problems.push(`--${p.cliFlag} is missing`);
      continue;
    }
    const r = parseParam(p, formatParam(p, v));
    if (!r.ok || typeof v !== typeof p.default) problems.push(`--${p.cliFlag} ${formatParam(p, v)}: ${r.ok ? `expected a ${p.type}` : r.why}`);
  }
  if (problems.length === 0 && spec.validate) problems.push(...spec.validate(params));
  return problems;
}

function checkDefault(id: string, p: ParamSpec): void {
  const r = parseParam(p, formatParam(p, p.default));
  if (!r.ok) throw new Error(`Model "${id}": the default of ${p.key} does not fit its own bounds (${r.why}).`);
}
