// The parsing half of a vectors load (src/workers/vectorsLoad.ts): it stops reading at the word limit and cancels the
// source, counts bytes and lines, and refuses a web page with a sentence instead of "<!DOCTYPE is not a number".
import { describe, expect, it } from 'vitest';
import { looksLikeHtml, parseVectors } from '../../src/workers/vectorsLoad';

const DIM = 4;
const row = (i: number) => `w${i} ${Array.from({ length: DIM }, (_, k) => ((i + k) % 7) / 10).join(' ')}\n`;

/** An endless GloVe-style file that records how much of it was pulled and whether it was cancelled. */
function endlessRows(rowsPerChunk = 100) {
  const state = { pulled: 0, bytes: 0, cancelled: false };
  const enc = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = '';
      for (let k = 0; k < rowsPerChunk; k++) text += row(state.pulled * rowsPerChunk + k);
      state.pulled++;
      const bytes = enc.encode(text);
      state.bytes += bytes.length;
      controller.enqueue(bytes);
    },
    cancel() {
      state.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, state };
}

describe('parseVectors', () => {
  it('stops at the word limit and cancels the source (an endless file ends)', async () => {
    const { stream, state } = endlessRows();
    const seen: { bytes: number; lines: number }[] = [];
    const r = await parseVectors(stream, { format: 'auto', maxWords: 5000, fileName: 'endless.txt' }, (p) => seen.push(p));
    expect(r.words.length).toBe(5000);
    expect(r.words[4999]).toBe('w4999');
    expect(r.truncated).toBe(true);
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(51); // 50 chunks hold 5,000 rows; at most one chunk of read-ahead
    const last = seen[seen.length - 1];
    expect(last.bytes).toBe(state.bytes);
    expect(last.lines).toBe(state.pulled * 100);
  });

  it('reads a whole small file and reports the duplicate word by name', async () => {
    const text = `3 ${DIM}\n${row(0)}${row(1)}${row(0)}`;
    const r = await parseVectors(new Blob([text]).stream(), { format: 'auto', maxWords: 10, fileName: 'dup.txt' });
    expect(r.words).toEqual(['w0', 'w1']);
    expect(r.vectors.length).toBe(2 * DIM);
    expect(r.notes.join(' ')).toMatch(/w0/);
  });

  it('refuses an HTML page served as a vectors file, naming it', async () => {
    const page = '<!DOCTYPE html>\n<html><head><title>Not found</title></head><body>404</body></html>\n';
    await expect(parseVectors(new Blob([page]).stream(), { format: 'auto', maxWords: 10, fileName: 'vectors.txt' })).rejects.toThrow(
      /vectors\.txt is an HTML page, not a vectors file/,
    );
  });
});

describe('looksLikeHtml', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('knows web pages from vectors files', () => {
    expect(looksLikeHtml(enc('  <html lang="en"><body>'))).toBe(true);
    expect(looksLikeHtml(enc('\ufeff<!doctype HTML>'))).toBe(true);
    expect(looksLikeHtml(enc('2 3\n<b>x</b> 1 2 3\n'))).toBe(false);
  });
});
