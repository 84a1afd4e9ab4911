// Search on the Brown documents, measured over training seeds: trains skip-gram on Brown with the CLI for a few
// seeds (the same settings as the shipped vectors), scores BM25, mean and SIF document vectors on the genre queries
// for each, and prints mean and spread over seeds next to chance. Run: npx tsx bench/searchSeeds.ts [--seeds 3]
// (about 30 s of training per seed on one core). The playground shows one seed; this is its spread.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentsFromIndex } from '../src/core/search/documents';
import { SearchEngine, evaluateSearch, SEARCH_METHODS } from '../src/core/search/searchEngine';
import { BROWN_GENRE_QUERIES } from '../src/core/search/searchQueries';
import { readVectors } from '../src/core/vectors/formats';
import { ROOT } from './trainers';

const seedsArg = process.argv.indexOf('--seeds');
const SEEDS = seedsArg > 0 ? Number(process.argv[seedsArg + 1]) : 3;
const dir = mkdtempSync(join(tmpdir(), 'search-seeds-'));
const docs = documentsFromIndex(
  readFileSync(join(ROOT, 'public/corpora/brown.txt'), 'utf8'),
  JSON.parse(readFileSync(join(ROOT, 'public/corpora/brown-docs.json'), 'utf8')),
);
const rows: Record<string, { p10: number[]; map: number[] }> = Object.fromEntries(SEARCH_METHODS.map((m) => [m, { p10: [], map: [] }]));
let chance = 0;
try {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const out = join(dir, `seed${seed}.txt`);
    execFileSync('npx', ['tsx', 'src/cli/main.ts', 'train', '--corpus', 'brown', '--model', 'skipgram', '--dim', '100',
      '--epochs', '5', '--seed', String(seed), '--threads', '1', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const kv = await readVectors(new Uint8Array(readFileSync(out)), { fileName: out });
    const ev = evaluateSearch(new SearchEngine(docs, kv), BROWN_GENRE_QUERIES, 10);
    chance = ev.chance.mean;
    for (const m of ev.methods) {
      rows[m.method]!.p10.push(m.meanPrecision.mean);
      rows[m.method]!.map.push(m.meanAp.mean);
    }
    console.error(`seed ${seed}: ${ev.methods.map((m) => `${m.method} MAP ${m.meanAp.mean.toFixed(3)}`).join(', ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const stats = (xs: number[]) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${mean.toFixed(3)} ± ${sd.toFixed(3)}`;
};
console.log(`| method | precision@10 (mean ± sd over ${SEEDS} seeds) | MAP |`);
console.log('|---|---|---|');
for (const m of SEARCH_METHODS) console.log(`| ${m} | ${stats(rows[m]!.p10)} | ${stats(rows[m]!.map)} |`);
console.log(`| random ranking | ${chance.toFixed(3)} | ${chance.toFixed(3)} |`);
