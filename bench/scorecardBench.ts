// `npx tsx bench/scorecardBench.ts`: the Scorecard playground's benchmarks, headless, on several vector files at
// once (by default skip-gram, CBOW, GloVe and fastText trained on Brown with the same settings by
// scripts/trainProbeModels.ts), with every figure's band and baseline, and the pairs of sets that two benchmarks
// order in opposite directions beyond the noise. Prints Markdown and writes bench/out/scorecard.json.
//   npx tsx bench/scorecardBench.ts [--vectors a.elv,b.elv,...]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseTagLexicon } from '../src/core/probe/probeData';
import { pairOrders } from '../src/core/scorecard/disagreement';
import { BENCHMARKS, runScorecard, type BenchmarkId, type Scorecard } from '../src/core/scorecard/scorecard';
import { readCompact } from '../src/core/vectors/formats';
import { modelFile, PROBE_MODELS } from '../scripts/trainProbeModels';
import { ROOT } from './trainers';

const modelsDir = join(ROOT, 'bench', 'out', 'probe-models');
const { values: flags } = parseArgs({ options: { vectors: { type: 'string', default: PROBE_MODELS.map((m) => modelFile(modelsDir, m)).join(',') } } });
const files = flags.vectors.split(',').filter(Boolean);
for (const f of files) {
  if (!existsSync(f)) {
    process.stderr.write(`scorecardBench: no vectors file at ${f} (npx tsx scripts/trainProbeModels.ts trains the default four)\n`);
    process.exit(2);
  }
}
const corpus = (f: string) => join(ROOT, 'public', 'corpora', f);
if (!existsSync(corpus('brown-pos.json'))) {
  process.stderr.write('scorecardBench: public/corpora is missing: run npm run corpora first\n');
  process.exit(2);
}
const inputs = {
  analogies: readFileSync(join(ROOT, 'data', 'eval', 'analogies.txt'), 'utf8'),
  similarity: readFileSync(join(ROOT, 'data', 'eval', 'similarity.txt'), 'utf8'),
  lexicon: parseTagLexicon(JSON.parse(readFileSync(corpus('brown-pos.json'), 'utf8')), 'brown-pos.json'),
  brownText: readFileSync(corpus('brown.txt'), 'utf8'),
  brownIndex: JSON.parse(readFileSync(corpus('brown-docs.json'), 'utf8')),
};

const cards: Scorecard[] = [];
for (const f of files) {
  const { kv } = readCompact(new Uint8Array(readFileSync(f)), { fileName: basename(f) });
  const name = basename(f).replace(/\.[^.]+$/, '');
  const card = await runScorecard(kv, name, inputs, { onProgress: (p) => process.stderr.write(`\r${name}: ${p.stage}              `) });
  process.stderr.write(`\r${name}: ${card.seconds.toFixed(0)} s                          \n`);
  cards.push(card);
}

const fmt = (id: BenchmarkId, x: number) => (id === 'similarity' ? x.toFixed(3) : (100 * x).toFixed(1));
const lines: string[] = [];
lines.push(`| benchmark | ${cards.map((c) => c.name).join(' | ')} | baseline (first set) |`);
lines.push(`|---|${cards.map(() => '---:').join('|')}|---|`);
for (const b of BENCHMARKS) {
  const cells = cards.map((c) => {
    const r = c.rows.find((x) => x.id === b.id)!;
    return `${fmt(b.id, r.value)} [${fmt(b.id, r.low)}, ${fmt(b.id, r.high)}]${r.verdict === 'beats' ? '' : r.verdict === 'below' ? ' (below)' : ' (~)'}`;
  });
  const base = cards[0]!.rows.find((x) => x.id === b.id)!.baselines.map((x) => `${x.name} ${fmt(b.id, x.value)}`).join('; ');
  lines.push(`| ${b.name} | ${cells.join(' | ')} | ${base} |`);
}
lines.push('');
lines.push('Accuracies and P@10 in %, similarity as Spearman; [band] = 95% interval (questions, pairs, queries) or min-max over 3 seeds (probe, genre); (~) = not beyond its baseline, (below) = under it.');
lines.push('');
for (const p of pairOrders(cards)) {
  const name = (ids: BenchmarkId[]) => ids.map((id) => BENCHMARKS.find((b) => b.id === id)!.name).join(', ') || 'nothing';
  lines.push(`- ${p.conflict ? '**disagree**' : 'agree'}: ${p.a} ahead on ${name(p.aAhead)}; ${p.b} ahead on ${name(p.bAhead)}; even on ${name(p.even)}.`);
}
process.stdout.write(lines.join('\n') + '\n');
mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'out', 'scorecard.json'), JSON.stringify(cards, null, 1));
