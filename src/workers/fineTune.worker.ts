// Lesson 06's fine-tuning off the main thread: continue the shipped Brown skip-gram model on the most recent State of
// the Union sentences twice - with its output vectors kept (public/vectors/brown-sg100-output.elv) and with them
// reset to zero - and hand both spaces back. Called through comlink from the lesson widget, which terminates the
// worker to cancel.
import { expose, transfer, type ProxyOrClone } from 'comlink';
import { fineTuneOnText, lastSentences, SOTU_FINE_TUNE, SOTU_RECENT_SENTENCES, type FineTuneOutcome } from '../core/train/fineTuneText';
import { readCompact } from '../core/vectors/formats';


export interface FineTuneArm {
  vectors: Float32Array;
  firstLoss: number;
  lastLoss: number;
}

export interface FineTuneRun {
  words: string[];
  dim: number;
  /** Rows of the Brown model (the words of `words` it knows, first). */
  brownWords: number;
  before: Float32Array;
  kept: FineTuneArm;
  reset: FineTuneArm;
  newWords: number;
  textWords: number;
  sentences: number;
}

async function fetchOk(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`Could not read ${url.split('/').pop()}: the server answered ${r.status}.`);
  return r;
}

const api = {
  async run(baseUrl: string, onProgress: ProxyOrClone<(arm: 'kept' | 'reset', fraction: number) => void>): Promise<FineTuneRun> {
    const [inputBytes, outputBytes, sotu] = await Promise.all([
      fetchOk(new URL('vectors/brown-sg100.elv', baseUrl).href).then((r) => r.arrayBuffer()),
      fetchOk(new URL('vectors/brown-sg100-output.elv', baseUrl).href).then((r) => r.arrayBuffer()),
      fetchOk(new URL('corpora/sotu.txt', baseUrl).href).then((r) => r.text()),
    ]);
    const input = readCompact(new Uint8Array(inputBytes), { fileName: 'brown-sg100.elv' }).kv;
    const output = readCompact(new Uint8Array(outputBytes), { fileName: 'brown-sg100-output.elv' }).kv;
    const { text, sentences } = lastSentences(sotu, SOTU_RECENT_SENTENCES);
    const arm = async (name: 'kept' | 'reset'): Promise<FineTuneOutcome> =>
      fineTuneOnText(input, text, { output: name === 'kept' ? output.vectors : null, config: SOTU_FINE_TUNE, onProgress: (f) => void onProgress(name, f) });
    const kept = await arm('kept');
    const reset = await arm('reset');
    const before = new Float32Array(kept.vectors.size * input.dim);
    before.set(input.vectors);
    const result: FineTuneRun = {
      words: [...kept.vectors.words],
      dim: input.dim,
      brownWords: input.size,
      before,
      kept: { vectors: kept.vectors.vectors, firstLoss: kept.firstLoss, lastLoss: kept.lastLoss },
      reset: { vectors: reset.vectors.vectors, firstLoss: reset.firstLoss, lastLoss: reset.lastLoss },
      newWords: kept.newWords.length,
      textWords: kept.textWords.length,
      sentences,
    };
    return transfer(result, [result.before.buffer, result.kept.vectors.buffer, result.reset.vectors.buffer]);
  },
};

export type FineTuneApi = typeof api;

expose(api);
