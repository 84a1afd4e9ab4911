// Scores one set of vectors on every benchmark the lab has (src/core/scorecard), off the page's main thread: about
// half a minute of arithmetic. Called through comlink (src/ui/playgrounds/ScorecardPlayground.tsx); the page terminates
// the worker to cancel. The benchmark data comes with the app (the project's evaluation sets) or from the bundled
// corpora folder (Brown's text, its document index and its part-of-speech lexicon).
import { expose } from 'comlink';
import analogies from '../../data/eval/analogies.txt?raw';
import similarity from '../../data/eval/similarity.txt?raw';
import { parseTagLexicon } from '../core/probe/probeData';
import type { DocumentIndex } from '../core/search/documents';
import { runScorecard, type Scorecard, type ScorecardProgress } from '../core/scorecard/scorecard';
import { KeyedVectors } from '../core/vectors/keyedVectors';

async function fetchText(url: string): Promise<string> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`Could not read ${url.split('/').pop()}: the server answered ${r.status}.`);
  return r.text();
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

const api = {
  async score(
    baseUrl: string,
    name: string,
    words: string[],
    vectors: Float32Array,
    dim: number,
    onProgress: (p: ScorecardProgress) => void,
  ): Promise<Scorecard> {
    const at = (f: string) => new URL(`corpora/${f}`, baseUrl).href;
    const [brownText, indexText, posText] = await Promise.all([fetchText(at('brown.txt')), fetchText(at('brown-docs.json')), fetchText(at('brown-pos.json'))]);
    const inputs = {
      analogies,
      similarity,
      lexicon: parseTagLexicon(parseJson(posText, 'brown-pos.json'), 'brown-pos.json'),
      brownText,
      brownIndex: parseJson(indexText, 'brown-docs.json') as DocumentIndex,
    };
    return runScorecard(new KeyedVectors(words, vectors, dim), name, inputs, { onProgress });
  },
};

export type ScorecardApi = typeof api;

expose(api);
