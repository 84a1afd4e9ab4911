// `probe`: how much part of speech a linear classifier reads off a vectors file. The probe is trained on most word
// types and scored on held-out ones, beside a control task (random classes per word type) and the majority class,
// over several seeds. The same core as the Scorecard playground and bench/probeBench.ts.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildProbeDataset, DEFAULT_PROBE_WORDS, parseTagLexicon } from '../core/probe/probeData';
import { DEFAULT_PROBE_SEEDS, runProbeSeed, summariseProbe, type ProbeReport, type ProbeSeedRun } from '../core/probe/runProbe';
import type { Spread } from '../core/transfer/transferCurve';
import { CORPORA_DIR, ensureMapData } from '../../scripts/buildCorpora';
import { parseCommand, type CommandSpec } from './args';
import { CliError, InterruptedError } from './errors';
import { watchInterrupt } from './interrupt';
import { resolveVectors } from './namedVectors';
import { userPath } from './paths';
import { readVectorsFile } from './vectorsFile';

/** More seeds than this would take minutes and say nothing five do not. */
const MAX_SEEDS = 50;

export const PROBE_SPEC: CommandSpec = {
  name: 'probe',
  summary: 'Probe word vectors for part of speech (Brown tags), with a control task, selectivity and a majority baseline.',
  usage: 'npm run cli -- probe --vectors FILE [--seeds N] [--words N] [--tags FILE] [--json]',
  options: [
    { name: 'vectors', kind: 'string', valueName: 'FILE', required: true, help: '.txt .bin .vec .tsv .elv or GloVe text, or a shipped set\'s id (brown-sg100, brown-cbow100, ...)' },
    { name: 'seeds', kind: 'int', min: 1, max: MAX_SEEDS, default: String(DEFAULT_PROBE_SEEDS.length), help: 'seeds 1..N: each draws a split, control labels and batch order' },
    { name: 'words', kind: 'int', min: 10, default: String(DEFAULT_PROBE_WORDS), help: 'probe the N most frequent tagged words of the file' },
    { name: 'tags', kind: 'string', valueName: 'FILE', help: 'a { classes, words } JSON lexicon (default: Brown\'s, public/corpora/brown-pos.json)' },
    { name: 'json', kind: 'flag', help: 'print one JSON object instead of a report' },
    { name: 'quiet', kind: 'flag', help: 'no progress lines' },
  ],
  examples: ['npm run cli -- probe --vectors brown-sg100', 'npm run cli -- probe --vectors glove.txt --seeds 10 --json'],
};

export interface ProbeSummary extends ProbeReport {
  command: 'probe';
  vectors: string;
  tags: string;
  /** Words in the vectors file, and how many of the first ones were looked at to find the tagged ones. */
  fileWords: number;
  considered: number;
}

export async function runProbeCommand(argv: readonly string[], log: (line: string) => void): Promise<{ summary: ProbeSummary; json: boolean } | 'help'> {
  const o = parseCommand(PROBE_SPEC, argv);
  if (o.help) return 'help';
  const quiet = o.quiet === true;
  let tagsPath: string;
  if (typeof o.tags === 'string') tagsPath = userPath(o.tags);
  else {
    ensureMapData({ log: quiet ? undefined : log });
    tagsPath = join(CORPORA_DIR, 'brown-pos.json');
  }
  if (!existsSync(tagsPath)) throw new CliError(`tag lexicon not found: ${tagsPath}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(tagsPath, 'utf8'));
  } catch (e) {
    throw new CliError(`${basename(tagsPath)} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const lexicon = parseTagLexicon(json, basename(tagsPath));
  // A path, or a shipped set by its id (brown-sg100, brown-cbow100...), as the other commands take them.
  const vectorsPath = resolveVectors(o.vectors as string).path;
  const kv = await readVectorsFile(vectorsPath, { onInfo: (m) => log(`note: ${m}`) });
  const data = buildProbeDataset(kv, lexicon, o.words as number);
  if (data.words.length < 2 * lexicon.classes.length) {
    throw new CliError(`${basename(vectorsPath)}: only ${data.words.length} of its words are in ${basename(tagsPath)}; a probe needs at least ${2 * lexicon.classes.length}`);
  }
  if (!quiet) log(`probing ${data.words.length} tagged words (of the first ${data.considered} in ${basename(vectorsPath)}), ${lexicon.classes.length} classes`);
  const seedCount = o.seeds as number;
  const interrupt = watchInterrupt(log);
  const runs: ProbeSeedRun[] = [];
  try {
    for (let seed = 1; seed <= seedCount; seed++) {
      // Between seeds the event loop runs, so a Ctrl-C is seen within one seed's work (about a second).
      await new Promise((r) => setImmediate(r));
      if (interrupt.requested()) throw new InterruptedError(`after ${runs.length} of ${seedCount} seeds`);
      const r = runProbeSeed(data, seed);
      runs.push(r);
      if (!quiet) log(`seed ${seed}/${seedCount}: accuracy ${pct(r.accuracy)}, control ${pct(r.control)}, majority ${pct(r.majority)}`);
    }
  } finally {
    interrupt.dispose();
  }
  const report = summariseProbe(data, runs);
  return {
    summary: { command: 'probe', vectors: vectorsPath, tags: tagsPath, fileWords: kv.size, considered: data.considered, ...report },
    json: o.json === true,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const spread = (s: Spread) => `${pct(s.mean)} (${pct(s.min)} to ${pct(s.max)})`;
const pts = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;
/** Selectivity is a difference of two accuracies: in points, not a percentage. */
const points = (s: Spread) => `${pts(s.mean)} points (${pts(s.min)} to ${pts(s.max)})`;

/** The human-readable report. */
export function formatProbe(s: ProbeSummary): string {
  const lines = [
    `vectors: ${s.vectors}`,
    `words: ${s.words} tagged word types (${s.trainWords} to train, ${s.testWords} held out per seed); ${s.classes.length} classes; seeds ${s.seeds.join(', ')}`,
    `probe accuracy, held-out words: ${spread(s.accuracy)}   (training words ${spread(s.trainAccuracy)})`,
    `control task, held-out words:   ${spread(s.control)}   (training words ${spread(s.controlTrain)})`,
    `majority class:                 ${spread(s.majority)}`,
    `selectivity (probe - control):  ${points(s.selectivity)}`,
    s.beyondBaselines
      ? 'verdict: the probe beats the majority class and the control task on every seed.'
      : 'verdict: NOT beyond the baselines: some seed of the majority class or the control task reaches the probe\'s worst seed.',
    'held-out accuracy per class (mean over seeds):',
    ...s.perClass.filter((c) => c.testWords > 0).map((c) => `  ${c.name.padEnd(12)} ${pct(c.accuracy).padStart(6)} of ${c.testWords.toFixed(0)} words`),
  ];
  return lines.join('\n');
}
