// A calibrated corpus for the model conformance suite: two groups of words (fruit, vehicles), each filling the slots
// of its own sentence frames between shared function words, two words of one group per sentence. Any model that
// learns from contexts puts each fruit nearer the other fruit than the vehicles: skip-gram and CBOW from the shared
// frames (words that can replace each other), GloVe from the words met together (it never sees the zero counts
// between groups, so frames alone leave it undecided on a corpus this small: it was measured, nn 5 of 10).
import { Rng } from '../../src/core/train/rng';

export const GROUPS = [
  ['apple', 'pear', 'plum', 'fig', 'kiwi'],
  ['car', 'bus', 'van', 'truck', 'bike'],
] as const;

const FRAMES = [
  ['i eat the X and a Y today', 'you eat a X or a Y', 'we peel the X after the Y', 'they eat a ripe X with a Y', 'she cuts the X and the Y slowly'],
  ['i drive the X and a Y today', 'you drive a X or a Y', 'we park the X after the Y', 'they drive a new X with a Y', 'she washes the X and the Y slowly'],
] as const;

/** `sentences` lines, each one frame of one group with two different words of it, drawn with a fixed seed. */
export function twoGroupCorpus(sentences = 800, seed = 11): string {
  const rng = new Rng(seed);
  const lines: string[] = [];
  for (let n = 0; n < sentences; n++) {
    const g = rng.nextInt(2);
    const frame = FRAMES[g]![rng.nextInt(FRAMES[g]!.length)]!;
    const words = GROUPS[g]!;
    const x = rng.nextInt(words.length);
    const y = (x + 1 + rng.nextInt(words.length - 1)) % words.length; // another word of the same group
    lines.push(frame.replace('X', words[x]!).replace('Y', words[y]!));
  }
  return lines.join('\n') + '\n';
}
