// Part of speech for the map's "colour by part of speech": the Brown corpus is tagged (`word/tag`, 87 tags plus
// suffixes), and each word gets the coarse class of the tag it carries most often. Written to
// public/corpora/brown-pos.json by scripts/buildCorpora.ts; the words are normalised by the trainer's own tokenizer,
// so that they match the words on the map.
import { tokenize } from '../src/core/text/tokenize';

/** The coarse classes, in legend order. */
export const POS_CLASSES = [
  'noun',
  'proper noun',
  'verb',
  'adjective',
  'adverb',
  'pronoun',
  'determiner',
  'preposition',
  'conjunction',
  'number',
  'other',
] as const;
export type PosClass = (typeof POS_CLASSES)[number];

/**
 * Brown tag -> coarse class. Tags carry suffixes (-tl title, -hl headline, -nc cited, fw- foreign word, * negation)
 * and contractions join two tags with + ("pps+bez", it's): the first part is the word's own class.
 * Prefixes are matched longest first.
 */
const PREFIX_CLASS: [string, PosClass][] = [
  ['np', 'proper noun'],
  ['nr', 'noun'], // adverbial nouns: home, today, west
  ['nn', 'noun'],
  ['vb', 'verb'],
  ['be', 'verb'],
  ['do', 'verb'],
  ['hv', 'verb'],
  ['md', 'verb'], // modals: can, would
  ['jj', 'adjective'],
  ['wrb', 'adverb'],
  ['rb', 'adverb'],
  ['rn', 'adverb'],
  ['rp', 'adverb'], // particles: up, out
  ['ql', 'adverb'], // qualifiers: very, too
  ['wql', 'adverb'],
  ['pp', 'pronoun'], // pps, ppo, pp$, ppl ...
  ['wp', 'pronoun'],
  ['pn', 'pronoun'], // nominal pronouns: everybody, nothing
  ['ex', 'pronoun'], // existential there
  ['at', 'determiner'],
  ['ap', 'determiner'], // post-determiners: many, other, next
  ['abn', 'determiner'],
  ['abx', 'determiner'],
  ['abl', 'determiner'],
  ['dt', 'determiner'],
  ['wdt', 'determiner'],
  ['in', 'preposition'],
  ['cc', 'conjunction'],
  ['cs', 'conjunction'],
  ['cd', 'number'],
  ['od', 'number'],
].sort((a, b) => b[0].length - a[0].length) as [string, PosClass][];

/** The coarse class of one Brown tag ("nns-tl" -> noun, "fw-in" -> preposition, "pps+bez" -> pronoun). */
export function coarseTag(tag: string): PosClass {
  let t = tag.toLowerCase().split('+')[0]!;
  if (t === '*') return 'adverb'; // "not" and "n't" are tagged * alone
  if (t.startsWith('fw-')) t = t.slice(3);
  t = t.replace(/-(tl|hl|nc)\b/g, '').replace(/\*$/, '');
  for (const [prefix, cls] of PREFIX_CLASS) if (t.startsWith(prefix)) return cls;
  return 'other';
}

/** Counts of coarse classes per word, from lines of `word/tag` tokens. */
export function countTags(lines: Iterable<string>, into = new Map<string, Map<PosClass, number>>()): Map<string, Map<PosClass, number>> {
  for (const line of lines) {
    for (const token of line.trim().split(/\s+/)) {
      const slash = token.lastIndexOf('/');
      if (slash <= 0) continue;
      const words = tokenize(token.slice(0, slash));
      // A token the tokenizer splits ("mid-1961") or drops ("``") has no one word to tag.
      if (words.length !== 1) continue;
      const word = words[0]!;
      const cls = coarseTag(token.slice(slash + 1));
      let counts = into.get(word);
      if (!counts) into.set(word, (counts = new Map()));
      counts.set(cls, (counts.get(cls) ?? 0) + 1);
    }
  }
  return into;
}

/** Ties go to the class listed first in POS_CLASSES, so the result never depends on reading order. */
export function mostFrequentClass(counts: ReadonlyMap<PosClass, number>): PosClass {
  let best: PosClass = 'other';
  let bestCount = -1;
  for (const cls of POS_CLASSES) {
    const c = counts.get(cls) ?? 0;
    if (c > bestCount) {
      best = cls;
      bestCount = c;
    }
  }
  return best;
}

export interface PosFile {
  /** What the file is, for a person who opens it. */
  about: string;
  classes: readonly PosClass[];
  /** word -> index into classes. */
  words: Record<string, number>;
}

/** Words seen fewer times than this are left out: below the lab's min-count they are never on a map. */
export const POS_MIN_COUNT = 3;

export function posFile(counts: ReadonlyMap<string, ReadonlyMap<PosClass, number>>): PosFile {
  const words: Record<string, number> = {};
  for (const word of [...counts.keys()].sort()) {
    const c = counts.get(word)!;
    let total = 0;
    for (const n of c.values()) total += n;
    if (total < POS_MIN_COUNT) continue;
    words[word] = POS_CLASSES.indexOf(mostFrequentClass(c));
  }
  return {
    about: 'Each Brown word (seen 3+ times, lower-cased as the trainer reads it) with the coarse part of speech of its most frequent Brown tag. Built by scripts/buildCorpora.ts.',
    classes: POS_CLASSES,
    words,
  };
}
