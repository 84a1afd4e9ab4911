// fastText's n-grams and hash, pinned to what Facebook's fastText 0.9.2 itself did (fixtures made by
// scripts/buildFastTextFixtures.ts from Debian's `fasttext`: print-ngrams, bucket found from the saved matrix).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSubwordTable, charNgrams, fastTextHash, ngramBucket, subwordRows } from '../../src/core/models/fasttext/ngrams';

interface Fixture {
  minn: number;
  maxn: number;
  bucket: number;
  cases: { word: string; known: boolean; ngrams: { ngram: string; bucket: number }[] }[];
}
const fixture: Fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'fasttext-ngrams.json'), 'utf8'));

describe('fastText hash', () => {
  it('is FNV-1a 32-bit on ASCII (published FNV test values)', () => {
    expect(fastTextHash('')).toBe(0x811c9dc5);
    expect(fastTextHash('a')).toBe(0xe40c292c);
    expect(fastTextHash('foobar')).toBe(0xbf9cf968);
  });

  it('casts each byte through signed char before the xor, unlike a textbook FNV-1a', () => {
    // "é" is the bytes C3 A9: a plain FNV-1a xors 0xC3; fastText xors 0xFFFFFFC3.
    let plain = 0x811c9dc5;
    for (const b of new TextEncoder().encode('é')) plain = Math.imul(plain ^ b, 0x01000193) >>> 0;
    expect(fastTextHash('é')).not.toBe(plain);
    let signed = 0x811c9dc5;
    for (const b of [0xffffffc3, 0xffffffa9]) signed = Math.imul(signed ^ b, 0x01000193) >>> 0;
    expect(fastTextHash('é')).toBe(signed);
  });

  it('puts every n-gram in the bucket Debian fastText put it in (accents, ß, ñ, lone-letter words)', () => {
    let checked = 0;
    for (const c of fixture.cases) {
      for (const g of c.ngrams) {
        expect(ngramBucket(g.ngram, fixture.bucket), `${c.word}: ${g.ngram}`).toBe(g.bucket);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('character n-grams', () => {
  it('lists the n-grams in fastText order, for the words fastText printed', () => {
    for (const c of fixture.cases) {
      expect(charNgrams(c.word, fixture.minn, fixture.maxn), c.word).toEqual(c.ngrams.map((g) => g.ngram));
    }
  });

  it('wraps the word in < and >, keeps the whole <word> when short enough, and counts characters not bytes', () => {
    expect(charNgrams('cat', 3, 6)).toEqual(['<ca', '<cat', '<cat>', 'cat', 'cat>', 'at>']);
    expect(charNgrams('where', 3, 3)).toEqual(['<wh', 'whe', 'her', 'ere', 're>']);
    expect(charNgrams('été', 3, 3)).toEqual(['<ét', 'été', 'té>']);
    // the lone markers are never n-grams, even with minn = 1
    expect(charNgrams('a', 1, 2)).toEqual(['<a', 'a', 'a>']);
  });

  it('gives none when maxn is 0 (fastText -maxn 0 turns subwords off) or below minn', () => {
    expect(charNgrams('cat', 0, 0)).toEqual([]);
    expect(charNgrams('cat', 4, 3)).toEqual([]);
  });

  it('puts a known word its own row first, then vocabulary size + bucket per n-gram', () => {
    const known = subwordRows('cat', 7, 10, 3, 3, 100);
    expect(known.known).toBe(true);
    expect(known.labels).toEqual(['cat', '<ca', 'cat', 'at>']);
    expect(known.rows[0]).toBe(7);
    expect(Array.from(known.rows.slice(1))).toEqual(['<ca', 'cat', 'at>'].map((g) => 10 + ngramBucket(g, 100)));
    const unseen = subwordRows('cat', undefined, 10, 3, 3, 100);
    expect(unseen.known).toBe(false);
    expect(unseen.rows.length).toBe(3);
  });

  it('packs a vocabulary into one flat table', () => {
    const t = buildSubwordTable(['a', 'cat'], 3, 3, 50);
    expect(Array.from(t.offsets)).toEqual([0, 2, 6]); // "<a>" is a 3-gram; "cat" has 3 n-grams + its own row
    expect(t.rows[0]).toBe(0);
    expect(t.rows[2]).toBe(1);
    expect(t.maxRows).toBe(4);
  });
});
