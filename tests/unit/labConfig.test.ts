import { describe, expect, it } from 'vitest';
import {
  configFromParams,
  configToParams,
  DEFAULT_LAB_CONFIG,
  labDefaultEpochs,
  LAB_SETTINGS,
  modelConfigOf,
  modelParamRows,
  paramsOf,
  withModelDefaults,
  withParam,
} from '../../src/state/labConfig';

describe('lab settings <-> URL', () => {
  it('round-trips every setting through the query string', () => {
    const base = { ...DEFAULT_LAB_CONFIG, model: 'cbow', dim: 24, seed: 42, hide: ['corpus' as const, 'map' as const] };
    const c = withParam(withParam(withParam(base, 'hs', true), 'alpha', 0.05), 'sample', 0);
    const back = configFromParams(configToParams(c));
    expect(back.notes).toEqual([]);
    expect(back.config).toEqual(c);
    expect(paramsOf(back.config)).toMatchObject({ hs: true, alpha: 0.05, sample: 0, negative: 5 });
  });

  it('writes every URL setting (so a link keeps its meaning if defaults change), but no empty hide list', () => {
    const p = configToParams(DEFAULT_LAB_CONFIG);
    for (const s of LAB_SETTINGS) if (s.key !== 'hide' && s.key !== 'params') expect(p.has(s.key)).toBe(true);
    for (const q of modelParamRows('skipgram')) expect(p.has(q.urlKey)).toBe(true);
    expect(p.has('hide')).toBe(false);
    // Command-line-only parameters stay out of links.
    expect(p.has('batch')).toBe(false);
  });

  it('keeps parameters it does not own (present=1)', () => {
    expect(configToParams(DEFAULT_LAB_CONFIG, new URLSearchParams('present=1&dim=3')).get('present')).toBe('1');
  });

  it('falls back to defaults on bad values, one note per value, keeping the good ones', () => {
    const r = configFromParams(new URLSearchParams('dim=abc&window=0&model=bert&alpha=NaN&hs=maybe&hide=corpus,nope&epochs=7'));
    expect(r.config.dim).toBe(DEFAULT_LAB_CONFIG.dim);
    expect(paramsOf(r.config).window).toBe(5);
    expect(r.config.model).toBe('skipgram');
    expect(paramsOf(r.config).hs).toBe(false);
    expect(r.config.hide).toEqual([]);
    expect(r.config.epochs).toBe(7);
    expect(r.notes).toHaveLength(6);
    expect(r.notes.find((n) => n.includes('dim=abc'))).toBe(`Ignored dim=abc in the link (expected a whole number from 2 to 300); using ${DEFAULT_LAB_CONFIG.dim}.`);
    expect(r.notes.join(' ')).toContain('unknown group(s) nope');
  });

  it('refuses hex, binary and octal numbers in a link instead of reading 0x10 as 16', () => {
    const r = configFromParams(new URLSearchParams('dim=0x10&epochs=0b11&alpha=0o1&window=1e1'));
    expect(r.config.dim).toBe(DEFAULT_LAB_CONFIG.dim);
    expect(r.config.epochs).toBe(DEFAULT_LAB_CONFIG.epochs);
    expect(paramsOf(r.config).alpha).toBe(paramsOf(DEFAULT_LAB_CONFIG).alpha);
    expect(paramsOf(r.config).window).toBe(10);
    expect(r.notes).toHaveLength(3);
    expect(r.notes[0]).toMatch(/Ignored dim=0x10/);
  });

  it('never takes the user’s own text from a link, and asks for the file instead of switching to Brown', () => {
    const r = configFromParams(new URLSearchParams('corpus=file'));
    expect(r.config.corpus).toBe('file');
    expect(r.notes[0]).toMatch(/a text is never part of a link and a reload forgets it: choose the \.txt file again/);
    expect(r.notes[0]).not.toMatch(/sender|Brown/);
  });

  it('maps to the registry’s model config', () => {
    const t = modelConfigOf(withParam(withParam({ ...DEFAULT_LAB_CONFIG, minCount: 2 }, 'negative', 0), 'hs', true));
    expect(t).toMatchObject({ model: 'skipgram', common: { minCount: 2, seed: 1, threads: 1 }, params: { negative: 0, hs: true } });
  });

  it('reads a GloVe link with its own keys, and keeps each model’s parameters apart', () => {
    const r = configFromParams(new URLSearchParams('model=glove&window=8&xmax=50&wpow=0.5&alpha=0.1'));
    expect(r.notes).toEqual([]);
    expect(paramsOf(r.config)).toMatchObject({ window: 8, xMax: 50, weightPower: 0.5, alpha: 0.1 });
    // skip-gram keeps its own window and learning rate.
    expect(paramsOf(r.config, 'skipgram')).toMatchObject({ window: 5, alpha: 0.025 });
    const p = configToParams(r.config);
    expect(p.get('xmax')).toBe('50');
    expect(p.has('negative')).toBe(false);
    const bad = configFromParams(new URLSearchParams('model=glove&xmax=0'));
    expect(bad.notes).toEqual(['Ignored xmax=0 in the link (expected a number above 0 to 1000000); using 10.']);
  });
});

describe('switching the model', () => {
  it('moves epochs to the new model’s default unless they were set by hand or by the link', () => {
    const base = { ...DEFAULT_LAB_CONFIG };
    expect(labDefaultEpochs('glove')).toBe(25);
    expect(labDefaultEpochs('skipgram')).toBe(DEFAULT_LAB_CONFIG.epochs);
    expect(withModelDefaults(base, { model: 'glove' })).toEqual({ model: 'glove', epochs: 25 });
    // And back: 25 is GloVe's default, so it follows the model again.
    expect(withModelDefaults({ ...base, model: 'glove', epochs: 25 }, { model: 'cbow' })).toEqual({ model: 'cbow', epochs: DEFAULT_LAB_CONFIG.epochs });
    // A value of the student's own is kept.
    expect(withModelDefaults({ ...base, epochs: 60 }, { model: 'glove' })).toEqual({ model: 'glove' });
    expect(withModelDefaults(base, { model: 'glove', epochs: 3 })).toEqual({ model: 'glove', epochs: 3 });
    expect(withModelDefaults(base, { dim: 50 })).toEqual({ dim: 50 });
  });
});

describe('a link that names a model', () => {
  it('gets the model’s default epochs when the link has none, and the link’s own when it has', () => {
    expect(configFromParams(new URLSearchParams('model=glove')).config.epochs).toBe(25);
    expect(configFromParams(new URLSearchParams('model=glove&epochs=60')).config.epochs).toBe(60);
    expect(configFromParams(new URLSearchParams('model=cbow')).config.epochs).toBe(DEFAULT_LAB_CONFIG.epochs);
  });
});
