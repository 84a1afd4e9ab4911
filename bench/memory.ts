// `npm run bench -- --memory`: the command line's peak memory on files far larger than the bundled ones, as ratios
// to the file sizes. Two runs, each its own process measured from outside (GNU time's max RSS, or /proc VmHWM):
//   train  a corpus of about 1 GiB made by repeating Brown + State of the Union into a temporary file;
//   eval   a synthetic word2vec text file of about 2.2 GiB (over 2 GiB: the size Node cannot read in one piece)
//          with --max-words 50000, and with --max-words 1.
// Both files are deleted at the end (about 3.3 GiB of disk while it runs). Long: tens of minutes on a busy machine,
// so it is kept out of the test suite; the unit tests read small files.
//   npm run bench -- --memory [--corpus-mb 1024] [--vectors-mb 2250] [--threads N] [--dir DIR] [--keep] [--only train|eval]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusPath, ensureCorpora } from '../scripts/buildCorpora';
import { lastJsonLine, runChild, type ChildResult } from './child';
import { ROOT } from './trainers';

const MB = 1024 * 1024;
/** The training settings of the memory run: small vectors and strong down-sampling keep one epoch over 1 GiB to
 * minutes; memory beyond the vocabulary does not depend on them (the model is vocab x dim floats either way). */
const TRAIN_FLAGS = ['--epochs', '1', '--dim', '50', '--window', '2', '--negative', '2', '--sample', '1e-5', '--min-count', '5', '--quiet'];
const VECTORS_DIM = 300;
const EVAL_MAX_WORDS = 50_000;
/** Free disk kept beyond the files themselves. */
const DISK_MARGIN_MB = 2048;

const log = (line: string) => process.stderr.write(line + '\n');

