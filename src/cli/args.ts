// Option tables and parsing for the command line, on top of Node's util.parseArgs. Each command declares its
// options once (name, kind, default, help); parsing, validation, error messages and --help all come from that table.
import { parseArgs } from 'node:util';
import { UsageError } from './errors';
import { DECIMAL_NUMBER } from '../core/models/registry';

export type OptionKind =
  | { kind: 'int'; min: number; max?: number }
  | { kind: 'float'; min: number; exclusiveMin?: boolean; max?: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'string'; valueName: string; multiple?: boolean }
  | { kind: 'flag' };

export type OptionSpec = OptionKind & {
  name: string;
  help: string;
  /** Shown in --help and used when the option is absent; undefined = no default. */
  default?: string;
  required?: boolean;
};

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  options: readonly OptionSpec[];
  examples: readonly string[];
}

export type ParsedValue = string | number | boolean | string[];
export type ParsedOptions = Record<string, ParsedValue | undefined>;

/** Levenshtein distance, to suggest the flag the user probably meant. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

// A suggestion farther than this many edits away is more confusing than helpful.
const MAX_SUGGESTION_DISTANCE = 3;

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = MAX_SUGGESTION_DISTANCE + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** gensim spells options with underscores (min_count); accept them as the hyphenated names. */
function normaliseFlag(arg: string): string {
  if (!arg.startsWith('--')) return arg;
  const eq = arg.indexOf('=');
  const name = eq < 0 ? arg : arg.slice(0, eq);
  return name.replace(/_/g, '-') + (eq < 0 ? '' : arg.slice(eq));
}

// Plain decimal notation only (5, -1, 0.025, 1e-3). Number() would also take "0x10", "0b11", "  5" or "Infinity";
// a value like that in a script is far more often a mistake than a wish, so it is refused with the reason.
const DECIMAL_RE = DECIMAL_NUMBER;
// What a negative number looks like after a flag: "--dim -5" would otherwise read as a flag "-5" with no value.
const NEGATIVE_NUMBER_RE = /^-(?:\d|\.\d)/;

/** "from 1 to 4096", "from 0", "above 0": the allowed range of a numeric option, in words. */
export function boundsText(spec: OptionSpec & { kind: 'int' | 'float' }): string {
  const exclusive = spec.kind === 'float' && spec.exclusiveMin;
  const low = exclusive ? `above ${spec.min}` : `from ${spec.min}`;
  return spec.max !== undefined ? `${low} ${exclusive ? 'up ' : ''}to ${spec.max}` : low;
}

function parseNumber(spec: OptionSpec & { kind: 'int' | 'float' }, raw: string, command: string): number {
  const isInt = spec.kind === 'int';
  const want = isInt ? 'a whole number' : 'a number';
  if (/^[+-]?0[xXbBoO]/.test(raw.trim())) {
    throw new UsageError(`--${spec.name} expects ${want} in decimal notation, got "${raw}" (hex, binary and octal are not accepted)`, command);
  }
  const value = DECIMAL_RE.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(value) || (isInt && !Number.isInteger(value))) {
    throw new UsageError(`--${spec.name} expects ${want}, got "${raw}"`, command);
  }
  const exclusive = spec.kind === 'float' && spec.exclusiveMin;
  if ((exclusive ? value <= spec.min : value < spec.min) || (spec.max !== undefined && value > spec.max)) {
    throw new UsageError(`--${spec.name} must be ${want} ${boundsText(spec)}, got ${raw}`, command);
  }
  return value;
}

/**
 * Joins "--dim" "-5" into "--dim=-5" for options that take a value, so that a negative number reaches the bounds
 * check ("must be from 1 to 4096") instead of parseArgs' "needs a value".
 */
