// Builds the vectors that ship with the lab (public/vectors/*.elv + index.json) with the project's own trainer:
// skip-gram, dim 100, gensim defaults otherwise, on Brown and on Brown + SOTU; keeps the most frequent words;
// evaluates on data/eval/ when the sets are there; writes the compact int8 format (formats/compact.ts).
// The outputs are committed (not rebuilt at install): rebuilding takes minutes.
//   npx tsx scripts/buildShippedVectors.ts [--epochs 5] [--only brown-sg100] [--eval-only]
// --eval-only re-reads the existing .elv files and refreshes their scores (after data/eval/ changes).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCorpus } from '../src/core/text/corpus';
import { createTrainer } from '../src/core/train/createTrainer';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../src/core/train/types';
import { KeyedVectors } from '../src/core/vectors/keyedVectors';
import { readCompact, writeCompact } from '../src/core/vectors/formats';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPORA = join(ROOT, 'public', 'corpora');
const OUT = join(ROOT, 'public', 'vectors');
const EVAL = join(ROOT, 'data', 'eval');
/** Keep at most this many words: ~2 MB per set at 100 dims in int8, and rarer words have poor vectors anyway. */
const KEEP_WORDS = 20_000;
/** Train in chunks of this many corpus tokens so progress prints now and then. */
const CHUNK_WORDS = 200_000;

interface SetSpec {
  id: string;
  label: string;
  corpus: string;
  files: string[];
  /** Training seed (1 unless said): a second seed of the same corpus is the noise baseline for comparing spaces. */
  seed?: number;
}

