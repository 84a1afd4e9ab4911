// The registry: built-in models are listed, clashes are refused, and parameters parse and check with messages
// that name the flag.
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkParams,
  defaultCommon,
  defaultParams,
  getModel,
  hasModel,
  listModels,
  parseParam,
  registerModel,
  unregisterModel,
  type ModelSpec,
} from '../../src/core/models';

const toy = (id: string, over: Partial<ModelSpec> = {}): ModelSpec => ({
  id,
  title: id,
  summary: 'a toy',
  family: 'static',
  params: [],
  engines: ['cpu'],
  unit: 'words',
  lossName: 'none',
  create: () => Promise.reject(new Error('toy')),
  ...over,
});

afterEach(() => {
  unregisterModel('toy-a');
  unregisterModel('toy-b');
});

describe('registry', () => {
  it('lists skip-gram and CBOW with their parameters', () => {
    const ids = listModels().map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['skipgram', 'cbow']));
    expect(getModel('skipgram').params.map((p) => p.cliFlag)).toContain('negative');
    expect(defaultParams(getModel('cbow'))).toMatchObject({ window: 5, negative: 5, hs: false });
    expect(defaultCommon(getModel('cbow')).dim).toBe(100);
  });

  it('names the known models when asked for an unknown one', () => {
    expect(() => getModel('nope')).toThrow(/Unknown model "nope": expected .*skipgram/);
  });

  it('refuses a taken id and a flag that means something else elsewhere', () => {
    expect(() => registerModel(toy('skipgram'))).toThrow(/already registered/);
    const clash = toy('toy-a', {
      params: [{ key: 'size', type: 'int', min: 0, max: 9, default: 1, label: 'x', help: 'x', cliFlag: 'window', urlKey: 'size' }],
    });
    expect(() => registerModel(clash)).toThrow(/clashes with "skipgram"/);
    expect(hasModel('toy-a')).toBe(false);
  });

  it('refuses a default outside its own bounds', () => {
    const bad = toy('toy-b', {
      params: [{ key: 'k', type: 'int', min: 1, max: 3, default: 7, label: 'k', help: 'k', cliFlag: 'k', urlKey: 'k' }],
    });
    expect(() => registerModel(bad)).toThrow(/default of k/);
  });

  it('parses text values and says what was expected', () => {
    const window = getModel('skipgram').params.find((p) => p.key === 'window')!;
    expect(parseParam(window, '7')).toEqual({ ok: true, value: 7 });
    expect(parseParam(window, '2.5')).toEqual({ ok: false, why: expect.stringMatching(/whole number from 1/) });
    expect(parseParam(window, '')).toMatchObject({ ok: false });
    expect(parseParam(window, '0x10')).toMatchObject({ ok: false });
    expect(parseParam(window, '1e1')).toEqual({ ok: true, value: 10 });
    const hs = getModel('skipgram').params.find((p) => p.key === 'hs')!;
    expect(parseParam(hs, '1')).toEqual({ ok: true, value: true });
    expect(parseParam(hs, 'yes')).toEqual({ ok: false, why: 'expected 0 or 1' });
    const alpha = getModel('skipgram').params.find((p) => p.key === 'alpha')!;
    expect(parseParam(alpha, '0')).toMatchObject({ ok: false, why: 'expected a number above 0' });
  });

  it('checks a whole parameter object, cross-checks included', () => {
    const spec = getModel('skipgram');
    expect(checkParams(spec, defaultParams(spec))).toEqual([]);
    expect(checkParams(spec, { ...defaultParams(spec), negative: 0, hs: false })).toEqual([expect.stringMatching(/--negative 0 and --hs 0/)]);
    expect(checkParams(spec, { ...defaultParams(spec), window: 0 })[0]).toMatch(/^--window 0: expected a whole number/);
  });
});
