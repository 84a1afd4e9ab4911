// The transfer curve off the main thread: cutting Brown into 500 labelled documents and training dozens of small
// classifiers takes a minute or more. Called through comlink from src/ui/playgrounds/TransferPlayground.tsx, which
// receives one progress report per finished run and terminates the worker to cancel (the curve is one synchronous
// computation, so terminating is the only way to stop it at once).
import { expose, type ProxyOrClone } from 'comlink';
import type { DocumentIndex } from '../core/search/documents';
import { brownGenreDocs } from '../core/transfer/brownDocs';
import { runTransferCurve, type TransferCurve, type TransferProgress } from '../core/transfer/transferCurve';
import { readCompact } from '../core/vectors/formats';

export type TransferStage = 'reading the corpus and the vectors' | 'training';

async function fetchOk(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`Could not read ${url.split('/').pop()}: the server answered ${r.status}.`);
  return r;
}

const api = {
  async run(
    baseUrl: string,
    vectorsFile: string,
    sizes: number[],
    seeds: number[],
    onProgress: ProxyOrClone<(p: TransferProgress) => void>,
  ): Promise<TransferCurve & { words: number }> {
    const [text, index, bytes] = await Promise.all([
      fetchOk(new URL('corpora/brown.txt', baseUrl).href).then((r) => r.text()),
      fetchOk(new URL('corpora/brown-docs.json', baseUrl).href).then((r) => r.json() as Promise<DocumentIndex>),
      fetchOk(new URL(`vectors/${vectorsFile}`, baseUrl).href).then((r) => r.arrayBuffer()),
    ]);
    const { kv } = readCompact(new Uint8Array(bytes), { fileName: vectorsFile });
    const curve = runTransferCurve(brownGenreDocs(text, index), kv, { sizes, seeds, onProgress: (p) => void onProgress(p) });
    return { ...curve, words: kv.size };
  },
};

export type TransferApi = typeof api;

expose(api);
