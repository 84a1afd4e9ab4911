// A seed dictionary for cross-space retrieval: one pair per line, "source target" separated by spaces or a tab (the
// layout of the bilingual dictionaries published for cross-lingual embedding work), blank lines and lines starting
// with # skipped. With two languages' vectors, the pairs are translations; the map is learned on some of them and
// scored on the rest. A line that is not two words is an error naming the file and the line.
import type { DictionaryPair } from './crossSpace';

export class DictionaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DictionaryError';
  }
}

export function parseSeedDictionary(text: string, fileName: string): DictionaryPair[] {
  const pairs: DictionaryPair[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parts = line.split(/\s+/);
    if (parts.length !== 2) {
      throw new DictionaryError(`${fileName}:${i + 1}: expected two words (a word of space A and its counterpart in space B), found ${parts.length}: "${line.slice(0, 60)}"`);
    }
    const key = `${parts[0]}\t${parts[1]}`;
    if (seen.has(key)) return; // a repeated pair would count twice in the map's fit and in its score
    seen.add(key);
    pairs.push({ source: parts[0]!, target: parts[1]! });
  });
  if (pairs.length === 0) throw new DictionaryError(`${fileName}: no word pairs (one "source target" pair per line)`);
  return pairs;
}
