// "Load URL" against a tiny server started here (node:http on 127.0.0.1, a random port): a big file is read only up
// to the word limit (the server sees the connection close long before the end), a server that stops sending gets a
// clear message, a slow download can be cancelled, a web page is named as one, and the parsing runs in a worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launch, openPage } from './browser';

const DIM = 50;
const BIG_ROWS = 500_000; // about 100 MB of text
const STALL_AFTER_ROWS = 2_000;
const ROWS_PER_CHUNK = 500;

function rows(from: number, count: number): string {
  let s = '';
  for (let i = from; i < from + count; i++) {
    s += `w${i}`;
    for (let k = 0; k < DIM; k++) s += ` ${(((i * 31 + k * 7) % 97) / 97).toFixed(3)}`;
    s += '\n';
  }
  return s;
}

interface Sent {
  bytes: number;
  total: number;
  closedEarly: boolean;
  ended: boolean;
}

const sent: Record<string, Sent> = {};
let server: Server;
let origin = '';

/** Writes `count` rows in chunks, honouring backpressure, so `bytes` is what the client actually pulled (plus buffers). */
function stream(res: ServerResponse, name: string, count: number, then: 'end' | 'stall', pauseMs = 0) {
  const rec: Sent = { bytes: 0, total: 0, closedEarly: false, ended: false };
  sent[name] = rec;
  let next = 0;
  res.on('close', () => {
    if (!rec.ended) rec.closedEarly = true;
  });
  const pump = () => {
    while (next < count && !res.destroyed) {
      const chunk = Buffer.from(rows(next, Math.min(ROWS_PER_CHUNK, count - next)));
      next += ROWS_PER_CHUNK;
      rec.bytes += chunk.length;
      const more = res.write(chunk);
      if (pauseMs > 0) {
        setTimeout(pump, pauseMs);
        return;
      }
      if (!more) {
        res.once('drain', pump);
        return;
      }
    }
    if (then === 'end' && !res.destroyed) {
      rec.ended = true;
      res.end();
    }
    // 'stall': keep the connection open and send nothing more.
  };
  pump();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    if (path === '/big.txt') {
      // A header with the row count lets the page know the size; no content-length, as with compressed downloads.
      res.write(`${BIG_ROWS} ${DIM}\n`);
      stream(res, 'big', BIG_ROWS, 'end');
    } else if (path === '/stall.txt') {
      stream(res, 'stall', STALL_AFTER_ROWS, 'stall');
    } else if (path === '/slow.txt') {
      stream(res, 'slow', BIG_ROWS, 'end', 200);
    } else if (path === '/moved.txt') {
      res.end('<!DOCTYPE html>\n<html><head><title>Moved</title></head><body>The file moved.</body></html>\n');
    } else {
      res.statusCode = 404;
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
});

let browser: Browser;
afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

const LONG = 120_000;

async function openVectors(): Promise<{ page: Page; workers: string[]; close: () => Promise<void> }> {
  const { page, context } = await openPage(browser, '/#/playgrounds/vectors');
  page.setDefaultTimeout(LONG);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  // The shipped set loads first; wait so that its load does not race the URL load.
  await expect.poll(() => page.getByTestId('active-vectors').first().textContent(), { timeout: LONG }).not.toBe('none yet');
  return { page, workers, close: () => context.close() };
}

async function loadUrl(page: Page, url: string, limit: number) {
  await page.getByLabel('Word limit').fill(String(limit));
  await page.getByLabel('Vectors URL').fill(url);
  await page.getByRole('button', { name: 'Load URL' }).click();
}

describe('vectors from a URL', () => {
  it('stops downloading at the word limit, parsing in a worker', async () => {
    const { page, workers, close } = await openVectors();
    await loadUrl(page, `${origin}/big.txt`, 1000);
    await expect.poll(() => page.getByTestId('active-vectors').first().textContent(), { timeout: LONG }).toBe('big.txt (first 1,000 words)');
    await expect.poll(() => sent.big?.closedEarly, { timeout: LONG }).toBe(true);
    const total = rows(0, BIG_ROWS).length; // what a full download would have been
    // 1,000 rows are ~250 kB; socket and stream buffers add a few MB at most, against ~100 MB for the file.
    expect(sent.big.bytes).toBeLessThan(total / 10);
    expect(workers.some((u) => u.includes('vectorsLoad'))).toBe(true);
    await close();
  });

  it('gives up on a server that stops sending, with a message saying so', async () => {
    const { page, close } = await openVectors();
    await loadUrl(page, `${origin}/stall.txt`, 50_000);
    const alert = page.getByRole('alert').filter({ hasText: 'stall.txt' });
    await expect.poll(() => alert.textContent(), { timeout: LONG }).toMatch(/the server sent nothing for 15 seconds after [\d.]+ [kM]B \(2,000 lines\)/);
    await expect.poll(() => sent.stall?.closedEarly, { timeout: LONG }).toBe(true);
    await close();
  });

  it('shows bytes and lines while loading, and can be cancelled', async () => {
    const { page, close } = await openVectors();
    await loadUrl(page, `${origin}/slow.txt`, 50_000);
    await expect.poll(() => page.getByTestId('load-read').textContent(), { timeout: LONG }).toMatch(/[1-9][\d,]* lines/);
    await page.getByRole('button', { name: 'Cancel loading' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Cancelled' }).textContent(), { timeout: LONG }).toBe('Cancelled: Loading slow.txt');
    await expect.poll(() => sent.slow?.closedEarly, { timeout: LONG }).toBe(true);
    await close();
  });

  it('names a web page served as text, and refuses schemes other than http(s)', async () => {
    const { page, close } = await openVectors();
    await loadUrl(page, `${origin}/moved.txt`, 100);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'moved.txt' }).textContent(), { timeout: LONG }).toContain(
      'moved.txt is an HTML page, not a vectors file',
    );
    await loadUrl(page, 'ftp://example.org/vectors.vec', 100);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'ftp:' }).textContent(), { timeout: LONG }).toContain(
      '"ftp:" addresses are not supported',
    );
    await close();
  });
});
