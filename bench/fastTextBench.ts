// `npx tsx bench/fastTextBench.ts`: fastText with subwords, the lab's trainer against Debian's `fasttext`, on the
// same tokenized corpus with the same settings, one thread each, each in its own process; both scored by the lab's
// evaluator. Prints a Markdown table (with each figure's ratio to fastText) and writes bench/out/fasttext.json.
//   npx tsx bench/fastTextBench.ts [--corpus brown|sotu|PATH] [--arch skipgram|cbow] [--epochs 5] [--bucket 2000000]
// Settings: the bench's usual ones (dim 100, window 5, negative 5, min-count 5, sample 1e-3, alpha 0.025, seed 1)
// plus n-grams 3-6 and fastText's default 2,000,000 buckets, so that both hash n-grams into the same rows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runChild, lastJsonLine, stderrTail } from './child';
import { prepareCorpus } from './corpus';
import { extraEvalFiles } from './evalSets';
import { scoreVectors, type Scores } from './score';
import { markdown } from './table';
import { FASTTEXT, fasttextAvailable, parseFasttextStderr, ROOT } from './trainers';

const OUT_DIR = join(ROOT, 'bench', 'out');
/** fastText's own bucket default: both trainers then hash every n-gram to the same row. */
const DEFAULT_BUCKET = 2_000_000;

const { values: flags } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'brown' },
    arch: { type: 'string', default: 'skipgram' },
    epochs: { type: 'string', default: '5' },
    bucket: { type: 'string', default: String(DEFAULT_BUCKET) },
  },
});
const arch = flags.arch === 'cbow' ? 'cbow' : 'skipgram';
const S = { dim: 100, window: 5, negative: 5, minCount: 5, sample: 1e-3, alpha: 0.025, epochs: Number(flags.epochs), seed: 1, minn: 3, maxn: 6, bucket: Number(flags.bucket) };
const log = (line: string): void => void process.stderr.write(line + '\n');

interface Row {
  trainer: string;
  ok: boolean;
  error?: string;
  seconds?: number;
  cpuSeconds?: number;
  words?: number;
  peakRssMB?: number | null;
  finalLoss?: number;
  vectors?: string;
  scores?: Scores;
}

async function lab(input: string, out: string): Promise<Row> {
  const args = ['--import', 'tsx', join(ROOT, 'bench', 'fastTextChild.ts'), '--input', input, '--out', out, '--arch', arch,
    '--dim', String(S.dim), '--window', String(S.window), '--negative', String(S.negative), '--min-count', String(S.minCount),
    '--sample', String(S.sample), '--alpha', String(S.alpha), '--epochs', String(S.epochs), '--seed', String(S.seed),
    '--minn', String(S.minn), '--maxn', String(S.maxn), '--bucket', String(S.bucket)];
  const r = await runChild(process.execPath, args, { cwd: ROOT, onStderrLine: (l) => log(`  [lab fastText] ${l}`) });
  const j = lastJsonLine(r.stdout);
  if (r.code !== 0 || !j) return { trainer: 'lab', ok: false, error: stderrTail(r) };
  return { trainer: `lab (${String(j.kernel)} kernel)`, ok: true, seconds: Number(j.seconds), cpuSeconds: Number(j.cpuSeconds), words: Number(j.words), peakRssMB: r.peakRssMB, finalLoss: Number(j.finalLoss), vectors: out };
}

async function debian(input: string, stem: string, tokens: number): Promise<Row> {
  const args = [arch, '-input', input, '-output', stem, '-dim', String(S.dim), '-ws', String(S.window), '-neg', String(S.negative),
    '-minCount', String(S.minCount), '-t', String(S.sample), '-lr', String(S.alpha), '-epoch', String(S.epochs), '-thread', '1',
    '-minn', String(S.minn), '-maxn', String(S.maxn), '-bucket', String(S.bucket), '-seed', String(S.seed)];
  const r = await runChild(FASTTEXT, args, { cwd: ROOT });
  const p = parseFasttextStderr(r);
  if (r.code !== 0 || p.seconds === undefined) return { trainer: 'fastText 0.9.2 (Debian)', ok: false, error: stderrTail(r) };
  return { trainer: 'fastText 0.9.2 (Debian)', ok: true, seconds: p.seconds, cpuSeconds: p.cpuSeconds, words: tokens * S.epochs, peakRssMB: r.peakRssMB, finalLoss: p.loss, vectors: `${stem}.vec` };
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ratio = (a?: number, b?: number): string => (a !== undefined && b ? `${(a / b).toFixed(2)}x` : '-');

async function main(): Promise<void> {
  const work = join(OUT_DIR, 'work');
  mkdirSync(work, { recursive: true });
  const { full } = prepareCorpus(flags.corpus!, work);
  log(`fastText bench: ${full.label}, ${full.tokens.toLocaleString('en-US')} tokens, ${arch}, n-grams ${S.minn}-${S.maxn}, ${S.bucket.toLocaleString('en-US')} buckets`);
  const rows: Row[] = [];
  log('fastText bench: lab...');
  rows.push(await lab(full.path, join(work, `${full.label}-ft-${arch}-lab.txt`)));
  if (fasttextAvailable()) {
    log('fastText bench: Debian fasttext...');
    rows.push(await debian(full.path, join(work, `${full.label}-ft-${arch}-debian`), full.tokens));
  } else {
    log('fastText bench: Debian fasttext is not installed (apt-get install fasttext): its row is skipped');
  }
  const evalSets = extraEvalFiles(ROOT, false);
  for (const r of rows) if (r.ok && r.vectors) r.scores = await scoreVectors(r.vectors, evalSets.analogies, evalSets.similarity);
  const ref = rows.find((r) => r.trainer.startsWith('fastText') && r.ok);
  const perSec = (r: Row): number | undefined => (r.words && r.seconds ? r.words / r.seconds : undefined);
  const perCpu = (r: Row): number | undefined => (r.words && r.cpuSeconds ? r.words / r.cpuSeconds : undefined);
  const table = markdown(
    ['model', 'trainer', 'threads', 'corpus', 'train s', 'words/s', 'vs fastText', 'words/CPU-s', 'vs fastText', 'peak MB', 'analogy acc.', 'Spearman', 'final loss'],
    rows.map((r) => {
      if (!r.ok) return [`fastText ${arch}`, r.trainer, '1', full.label, `failed: ${r.error ?? ''}`.slice(0, 160)];
      const a = r.scores?.analogies[0];
      const s = r.scores?.similarity[0];
      return [`fastText ${arch} (n-grams ${S.minn}-${S.maxn})`, r.trainer, '1', full.label, r.seconds!.toFixed(1),
        int.format(perSec(r) ?? 0), ratio(perSec(r), ref && perSec(ref)), int.format(perCpu(r) ?? 0), ratio(perCpu(r), ref && perCpu(ref)),
        String(r.peakRssMB ?? '-'), a ? `${a.accuracy.toFixed(3)} (${a.correct}/${a.total})` : '-', s ? s.spearman.toFixed(3) : '-',
        r.finalLoss !== undefined && Number.isFinite(r.finalLoss) ? r.finalLoss.toFixed(3) : '-'];
    }),
  );
  console.log(table);
  writeFileSync(join(OUT_DIR, 'fasttext.json'), JSON.stringify({ settings: { ...S, arch, corpus: full.label }, rows }, null, 1) + '\n');
}

await main();
