// The corpus check shared by the page and the command line, on real text and on the broken inputs users bring:
// UTF-16 with and without a byte-order mark, gzip and other archives, Latin-1, random bytes, text without spaces.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  checkTextBytes,
  checkTextSize,
  decodeText,
  detectUtf16,
  firstInvalidUtf8,
  MAX_TEXT_BYTES,
  spacingOf,
  spacingWarning,
  splitCharacters,
} from '../../src/core/text/textCheck';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { tokenize } from '../../src/core/text/tokenize';
import * as pageReexport from '../../src/state/labTextCheck';

const enc = (s: string) => new TextEncoder().encode(s);
const ENGLISH = TOY_CORPORA.royals!.text;
const FRENCH = 'Le café est chaud.\nLa crème brûlée est très bonne, naïve ou pas.\n';

/** UTF-16 bytes of a string, optionally with a byte-order mark. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'be') le.swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), le]) : le);
}

/** Deterministic pseudo-random bytes (a linear congruential generator: the test must not depend on luck). */
function randomBytes(n: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('real text', () => {
  it('accepts UTF-8 text, with accents, emoji, CJK and a UTF-8 byte-order mark', () => {
    expect(decodeText('a.txt', enc('café naïve 😀\n'))).toBe('café naïve 😀\n');
    expect(() => checkTextBytes('royals.txt', enc(ENGLISH), true)).not.toThrow();
    expect(() => checkTextBytes('fr.txt', enc(FRENCH), true)).not.toThrow();
    expect(() => checkTextBytes('zh.txt', enc('我们今天去公园散步，天气很好。\n'), true)).not.toThrow();
    expect(() => checkTextBytes('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...enc('hello world\n')]), true)).not.toThrow();
  });

  it('accepts tabs, carriage returns, form feeds and terminal colours', () => {
    expect(() => checkTextBytes('log.txt', enc('a\tb\r\n\fc \u001b[31mred\u001b[0m\n'), true)).not.toThrow();
  });

  it('accepts a head cut in the middle of a character unless it is the whole file', () => {
    const cut = enc('abc é').slice(0, 5);
    expect(() => checkTextBytes('h.txt', cut, false)).not.toThrow();
    expect(() => checkTextBytes('h.txt', cut, true)).toThrow(/not UTF-8/);
  });

  it('is what the page imports too', () => {
    expect(pageReexport.checkTextBytes).toBe(checkTextBytes);
    expect(pageReexport.MAX_TEXT_BYTES).toBe(MAX_TEXT_BYTES);
  });
});

describe('empty and too large', () => {
  it('refuses empty, whitespace-only and too-large files by name', () => {
    expect(() => checkTextSize('e.txt', 0)).toThrow('e.txt is empty');
    expect(() => checkTextBytes('e.txt', new Uint8Array(0), true)).toThrow('e.txt is empty');
    expect(() => decodeText('w.txt', enc('  \n\t'))).toThrow('w.txt holds only white space');
    expect(() => checkTextSize('big.txt', MAX_TEXT_BYTES + 1)).toThrow(/big\.txt is 200\.0 MB; the lab reads texts up to 200\.0 MB/);
    expect(() => checkTextSize('big.txt', MAX_TEXT_BYTES + 1, Infinity)).not.toThrow();
  });
});

describe('compressed and binary files', () => {
  it('says "gzip-compressed: unpack it first" for a real gzip of a text', () => {
    expect(() => checkTextBytes('corpus.txt.gz', new Uint8Array(gzipSync(ENGLISH)), true)).toThrow(
      /^corpus\.txt\.gz is gzip-compressed, not plain text: unpack it first \(gunzip\)/,
    );
  });

  it('names zip, bzip2, xz, zstd and PDF by their magic numbers', () => {
    const head = (bytes: number[]) => new Uint8Array([...bytes, ...enc('rest of the file')]);
    expect(() => checkTextBytes('a.zip', head([0x50, 0x4b, 0x03, 0x04]), true)).toThrow(/is a zip archive/);
    expect(() => checkTextBytes('a.bz2', head([0x42, 0x5a, 0x68, 0x39]), true)).toThrow(/is bzip2-compressed/);
    expect(() => checkTextBytes('a.xz', head([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), true)).toThrow(/is xz-compressed/);
    expect(() => checkTextBytes('a.zst', head([0x28, 0xb5, 0x2f, 0xfd]), true)).toThrow(/is zstd-compressed/);
    expect(() => checkTextBytes('a.pdf', enc('%PDF-1.7\n...'), true)).toThrow(/is a PDF document/);
  });

  it('refuses binary bytes, naming the offset and line', () => {
    expect(() => checkTextBytes('p.png', new Uint8Array([0x89, 0x50, 0, 1]), true)).toThrow(
      'p.png is not a text file: it holds binary bytes (a zero byte at offset 2, line 1)',
    );
  });

  it('refuses control bytes without any zero byte', () => {
    const bytes = enc('word '.repeat(100));
    for (let i = 0; i < bytes.length; i += 50) bytes[i] = 0x01;
    expect(() => checkTextBytes('ctl.bin', bytes, true)).toThrow(/ctl\.bin is not a text file: 10 control byte\(s\)/);
  });

  it('refuses random bytes, with or without zero bytes, as not text', () => {
    const random = randomBytes(65536);
    expect(() => checkTextBytes('noise.bin', random, true)).toThrow(/noise\.bin is not a text file/);
    const noZero = random.map((b) => (b === 0 ? 1 : b));
    expect(() => checkTextBytes('noise2.bin', noZero, true)).toThrow(/noise2\.bin is not a text file/);
    // Random bytes with only high bytes (no control bytes at all) are still not taken for Latin-1.
    const high = random.map((b) => b | 0x80);
    expect(() => checkTextBytes('noise3.bin', high, true)).toThrow(/noise3\.bin is not a text file: \d+ bytes outside ASCII/);
  });
});

describe('UTF-16', () => {
  const cases = [
    ['le', true],
    ['be', true],
    ['le', false],
    ['be', false],
  ] as const;
  for (const [order, bom] of cases) {
    it(`says UTF-16 (${order}, ${bom ? 'with' : 'without'} a byte-order mark), never "binary"`, () => {
      const bytes = utf16(ENGLISH, order, bom);
      expect(detectUtf16(bytes)).toBe(order);
      const want = new RegExp(`^u16\\.txt is UTF-16 text \\(${order === 'le' ? 'little' : 'big'}-endian\\), not UTF-8: save it as UTF-8`);
      expect(() => checkTextBytes('u16.txt', bytes, true)).toThrow(want);
      expect(() => checkTextBytes('u16.txt', bytes, true)).not.toThrow(/binary/);
    });
  }

  it('recognises UTF-16 Chinese without a byte-order mark, which has few zero bytes', () => {
    const bytes = utf16('我们今天去公园散步，天气很好。我喜欢吃苹果和香蕉。\n'.repeat(20), 'le', false);
    expect(() => checkTextBytes('zh16.txt', bytes, true)).toThrow(/zh16\.txt is UTF-16 text \(little-endian\)/);
  });

  it('does not take a binary header with zero bytes for UTF-16', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    expect(detectUtf16(png)).toBeNull();
    expect(detectUtf16(enc(ENGLISH))).toBeNull();
  });
});

describe('Latin-1 / Windows-1252', () => {
  it('names the offset, the line and the byte as it reads in Latin-1', () => {
    const latin1 = new Uint8Array(Buffer.from(FRENCH, 'latin1'));
    expect(() => checkTextBytes('fr-latin1.txt', latin1, true)).toThrow(
      'fr-latin1.txt is not UTF-8 text (invalid byte at offset 6, line 1: byte 0xE9 (“é” in Latin-1/Windows-1252)). It is probably Latin-1 or Windows-1252',
    );
    const secondLine = new Uint8Array([...enc('ok\nna'), 0xef, ...enc('ve\n')]);
    expect(() => checkTextBytes('l.txt', secondLine, true)).toThrow('l.txt is not UTF-8 text (invalid byte at offset 5, line 2');
  });

  it('reports offsets and lines in file terms for a chunk in the middle of a file', () => {
    const chunk = new Uint8Array([...enc('a\nb'), 0xe9, ...enc('\n')]);
    expect(() => checkTextBytes('big.txt', chunk, { complete: false, offset: 1000, linesBefore: 40 })).toThrow(
      'big.txt is not UTF-8 text (invalid byte at offset 1003, line 42',
    );
  });

  it('finds overlong forms, surrogates and code points past U+10FFFF', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe0, 0x80, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(enc('naïve 😀'))).toBe(-1);
  });
});

describe('texts without spaces', () => {
  const chinese = '我们今天去公园散步天气很好我喜欢吃苹果和香蕉。他们明天要去北京看长城。\n'.repeat(10);
  const japanese = '私は毎朝コーヒーを飲んでから会社に行きます。今日はとても暑いですね。\n'.repeat(10);

  it('warns for Chinese and Japanese, offering to split into characters', () => {
    for (const [name, text] of [['zh.txt', chinese], ['ja.txt', japanese]] as const) {
      const report = spacingOf(text);
      expect(report.noSpaces).toBe(true);
      expect(report.canSplitCharacters).toBe(true);
      expect(spacingWarning(name, report, '--split-characters')).toMatch(
        new RegExp(`^${name.replace('.', '\\.')} has almost no spaces between words .*whole clauses.*--split-characters treats each character as a word`),
      );
    }
  });

  it('warns for short unspaced Chinese lines too, but not for Chinese segmented with spaces', () => {
    const short = '我喜欢吃苹果和香蕉。\n他们明天要去北京。\n'.repeat(10);
    expect(spacingOf(short).noSpaces).toBe(true);
    expect(spacingOf('我 喜欢 吃 苹果 和 香蕉 。\n他们 明天 要 去 北京 。\n'.repeat(10)).noSpaces).toBe(false);
  });

  it('stays quiet for spaced text, French and English alike', () => {
    expect(spacingOf(ENGLISH).noSpaces).toBe(false);
    expect(spacingOf(FRENCH).noSpaces).toBe(false);
    expect(spacingWarning('en.txt', spacingOf(ENGLISH), 'x')).toBeNull();
  });

  it('warns without the split offer for a long unspaced Latin text', () => {
    const report = spacingOf('thequickbrownfoxjumpsoverthelazydog\n'.repeat(5));
    expect(report.noSpaces).toBe(true);
    expect(report.canSplitCharacters).toBe(false);
    expect(spacingWarning('x.txt', report, '--split-characters')).toMatch(/a word segmenter for its language/);
  });

  it('splitting gives one token per character and leaves spaced words whole', () => {
    expect(tokenize(splitCharacters('我们去公园 and then 散步'))).toEqual(['我', '们', '去', '公', '园', 'and', 'then', '散', '步']);
    expect(spacingOf(splitCharacters(chinese)).noSpaces).toBe(false);
  });
});
