// Builds data/eval/analogies.txt and data/eval/similarity.txt from the facts in scripts/evalFacts.ts and the scored
// pairs in scripts/evalSimilarity.ts, keeping only words that occur at least MIN_COUNT times in the Brown corpus
// (public/corpora/brown.txt, built by `npm run corpora`), so vectors trained in the lab can be asked every question.
// Run: npx tsx scripts/buildEvalSets.ts   (deterministic: the same inputs give byte-identical files)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEMANTIC, SYNTACTIC, type Section } from './evalFacts';
import { SIMILARITY_PAIRS, SIMILARITY_RUBRIC } from './evalSimilarity';

/** word2vec's default min_count: rarer words get no vector, so questions about them could never be asked. */
const MIN_COUNT = 5;
/**
 * analogies.txt keeps the MAX_PAIRS most frequent pairs of each section (at most 20 x 19 = 380 questions), so that
 * scoring Brown-sized vectors takes seconds in a browser tab; analogies-full.txt keeps every pair the facts allow.
 */
const MAX_PAIRS = 20;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BROWN = join(ROOT, 'public/corpora/brown.txt');
const OUT = join(ROOT, 'data/eval');

function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

function pairsOf(section: Section): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const item of section.pairs.split(',')) {
    const words = item.trim().split(/\s+/);
    if (words.length !== 2) throw new Error(`${section.name}: "${item.trim()}" is not a pair`);
    const key = words.join(' ');
    if (!seen.has(key)) out.push([words[0]!, words[1]!]);
    seen.add(key);
  }
  return out;
}

/** Every ordered pair of distinct pairs, as Mikolov et al. built questions-words.txt; a question whose two pairs
 * share their first word ("x y1 x y2") is left out since it has two right answers. */
function questionsOf(pairs: [string, string][]): string[] {
  const out: string[] = [];
  for (const [a, b] of pairs) for (const [c, d] of pairs) if (a !== c) out.push(`${a} ${b} ${c} ${d}`);
  return out;
}

function main(): void {
  if (!existsSync(BROWN)) throw new Error(`${BROWN} is missing: run \`npm run corpora\` first`);
  const counts = countWords(readFileSync(BROWN, 'utf8'));
  const known = (w: string): boolean => (counts.get(w) ?? 0) >= MIN_COUNT;

  const rarer = ([x, y]: [string, string]): number => Math.min(counts.get(x) ?? 0, counts.get(y) ?? 0);
  const full: string[] = [];
  const capped: string[] = [];
  let fullTotal = 0;
  let cappedTotal = 0;
  for (const section of [...SEMANTIC, ...SYNTACTIC]) {
    const listed = pairsOf(section);
    const kept = listed.filter(([x, y]) => known(x) && known(y));
    // Most frequent first (by the rarer word; ties keep the listed order, since sort is stable).
    const frequent = [...kept].sort((p, q) => rarer(q) - rarer(p)).slice(0, MAX_PAIRS);
    const all = questionsOf(kept);
    const some = questionsOf(frequent);
    if (all.length === 0) {
      console.log(`${section.name}: ${kept.length} of ${listed.length} pairs in Brown, no questions; section left out`);
      continue;
    }
    full.push(`: ${section.name}`, ...all);
    capped.push(`: ${section.name}`, ...some);
    fullTotal += all.length;
    cappedTotal += some.length;
    console.log(`${section.name}: ${kept.length} of ${listed.length} pairs in Brown -> ${all.length} questions (${some.length} in analogies.txt)`);
  }
  writeFileSync(join(OUT, 'analogies.txt'), `${capped.join('\n')}\n`);
  writeFileSync(join(OUT, 'analogies-full.txt'), `${full.join('\n')}\n`);
  console.log(`analogies.txt: ${cappedTotal} questions; analogies-full.txt: ${fullTotal} questions`);

  const problems: string[] = [];
  const seenPairs = new Set<string>();
  const rows: string[] = [];
  SIMILARITY_PAIRS.trim()
    .split('\n')
    .forEach((line, i) => {
      const [a, b, s, ...rest] = line.trim().split(/\s+/);
      const score = Number(s);
      if (!a || !b || rest.length > 0 || !(score >= 0 && score <= 10)) problems.push(`pair ${i + 1}: "${line}" is not "word word score(0-10)"`);
      for (const w of [a, b]) if (w && !known(w)) problems.push(`pair ${i + 1}: "${w}" occurs ${counts.get(w) ?? 0} times in Brown`);
      const key = [a, b].sort().join(' ');
      if (seenPairs.has(key)) problems.push(`pair ${i + 1}: "${a} ${b}" is listed twice`);
      seenPairs.add(key);
      rows.push(`${a}\t${b}\t${score.toFixed(1)}`);
    });
  if (problems.length > 0) throw new Error(`similarity pairs need fixing:\n${problems.join('\n')}`);
  const header = [
    '# Embedding Lab word-similarity set: word1<TAB>word2<TAB>score, scores 0-10 assigned by meaning, pair by pair.',
    `# Every word occurs at least ${MIN_COUNT} times in the Brown corpus. Rubric:`,
    ...SIMILARITY_RUBRIC.map((r) => `#   ${r}`),
    '# Generated by scripts/buildEvalSets.ts from scripts/evalSimilarity.ts; see data/eval/README.md.',
  ];
  writeFileSync(join(OUT, 'similarity.txt'), `${[...header, ...rows].join('\n')}\n`);
  console.log(`similarity.txt: ${rows.length} pairs`);
}

main();
