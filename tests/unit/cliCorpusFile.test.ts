// The command line reads a corpus file as blocks of whole lines, checking the bytes as it goes: files of several
// read sizes come back whole, and a bad byte deep in a file is named with its file offset and line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_BYTES, readTextBlocks, type CorpusSource } from '../../src/cli/corpusFile';
import { CliError } from '../../src/cli/errors';
import { splitCharacters } from '../../src/core/text/textCheck';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lab-corpus-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileOf(name: string, bytes: Uint8Array | string): CorpusSource {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { name, path, bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length };
}

async function readAll(source: CorpusSource, o: Parameters<typeof readTextBlocks>[1] = {}): Promise<string[]> {
  const blocks: string[] = [];
  for await (const b of readTextBlocks(source, o)) blocks.push(b);
  return blocks;
}

/** About `bytes` of numbered lines with accented words (multi-byte characters fall across read boundaries). */
function linesText(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `line ${i}: the café serves crème brûlée 😀 and naïve tea\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return lines.join('');
}

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    return (err as Error).message;
  }
  throw new Error('no error');
}

describe('readTextBlocks', () => {
  it('gives back the whole text in blocks that each end at a line break', async () => {
    const text = linesText(3.5 * READ_BYTES);
    const source = fileOf('big.txt', text);
    const seen: number[] = [];
    const blocks = await readAll(source, { onBytes: (n) => seen.push(n) });
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(blocks.join('')).toBe(text);
    for (const b of blocks) expect(b.endsWith('\n')).toBe(true);
    expect(seen.at(-1)).toBe(source.bytes);
  });

  it('keeps a last line without a line break', async () => {
    expect((await readAll(fileOf('tail.txt', 'one\ntwo'))).join('')).toBe('one\ntwo');
  });

  it('stops when asked', async () => {
    const source = fileOf('stop.txt', linesText(3 * READ_BYTES));
    let blocks = 0;
    for await (const _ of readTextBlocks(source, { stopped: () => blocks > 0 })) blocks++;
    expect(blocks).toBe(1);
  });

  it('applies a transform to each block (splitting Chinese characters)', async () => {
    expect((await readAll(fileOf('zh.txt', '我们去\n'), { transform: splitCharacters })).join('')).toBe(' 我  们  去 \n');
  });

  it('names a Latin-1 byte deep in the file with its file offset and line', async () => {
    const text = linesText(2.5 * READ_BYTES);
    const head = Buffer.from(text);
    const lineNo = text.split('\n').length; // the line after the last complete one
    const bytes = Buffer.concat([head, Buffer.from('caf\xe9 au lait\n', 'latin1')]);
    const msg = await errorOf(readAll(fileOf('deep-latin1.txt', bytes)));
    expect(msg).toBe(
      `deep-latin1.txt is not UTF-8 text (invalid byte at offset ${head.length + 3}, line ${lineNo}: byte 0xE9 (“é” in Latin-1/Windows-1252)). ` +
        'It is probably Latin-1 or Windows-1252: save it as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8 deep-latin1.txt > utf8.txt).',
    );
  });

  it('names a zero byte deep in the file', async () => {
    const head = Buffer.from(linesText(1.5 * READ_BYTES));
    const bytes = Buffer.concat([head, Buffer.from([0x61, 0x00, 0x62, 0x0a])]);
    const msg = await errorOf(readAll(fileOf('deep-zero.txt', bytes)));
    expect(msg).toMatch(new RegExp(`^deep-zero\\.txt is not a text file: it holds binary bytes \\(a zero byte at offset ${head.length + 1}, line \\d+\\)`));
  });

  it('refuses gzip, UTF-16 and empty files from their first bytes', async () => {
    const text = linesText(10_000);
    expect(await errorOf(readAll(fileOf('c.txt.gz', gzipSync(text))))).toMatch(/^c\.txt\.gz is gzip-compressed, not plain text: unpack it first/);
    expect(await errorOf(readAll(fileOf('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))))).toMatch(
      /^u16\.txt is UTF-16 text \(little-endian\)/,
    );
    expect(await errorOf(readAll(fileOf('empty.txt', '')))).toMatch(/^empty\.txt is empty/);
  });
});
