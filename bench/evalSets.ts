// Which evaluation files the bench scores on: the project's own sets first (data/eval/analogies.txt and
// similarity.txt, restricted to words in Brown), then any other sets found in data/eval/ (standard benchmarks such as
// questions-words or WordSim-353, when data/eval/README.md says they are installed), classified by their content:
// analogy files have ": section" lines, similarity files have "word word number" rows. The lab's larger
// analogies-full.txt (30,000 questions) is scored only with --full-eval.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Lines read to tell an analogy file from a similarity file. */
const SNIFF_LINES = 50;

export interface EvalSets {
  analogies: string[];
  similarity: string[];
}

function kindOf(path: string): 'analogies' | 'similarity' | undefined {
  const lines = readFileSync(path, 'utf8').split('\n', SNIFF_LINES).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (lines.some((l) => l.startsWith(':'))) return 'analogies';
  const rows = lines.filter((l) => /^\S+\s+\S+\s+-?\d+(\.\d+)?$/.test(l));
  return rows.length >= lines.length / 2 && rows.length > 0 ? 'similarity' : undefined;
}

/** The "-full" variants of the lab's own sets: 8x the questions, so minutes of scoring per trainer; opt-in. */
const FULL_VARIANT = /-full\.[a-z]+$/;

export function extraEvalFiles(root: string, includeFull = false): EvalSets {
  const dir = join(root, 'data', 'eval');
  const sets: EvalSets = { analogies: [], similarity: [] };
  const own = { analogies: join(dir, 'analogies.txt'), similarity: join(dir, 'similarity.txt') };
  if (existsSync(own.analogies)) sets.analogies.push(own.analogies);
  if (existsSync(own.similarity)) sets.similarity.push(own.similarity);
  if (!existsSync(dir)) return sets;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (path === own.analogies || path === own.similarity || !/\.(txt|tsv|csv)$/.test(name)) continue;
    if (!includeFull && FULL_VARIANT.test(name)) continue;
    const kind = kindOf(path);
    if (kind) sets[kind].push(path);
  }
  return sets;
}
