// `npx tsx bench/probeBench.ts`: the part-of-speech probe on skip-gram, CBOW, GloVe and fastText vectors trained on
// Brown with the same shared settings (scripts/trainProbeModels.ts, run first if a file is missing), each with its
// control task, selectivity and majority baseline over seeds. Prints a Markdown table and writes
// bench/out/probe.json.
//   npx tsx bench/probeBench.ts [--seeds 5] [--words 5000] [--also public/vectors/brown-sg100.elv,...]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildProbeDataset, DEFAULT_PROBE_WORDS, parseTagLexicon } from '../src/core/probe/probeData';
import { runProbe, type ProbeReport } from '../src/core/probe/runProbe';
import { beatsBeyondSpread, pairedDifference, type Spread } from '../src/core/transfer/transferCurve';
import { readCompact } from '../src/core/vectors/formats';
import { modelFile, PROBE_MODELS } from '../scripts/trainProbeModels';
import { ROOT } from './trainers';

const { values: flags } = parseArgs({
  options: {
    seeds: { type: 'string', default: '5' },
    words: { type: 'string', default: String(DEFAULT_PROBE_WORDS) },
    also: { type: 'string', default: '' },
  },
});

const fail = (message: string): never => {
  process.stderr.write(`probeBench: ${message}\n`);
  process.exit(2);
};
const seedCount = Number(flags.seeds);
if (!Number.isInteger(seedCount) || seedCount < 1) fail(`--seeds must be a positive integer, got "${flags.seeds}"`);
const maxWords = Number(flags.words);
if (!Number.isInteger(maxWords) || maxWords < 10) fail(`--words must be an integer of at least 10, got "${flags.words}"`);

const modelsDir = join(ROOT, 'bench', 'out', 'probe-models');
if (PROBE_MODELS.some((m) => !existsSync(modelFile(modelsDir, m)))) {
  process.stderr.write('training the missing models first (scripts/trainProbeModels.ts)...\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'trainProbeModels.ts')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) fail('training failed');
}
const posPath = join(ROOT, 'public', 'corpora', 'brown-pos.json');
if (!existsSync(posPath)) fail('public/corpora/brown-pos.json is missing: run npm run corpora first');
const lexicon = parseTagLexicon(JSON.parse(readFileSync(posPath, 'utf8')), 'brown-pos.json');

const files = [
  ...PROBE_MODELS.map((m) => ({ name: m, path: modelFile(modelsDir, m) })),
  ...flags.also
    .split(',')
    .filter(Boolean)
    .map((p) => ({ name: basename(p).replace(/\.[^.]+$/, ''), path: p })),
];
const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);
const rows: { name: string; file: string; seconds: number; report: ProbeReport }[] = [];
for (const f of files) {
  if (!existsSync(f.path)) fail(`no vectors file at ${f.path}`);
  const { kv } = readCompact(new Uint8Array(readFileSync(f.path)), { fileName: basename(f.path) });
  const data = buildProbeDataset(kv, lexicon, maxWords);
  const started = performance.now();
  const report = runProbe(data, { seeds, onProgress: (d, t) => process.stderr.write(`\r${f.name}: probe ${d}/${t}`) });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`\r${f.name}: ${(100 * report.accuracy.mean).toFixed(1)}% in ${seconds.toFixed(1)} s\n`);
  rows.push({ name: f.name, file: relative(ROOT, f.path), seconds, report });
}

const pct = (v: number) => (100 * v).toFixed(1);
const cell = (s: Spread) => `${pct(s.mean)} (${pct(s.min)}-${pct(s.max)})`;
const signed = (v: number) => `${v >= 0 ? '+' : ''}${pct(v)}`;
const lines: string[] = [];
const first = rows[0]!.report;
lines.push(
  `Part-of-speech probe: ${first.words} tagged word types per model (the most frequent), ${first.classes.length} classes, ` +
    `${first.testWords} held-out word types per seed; seeds ${seeds.join(', ')}; % as mean (min-max over seeds).`,
);
lines.push('');
lines.push('| vectors | probe accuracy | control task | selectivity (points) | majority class | probe, training words | beats baselines on every seed |');
lines.push('|---|---:|---:|---:|---:|---:|---|');
for (const r of rows) {
  const p = r.report;
  lines.push(
    `| ${r.name} | ${cell(p.accuracy)} | ${cell(p.control)} | ${signed(p.selectivity.mean)} (${signed(p.selectivity.min)} to ${signed(p.selectivity.max)}) | ` +
      `${cell(p.majority)} | ${cell(p.trainAccuracy)} | ${p.beyondBaselines ? 'yes' : 'no'} |`,
  );
}
lines.push('');
// Models on the same words and seeds share splits, so paired differences remove the luck of the split.
const sameWords = rows.every((r) => r.report.words === first.words);
lines.push(sameWords ? 'Paired differences of probe accuracy (row minus column, same seeds and splits when the word lists match), points:' : 'Paired differences of probe accuracy (the word lists differ, so splits differ), points:');
lines.push('');
lines.push(`| | ${rows.map((r) => r.name).join(' | ')} |`);
lines.push(`|---|${rows.map(() => '---:').join('|')}|`);
for (const a of rows) {
  const cells = rows.map((b) => {
    if (a === b) return '';
    const d = pairedDifference(a.report.accuracy, b.report.accuracy);
    const sure = d.min > 0 || d.max < 0 ? '' : ' ~';
    return `${signed(d.mean)} (${signed(d.min)} to ${signed(d.max)})${sure}`;
  });
  lines.push(`| ${a.name} | ${cells.join(' | ')} |`);
}
lines.push('');
lines.push('~ = the paired difference changes sign across seeds: no ranking between those two beyond the noise.');
const ordered = [...rows].sort((a, b) => b.report.accuracy.mean - a.report.accuracy.mean);
const separated = ordered.slice(1).map((r, i) => beatsBeyondSpread(ordered[i]!.report.accuracy, r.report.accuracy));
lines.push(
  `Ranking by mean accuracy: ${ordered.map((r, i) => (i === 0 ? r.name : `${separated[i - 1] ? ' > ' : ' >~ '}${r.name}`)).join('')} ` +
    `(> = the worst seed of the left beats the best seed of the right; >~ = within the spread).`,
);
lines.push(`Probe: softmax regression, Adam lr ${first.training.learningRate}, batch ${first.training.batchSize}, ${first.training.epochs} epochs, L2 ${first.training.l2}; features standardised per dimension.`);
process.stdout.write(lines.join('\n') + '\n');

const outDir = join(ROOT, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'probe.json'), JSON.stringify({ seeds, maxWords, rows }, null, 1));
