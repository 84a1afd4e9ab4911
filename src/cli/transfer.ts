// `transfer`: the transfer curve of the Brown genre classifier (src/core/transfer) from the command line: held-out
// accuracy against the number of labelled documents for a random, a frozen and a fine-tuned embedding layer, over
// seeds, with the majority-class baseline, chance and each arm's difference from random on the same seed.
// Progress goes to stderr; stdout carries the table (or one JSON object with --json). Ctrl-C stops it.
import { ARM_LABELS, beatsBeyondSpread, DEFAULT_SIZES, pairedDifference, runTransferCurve, type Spread, type TransferArm, type TransferCurve } from '../core/transfer/transferCurve';
import { brownGenreDocs } from '../core/transfer/brownDocs';
import type { DocumentIndex } from '../core/search/documents';
import { parseCommand, type CommandSpec } from './args';
import { UsageError } from './errors';
import { loadNamedVectors, readBrownDocuments } from './namedVectors';

export const DEFAULT_TRANSFER_VECTORS = 'brown-sotu-sg100';
export const DEFAULT_TRANSFER_SEEDS = 3;

export const TRANSFER_SPEC: CommandSpec = {
  name: 'transfer',
  summary: 'Transfer curve: Brown genre accuracy against labelled documents, from random, frozen and fine-tuned vectors.',
  usage: 'npm run cli -- transfer [--vectors NAME|FILE] [--sizes 15,30,60,...] [--seeds N] [--json]',
  options: [
    { name: 'vectors', kind: 'string', valueName: 'NAME|FILE', default: DEFAULT_TRANSFER_VECTORS, help: 'pre-trained vectors: a shipped set (brown-sotu-sg100, sotu-sg100...) or a file' },
    { name: 'sizes', kind: 'string', valueName: 'N,N,...', default: DEFAULT_SIZES.join(','), help: 'numbers of labelled training documents (1 to 400)' },
    { name: 'seeds', kind: 'int', min: 1, max: 50, default: String(DEFAULT_TRANSFER_SEEDS), help: 'seeds 1..N (each draws the documents, the random table, the batch order)' },
    { name: 'quiet', kind: 'flag', help: 'no progress lines on stderr' },
    { name: 'json', kind: 'flag', help: 'print one JSON object instead of a table' },
  ],
  examples: ['npm run cli -- transfer --sizes 8,30,120 --seeds 3', 'npm run cli -- transfer --vectors sotu-sg100 --json'],
};

export interface TransferSummary extends TransferCurve {
  command: 'transfer';
  vectors: string;
  words: number;
  dim: number;
  seconds: number;
}

export function parseSizes(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const sizes = parts.map(Number);
  const bad = parts.find((p, i) => p === '' || !Number.isInteger(sizes[i]) || sizes[i]! < 1);
  if (bad !== undefined) throw new UsageError(`--sizes expects whole numbers from 1 separated by commas, got "${bad}" in "${text}"`, 'transfer');
  return sizes;
}

export async function runTransfer(argv: readonly string[], log: (line: string) => void): Promise<{ summary: TransferSummary; json: boolean } | 'help'> {
  const o = parseCommand(TRANSFER_SPEC, argv);
  if (o.help) return 'help';
  const sizes = parseSizes(o.sizes as string);
  const seeds = Array.from({ length: o.seeds as number }, (_, i) => i + 1);
  const { text, indexText } = readBrownDocuments();
  const { kv, label } = await loadNamedVectors(o.vectors as string);
  const collection = brownGenreDocs(text, JSON.parse(indexText) as DocumentIndex);
  // No SIGINT handler: the curve runs synchronously, so a handler could not run before it ends; Node's default
  // (stop at once, exit code 130) is the cancel, and nothing is written before the end.
  const started = performance.now();
  try {
    const curve = runTransferCurve(collection, kv, {
      sizes,
      seeds,
      onProgress: o.quiet
        ? undefined
        : (p) => log(`[${p.done}/${p.total}] seed ${p.seed}, ${p.size} documents, ${p.arm}: ${(100 * p.accuracy).toFixed(0)}%`),
    });
    return { summary: { command: 'transfer', vectors: label, words: kv.size, dim: kv.dim, seconds: (performance.now() - started) / 1000, ...curve }, json: o.json === true };
  } catch (err) {
    // The core's size check speaks of the documents left after the split: that is a usage mistake here.
    if (err instanceof RangeError) throw new UsageError(`--sizes: ${err.message}`, 'transfer');
    throw err;
  }
}

const pct = (v: number) => (100 * v).toFixed(1);
const signed = (v: number) => `${v >= 0 ? '+' : ''}${pct(v)}`;
const cell = (s: Spread) => `${pct(s.mean)} (${pct(s.min)}-${pct(s.max)})`;

/** The table: accuracy per arm as mean (min-max over seeds), the paired difference from random, and the verdict. */
export function formatTransfer(s: TransferSummary): string {
  const arms = Object.keys(s.points[0]!.arms) as TransferArm[];
  const others = arms.filter((a) => a !== 'random');
  const lines = [
    `vectors: ${s.vectors} (${s.words} words x ${s.dim}; ${pct(s.pretrainedCoverage)}% of Brown's tokens have a vector)`,
    `classes: ${s.classes.join(' / ')}; held out: ${s.testIds.length} documents; seeds ${s.seeds.join(', ')}; chance ${pct(s.chance)}%`,
    `accuracy % as mean (min-max over seeds); "vs random" = the arm minus random on the same seed, in points`,
    '',
    ['docs', 'majority', ...arms.map((a) => ARM_LABELS[a]), ...others.map((a) => `${a} vs random`), 'beyond the seed spread'].join(' | '),
  ];
  for (const p of s.points) {
    const rnd = p.arms.random;
    const diffs = rnd ? others.map((a) => { const d = pairedDifference(p.arms[a]!, rnd); return `${signed(d.mean)} (${signed(d.min)} to ${signed(d.max)})`; }) : [];
    const verdict = rnd && s.seeds.length > 1
      ? others.flatMap((a) => (beatsBeyondSpread(p.arms[a]!, rnd) ? [`${a} > random`] : beatsBeyondSpread(rnd, p.arms[a]!) ? [`random > ${a}`] : []))
      : [];
    lines.push([String(p.size), cell(p.majority), ...arms.map((a) => cell(p.arms[a]!)), ...diffs, verdict.join(', ') || 'none'].join(' | '));
  }
  lines.push('', `${s.seconds.toFixed(0)} s; "none" = no arm beats another beyond the spread of the seeds` + (s.seeds.length > 1 ? '' : ' (one seed has no spread: run --seeds 3 or more)'));
  return lines.join('\n');
}
