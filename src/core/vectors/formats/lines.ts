// Byte sources and an incremental line decoder. Input arrives as chunks (a whole Uint8Array is cut into slices),
// lines are split on the byte 0x0A, which never occurs inside a UTF-8 multi-byte character, so each run of whole
// lines is decoded in one call and a chunk boundary may fall anywhere: inside a character, a number or a word.
// Only the current chunk and one partial line are held, never the whole text.
import { MAX_LINE_BYTES, VectorFormatError } from './errors';

export type ByteInput = Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface ReadControl {
  fileName?: string;
  onProgress?: (bytesRead: number) => void;
  signal?: AbortSignal;
}

/** A whole Uint8Array is handed on in slices of this size so progress, abort and decoding stay incremental. */
export const SLICE_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const BOM = '\ufeff';

function isReadableStream(x: ByteInput): x is ReadableStream<Uint8Array> {
  return typeof (x as ReadableStream<Uint8Array>).getReader === 'function';
}

/** Chunks of the input, reporting progress and honouring the abort signal; stopping early cancels the source. */
export async function* chunksOf(input: ByteInput, control: ReadControl = {}): AsyncGenerator<Uint8Array> {
  const { signal, onProgress } = control;
  let bytesRead = 0;
  const report = (chunk: Uint8Array): void => {
    bytesRead += chunk.length;
    onProgress?.(bytesRead);
  };
  signal?.throwIfAborted();
  if (input instanceof Uint8Array) {
    for (let start = 0; start < input.length; start += SLICE_BYTES) {
      const chunk = input.subarray(start, start + SLICE_BYTES);
      report(chunk);
      yield chunk;
      signal?.throwIfAborted();
    }
    return;
  }
  if (isReadableStream(input)) {
    const reader = input.getReader();
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          finished = true;
          return;
        }
        report(value);
        yield value;
        signal?.throwIfAborted();
      }
    } finally {
      if (!finished) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  }
  for await (const chunk of input) {
    report(chunk);
    yield chunk;
    signal?.throwIfAborted();
  }
}

/** A chunk source whose first bytes can be looked at (for format detection) before reading starts. */
export class PeekableChunks {
  private readonly buffered: Uint8Array[] = [];
  private readonly it: AsyncIterator<Uint8Array>;
  private exhausted = false;

  constructor(chunks: AsyncIterable<Uint8Array>) {
    this.it = chunks[Symbol.asyncIterator]();
  }

  /** Up to n first bytes (fewer when the input is shorter). */
  async peek(n: number): Promise<Uint8Array> {
    let have = this.buffered.reduce((s, c) => s + c.length, 0);
    while (have < n && !this.exhausted) {
      const r = await this.it.next();
      if (r.done) this.exhausted = true;
      else {
        this.buffered.push(r.value);
        have += r.value.length;
      }
    }
    return concatBytes(this.buffered, Math.min(n, have));
  }

  async *chunks(): AsyncGenerator<Uint8Array> {
    try {
      while (this.buffered.length > 0) yield this.buffered.shift()!;
      while (!this.exhausted) {
        const r = await this.it.next();
        if (r.done) {
          this.exhausted = true;
          return;
        }
        yield r.value;
      }
    } finally {
      // Stopping early (maxWords, an error) stops the underlying read as well.
      if (!this.exhausted) await this.it.return?.();
    }
  }
}

export function concatBytes(parts: readonly Uint8Array[], limit = Infinity): Uint8Array {
  const total = Math.min(
    limit,
    parts.reduce((s, c) => s + c.length, 0),
  );
  if (parts.length === 1 && parts[0]!.length === total) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    if (at >= total) break;
    const take = Math.min(p.length, total - at);
    out.set(take === p.length ? p : p.subarray(0, take), at);
    at += take;
  }
  return out;
}

/**
 * Calls onLine for every line (without its "\n" or a trailing "\r"), numbered from 1. onLine returns false to stop,
 * which also stops reading. Invalid UTF-8 is reported with its line number.
 */
export async function forEachLine(
  chunks: AsyncIterable<Uint8Array>,
  fileName: string | undefined,
  onLine: (line: string, lineNo: number) => boolean | void,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let lineNo = 0;
  let partial: Uint8Array[] = [];
  let partialBytes = 0;

  const decodeLines = (bytes: Uint8Array): string[] => {
    try {
      return decoder.decode(bytes).split('\n');
    } catch {
      // Find the offending line so that the message can name it.
      let start = 0;
      let at = lineNo;
      for (;;) {
        at++;
        const end = bytes.indexOf(NEWLINE, start);
        const line = bytes.subarray(start, end < 0 ? bytes.length : end);
        try {
          decoder.decode(line);
        } catch {
          throw new VectorFormatError('not valid UTF-8 text (is this a binary file?)', { fileName, line: at });
        }
        if (end < 0) throw new VectorFormatError('not valid UTF-8 text', { fileName, line: at });
        start = end + 1;
      }
    }
  };

  // Returns false when the consumer asked to stop.
  const emit = (lines: string[]): boolean => {
    for (let line of lines) {
      lineNo++;
      if (lineNo === 1 && line.startsWith(BOM)) line = line.slice(1);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (onLine(line, lineNo) === false) return false;
    }
    return true;
  };

  for await (const chunk of chunks) {
    const last = chunk.lastIndexOf(NEWLINE);
    if (last < 0) {
      partial.push(chunk.slice());
      partialBytes += chunk.length;
      if (partialBytes > MAX_LINE_BYTES) {
        throw new VectorFormatError(`line is longer than ${MAX_LINE_BYTES / 2 ** 20} MiB: not a vectors file?`, {
          fileName,
          line: lineNo + 1,
        });
      }
      continue;
    }
    const head = chunk.subarray(0, last);
    const segment = partial.length > 0 ? concatBytes([...partial, head]) : head;
    partial = [];
    partialBytes = 0;
    if (!emit(decodeLines(segment))) return;
    if (last + 1 < chunk.length) {
      partial.push(chunk.slice(last + 1));
      partialBytes = chunk.length - last - 1;
    }
  }
  if (partialBytes > 0) emit(decodeLines(concatBytes(partial)));
}
