// Trains skip-gram, CBOW, GloVe and fastText on Brown with the same shared settings, through the project's own
// command line, for bench/probeBench.ts (the part-of-speech probe on each). Shared: corpus, dimension, window,
// min-count, seed and one thread (deterministic). Each model keeps its own epochs and learning rate (GloVe's 25
// iterations over co-occurrence cells are not comparable to 5 passes over the text). Files that exist are kept.
//   npx tsx scripts/trainProbeModels.ts [--force] [--out bench/out/probe-models]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The models compared, as the registry names them. */
export const PROBE_MODELS = ['skipgram', 'cbow', 'glove', 'fasttext'] as const;

/** The settings every model shares: a small, quick run on Brown (a few minutes each on one core). */
export const SHARED_SETTINGS = ['--corpus', 'brown', '--dim', '100', '--window', '5', '--min-count', '5', '--seed', '1', '--threads', '1'];

export function modelFile(dir: string, model: string): string {
  return join(dir, `brown-${model}.elv`);
}

function main(): void {
  const { values } = parseArgs({ options: { force: { type: 'boolean', default: false }, out: { type: 'string', default: join(ROOT, 'bench', 'out', 'probe-models') } } });
  const dir = resolve(values.out);
  mkdirSync(dir, { recursive: true });
  for (const model of PROBE_MODELS) {
    const out = modelFile(dir, model);
    if (existsSync(out) && !values.force) {
      process.stderr.write(`${model}: ${out} exists (--force to train again)\n`);
      continue;
    }
    process.stderr.write(`${model}: training on Brown...\n`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'train', '--model', model, ...SHARED_SETTINGS, '--quiet', '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      process.stderr.write(`${model}: training failed (exit ${r.status})\n`);
      process.exit(1);
    }
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; vocab: number };
    process.stderr.write(`${model}: ${summary.vocab} words in ${summary.seconds.toFixed(0)} s -> ${out}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
