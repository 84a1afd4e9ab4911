// Option tables and parsing for the command line, on top of Node's util.parseArgs. Each command declares its
// options once (name, kind, default, help); parsing, validation, error messages and --help all come from that table.
import { parseArgs } from 'node:util';
import { UsageError } from './errors';

export type OptionKind =
  | { kind: 'int'; min: number; max?: number }
  | { kind: 'float'; min: number; exclusiveMin?: boolean; max?: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'string'; placeholder: string; multiple?: boolean }
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

function parseNumber(spec: OptionSpec & { kind: 'int' | 'float' }, raw: string, command: string): number {
  const value = raw.trim() === '' ? NaN : Number(raw);
  const isInt = spec.kind === 'int';
  const want = isInt ? 'a whole number' : 'a number';
  if (!Number.isFinite(value) || (isInt && !Number.isInteger(value))) {
    throw new UsageError(`--${spec.name} expects ${want}, got "${raw}"`, command);
  }
  const exclusive = spec.kind === 'float' && spec.exclusiveMin;
  if (exclusive ? value <= spec.min : value < spec.min) {
    throw new UsageError(`--${spec.name} must be ${exclusive ? '>' : '>='} ${spec.min}, got ${raw}`, command);
  }
  if (spec.max !== undefined && value > spec.max) {
    throw new UsageError(`--${spec.name} must be <= ${spec.max}, got ${raw}`, command);
  }
  return value;
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
    values = parseArgs({ args: argv.map(normaliseFlag), options, strict: true, allowPositionals: false }).values;
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
      if (o.required) throw new UsageError(`${spec.name} needs --${o.name} ${placeholderOf(o)}`, spec.name);
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
    return new UsageError(`${flag} needs a value${o ? ` (${placeholderOf(o)})` : ''}`, spec.name);
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const arg = /'([^']*)'/.exec(e.message)?.[1] ?? '';
    return new UsageError(`unexpected argument "${arg}": every value follows its --option`, spec.name);
  }
  return err;
}

function placeholderOf(o: OptionSpec): string {
  switch (o.kind) {
    case 'int':
      return 'N';
    case 'float':
      return 'X';
    case 'enum':
      return o.values.join('|');
    case 'string':
      return o.placeholder;
    case 'flag':
      return '';
  }
}

/** The --help text of a command, generated from its option table. */
export function helpText(spec: CommandSpec): string {
  const rows = spec.options.map((o) => {
    const left = `  --${o.name}${o.kind === 'flag' ? '' : ' ' + placeholderOf(o)}`;
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
