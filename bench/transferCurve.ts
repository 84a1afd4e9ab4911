// `npx tsx bench/transferCurve.ts`: the transfer curve of the Brown genre classifier (four genre groups): held-out
// accuracy against the number of labelled training documents, for random / frozen / fine-tuned embeddings, over
// several seeds, with the majority-class baseline and chance. Prints a Markdown table and writes
// bench/out/transfer-<vectors>.json.
//   npx tsx bench/transferCurve.ts [--seeds 3] [--vectors brown-sotu-sg100.elv|sotu-sg100.elv|PATH] [--sizes 15,30,60]
// Run `npm run corpora` first (it writes public/corpora/brown.txt and brown-docs.json).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentIndex } from '../src/core/search/documents';
import { brownGenreDocs } from '../src/core/transfer/brownDocs';
import { ARM_LABELS, beatsBeyondSpread, pairedDifference, runTransferCurve, DEFAULT_SIZES, type Spread, type TransferArm } from '../src/core/transfer/transferCurve';
import { readCompact } from '../src/core/vectors/formats';
import { ROOT } from './trainers';

const { values: flags } = parseArgs({
  options: {
    seeds: { type: 'string', default: '3' },
    vectors: { type: 'string', default: 'brown-sotu-sg100.elv' },
    sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
  },
});

const fail = (message: string): never => {
  process.stderr.write(`transferCurve: ${message}\n`);
  process.exit(2);
};

const seedCount = Number(flags.seeds);
if (!Number.isInteger(seedCount) || seedCount < 1) fail(`--seeds must be a positive integer, got "${flags.seeds}"`);
const sizes = flags.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.some((s) => !Number.isInteger(s) || s < 1)) fail(`--sizes must be positive integers separated by commas, got "${flags.sizes}"`);
const vectorsPath = existsSync(flags.vectors) ? flags.vectors : join(ROOT, 'public', 'vectors', flags.vectors);
if (!existsSync(vectorsPath)) fail(`no vector file at ${vectorsPath}`);
const corpusPath = join(ROOT, 'public', 'corpora', 'brown.txt');
const indexPath = join(ROOT, 'public', 'corpora', 'brown-docs.json');
if (!existsSync(corpusPath) || !existsSync(indexPath)) fail('public/corpora/brown.txt or brown-docs.json is missing: run npm run corpora first');

const { kv } = readCompact(new Uint8Array(readFileSync(vectorsPath)), { fileName: basename(vectorsPath) });
const collection = brownGenreDocs(readFileSync(corpusPath, 'utf8'), JSON.parse(readFileSync(indexPath, 'utf8')) as DocumentIndex);
const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);

const abort = new AbortController();
process.on('SIGINT', () => abort.abort(new Error('interrupted')));
const started = performance.now();
const curve = runTransferCurve(collection, kv, {
  seeds,
  sizes,
  signal: abort.signal,
  onProgress: (p) =>
    process.stderr.write(`[${p.done}/${p.total}] seed ${p.seed}, ${p.size} docs, ${p.arm}: ${(100 * p.accuracy).toFixed(0)}%\n`),
});
const seconds = (performance.now() - started) / 1000;

const pct = (v: number) => (100 * v).toFixed(1);
const cell = (s: Spread) => `${pct(s.mean)} (${pct(s.min)}-${pct(s.max)})`;
const arms = Object.keys(curve.points[0]!.arms) as TransferArm[];
const lines: string[] = [];
lines.push(`Vectors: ${basename(vectorsPath)} (${kv.size} words x ${kv.dim}; ${pct(curve.pretrainedCoverage)}% of Brown's tokens have a vector).`);
lines.push(
  `Classes: ${curve.classes.join(' / ')}; held out: ${curve.testIds.length} documents (${curve.testCounts.join(' / ')}); ` +
    `seeds ${seeds.join(', ')}; accuracy % as mean (min-max over seeds); chance ${pct(curve.chance)}%.`,
);
lines.push('');
const paired = arms.filter((a) => a !== 'random' && arms.includes('random'));
const signed = (v: number) => `${v >= 0 ? '+' : ''}${pct(v)}`;
const diffCell = (s: Spread) => `${signed(s.mean)} (${signed(s.min)} to ${signed(s.max)})`;
lines.push(
  `| labelled docs | majority class | ${arms.map((a) => ARM_LABELS[a]).join(' | ')} | ` +
    `${paired.map((a) => `${a} - random, paired`).join(' | ')} | beyond the spread of random |`,
);
lines.push(`|---:|---:|${arms.map(() => '---:').join('|')}|${paired.map(() => '---:|').join('')}---|`);
for (const p of curve.points) {
  const wins = arms
    .filter((a) => a !== 'random' && p.arms.random && beatsBeyondSpread(p.arms[a]!, p.arms.random))
    .map((a) => a);
  const losses = arms.filter((a) => a !== 'random' && p.arms.random && beatsBeyondSpread(p.arms.random, p.arms[a]!)).map((a) => `random > ${a}`);
  const diffs = paired.map((a) => diffCell(pairedDifference(p.arms[a]!, p.arms.random!)));
  lines.push(`| ${p.size} | ${cell(p.majority)} | ${arms.map((a) => cell(p.arms[a]!)).join(' | ')} | ${diffs.map((d) => `${d} | `).join('')}${[...wins, ...losses].join(', ') || 'none'} |`);
}
lines.push('');
lines.push(`Training: Adam, lr ${curve.train.learningRate}, batch ${curve.train.batchSize}, ${curve.train.epochs} epochs or at least ${curve.train.minSteps} steps; ${seconds.toFixed(0)} s in all.`);
lines.push('Paired: the arm minus random on the same seed (same training documents, same held-out set), in points.');
process.stdout.write(lines.join('\n') + '\n');

const outDir = join(ROOT, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, `transfer-${basename(vectorsPath).replace(/\.[^.]+$/, '')}.json`), JSON.stringify({ vectors: basename(vectorsPath), seconds, ...curve }, null, 1));
