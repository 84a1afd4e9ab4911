// fastText's .bin format on a real model made by Debian's fastText (tests/unit/fixtures/fasttext-tiny.bin, see
// scripts/buildFastTextFixtures.ts) and on broken copies of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFastTextBin, writeFastTextBin, isFastTextBin, FT_MODEL } from '../../src/core/models/fasttext/fastTextBin';
import { FastTextVectors } from '../../src/core/models/fasttext/fastTextVectors';

const dir = join(import.meta.dirname, 'fixtures');
const real = new Uint8Array(readFileSync(join(dir, 'fasttext-tiny.bin')));
const printed: { vectors: { word: string; vector: number[] }[] } = JSON.parse(readFileSync(join(dir, 'fasttext-tiny.json'), 'utf8'));

function patched(edit: (b: Uint8Array, v: DataView) => void): Uint8Array {
  const b = real.slice();
  edit(b, new DataView(b.buffer));
  return b;
}

describe('fastText .bin', () => {
  it('reads a model written by fastText 0.9.2: settings, dictionary with </s>, both matrices', () => {
    expect(isFastTextBin(real)).toBe(true);
    const m = readFastTextBin(real);
    expect(m.args).toMatchObject({ dim: 3, bucket: 211, minn: 2, maxn: 4, model: FT_MODEL.sg });
    expect(m.words[0]).toBe('</s>');
    expect(m.words).toContain('café');
    expect(m.input.length).toBe((m.words.length + 211) * 3);
    expect(m.output.length).toBe(m.words.length * 3);
  });

  it('gives the vectors fastText print-word-vectors gives, for seen and unseen words', () => {
    const m = readFastTextBin(real);
    const ft = new FastTextVectors(m.words, m.input, m.args.dim, m.args);
    expect(ft.has('zebra')).toBe(false);
    for (const { word, vector } of printed.vectors) {
      const mine = ft.vectorOf(word);
      vector.forEach((x, d) => expect(mine[d], `${word}[${d}]`).toBeCloseTo(x, 4));
    }
  });

  it('writes back the same bytes it read', () => {
    expect(writeFastTextBin(readFastTextBin(real))).toEqual(real);
  });

  it('says what is wrong with broken files', () => {
    expect(() => readFastTextBin(new Uint8Array(0), { fileName: 'x.bin' })).toThrow('x.bin: the file is empty');
    expect(() => readFastTextBin(patched((_, v) => v.setInt32(0, 12345, true)))).toThrow(/not a fastText .bin model/);
    expect(() => readFastTextBin(patched((_, v) => v.setInt32(4, 99, true)))).toThrow(/version 99 is not supported/);
    expect(() => readFastTextBin(real.subarray(0, 40))).toThrow(/ends inside the fastText header/);
    expect(() => readFastTextBin(real.subarray(0, 200))).toThrow(/truncated/);
    expect(() => readFastTextBin(real.subarray(0, real.length - 5))).toThrow(/ends inside the output matrix/);
    expect(() => readFastTextBin(patched((_, v) => v.setInt32(8 + 7 * 4, FT_MODEL.sup, true)))).toThrow(/supervised/);
    const m = readFastTextBin(real);
    const quantFlagAt = real.length - m.output.length * 4 - 16 - 1 - m.input.length * 4 - 16 - 1;
    expect(() => readFastTextBin(patched((b) => (b[quantFlagAt] = 1)))).toThrow(/input matrix is quantised/);
    const extra = new Uint8Array(real.length + 3);
    extra.set(real);
    expect(() => readFastTextBin(extra)).toThrow(/3 unexpected bytes/);
  });
});
