import { describe, expect, it } from 'vitest';
import { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import {
  readCompact,
  readProjectorTsv,
  readVectors,
  readVectorsWithInfo,
  VectorFormatError,
  writeCompact,
  writeGloveText,
  writeProjectorTsv,
  writeWord2VecBinary,
  writeWord2VecText,
  type ReadOptions,
} from '../../src/core/vectors/formats';

const enc = new TextEncoder();

/** Small deterministic generator so the fixtures are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sampleKv(n = 40, dim = 7, seed = 7): KeyedVectors {
  const rnd = lcg(seed);
  const special = ['café', 'naïve', '日本', 'ü', 'x-ray', "don't", 'a.b'];
  const words = Array.from({ length: n }, (_, i) => special[i] ?? `w${i}`);
  const vectors = Float32Array.from({ length: n * dim }, () => {
    const mag = 10 ** Math.floor(rnd() * 8 - 5); // 1e-5 .. 1e2
    return (rnd() * 2 - 1) * mag;
  });
  vectors[3] = 0;
  vectors[4] = -0.5;
  return new KeyedVectors(words, vectors, dim);
}

function expectSame(a: KeyedVectors, b: KeyedVectors): void {
  expect(b.words).toEqual(a.words);
  expect(b.dim).toBe(a.dim);
  expect(Array.from(b.vectors)).toEqual(Array.from(a.vectors));
}

async function refusal(input: Uint8Array | string, o: ReadOptions = {}): Promise<VectorFormatError> {
  const bytes = typeof input === 'string' ? enc.encode(input) : input;
  try {
    await readVectors(bytes, o);
  } catch (e) {
    expect(e).toBeInstanceOf(VectorFormatError);
    return e as VectorFormatError;
  }
  throw new Error('the file was accepted');
}

function chunked(bytes: Uint8Array, cuts: number[]): AsyncIterable<Uint8Array> {
  const edges = [0, ...cuts, bytes.length];
  return (async function* () {
    for (let i = 0; i + 1 < edges.length; i++) yield bytes.slice(edges[i], edges[i + 1]);
  })();
}

describe('round trips', () => {
  const kv = sampleKv();

  it('word2vec text is exact and detected', async () => {
    const r = await readVectorsWithInfo(enc.encode(writeWord2VecText(kv)), { fileName: 'v.txt' });
    expect(r.format).toBe('word2vec-text');
    expect(r.declaredCount).toBe(kv.size);
    expectSame(kv, r.kv);
  });

  it('fastText .vec is word2vec text', async () => {
    const r = await readVectorsWithInfo(enc.encode(writeWord2VecText(kv)), { fileName: 'wiki.en.vec' });
    expect(r.format).toBe('fasttext-vec');
    expectSame(kv, r.kv);
  });

  it('word2vec binary is exact and detected', async () => {
    const r = await readVectorsWithInfo(writeWord2VecBinary(kv), { fileName: 'vectors.bin' });
    expect(r.format).toBe('word2vec-binary');
    expectSame(kv, r.kv);
  });

  it('word2vec binary without the newline after each row (gensim) reads too', async () => {
    const small = new KeyedVectors(['a', 'b'], Float32Array.from([1, 2, 3, 4]), 2);
    const bytes = [...enc.encode('2 2\na '), ...new Uint8Array(Float32Array.from([1, 2]).buffer), ...enc.encode('b '), ...new Uint8Array(Float32Array.from([3, 4]).buffer)];
    expectSame(small, await readVectors(Uint8Array.from(bytes)));
  });

  it('GloVe text is exact and detected, dimension from the first row', async () => {
    const r = await readVectorsWithInfo(enc.encode(writeGloveText(kv)));
    expect(r.format).toBe('glove');
    expectSame(kv, r.kv);
  });

  it('Embedding Projector TSV is exact', async () => {
    const { vectors, metadata } = writeProjectorTsv(kv);
    expectSame(kv, (await readProjectorTsv(vectors, metadata)).kv);
    const detected = await readVectorsWithInfo(enc.encode(vectors));
    expect(detected.format).toBe('projector-tsv');
    expect(detected.kv.words.slice(0, 3)).toEqual(['0', '1', '2']);
  });

  it('compact keeps words and metadata, values within half a quantisation step, cosines within 1%', async () => {
    const big = sampleKv(200, 50, 11);
    const bytes = writeCompact(big, { corpus: 'brown', seed: 1 });
    expect(bytes.length).toBeLessThan(big.vectors.byteLength / 3);
    const r = await readVectorsWithInfo(bytes, { fileName: 'x.elv' });
    expect(r.format).toBe('compact');
    expect(r.meta).toEqual({ corpus: 'brown', seed: 1 });
    expect(r.kv.words).toEqual(big.words);
    for (let i = 0; i < big.size; i++) {
      const row = big.row(i);
      const step = Math.max(...row.map(Math.abs)) / 127;
      const back = r.kv.row(i);
      for (let k = 0; k < big.dim; k++) expect(Math.abs(back[k]! - row[k]!)).toBeLessThanOrEqual(step / 2 + 1e-6 * step);
    }
    for (const [a, b] of [['café', 'w10'], ['w20', 'w21'], ['naïve', 'w199']] as const) {
      expect(Math.abs(r.kv.similarity(a, b) - big.similarity(a, b))).toBeLessThan(0.01);
    }
    expect(readCompact(bytes, { maxWords: 5 }).kv.size).toBe(5);
  });

  it('reads a ReadableStream', async () => {
    const bytes = enc.encode(writeWord2VecText(kv));
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 100) c.enqueue(bytes.slice(i, i + 100));
        c.close();
      },
    });
    expectSame(kv, await readVectors(stream));
  });

  it('tolerates CRLF, a BOM, blank lines and the trailing space word2vec.c writes', async () => {
    const r = await readVectors(enc.encode('\ufeff2 2\r\nfoo 1 2 \r\n\r\nbar 3 4\r\n'));
    expectSame(new KeyedVectors(['foo', 'bar'], Float32Array.from([1, 2, 3, 4]), 2), r);
  });

  it('keeps words made of Unicode spaces (fastText has U+00A0 and U+3000 as words)', async () => {
    const r = await readVectors(enc.encode('2 2\n\u00a0 1 2\n\u3000 3 4\n'));
    expect(r.words).toEqual(['\u00a0', '\u3000']);
  });

  it('joins GloVe words that hold spaces (840B has "at the")', async () => {
    const r = await readVectors(enc.encode('the 1 2\nat the 3 4\n'), { format: 'glove' });
    expect(r.words).toEqual(['the', 'at the']);
  });
});

describe('chunk boundaries', () => {
  const kv = new KeyedVectors(['日本語', 'é', 'plain'], Float32Array.from([0.123456, -7.5e-3, 1, 2, 3.25, -0.000001]), 2);

  it('text split at every byte parses identically (inside characters and numbers)', async () => {
    const bytes = enc.encode(writeWord2VecText(kv));
    for (let cut = 1; cut < bytes.length; cut++) expectSame(kv, await readVectors(chunked(bytes, [cut])));
    expectSame(kv, await readVectors(chunked(bytes, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1))));
  });

  it('binary split at every byte parses identically (inside words and floats)', async () => {
    const bytes = writeWord2VecBinary(kv);
    for (let cut = 1; cut < bytes.length; cut++) expectSame(kv, await readVectors(chunked(bytes, [cut])));
    expectSame(kv, await readVectors(chunked(bytes, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1))));
  });
});

describe('broken files are refused with the right place', () => {
  it('short rows', async () => {
    const e = await refusal('3 3\na 1 2 3\nb 1 2\nc 1 2 3\n', { fileName: 'my.vec' });
    expect(e.line).toBe(3);
    expect(e.message).toBe('my.vec, line 3: expected 3 numbers after the word, found 2');
  });

  it('too many numbers', async () => {
    expect((await refusal('a 1 2\nb 1 2 3\n')).message).toBe('line 2: expected 2 numbers after the word, found 3');
  });

  it('non-numbers, NaN and Infinity', async () => {
    expect((await refusal('a 1 2\nb 1 x\n')).message).toBe('line 2: "x" is not a number (value 2 of 2)');
    expect((await refusal('a 1 2\nb 1 2e\n')).line).toBe(2);
    expect((await refusal('a 1 2\nb 0x1f 2\n')).line).toBe(2);
    expect((await refusal('a 1 2\nb NaN 2\n')).detail).toMatch(/NaN; vectors must be finite/);
    expect((await refusal('2 2\na 1 2\nb 1 -Infinity\n')).line).toBe(3);
    expect((await refusal('a 1 2\nb 1 1e39\n')).detail).toMatch(/too large for float32/);
  });

  it('NaN inside a binary file', async () => {
    const bytes = writeWord2VecBinary(new KeyedVectors(['a', 'b'], Float32Array.from([1, 2, NaN, 4]), 2));
    expect((await refusal(bytes)).detail).toMatch(/word 2 \("b"\): value 1 of 2 is NaN/);
  });

  it('empty and blank files', async () => {
    expect((await refusal('')).message).toBe('the file is empty');
    expect((await refusal('\n  \n', { fileName: 'e.txt' })).message).toBe('e.txt: the file is empty');
    expect((await refusal('', { format: 'word2vec-binary' })).detail).toBe('the file is empty');
  });

  it('absurd headers, before allocating', async () => {
    expect((await refusal('999999999999 300\n')).detail).toMatch(/more than the 50000000/);
    expect((await refusal('4000000 300\n')).detail).toMatch(/4\.5 GiB/);
    expect((await refusal('1 999999999\n')).detail).toMatch(/dimension 999999999 is larger/);
    expect((await refusal('10 0\n')).detail).toMatch(/dimension must be a positive/);
    expect((await refusal('10 -3\n', { format: 'word2vec-text' })).line).toBe(1);
    expect((await refusal('999999999999 300\n', { format: 'word2vec-binary' })).line).toBe(1);
    // A huge but honest header is fine when maxWords keeps the load small.
    const r = await readVectorsWithInfo(enc.encode('4000000 2\na 1 2\nb 3 4\n'), { maxWords: 2 });
    expect(r.kv.size).toBe(2);
    expect(r.truncated).toBe(true);
  });

  it('headers that do not match the rows', async () => {
    expect((await refusal('3 2\na 1 2\nb 1 2\n')).detail).toMatch(/announced 3 words but the file ends after 2/);
    expect((await refusal('1 2\na 1 2\nb 1 2\n')).line).toBe(3);
  });

  it('truncated or padded binary files', async () => {
    const bytes = writeWord2VecBinary(sampleKv(5, 4));
    expect((await refusal(bytes.slice(0, bytes.length - 5))).detail).toMatch(/ends inside word 5 .* truncated/);
    expect((await refusal(bytes.slice(0, bytes.length - 1 - (4 * 4 + 4)))).detail).toMatch(/word 5/);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes);
    padded.set([1, 2, 3], bytes.length);
    expect((await refusal(padded)).detail).toMatch(/does not match the header/);
  });

  it('names the same line when the file arrives one byte at a time', async () => {
    const bytes = enc.encode('3 3\nä 1 2 3\nb 1 2\nc 1 2 3\n');
    const oneByte = chunked(bytes, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1));
    await expect(readVectors(oneByte, { fileName: 'x.vec' })).rejects.toThrow('x.vec, line 3: expected 3 numbers after the word, found 2');
  });

  it('keeps binary words with broken UTF-8 and says so', async () => {
    const info: string[] = [];
    const bytes = Uint8Array.from([...enc.encode('1 1\n'), 0x61, 0xff, 0x20, ...new Uint8Array(Float32Array.from([0.5]).buffer), 0x0a]);
    const kv = await readVectors(bytes, { format: 'word2vec-binary', onInfo: (m) => info.push(m) });
    expect(kv.words).toEqual(['a\ufffd']);
    expect(info).toEqual(['1 word had invalid UTF-8 bytes, shown as \ufffd']);
  });

  it('random bytes, seeded, never crash or hang', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = lcg(seed);
      const bytes = Uint8Array.from({ length: 3000 }, () => Math.floor(rnd() * 256));
      await refusal(bytes);
      await refusal(bytes, { format: 'word2vec-binary' });
      await refusal(bytes, { format: 'compact' });
      // A plausible header followed by garbage.
      await refusal(Uint8Array.from([...enc.encode('100 50\n'), ...bytes]));
    }
  });

  it('invalid UTF-8 in a text file names the line', async () => {
    const bytes = Uint8Array.from([...enc.encode('a 1 2\nb 1 2\n'), 0xff, 0xfe, ...enc.encode(' 1 2\n')]);
    const e = await refusal(bytes, { format: 'glove' });
    expect(e.line).toBe(3);
    expect(e.detail).toMatch(/not valid UTF-8/);
  });

  it('damaged compact files', async () => {
    const bytes = writeCompact(sampleKv(5, 4), {});
    expect((await refusal(bytes.slice(0, bytes.length - 1), { fileName: 'v.elv' })).detail).toMatch(/damaged or truncated/);
    const badVersion = bytes.slice();
    badVersion[4] = 9;
    expect((await refusal(badVersion)).detail).toMatch(/version 9/);
  });

  it('projector files whose counts disagree', async () => {
    await expect(readProjectorTsv('1\t2\n3\t4\n', 'a\nb\nc\n')).rejects.toThrow('metadata.tsv has 3 labels but vectors.tsv has 2 rows');
    await expect(readProjectorTsv('1\t2\n3\t4\n5\t6\n', 'a\nb\n')).rejects.toThrow('vectors.tsv, line 3: more rows than the 2 labels');
    await expect(readProjectorTsv('1\t2\n3\n', 'a\nb\n')).rejects.toThrow('vectors.tsv, line 2: expected 2 numbers in this row as in the first, found 1');
  });
});

describe('projector metadata', () => {
  it('single column has no header; several columns do', async () => {
    const vectors = '1\t0\n0\t1\n';
    expect((await readProjectorTsv(vectors, 'king\nqueen\n')).kv.words).toEqual(['king', 'queen']);
    expect((await readProjectorTsv(vectors, 'count\tword\n10\tking\n5\tqueen\n')).kv.words).toEqual(['king', 'queen']);
    expect((await readProjectorTsv(vectors, 'Token\tPOS\nking\tN\nqueen\tN\n')).kv.words).toEqual(['king', 'queen']);
    const first = await readProjectorTsv(vectors, 'king\nqueen\n', { maxWords: 1 });
    expect(first.kv.words).toEqual(['king']);
    expect(first.truncated).toBe(true);
  });
});

describe('maxWords, duplicates, progress and abort', () => {
  it('stops early and stops reading', async () => {
    const bytes = enc.encode(writeGloveText(sampleKv(4000, 5)));
    let pulled = 0;
    let closed = false;
    const source = (): AsyncIterable<Uint8Array> =>
      (async function* () {
        try {
          for (let i = 0; i < bytes.length; i += 64) {
            pulled += 64;
            yield bytes.slice(i, i + 64);
          }
        } finally {
          closed = true;
        }
      })();
    const r = await readVectorsWithInfo(source(), { maxWords: 3, format: 'glove' });
    expect(r.kv.words).toEqual(['café', 'naïve', '日本']);
    expect(r.truncated).toBe(true);
    expect(closed).toBe(true);
    expect(pulled).toBeLessThan(300);
    // Detecting the format reads a 64 KiB sample, no more.
    pulled = 0;
    closed = false;
    expect((await readVectorsWithInfo(source(), { maxWords: 3 })).format).toBe('glove');
    expect(closed).toBe(true);
    expect(pulled).toBeLessThanOrEqual(64 * 1024 + 64);
    expect(pulled).toBeLessThan(bytes.length / 2);
    expect((await readVectors(writeWord2VecBinary(sampleKv(50, 3)), { maxWords: 7 })).size).toBe(7);
  });

  it('keeps the first of duplicated words and says how many were skipped', async () => {
    const info: string[] = [];
    const r = await readVectorsWithInfo(enc.encode('a 1 2\nb 3 4\na 5 6\na 7 8\n'), { onInfo: (m) => info.push(m) });
    expect(r.kv.words).toEqual(['a', 'b']);
    expect(Array.from(r.kv.vector('a'))).toEqual([1, 2]);
    expect(r.duplicates).toBe(2);
    expect(info).toEqual(['skipped 2 duplicate words (repeated: "a"; the first vector of each is kept)']);
  });

  it('reports progress in bytes and honours an abort signal', async () => {
    const bytes = enc.encode(writeGloveText(sampleKv(100, 5)));
    const seen: number[] = [];
    await readVectors(chunked(bytes, [100, 2000, 2500]), { onProgress: (b) => seen.push(b) });
    expect(seen).toEqual([100, 2000, 2500, bytes.length]);
    const controller = new AbortController();
    const reading = readVectors(chunked(bytes, [100, 200, 300]), {
      signal: controller.signal,
      onProgress: (b) => {
        if (b >= 200) controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});
