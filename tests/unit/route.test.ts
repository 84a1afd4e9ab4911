import { describe, expect, it } from 'vitest';
import { formatHash, hashWithSearchMerged, parseHash, presentFlag } from '../../src/state/route';

describe('hash routes', () => {
  it('parses page, path and query', () => {
    const r = parseHash('#/lessons/skip-gram/3?present=1');
    expect(r.page).toBe('lessons');
    expect(r.rest).toEqual(['skip-gram', '3']);
    expect(r.params.get('present')).toBe('1');
  });
  it('round-trips through formatHash, escaping odd characters', () => {
    const params = new URLSearchParams({ a: 'king - man', b: 'ü&=' });
    const h = formatHash('playgrounds', ['analogy one'], params);
    const r = parseHash(h);
    expect(r.page).toBe('playgrounds');
    expect(r.rest).toEqual(['analogy one']);
    expect(r.params.get('a')).toBe('king - man');
    expect(r.params.get('b')).toBe('ü&=');
  });
  it('treats an empty hash as the home page', () => {
    expect(parseHash('').page).toBe('');
  });
});

describe('a query written before the hash', () => {
  it('moves into the hash: /?present=1#/lab reads like #/lab?present=1', () => {
    const h = hashWithSearchMerged('?present=1', '#/lab');
    expect(h).toBe('#/lab?present=1');
    expect(presentFlag(parseHash(h!).params)).toBe(true);
  });
  it('keeps the hash query, which wins over the outer one for the same key', () => {
    const r = parseHash(hashWithSearchMerged('?present=1&dim=20', '#/lab?dim=50&corpus=sotu')!);
    expect(r.page).toBe('lab');
    expect(r.params.get('present')).toBe('1');
    expect(r.params.get('dim')).toBe('50');
    expect(r.params.get('corpus')).toBe('sotu');
  });
  it('leaves a link with no outer query alone, and gives a bare query the home page', () => {
    expect(hashWithSearchMerged('', '#/lab?present=1')).toBeNull();
    expect(hashWithSearchMerged('?', '#/lab')).toBeNull();
    expect(parseHash(hashWithSearchMerged('?present=1', '')!).page).toBe('');
  });
});

describe('presentFlag', () => {
  it('reads 1/true as on, 0/false as off, anything else as not said', () => {
    expect(presentFlag(new URLSearchParams('present=1'))).toBe(true);
    expect(presentFlag(new URLSearchParams('present=true'))).toBe(true);
    expect(presentFlag(new URLSearchParams('present=0'))).toBe(false);
    expect(presentFlag(new URLSearchParams('present=yes'))).toBeNull();
    expect(presentFlag(new URLSearchParams('dim=5'))).toBeNull();
  });
});
