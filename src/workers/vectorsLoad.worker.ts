// Parses vectors files and downloads off the main thread (see src/workers/vectorsLoad.ts for the reading itself).
// Called through comlink from src/ui/playgrounds/vectorIO.ts; each load gets a fresh worker, terminated when done
// or cancelled, so a cancel never waits for the parser to notice.
import { expose, transfer } from 'comlink';
import { parseProjectorFiles, parseVectors, type LoadProgress, type LoadRequest, type ParsedVectors } from './vectorsLoad';

function handBack(r: ParsedVectors): ParsedVectors {
  return transfer(r, [r.vectors.buffer]);
}

const api = {
  /** Answers once the worker's code is loaded: a download starts only then (see src/ui/playgrounds/vectorIO.ts). */
  ready(): true {
    return true;
  },
  /**
   * A download read on the page (which watches it for stalls), one chunk per `pull`. Not a transferred stream:
   * Chromium pipes a transferred stream across as fast as the network gives, ignoring the parser's pace, so a
   * 100 MB file was downloaded in full before the parser could say "enough" after 1,000 words.
   */
  async parseDownload(
    pull: () => Promise<Uint8Array | null>,
    cancel: () => Promise<void>,
    req: LoadRequest,
    onProgress: (p: LoadProgress) => void,
  ): Promise<ParsedVectors> {
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const chunk = await pull();
          if (chunk === null) controller.close();
          else controller.enqueue(chunk);
        },
        cancel: () => cancel(),
      },
      { highWaterMark: 0 },
    );
    return handBack(await parseVectors(body, req, onProgress));
  },
  /** One file the user chose; File objects are cloned cheaply (the bytes stay on disk until read). */
  async parseFile(file: File, req: LoadRequest, onProgress: (p: LoadProgress) => void): Promise<ParsedVectors> {
    return handBack(await parseVectors(file.stream() as ReadableStream<Uint8Array>, req, onProgress));
  },
  async parseProjector(vectors: File, metadata: File | undefined, maxWords: number, onProgress: (p: LoadProgress) => void): Promise<ParsedVectors> {
    return handBack(await parseProjectorFiles(vectors, metadata, maxWords, onProgress));
  },
};

export type VectorsLoadApi = typeof api;

expose(api);
