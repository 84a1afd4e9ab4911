// Vectors files on disk as the command line reads and writes them: reading is a stream that stops at --max-words
// (a file broken far past that point still loads), and writing goes through NAME.partial, renamed when complete,
// removed when stopped.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/cli/errors';
import type { Interrupt } from '../../src/cli/interrupt';
import { partialPathFor, readVectorsFile, WRITE_BYTES, writeVectorsFile } from '../../src/cli/vectorsFile';
import { writeWord2VecBinary } from '../../src/core/vectors/formats';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lab-vectors-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `n` words of `dim` numbers each; row i holds i/1000 in every place. */
function vectors(n: number, dim: number): KeyedVectors {
  const words = Array.from({ length: n }, (_, i) => `w${i}`);
  const v = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) v.fill(i / 1000, i * dim, (i + 1) * dim);
  return new KeyedVectors(words, v, dim);
}

/** Word2vec text rows with a broken row after about `goodBytes` bytes (several read chunks in). */
function textWithBrokenTail(goodBytes: number, dim: number): { text: string; goodRows: number } {
  const rows: string[] = [];
  let size = 0;
  while (size < goodBytes) {
    const row = `w${rows.length} ${Array.from({ length: dim }, () => '0.125').join(' ')}\n`;
    rows.push(row);
    size += row.length;
  }
  return { text: `${rows.length + 1} ${dim}\n${rows.join('')}broken-row 1 2 oops\n`, goodRows: rows.length };
}

describe('readVectorsFile', () => {
  it('stops reading at --max-words: a row broken megabytes later is never reached', async () => {
    const { text, goodRows } = textWithBrokenTail(3 << 20, 50);
    const path = join(dir, 'tail-broken.txt');
    writeFileSync(path, text);
    const kv = await readVectorsFile(path, { maxWords: 10 });
    expect(kv.size).toBe(10);
    expect(kv.dim).toBe(50);
    // Reading it all does reach the broken row, and says where.
    await expect(readVectorsFile(path)).rejects.toThrow(new RegExp(`tail-broken\\.txt, line ${goodRows + 2}: `));
  });

  it('reads the binary word2vec format incrementally and stops early there too', async () => {
    const kv = vectors(20_000, 100); // 8 MB of floats
    const bytes = writeWord2VecBinary(kv);
    // Cut the file in the middle of row 15,000: a reader that needed the whole file would fail.
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.75));
    const path = join(dir, 'cut.bin');
    writeFileSync(path, cut);
    const head = await readVectorsFile(path, { maxWords: 5 });
    expect(head.size).toBe(5);
    expect(head.vector('w4')[0]).toBeCloseTo(0.004, 6);
    await expect(readVectorsFile(path)).rejects.toThrow(/cut\.bin/);
  });

  it('names the file when it is missing', async () => {
    await expect(readVectorsFile(join(dir, 'nope.vec'))).rejects.toMatchObject({ code: 'ENOENT', path: join(dir, 'nope.vec') });
  });
});

function fakeInterrupt(stopAfterWrites: number): Interrupt & { tracked: Set<string> } {
  let asked = 0;
  const tracked = new Set<string>();
  return {
    tracked,
    requested: () => ++asked > stopAfterWrites,
    track: (p) => tracked.add(p),
    untrack: (p) => tracked.delete(p),
    dispose: () => {},
  };
}

describe('writeVectorsFile', () => {
  it('writes NAME.partial and renames it: the result is complete and nothing else is left', async () => {
    const path = join(dir, 'out.txt');
    const interrupt = fakeInterrupt(Infinity);
    expect(await writeVectorsFile(vectors(3, 4), path, {}, interrupt)).toEqual([path]);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('3 4');
    expect(existsSync(partialPathFor(path))).toBe(false);
    expect(interrupt.tracked.size).toBe(0);
  });

  it('removes the partial files when stopped between pieces, for one file and for a projector pair', async () => {
    const kv = vectors(30_000, 20); // several WRITE_BYTES of text
    expect(kv.size * kv.dim * 6).toBeGreaterThan(2 * WRITE_BYTES);
    for (const name of ['stopped.txt', 'stopped.bin', 'stopped.tsv']) {
      const path = join(dir, name);
      await expect(writeVectorsFile(kv, path, {}, fakeInterrupt(1))).rejects.toThrow(InterruptedError);
      await expect(writeVectorsFile(kv, path, {}, fakeInterrupt(1))).rejects.toThrow(`saving stopped; ${path} was not written`);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('stopped'))).toEqual([]);
  });
});