function parse(argv: readonly string[]) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      memory: { type: 'boolean' },
      'corpus-mb': { type: 'string', default: '1024' },
      'vectors-mb': { type: 'string', default: '2250' },
      threads: { type: 'string', default: String(availableParallelism()) },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const num = (name: string, v: string | undefined) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} expects a whole number >= 1, got "${v}"`);
    return n;
  };
  return {
    corpusMB: num('corpus-mb', values['corpus-mb']),
    vectorsMB: num('vectors-mb', values['vectors-mb']),
    threads: num('threads', values.threads),
    dir: values.dir,
    keep: values.keep === true,
    train: values.only === undefined || values.only === 'train',
    eval: values.only === undefined || values.only === 'eval',
  };
}

/** Appends Brown + SOTU again and again until the file holds `targetBytes`. */
async function writeCorpus(path: string, targetBytes: number): Promise<number> {
  ensureCorpora(['brown', 'sotu'], { log });
  const unit = Buffer.concat([readFileSync(corpusPath('brown')!), readFileSync(corpusPath('sotu')!)]);
  const out = createWriteStream(path);
  let written = 0;
  while (written < targetBytes) {
    if (!out.write(unit)) await new Promise((r) => out.once('drain', r));
    written += unit.length;
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return statSync(path).size;
}

/** A word2vec text file: a header, then rows "wN x1 ... x300" with varied numbers, until `targetBytes`. */
async function writeVectors(path: string, targetBytes: number): Promise<{ bytes: number; rows: number }> {
  // 64 different row bodies, so rows are not all the same vector (the evaluator normalises and compares them).
  const bodies = Array.from({ length: 64 }, (_, k) =>
    Array.from({ length: VECTORS_DIM }, (_, d) => (Math.sin(k * 31 + d * 0.7) * 0.5).toFixed(6)).join(' '),
  );
  const rowBytes = 8 + bodies[0]!.length + 1;
  const rows = Math.ceil(targetBytes / rowBytes);
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await new Promise((r) => out.once('drain', r));
  };
  await write(`${rows} ${VECTORS_DIM}\n`);
  const BATCH = 1000;
  for (let i = 0; i < rows; i += BATCH) {
    const lines: string[] = [];
    for (let j = i; j < Math.min(rows, i + BATCH); j++) lines.push(`w${j} ${bodies[j % bodies.length]}\n`);
    await write(lines.join(''));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { bytes: statSync(path).size, rows };
}

function cli(args: string[]): Promise<ChildResult> {
  return runChild(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    onStderrLine: (l) => log(`  ${l}`),
  });
}

interface MemoryRow {
  what: string;
  fileMB: number;
  peakRssMB: number | null;
  ratio: number | null;
  seconds: number;
  detail: string;
}

function row(what: string, fileBytes: number, r: ChildResult, detail: string): MemoryRow {
  if (r.code !== 0) {
    const tail = r.stderr.map((c) => c.text).join('').trim().split('\n').slice(-3).join(' / ');
    throw new Error(`${what} failed (exit ${r.code}${r.signal ? `, ${r.signal}` : ''}): ${tail}`);
  }
  const fileMB = fileBytes / MB;
  return {
    what,
    fileMB: Math.round(fileMB),
    peakRssMB: r.peakRssMB,
    ratio: r.peakRssMB === null ? null : Math.round((r.peakRssMB / fileMB) * 1000) / 1000,
    seconds: Math.round(r.wallSeconds),
    detail,
  };
}

export async function runMemoryBench(argv: readonly string[]): Promise<void> {
  const o = parse(argv);
  const base = o.dir ?? tmpdir();
  mkdirSync(base, { recursive: true });
  const needMB = (o.train ? o.corpusMB : 0) + (o.eval ? o.vectorsMB : 0) + DISK_MARGIN_MB;
  const fs = statfsSync(base);
  const freeMB = (fs.bavail * fs.bsize) / MB;
  if (freeMB < needMB) throw new Error(`${base} has ${Math.round(freeMB)} MB free; the memory bench needs about ${needMB} MB (use --dir)`);
  const dir = mkdtempSync(join(base, 'lab-memory-bench-'));
  const rows: MemoryRow[] = [];
  const stopHere = () => {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    stopHere();
    process.exit(130);
  });
  try {
    if (o.train) await trainRuns(o, dir, rows);
    if (o.eval) await evalRuns(o, dir, rows);
  } finally {
    stopHere();
  }
  report(rows, o);
}

async function trainRuns(o: ReturnType<typeof parse>, dir: string, rows: MemoryRow[]): Promise<void> {
  const corpus = join(dir, 'brown-sotu-repeated.txt');
  log(`memory bench: writing a ${o.corpusMB} MB corpus (Brown + SOTU repeated) to ${corpus}...`);
  const corpusBytes = await writeCorpus(corpus, o.corpusMB * MB);
  const small = await cli(['train', '--corpus', 'brown', ...TRAIN_FLAGS, '--threads', String(o.threads)]);
  const smallSummary = lastJsonLine(small.stdout) ?? {};
  rows.push(row('train brown (reference)', statSync(corpusPath('brown')!).size, small, `vocab ${smallSummary.vocab}, ${smallSummary.corpusTokens} tokens`));
  log(`memory bench: training one epoch on it (${o.threads} thread(s))...`);
  const big = await cli(['train', '--corpus', corpus, ...TRAIN_FLAGS, '--threads', String(o.threads)]);
  const s = lastJsonLine(big.stdout) ?? {};
  rows.push(row(`train ${o.corpusMB} MB corpus`, corpusBytes, big, `vocab ${s.vocab}, ${Number(s.corpusTokens).toLocaleString('en-US')} tokens, ${s.setupSeconds} s counting, ${Math.round(Number(s.seconds))} s training`));
  rmSync(corpus, { force: true });
}

async function evalRuns(o: ReturnType<typeof parse>, dir: string, rows: MemoryRow[]): Promise<void> {
  const vectors = join(dir, 'synthetic-300d.vec');
  log(`memory bench: writing a ${o.vectorsMB} MB vectors file to ${vectors}...`);
  const v = await writeVectors(vectors, o.vectorsMB * MB);
  for (const maxWords of [EVAL_MAX_WORDS, 1]) {
    log(`memory bench: eval --max-words ${maxWords}...`);
    const r = await cli(['eval', '--vectors', vectors, '--max-words', String(maxWords), '--json']);
    const e = lastJsonLine(r.stdout) ?? {};
    rows.push(row(`eval --max-words ${maxWords}`, v.bytes, r, `${e.words} of ${v.rows.toLocaleString('en-US')} rows x ${e.dim}`));
  }
}

function report(rows: MemoryRow[], o: ReturnType<typeof parse>): void {
  const table = [
    '| run | file MB | peak RSS MB | peak / file | wall s | detail |',
    '|---|---:|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.what} | ${r.fileMB} | ${r.peakRssMB ?? '-'} | ${r.ratio ?? '-'} | ${r.seconds} | ${r.detail} |`),
  ].join('\n');
  process.stdout.write(table + '\n');
  const outDir = join(ROOT, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const name = o.train && o.eval ? 'memory.json' : `memory-${o.train ? 'train' : 'eval'}.json`;
  writeFileSync(join(outDir, name), JSON.stringify({ date: new Date().toISOString(), commit: git, trainFlags: TRAIN_FLAGS, rows }, null, 2) + '\n');
  log(`memory bench: wrote bench/out/${name}`);
}