// The first set is the default the playgrounds and lessons open with: the bigger corpus gives the better demos.
const SETS: SetSpec[] = [
  { id: 'brown-sotu-sg100', label: 'Brown + SOTU, skip-gram 100d', corpus: 'Brown + State of the Union (~3 M tokens)', files: ['brown.txt', 'sotu.txt'] },
  { id: 'brown-sg100', label: 'Brown, skip-gram 100d', corpus: 'Brown (1.0 M tokens)', files: ['brown.txt'] },
  // For comparing spaces (the Compare playground): another domain, and the same corpus with another seed, so that a
  // change of domain can be told from training noise.
  { id: 'sotu-sg100', label: 'SOTU, skip-gram 100d', corpus: 'State of the Union 1790-2018 (~2 M tokens)', files: ['sotu.txt'] },
  { id: 'brown-sg100-seed2', label: 'Brown, skip-gram 100d, seed 2', corpus: 'Brown (1.0 M tokens)', files: ['brown.txt'], seed: 2 },
  { id: 'sotu-sg100-seed2', label: 'SOTU, skip-gram 100d, seed 2', corpus: 'State of the Union 1790-2018 (~2 M tokens)', files: ['sotu.txt'], seed: 2 },
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

type Scores = Record<string, number>;

async function evaluate(kv: KeyedVectors): Promise<Scores> {
  const analogyFile = join(EVAL, 'analogies.txt');
  const simFile = join(EVAL, 'similarity.txt');
  const scores: Scores = {};
  if (!existsSync(analogyFile) && !existsSync(simFile)) {
    console.log('data/eval/ has no sets yet: scores left empty (rerun with --eval-only later)');
    return scores;
  }
  const evalModule = './../src/core/vectors/evaluation';
  const ev = (await import(evalModule)) as {
    evaluateAnalogies: (kv: KeyedVectors, text: string, o?: object) => { overall: { accuracy: number; total: number }; semantic?: { accuracy: number }; syntactic?: { accuracy: number }; coverage?: number };
    evaluateSimilarity: (kv: KeyedVectors, text: string, o?: object) => { spearman: number; pairs: number; oovShare?: number };
  };
  if (existsSync(analogyFile)) {
    const r = ev.evaluateAnalogies(kv, readFileSync(analogyFile, 'utf8'), { fileName: 'analogies.txt' });
    scores['analogy accuracy'] = r.overall.accuracy;
    if (r.semantic) scores['semantic'] = r.semantic.accuracy;
    if (r.syntactic) scores['syntactic'] = r.syntactic.accuracy;
    console.log(`  analogies: ${(r.overall.accuracy * 100).toFixed(1)}% of ${r.overall.total}`);
  }
  if (existsSync(simFile)) {
    const r = ev.evaluateSimilarity(kv, readFileSync(simFile, 'utf8'), { fileName: 'similarity.txt' });
    scores['similarity Spearman'] = r.spearman;
    console.log(`  similarity: Spearman ${r.spearman.toFixed(3)} over ${r.pairs} pairs`);
  }
  for (const k of Object.keys(scores)) if (!Number.isFinite(scores[k])) delete scores[k];
  return scores;
}

interface IndexEntry {
  id: string;
  file: string;
  label: string;
  corpus: string;
  words: number;
  dim: number;
  bytes: number;
  settings: Record<string, string | number | boolean>;
  scores: Scores;
  date: string;
  rebuild: string;
  note?: string;
}

const REBUILD = 'npx tsx scripts/buildShippedVectors.ts';

async function build(spec: SetSpec, epochs: number): Promise<IndexEntry> {
  const text = spec.files.map((f) => readFileSync(join(CORPORA, f), 'utf8')).join('\n');
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, model: 'skipgram', dim: 100, epochs, seed: spec.seed ?? 1, threads: 1 };
  const corpus = encodeCorpus(text, { minCount: config.minCount, maxVocab: config.maxVocab });
  console.log(`${spec.id}: ${corpus.rawTokens.toLocaleString('en')} tokens, ${corpus.vocab.words.length.toLocaleString('en')} words at min-count ${config.minCount}`);
  const trainer = await createTrainer(corpus, config, 'cpu');
  const t0 = performance.now();
  let last = 0;
  while (!trainer.done) {
    const p = await trainer.run(CHUNK_WORDS);
    if (performance.now() - last > 10_000) {
      last = performance.now();
      console.log(`  epoch ${p.epoch + 1}/${epochs}, ${(p.wordsDone / p.wordsTotal * 100).toFixed(0)}%, loss ${p.loss.toFixed(3)}, ${Math.round(p.wordsPerSec).toLocaleString('en')} words/s`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const all = new KeyedVectors(trainer.vocab.words, trainer.vectors(), trainer.dim);
  trainer.dispose();
  const kv = all.subset(KEEP_WORDS);
  console.log(`  trained in ${seconds.toFixed(0)} s; keeping ${kv.size} words`);
  const scores = await evaluate(kv);
  return write(spec, kv, {
    settings: {
      model: config.model, dim: config.dim, window: config.window, negative: config.negative, hs: config.hs,
      'min-count': config.minCount, sample: config.sample, alpha: config.alpha, epochs: config.epochs, seed: config.seed, engine: 'cpu',
    },
    scores,
    seconds,
  });
}

function write(spec: SetSpec, kv: KeyedVectors, o: { settings: IndexEntry['settings']; scores: Scores; seconds?: number; date?: string }): IndexEntry {
  const date = o.date ?? new Date().toISOString();
  const meta = {
    id: spec.id, label: spec.label, corpus: spec.corpus, settings: o.settings, scores: o.scores, date, words: kv.size,
    trainingSeconds: o.seconds, rebuild: REBUILD,
  };
  const bytes = writeCompact(kv, meta);
  const file = `${spec.id}.elv`;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, file), bytes);
  console.log(`  wrote public/vectors/${file} (${(bytes.length / 1e6).toFixed(2)} MB)`);
  return {
    id: spec.id, file, label: spec.label, corpus: spec.corpus, words: kv.size, dim: kv.dim, bytes: bytes.length,
    settings: o.settings, scores: o.scores, date, rebuild: REBUILD,
    note: 'Trained on 1-3 M words: real neighbours, but the famous analogies need far more text.',
  };
}

async function main(): Promise<void> {
  const epochs = Number(arg('epochs') ?? DEFAULT_TRAIN_CONFIG.epochs);
  const only = arg('only');
  const indexPath = join(OUT, 'index.json');
  const previous: IndexEntry[] = existsSync(indexPath) ? (JSON.parse(readFileSync(indexPath, 'utf8')) as { sets: IndexEntry[] }).sets : [];
  const entries = new Map(previous.map((e) => [e.id, e]));
  for (const spec of SETS) {
    if (only && spec.id !== only) continue;
    if (process.argv.includes('--eval-only')) {
      const old = entries.get(spec.id);
      if (!old) continue;
      const { kv, meta } = readCompact(new Uint8Array(readFileSync(join(OUT, old.file))));
      console.log(`${spec.id}: re-evaluating ${kv.size} words`);
      const scores = await evaluate(kv);
      entries.set(spec.id, write(spec, kv, { settings: old.settings, scores, seconds: meta.trainingSeconds as number | undefined, date: old.date }));
      continue;
    }
    entries.set(spec.id, await build(spec, epochs));
  }
  const sets = SETS.map((s) => entries.get(s.id)).filter((e): e is IndexEntry => e !== undefined);
  // Sets built by other scripts (scripts/buildModelVectors.ts) stay, after these.
  sets.push(...previous.filter((e) => !SETS.some((s) => s.id === e.id)));
  writeFileSync(indexPath, JSON.stringify({ sets }, null, 2) + '\n');
  console.log(`wrote public/vectors/index.json (${sets.length} sets)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
