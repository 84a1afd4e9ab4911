// `align`: cross-space retrieval from the command line. A map from space A to space B (orthogonal Procrustes or least
// squares) is learned on shared frequent words and scored on held-out ones: precision@1 and @5 of finding the same
// word among B's nearest neighbours of the mapped vector. Printed beside the seed-noise ceiling (the same retrieval
// from A to A trained again with another seed) and chance, so a number can be read as "how much of A's geometry B
// shares". With two languages' vectors and a bilingual dictionary, the same steps are cross-lingual word retrieval.
import { readFile } from 'node:fs/promises';
import { DEFAULT_COMPARE, splitDictionary } from '../core/align/compareSpaces';
import { parseSeedDictionary } from '../core/align/seedDictionary';
import { learnMap, retrievalScore, sharedWords, splitPairs, type DictionaryPair, type RetrievalScore } from '../core/align/crossSpace';
import type { LinearMap } from '../core/align/procrustes';
import type { KeyedVectors } from '../core/vectors/keyedVectors';
import { parseCommand, type CommandSpec } from './args';
import { CliError } from './errors';
import { loadNamedVectors, shippedVectorIds } from './namedVectors';
import { userPath } from './paths';

/** The suffix of the shipped second-seed twin of a set (brown-sg100 -> brown-sg100-seed2). */
export const SEED_TWIN_SUFFIX = '-seed2';
const METHODS: Record<string, LinearMap['kind']> = { orth: 'orthogonal', lsq: 'least-squares' };

export const ALIGN_SPEC: CommandSpec = {
  name: 'align',
  summary: 'Cross-space retrieval: map space A onto space B on shared words, score P@1/P@5 on held-out words.',
  usage: 'npm run cli -- align --from A --to B [--method orth|lsq] [--baseline A2] [--json]',
  options: [
    { name: 'from', kind: 'string', valueName: 'NAME|FILE', required: true, help: 'source vectors: a shipped set (brown-sg100...) or a file' },
    { name: 'to', kind: 'string', valueName: 'NAME|FILE', required: true, help: 'target vectors: a shipped set or a file' },
    { name: 'method', kind: 'enum', values: Object.keys(METHODS), default: 'orth', help: 'orth = orthogonal Procrustes, lsq = least-squares linear map' },
    { name: 'baseline', kind: 'string', valueName: 'NAME|FILE', help: `A trained again with another seed (default: the shipped "${SEED_TWIN_SUFFIX}" twin of --from, if any)` },
    { name: 'dictionary', kind: 'int', min: 10, default: String(DEFAULT_COMPARE.dictionaryWords), help: 'shared frequent words used as pairs (train + held out)' },
    { name: 'test-share', kind: 'float', min: 0, exclusiveMin: true, max: 0.9, default: String(DEFAULT_COMPARE.testShare), help: 'share of the pairs held out' },
    { name: 'search', kind: 'int', min: 5, default: String(DEFAULT_COMPARE.searchSize), help: 'target words searched for each mapped word' },
    { name: 'seed', kind: 'int', min: 0, default: String(DEFAULT_COMPARE.seed), help: 'seed of the train/held-out split' },
    { name: 'max-words', kind: 'int', min: 0, default: '0', help: 'load only the first N words of each file (0 = all)' },
    { name: 'pairs', kind: 'string', valueName: 'FILE', help: 'seed dictionary, one "word-in-from word-in-to" pair per line (two languages); default: shared words pair with themselves' },
    { name: 'json', kind: 'flag', help: 'print one JSON object instead of a report' },
  ],
  examples: [
    'npm run cli -- align --from brown-sg100 --to sotu-sg100',
    'npm run cli -- align --from my-english.vec --to my-french.vec --method lsq --json',
  ],
};

export interface AlignOptions {
  /** A seed dictionary (two languages); absent = the shared frequent words pair with themselves. */
  pairs?: readonly DictionaryPair[];
  dictionaryWords: number;
  testShare: number;
  searchSize: number;
  seed: number;
}

export interface AlignResult {
  trainPairs: number;
  score: RetrievalScore;
}

