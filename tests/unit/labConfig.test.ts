import { describe, expect, it } from 'vitest';
import {
  configFromParams,
  configToParams,
  DEFAULT_LAB_CONFIG,
  LAB_SETTINGS,
  trainConfigOf,
} from '../../src/state/labConfig';
import { checkTextBytes, checkTextSize, decodeText, MAX_TEXT_BYTES } from '../../src/state/labTextCheck';

describe('lab settings <-> URL', () => {
  it('round-trips every setting through the query string', () => {
    const c = { ...DEFAULT_LAB_CONFIG, model: 'cbow' as const, dim: 24, hs: true, alpha: 0.05, sample: 0, seed: 42, hide: ['corpus' as const, 'map' as const] };
    const back = configFromParams(configToParams(c));
    expect(back.notes).toEqual([]);
    expect(back.config).toEqual(c);
  });

  it('writes every URL setting (so a link keeps its meaning if defaults change), but no empty hide list', () => {
    const p = configToParams(DEFAULT_LAB_CONFIG);
    for (const s of LAB_SETTINGS) if (s.key !== 'hide') expect(p.has(s.key)).toBe(true);
    expect(p.has('hide')).toBe(false);
  });

  it('keeps parameters it does not own (present=1)', () => {
    expect(configToParams(DEFAULT_LAB_CONFIG, new URLSearchParams('present=1&dim=3')).get('present')).toBe('1');
  });

  it('falls back to defaults on bad values, one note per value, keeping the good ones', () => {
    const r = configFromParams(new URLSearchParams('dim=abc&window=0&model=bert&alpha=NaN&hs=maybe&hide=corpus,nope&epochs=7'));
    expect(r.config.dim).toBe(DEFAULT_LAB_CONFIG.dim);
    expect(r.config.window).toBe(DEFAULT_LAB_CONFIG.window);
    expect(r.config.model).toBe('skipgram');
    expect(r.config.hs).toBe(false);
    expect(r.config.hide).toEqual([]);
    expect(r.config.epochs).toBe(7);
    expect(r.notes).toHaveLength(6);
    expect(r.notes.find((n) => n.includes('dim=abc'))).toMatch(/^Ignored dim=abc in the link \(expected a whole number from 2 to 300\); using 50\.$/);
    expect(r.notes.join(' ')).toContain('unknown group(s) nope');
  });

  it('never takes the user’s own text from a link, and asks for the file instead of switching to Brown', () => {
    const r = configFromParams(new URLSearchParams('corpus=file'));
    expect(r.config.corpus).toBe('file');
    expect(r.notes[0]).toMatch(/a text is never part of a link and a reload forgets it: choose the \.txt file again/);
    expect(r.notes[0]).not.toMatch(/sender|Brown/);
  });

  it('maps to the core TrainConfig', () => {
    const t = trainConfigOf({ ...DEFAULT_LAB_CONFIG, negative: 0, hs: true, minCount: 2 });
    expect(t).toMatchObject({ negative: 0, hs: true, minCount: 2, model: 'skipgram', seed: 1 });
  });
});

describe('is this file text?', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('accepts UTF-8 text, with accents and emoji', () => {
    expect(decodeText('a.txt', enc('café naïve 😀\n'))).toBe('café naïve 😀\n');
  });
  it('refuses empty, whitespace-only and too-large files by name', () => {
    expect(() => checkTextSize('e.txt', 0)).toThrow('e.txt is empty');
    expect(() => decodeText('w.txt', enc('  \n\t'))).toThrow('w.txt holds only white space');
    expect(() => checkTextSize('big.txt', MAX_TEXT_BYTES + 1)).toThrow(/big\.txt is 200\.0 MB; the lab reads texts up to 200\.0 MB/);
  });
  it('refuses binary bytes, naming the offset', () => {
    expect(() => checkTextBytes('p.png', new Uint8Array([0x89, 0x50, 0, 1]), true)).toThrow('p.png is not a text file: it holds binary bytes (a zero byte at offset 2)');
  });
  it('refuses bytes that are not UTF-8, naming offset and line', () => {
    const latin1 = new Uint8Array([...enc('ok\nna'), 0xef, ...enc('ve\n')]);
    expect(() => checkTextBytes('l.txt', latin1, true)).toThrow('l.txt is not UTF-8 text (invalid byte at offset 5, line 2)');
  });
  it('accepts a head cut in the middle of a character unless it is the whole file', () => {
    const cut = enc('abc é').slice(0, 5);
    expect(() => checkTextBytes('h.txt', cut, false)).not.toThrow();
    expect(() => checkTextBytes('h.txt', cut, true)).toThrow(/not UTF-8/);
  });
});
