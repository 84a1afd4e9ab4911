// Adding a model is its own files plus one registration: a toy model registered here, in a test file, shows up in
// the CLI's --help and option checks and in the lab's model list, settings rows and links, with no edit to either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpText, parseCommand } from '../../src/cli/args';
import { configFrom, trainSpec } from '../../src/cli/train';
import { registerModel, unregisterModel } from '../../src/core/models';
import type { ModelSpec, StaticModel, Trainer } from '../../src/core/models/types';
import { textCorpusOf } from '../../src/core/models/trainData';
import { configFromParams, configToParams, DEFAULT_LAB_CONFIG, modelParamRows, modelTitles, paramsOf, settingOf } from '../../src/state/labConfig';

/** A "model" that gives every word the same constant vector: enough to be trained, listed and configured. */
const TOY: ModelSpec = {
  id: 'toy-constant',
  title: 'Toy constant',
  summary: 'Every word gets the same vector (a test of the registry)',
  family: 'static',
  params: [
    { key: 'level', type: 'float', min: 0, max: 5, default: 1, label: 'Constant level', help: 'The value of every component', cliFlag: 'toy-level', urlKey: 'toyLevel' },
  ],
  engines: ['cpu'],
  unit: 'words',
  lossName: 'none',
  create(data, config) {
    const corpus = textCorpusOf(data, 'Toy constant');
    const words = corpus.vocab.words;
    const dim = config.common.dim;
    const level = config.params.level as number;
    const model: StaticModel = {
      kind: 'static', words, dim,
      vectors: () => new Float32Array(words.length * dim).fill(level),
      vectorsFor: (ids) => new Float32Array(ids.length * dim).fill(level),
    };
    const trainer: Trainer = {
      modelId: 'toy-constant', engine: 'cpu', vocab: corpus.vocab, dim, epochs: 1, done: true,
      run: () => Promise.resolve(trainer.progress()),
      progress: () => ({ epoch: 1, epochs: 1, unitsDone: 0, unitsTotal: 0, unitsPerSec: 0, loss: 0, lr: 0, seconds: 0, done: true }),
      model: () => model,
      dispose: () => {},
    };
    return Promise.resolve(trainer);
  },
};

beforeAll(() => registerModel(TOY));
afterAll(() => unregisterModel(TOY.id));

describe('a model registered in a test file', () => {
  it('is in the CLI: --model value, its own flag with its default, and its checks', () => {
    const help = helpText(trainSpec());
    expect(help).toMatch(/\[--model skipgram\|cbow\|glove[a-z|]*\|toy-constant\]/);
    expect(help).toMatch(/--toy-level X\s+the value of every component \[toy-constant\] \(default 1\)/);
    const ok = configFrom(parseCommand(trainSpec(), ['--corpus', 'brown', '--model', 'toy-constant', '--toy-level', '2.5']));
    expect(ok.config.params).toEqual({ level: 2.5 });
    expect(() => parseCommand(trainSpec(), ['--corpus', 'brown', '--model', 'toy-constant', '--toy-level', '9'])).toThrow(/--toy-level must be a number from 0 to 5, got 9/);
    expect(() => configFrom(parseCommand(trainSpec(), ['--corpus', 'brown', '--toy-level', '2']))).toThrow(/--toy-level does not apply to --model skipgram/);
  });

  it('is in the lab: the model list, its settings row and its link key', () => {
    const row = settingOf('model');
    expect(row.type === 'enum' ? row.values : []).toContain('toy-constant');
    expect(modelTitles()['toy-constant']).toBe('Toy constant');
    expect(modelParamRows('toy-constant').map((p) => p.label)).toEqual(['Constant level']);
    const r = configFromParams(new URLSearchParams('model=toy-constant&toyLevel=3'));
    expect(r.notes).toEqual([]);
    expect(paramsOf(r.config)).toEqual({ level: 3 });
    expect(configToParams(r.config).get('toyLevel')).toBe('3');
    // Another model's link does not carry the toy's key.
    expect(configToParams(DEFAULT_LAB_CONFIG).has('toyLevel')).toBe(false);
  });
});
