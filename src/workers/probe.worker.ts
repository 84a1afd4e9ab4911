// The part-of-speech probe off the page's main thread (a few seconds: two softmax probes per seed). Called through
// comlink by the lesson's probe widget; the page terminates the worker to cancel. The tag lexicon comes from the
// bundled corpora folder (public/corpora/brown-pos.json).
import { expose } from 'comlink';
import { buildProbeDataset, parseTagLexicon } from '../core/probe/probeData';
import { runProbe, type ProbeReport } from '../core/probe/runProbe';

const api = {
  async probe(
    baseUrl: string,
    words: string[],
    vectors: Float32Array,
    dim: number,
    o: { maxWords: number; seeds: number[] },
    onProgress: (done: number, total: number) => void,
  ): Promise<ProbeReport & { considered: number }> {
    const r = await fetch(new URL('corpora/brown-pos.json', baseUrl).href);
    if (!r.ok) throw new Error(`Could not read brown-pos.json: the server answered ${r.status}.`);
    let json: unknown;
    try {
      json = await r.json();
    } catch (e) {
      throw new Error(`brown-pos.json is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    const data = buildProbeDataset({ words, vectors, dim }, parseTagLexicon(json, 'brown-pos.json'), o.maxWords);
    return { ...runProbe(data, { seeds: o.seeds, onProgress }), considered: data.considered };
  },
};

export type ProbeApi = typeof api;

expose(api);
