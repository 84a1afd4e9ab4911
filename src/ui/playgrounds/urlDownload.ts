// The network half of "Load URL": which addresses are accepted, and a watch on the download that notices a server
// that stops sending. The parsing half runs in a worker (src/workers/vectorsLoad.worker.ts) and, by cancelling the
// stream once the word limit is reached, closes the connection: the rest of a 1 GB file is never downloaded.

/**
 * A download that receives no byte for this long is given up with a message. Long enough for a slow server to send
 * its first bytes (big static files start within a second or two), short enough that a stuck load is not mistaken
 * for a slow one by a student watching the progress bar.
 */
export const STALL_TIMEOUT_MS = 15_000;

/** The schemes fetch can read a vectors file from; anything else (ftp:, javascript:, data:, file:) is refused. */
const SUPPORTED_SCHEMES = ['http:', 'https:'];

/** The address to fetch, or a sentence saying why it cannot be used. */
export function checkVectorsUrl(typed: string, base: string): { url: URL } | { error: string } {
  const text = typed.trim();
  if (text === '') return { error: 'Type the address of a vectors file first.' };
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return { error: `"${text}" is not a valid address.` };
  }
  if (!SUPPORTED_SCHEMES.includes(url.protocol)) {
    return {
      error: `"${url.protocol}" addresses are not supported: the lab can download vectors only over http: or https:. For a file on your computer, use "Vectors file" instead.`,
    };
  }
  return { url };
}

/** The last path segment, for labels and messages ("wiki-news-300d-1M.vec"). */
export function fileNameOf(url: URL): string {
  return decodeURIComponent(url.pathname.split('/').pop() || '') || url.hostname || 'vectors';
}

export class StalledError extends Error {
  constructor(readonly waitedMs: number) {
    super(`the server sent nothing for ${Math.round(waitedMs / 1000)} seconds`);
    this.name = 'StalledError';
  }
}

/**
 * The same bytes as `body`, but a read that waits longer than `stallMs` cancels the download and errors the stream
 * with a StalledError. Reads happen only when the consumer asks (pull), so a busy parser is never taken for a
 * stalled server. Cancelling the returned stream (the parser reached the word limit) cancels the download.
 */
export function watchForStalls(body: ReadableStream<Uint8Array>, stallMs: number, onStall: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const stalled = new Promise<'stalled'>((resolve) => {
          timer = setTimeout(() => resolve('stalled'), stallMs);
        });
        try {
          const r = await Promise.race([reader.read(), stalled]);
          if (r === 'stalled') {
            onStall();
            reader.cancel().catch(() => undefined);
            controller.error(new StalledError(stallMs));
          } else if (r.done) controller.close();
          else controller.enqueue(r.value);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    // No read-ahead: bytes are fetched only as fast as the parser takes them, so stopping stops the download.
    { highWaterMark: 0 },
  );
}

/** "3.2 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1e3) return `${bytes} bytes`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}
