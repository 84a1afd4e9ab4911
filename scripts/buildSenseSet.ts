// Builds data/senses/senses.json: occurrences of ambiguous words in the bundled corpora, each with the sense we
// assigned by reading its sentence. The sentences are picked deterministically (every line of Brown, then SOTU,
// that holds the word as a token and has 6-30 words, shuffled with a seed per word, the first 20 taken); the sense
// labels are written in SENSES below by hand, keyed by corpus and line, so that a change in the corpora that picks
// other lines stops the build instead of mislabelling them.
//   npx tsx scripts/buildSenseSet.ts            (writes the file)
//   npx tsx scripts/buildSenseSet.ts --list     (prints the picked lines, for labelling)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize } from '../src/core/text/tokenize';
import { Rng } from '../src/core/train/rng';
import { SENSE_LABELS } from './senseLabels';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SENSE_SET_FILE = join('data', 'senses', 'senses.json');
export const OCCURRENCES_PER_WORD = 20;
/** Sentence lengths kept: enough context to judge the sense, short enough for the model's 32-word window. */
const MIN_WORDS = 6;
const MAX_WORDS = 30;
const CORPORA = ['brown', 'sotu'] as const;

interface Line {
  key: string;
  text: string;
  tokens: string[];
}

function linesWith(word: string): Line[] {
  const out: Line[] = [];
  for (const c of CORPORA) {
    readFileSync(join(ROOT, 'public', 'corpora', `${c}.txt`), 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const tokens = tokenize(text);
        if (tokens.length >= MIN_WORDS && tokens.length <= MAX_WORDS && tokens.includes(word)) out.push({ key: `${c}:${i + 1}`, text: text.trim(), tokens });
      });
  }
  return out;
}

/** The picked lines of one word: a seeded shuffle (seed = the word's letters) of all its lines, first 20. */
export function pickLines(word: string): Line[] {
  const all = linesWith(word);
  const rng = new Rng([...word].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 7));
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, OCCURRENCES_PER_WORD);
}

const list = process.argv.includes('--list');
const words = Object.keys(SENSE_LABELS);
const out = [];
for (const word of words) {
  const entry = SENSE_LABELS[word]!;
  const picked = pickLines(word);
  if (list) {
    console.log(`== ${word}`);
    for (const l of picked) console.log(`'${l.key}': '', // ${l.text}`);
    continue;
  }
  const occurrences = picked.map((l) => {
    const sense = entry.labels[l.key];
    if (!sense || !(sense in entry.senses)) throw new Error(`${word}: line ${l.key} has no sense label (or an unknown one) in scripts/senseLabels.ts: "${l.text}"`);
    return { source: l.key, sentence: l.text, tokens: l.tokens, position: l.tokens.indexOf(word), sense };
  });
  out.push({ word, senses: entry.senses, occurrences });
}
if (!list) {
  const file = {
    about: 'Occurrences of ambiguous words in the bundled corpora (Brown, SOTU), each labelled with its sense by the project, by reading the sentence. Built by scripts/buildSenseSet.ts.',
    words: out,
  };
  writeFileSync(join(ROOT, SENSE_SET_FILE), JSON.stringify(file, null, 1) + '\n');
  console.log(`wrote ${SENSE_SET_FILE}: ${out.length} words x ${OCCURRENCES_PER_WORD} occurrences`);
}
