// "Load URL"'s network half (src/ui/playgrounds/urlDownload.ts): which addresses are refused and why, and the watch
// that turns a server that stops sending into a StalledError instead of a load that never ends.
import { describe, expect, it } from 'vitest';
import { checkVectorsUrl, fileNameOf, StalledError, watchForStalls } from '../../src/ui/playgrounds/urlDownload';

const BASE = 'http://127.0.0.1:4173/index.html';

describe('checkVectorsUrl', () => {
  it('accepts http, https and addresses relative to the page', () => {
    for (const ok of ['https://example.org/v.vec', 'http://localhost:8000/glove.txt', 'vectors/my.txt']) {
      expect(checkVectorsUrl(ok, BASE)).toHaveProperty('url');
    }
  });
  it('refuses ftp: and javascript: as unsupported schemes, not as CORS trouble', () => {
    for (const bad of ['ftp://example.org/v.vec', 'javascript:alert(1)', 'file:///home/me/v.vec', 'data:text/plain,a 1']) {
      const r = checkVectorsUrl(bad, BASE);
      expect('error' in r && r.error).toMatch(/addresses are not supported: .*only over http: or https:/);
      expect('error' in r && r.error).not.toMatch(/CORS/);
    }
  });
  it('asks for an address when there is none', () => {
    expect(checkVectorsUrl('   ', BASE)).toEqual({ error: 'Type the address of a vectors file first.' });
  });
  it('names the file from the path', () => {
    expect(fileNameOf(new URL('https://h.org/a/wiki%20news.vec?x=1'))).toBe('wiki news.vec');
    expect(fileNameOf(new URL('https://h.org/'))).toBe('h.org');
  });
});

describe('watchForStalls', () => {
  it('passes the bytes through and closes with the source', async () => {
    const src = new Blob(['abc', 'def']).stream();
    const out = await new Response(watchForStalls(src, 1000, () => undefined)).text();
    expect(out).toBe('abcdef');
  });

  it('errors with StalledError and cancels the source when no byte comes', async () => {
    let cancelled = false;
    let sent = false;
    const src = new ReadableStream<Uint8Array>({
      pull(c) {
        if (!sent) {
          sent = true;
          c.enqueue(new Uint8Array([1, 2, 3]));
        }
        return new Promise(() => undefined); // then never again
      },
      cancel() {
        cancelled = true;
      },
    });
    let stalls = 0;
    const reader = watchForStalls(src, 50, () => stalls++).getReader();
    expect((await reader.read()).value).toEqual(new Uint8Array([1, 2, 3]));
    const err = await reader.read().then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(StalledError);
    expect(stalls).toBe(1);
    expect(cancelled).toBe(true);
  });

  it('cancelling the watched stream cancels the download', async () => {
    let cancelled = false;
    const src = new ReadableStream<Uint8Array>({ pull: (c) => c.enqueue(new Uint8Array(10)), cancel: () => void (cancelled = true) });
    const reader = watchForStalls(src, 1000, () => undefined).getReader();
    await reader.read();
    await reader.cancel();
    expect(cancelled).toBe(true);
  });
});
