import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../src/state/route';

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
