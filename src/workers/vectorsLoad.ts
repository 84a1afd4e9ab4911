// Reading a vectors file or a downloaded stream into numbers, the part of a load that costs seconds for a big set
// (200,000 words x 300 numbers is 60 million numbers to parse). It runs inside src/workers/vectorsLoad.worker.ts so
// the page keeps drawing; nothing here touches the DOM, so unit tests call it directly in Node.
import { readProjectorTsv, readVectorsWithInfo, type VectorFormat } from '../core/vectors/formats';

export type LoadFormat = 'auto' | Exclude<VectorFormat, 'compact'>;

export interface LoadRequest {
  format: LoadFormat;
  maxWords: number;
  fileName: string;
}

/** What a load has read so far: bytes from the source, and lines (rows of a text format) among them. */
export interface LoadProgress {
  bytes: number;
  lines: number;
}

/** The parsed set in plain, transferable parts (a KeyedVectors is rebuilt on the page). */
export interface ParsedVectors {
  words: string[];
  vectors: Float32Array;
  dim: number;
  format: VectorFormat;
  truncated: boolean;
  /** Facts worth telling the user that are not errors ("skipped 1 duplicate word: bank"). */
  notes: string[];
}

const NEWLINE = 0x0a;
/** How much of the start of a file is looked at for an HTML page (a doctype or an <html> tag comes first). */
const HTML_SNIFF_BYTES = 512;
const HTML_START = /^(?:\ufeff)?\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<!--)/i;

/**
 * True when the bytes start like a web page. A server that answers a wrong address with its home page, or a link
 * to a download page instead of the file, otherwise gets "<!DOCTYPE is not a number" from the parser.
 */
export function looksLikeHtml(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(head.subarray(0, HTML_SNIFF_BYTES));
  return HTML_START.test(text);
}

export class NotVectorsError extends Error {
  constructor(fileName: string) {
    super(`${fileName} is an HTML page, not a vectors file: check the address or the file (a download page is not the file itself).`);
    this.name = 'NotVectorsError';
  }
}

/** Progress is sent at most this often: a message per 64 KiB chunk would flood the page during a fast local read. */
export const PROGRESS_INTERVAL_MS = 100;

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) n++;
  return n;
}

/**
 * Passes the chunks on, counting bytes and lines and reporting them now and then (and once at the end). Stopping
 * early (the word limit, an error) returns this generator, which cancels the source: for a download, the
 * connection closes and the rest of the file is never sent.
 */
async function* counted(
  source: ReadableStream<Uint8Array>,
  fileName: string,
  onProgress: (p: LoadProgress) => void,
): AsyncGenerator<Uint8Array> {
  const reader = source.getReader();
  const p: LoadProgress = { bytes: 0, lines: 0 };
  let last = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      if (p.bytes === 0 && looksLikeHtml(value)) throw new NotVectorsError(fileName);
      p.bytes += value.length;
      p.lines += countNewlines(value);
      const now = Date.now();
      if (now - last >= PROGRESS_INTERVAL_MS) {
        last = now;
        onProgress({ ...p });
      }
      yield value;
    }
  } finally {
    onProgress({ ...p });
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Parses one vectors source (a file, or the body of a download) up to the word limit. */
export async function parseVectors(
  source: ReadableStream<Uint8Array>,
  req: LoadRequest,
  onProgress: (p: LoadProgress) => void = () => undefined,
): Promise<ParsedVectors> {
  const notes: string[] = [];
  const r = await readVectorsWithInfo(counted(source, req.fileName, onProgress), {
    format: req.format,
    maxWords: req.maxWords,
    fileName: req.fileName,
    onInfo: (m) => notes.push(m),
  });
  return { words: [...r.kv.words], vectors: r.kv.vectors, dim: r.kv.dim, format: r.format, truncated: r.truncated, notes };
}

/** The Embedding Projector's pair: vectors.tsv and, optionally, metadata.tsv with the labels. */
export async function parseProjectorFiles(
  vectors: File,
  metadata: File | undefined,
  maxWords: number,
  onProgress: (p: LoadProgress) => void = () => undefined,
): Promise<ParsedVectors> {
  const notes: string[] = [];
  const metaBytes = metadata ? new Uint8Array(await metadata.arrayBuffer()) : undefined;
  const r = await readProjectorTsv(counted(vectors.stream() as ReadableStream<Uint8Array>, vectors.name, onProgress), metaBytes, {
    maxWords,
    fileName: vectors.name,
    metadataFileName: metadata?.name,
    onInfo: (m) => notes.push(m),
  });
  return { words: [...r.kv.words], vectors: r.kv.vectors, dim: r.kv.dim, format: r.format, truncated: r.truncated, notes };
}