function joinNegativeValues(argv: readonly string[], spec: CommandSpec): string[] {
  const takesValue = new Set(spec.options.filter((o) => o.kind !== 'flag').map((o) => `--${o.name}`));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (takesValue.has(arg) && next !== undefined && NEGATIVE_NUMBER_RE.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Parse argv for one command. Throws UsageError with a one-line message on anything wrong. */
export function parseCommand(spec: CommandSpec, argv: readonly string[]): ParsedOptions {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = { help: { type: 'boolean' } };
  for (const o of spec.options) {
    options[o.name] = { type: o.kind === 'flag' ? 'boolean' : 'string' };
    if (o.kind === 'string' && o.multiple) options[o.name]!.multiple = true;
  }
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    values = parseArgs({ args: joinNegativeValues(argv.map(normaliseFlag), spec), options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw translateParseError(err, spec);
  }
  const out: ParsedOptions = {};
  if (values.help) {
    out.help = true;
    return out;
  }
  for (const o of spec.options) {
    const raw = values[o.name];
    if (o.kind === 'flag') {
      out[o.name] = raw === true;
      continue;
    }
    if (Array.isArray(raw)) {
      out[o.name] = raw.map(String);
      continue;
    }
    const text = typeof raw === 'string' ? raw : o.default;
    if (text === undefined) {
      if (o.required) throw new UsageError(`${spec.name} needs --${o.name} ${valueNameOf(o)}`, spec.name);
      continue;
    }
    if (o.kind === 'int' || o.kind === 'float') out[o.name] = parseNumber(o, text, spec.name);
    else if (o.kind === 'enum') {
      if (!o.values.includes(text)) {
        throw new UsageError(`--${o.name} must be one of ${o.values.join(', ')}; got "${text}"`, spec.name);
      }
      out[o.name] = text;
    } else out[o.name] = o.multiple ? [text] : text;
  }
  return out;
}

function translateParseError(err: unknown, spec: CommandSpec): unknown {
  const e = err as Error & { code?: string };
  const names = spec.options.map((o) => o.name).concat('help');
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(e.message)?.[1] ?? '?';
    const guess = closest(flag.replace(/^-+/, ''), names);
    return new UsageError(`unknown option ${flag} for "${spec.name}"${guess ? `; did you mean --${guess}?` : ''}`, spec.name);
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(--?[\w-]+)/.exec(e.message)?.[1] ?? 'an option';
    const o = spec.options.find((x) => `--${x.name}` === flag);
    if (o && o.kind === 'flag') return new UsageError(`${flag} takes no value`, spec.name);
    return new UsageError(`${flag} needs a value${o ? ` (${valueNameOf(o)})` : ''}`, spec.name);
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const arg = /'([^']*)'/.exec(e.message)?.[1] ?? '';
    return new UsageError(`unexpected argument "${arg}": every value follows its --option`, spec.name);
  }
  return err;
}

function valueNameOf(o: OptionSpec): string {
  switch (o.kind) {
    case 'int':
      return 'N';
    case 'float':
      return 'X';
    case 'enum':
      return o.values.join('|');
    case 'string':
      return o.valueName;
    case 'flag':
      return '';
  }
}

/** The --help text of a command, generated from its option table. */
export function helpText(spec: CommandSpec): string {
  const rows = spec.options.map((o) => {
    const left = `  --${o.name}${o.kind === 'flag' ? '' : ' ' + valueNameOf(o)}`;
    const def = o.default !== undefined ? ` (default ${o.default})` : o.required ? ' (required)' : '';
    return [left, o.help + def] as const;
  });
  const width = Math.min(34, Math.max(...rows.map(([l]) => l.length)) + 2);
  const lines = rows.map(([l, r]) => (l.length + 1 > width ? `${l}\n${' '.repeat(width)}${r}` : l.padEnd(width) + r));
  return [
    `${spec.summary}`,
    '',
    `Usage: ${spec.usage}`,
    '',
    'Options:',
    ...lines,
    `  --help`.padEnd(width) + 'show this text',
    '',
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}
