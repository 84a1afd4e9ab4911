// Ships CBOW and GloVe vectors trained on Brown with the same shared settings as the shipped skip-gram set
// (scripts/trainProbeModels.ts: dim 100, window 5, min-count 5, seed 1), so that the Scorecard playground and the
// lessons can compare models on one corpus. Keeps the 10,000 most frequent words (about 1.1 MB each in int8),
// scores them on data/eval/ like the other shipped sets, writes public/vectors/brown-<model>100.elv and adds or
// replaces their entries at the end of public/vectors/index.json, leaving the other entries as they are.
//   npx tsx scripts/buildModelVectors.ts        (trains the models first if bench/out/probe-models/ lacks them)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateAnalogies, evaluateSimilarity } from '../src/core/vectors/evaluation';
import { readCompact, writeCompact } from '../src/core/vectors/formats';
import { modelFile } from './trainProbeModels';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'public', 'vectors');
/** The most frequent words kept: enough for every probe word and 94% of Brown's tokens, at a third less size. */
const KEEP_WORDS = 10_000;
const REBUILD = 'npx tsx scripts/buildModelVectors.ts';

const MODELS = [
  { model: 'cbow', id: 'brown-cbow100', label: 'Brown, CBOW 100d' },
  { model: 'glove', id: 'brown-glove100', label: 'Brown, GloVe 100d' },
] as const;

interface IndexEntry {
  id: string;
  file: string;
  label: string;
  [key: string]: unknown;
}

function main(): void {
  const modelsDir = join(ROOT, 'bench', 'out', 'probe-models');
  if (MODELS.some((m) => !existsSync(modelFile(modelsDir, m.model)))) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'trainProbeModels.ts')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('training failed');
  }
  const analogies = readFileSync(join(ROOT, 'data', 'eval', 'analogies.txt'), 'utf8');
  const similarity = readFileSync(join(ROOT, 'data', 'eval', 'similarity.txt'), 'utf8');
  const indexPath = join(OUT, 'index.json');
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { sets: IndexEntry[] };
  for (const m of MODELS) {
    const { kv: all, meta } = readCompact(new Uint8Array(readFileSync(modelFile(modelsDir, m.model))), { fileName: `brown-${m.model}.elv` });
    const kv = all.subset(KEEP_WORDS);
    const a = evaluateAnalogies(kv, analogies, { fileName: 'analogies.txt' });
    const s = evaluateSimilarity(kv, similarity, { fileName: 'similarity.txt' });
    const scores = {
      'analogy accuracy': a.overall.accuracy,
      semantic: a.semantic.accuracy,
      syntactic: a.syntactic.accuracy,
      'similarity Spearman': s.spearman,
    };
    const settings = Object.fromEntries(
      ['model', 'dim', 'window', 'negative', 'min-count', 'sample', 'alpha', 'epochs', 'seed', 'x-max', 'weight-power', 'engine'].flatMap((k) => {
        const v = meta[k] ?? meta[k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())];
        return v === undefined ? [] : [[k, v as string | number | boolean]];
      }),
    );
    const date = new Date().toISOString();
    const corpus = 'Brown (1.0 M tokens)';
    const bytes = writeCompact(kv, { id: m.id, label: m.label, corpus, settings, scores, date, words: kv.size, rebuild: REBUILD });
    const file = `${m.id}.elv`;
    writeFileSync(join(OUT, file), bytes);
    const entry: IndexEntry = {
      id: m.id,
      file,
      label: m.label,
      corpus,
      words: kv.size,
      dim: kv.dim,
      bytes: bytes.length,
      settings,
      scores,
      date,
      rebuild: REBUILD,
      note: 'Same corpus and shared settings as the Brown skip-gram set, for comparing models (the Scorecard playground).',
    };
    const at = index.sets.findIndex((e) => e.id === m.id);
    if (at >= 0) index.sets[at] = entry;
    else index.sets.push(entry);
    console.log(`${m.id}: ${kv.size} words, ${(bytes.length / 1e6).toFixed(2)} MB; analogies ${(100 * a.overall.accuracy).toFixed(1)}%, Spearman ${s.spearman.toFixed(3)}`);
  }
  writeFileSync(indexPath, JSON.stringify(index, null, 2) + '\n');
  console.log(`wrote public/vectors/index.json (${index.sets.length} sets)`);
}

main();
