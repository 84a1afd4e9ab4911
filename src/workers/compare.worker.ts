// Comparing two or three vector spaces off the main thread (a few seconds of arithmetic). Spaces come as shipped
// file URLs (the worker fetches and decodes them) or as vectors the page hands over. Called through comlink from
// src/ui/playgrounds/ComparePlayground.tsx; the page terminates the worker to cancel.
import { expose } from 'comlink';
import { compareSpaces, DEFAULT_COMPARE, type CompareResult } from '../core/align/compareSpaces';
import { parseSeedDictionary } from '../core/align/seedDictionary';
import { readCompact, readVectors } from '../core/vectors/formats';
import { KeyedVectors } from '../core/vectors/keyedVectors';

export type SpaceSource =
  | { url: string; name: string }
  | { words: string[]; vectors: Float32Array; dim: number; name: string }
  /** A vectors file of the user's, read here (any format the lab reads), first maxWords rows. */
  | { file: File; name: string; maxWords: number };

async function load(s: SpaceSource): Promise<KeyedVectors> {
  if ('words' in s) return new KeyedVectors(s.words, s.vectors, s.dim);
  if ('file' in s) return readVectors(s.file.stream(), { fileName: s.name, maxWords: s.maxWords });
  const r = await fetch(s.url);
  if (!r.ok) throw new Error(`Could not read ${s.name}: the server answered ${r.status}.`);
  return readCompact(new Uint8Array(await r.arrayBuffer()), { fileName: s.name }).kv;
}

const api = {
  /** `dictionary`: a file of word pairs (two languages); without it the spaces' shared words pair with themselves. */
  async compare(a: SpaceSource, b: SpaceSource, seeds: { a: SpaceSource; b: SpaceSource } | null, dictionary: File | null = null): Promise<CompareResult> {
    const pairs = dictionary ? parseSeedDictionary(await dictionary.text(), dictionary.name) : null;
    const [ka, kb, ka2, kb2] = await Promise.all([load(a), load(b), ...(seeds ? [load(seeds.a), load(seeds.b)] : [])]);
    return compareSpaces(ka!, kb!, ka2 && kb2 ? { a: ka2, b: kb2 } : null, DEFAULT_COMPARE, pairs);
  },
};

export type CompareApi = typeof api;

expose(api);
