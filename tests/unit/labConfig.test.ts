import { describe, expect, it } from 'vitest';
import {
  configFromParams,
  configToParams,
  DEFAULT_LAB_CONFIG,
  LAB_SETTINGS,
  trainConfigOf,
} from '../../src/state/labConfig';

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

  it('refuses hex, binary and octal numbers in a link instead of reading 0x10 as 16', () => {
    const r = configFromParams(new URLSearchParams('dim=0x10&epochs=0b11&alpha=0o1&window=1e1'));
    expect(r.config.dim).toBe(DEFAULT_LAB_CONFIG.dim);
    expect(r.config.epochs).toBe(DEFAULT_LAB_CONFIG.epochs);
    expect(r.config.alpha).toBe(DEFAULT_LAB_CONFIG.alpha);
    expect(r.config.window).toBe(10);
    expect(r.notes).toHaveLength(3);
    expect(r.notes[0]).toMatch(/Ignored dim=0x10/);
  });

  it('never takes the user’s own text from a link', () => {
    const r = configFromParams(new URLSearchParams('corpus=file'));
    expect(r.config.corpus).toBe('brown');
    expect(r.notes[0]).toMatch(/never leaves their browser/);
  });

  it('maps to the core TrainConfig', () => {
    const t = trainConfigOf({ ...DEFAULT_LAB_CONFIG, negative: 0, hs: true, minCount: 2 });
    expect(t).toMatchObject({ negative: 0, hs: true, minCount: 2, model: 'skipgram', seed: 1 });
  });
});