/** Learns the map on the shared frequent words' training share and scores the held-out share. */
export function alignAndScore(a: KeyedVectors, b: KeyedVectors, kind: LinearMap['kind'], o: AlignOptions): AlignResult {
  if (kind === 'orthogonal' && a.dim !== b.dim) {
    throw new CliError(`an orthogonal map needs vectors of one size, and these have ${a.dim} and ${b.dim} dimensions: use --method lsq`);
  }
  const searchable = (w: string) => b.indexOf(w) >= 0 && b.indexOf(w) < o.searchSize;
  const need = 2 * Math.max(a.dim, b.dim);
  let train: DictionaryPair[];
  let test: DictionaryPair[];
  if (o.pairs) {
    ({ train, test } = splitDictionary(o.pairs, a, searchable, { ...DEFAULT_COMPARE, ...o }));
    if (train.length < need || test.length === 0) {
      throw new CliError(`only ${train.length + test.length} of the dictionary's ${o.pairs.length} pairs have both words in the spaces: at least ${need} training pairs and one held-out pair are needed`);
    }
  } else {
    const words = sharedWords(a, b, o.dictionaryWords).filter(searchable);
    ({ train, test } = splitPairs(words.map((w) => ({ source: w, target: w })), o.testShare, o.seed));
    if (train.length < need || test.length === 0) {
      throw new CliError(`the two spaces share only ${words.length} of their first ${o.dictionaryWords} words: at least ${need} training pairs and one held-out pair are needed (two languages need --pairs FILE)`);
    }
  }
  return { trainPairs: train.length, score: retrievalScore(a, b, learnMap(a, b, train, kind), test, o.searchSize) };
}

export interface AlignSummary {
  command: 'align';
  from: string;
  to: string;
  method: LinearMap['kind'];
  trainPairs: number;
  heldOut: number;
  precisionAt1: number;
  precisionAt5: number;
  chanceAt1: number;
  /** A -> A trained with another seed: what the same steps reach when nothing but training noise differs. */
  seedBaseline: { vectors: string; precisionAt1: number; precisionAt5: number; heldOut: number } | null;
  examples: RetrievalScore['examples'];
}

export async function runAlign(argv: readonly string[]): Promise<{ summary: AlignSummary; json: boolean } | 'help'> {
  const o = parseCommand(ALIGN_SPEC, argv);
  if (o.help) return 'help';
  const maxWords = (o['max-words'] as number) || undefined;
  const from = await loadNamedVectors(o.from as string, maxWords);
  const to = await loadNamedVectors(o.to as string, maxWords);
  const twinId = `${from.label.replace(/\.elv$/, '')}${SEED_TWIN_SUFFIX}`;
  const baselineName = (o.baseline as string | undefined) ?? (shippedVectorIds().includes(twinId) ? twinId : undefined);
  const pairsFile = o.pairs as string | undefined;
  const pairs = pairsFile ? parseSeedDictionary(await readFile(userPath(pairsFile), 'utf8'), pairsFile) : undefined;
  const opts: AlignOptions = { pairs, dictionaryWords: o.dictionary as number, testShare: o['test-share'] as number, searchSize: o.search as number, seed: o.seed as number };
  const kind = METHODS[o.method as string]!;
  const main = alignAndScore(from.kv, to.kv, kind, opts);
  let seedBaseline: AlignSummary['seedBaseline'] = null;
  if (baselineName) {
    const twin = await loadNamedVectors(baselineName, maxWords);
    const r = alignAndScore(from.kv, twin.kv, kind, { ...opts, pairs: undefined });
    seedBaseline = { vectors: twin.label, precisionAt1: r.score.precisionAt1, precisionAt5: r.score.precisionAt5, heldOut: r.score.pairs };
  }
  return {
    summary: {
      command: 'align',
      from: from.label,
      to: to.label,
      method: kind,
      trainPairs: main.trainPairs,
      heldOut: main.score.pairs,
      precisionAt1: main.score.precisionAt1,
      precisionAt5: main.score.precisionAt5,
      chanceAt1: main.score.chanceAt1,
      seedBaseline,
      examples: main.score.examples,
    },
    json: o.json === true,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatAlign(s: AlignSummary): string {
  const lines = [
    `${s.from} -> ${s.to}, ${s.method} map learned on ${s.trainPairs} word pairs, scored on ${s.heldOut} held-out words`,
    `  P@1 ${pct(s.precisionAt1)}   P@5 ${pct(s.precisionAt5)}   (chance at 1: ${(100 * s.chanceAt1).toFixed(3)}%)`,
  ];
  if (s.seedBaseline) {
    lines.push(
      `seed-noise ceiling: ${s.from} -> ${s.seedBaseline.vectors} (same corpus, another seed), same steps:`,
      `  P@1 ${pct(s.seedBaseline.precisionAt1)}   P@5 ${pct(s.seedBaseline.precisionAt5)}   on ${s.seedBaseline.heldOut} held-out words`,
      s.precisionAt1 < s.seedBaseline.precisionAt1
        ? `  the two spaces share less geometry than two training runs of one corpus do`
        : `  the two spaces are as close as two training runs of one corpus`,
    );
  } else {
    lines.push('no seed-noise ceiling: pass --baseline with --from trained again with another seed to get one');
  }
  lines.push('examples (held-out word: the 5 nearest target words to its mapped vector):');
  for (const e of s.examples) lines.push(`  ${e.source}: ${e.retrieved.join(', ')}${e.retrieved[0] === e.target ? '  (hit)' : ''}`);
  return lines.join('\n');
}
