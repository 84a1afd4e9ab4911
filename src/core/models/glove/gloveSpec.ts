// GloVe (Pennington, Socher and Manning, 2014) as a registry entry: its parameters, named as Stanford's tool names
// them where that does not clash with a flag the CLI already has (glove.c's -eta is our --alpha, the learning rate
// everywhere in this project; glove.c's -alpha, the weighting exponent, is our --weight-power).
import { MAX_WINDOW } from '../../train/validateConfig';
import type { ModelSpec, ParamSpec } from '../types';
import { DEFAULT_MAX_PAIRS } from './cooccurrence';
import { GloveTrainer } from './gloveTrainer';
import { textCorpusOf } from '../trainData';

export interface GloveParams {
  [key: string]: number | boolean | string;
  window: number;
  xMax: number;
  weightPower: number;
  alpha: number;
  maxPairs: number;
}

/** Stanford's demo settings for small corpora (window 10, x_max 10), its default exponent and learning rate. */
export const GLOVE_PARAMS: readonly ParamSpec<GloveParams>[] = [
  { key: 'window', type: 'int', min: 1, max: MAX_WINDOW, default: 10, label: 'Window', help: 'Words up to this far apart co-occur, weighted 1/distance, on both sides', cliFlag: 'window', urlKey: 'window' },
  { key: 'xMax', type: 'float', min: 0, exclusiveMin: true, max: 1e6, default: 10, label: 'x_max', help: 'Co-occurrence count at which a pair gets full weight (glove.c: 100 on large corpora, 10 on small ones)', cliFlag: 'x-max', urlKey: 'xmax' },
  { key: 'weightPower', type: 'float', min: 0, max: 2, default: 0.75, label: 'Weighting exponent', help: 'Exponent of the weighting f(x) = (x / x_max)^power below x_max (glove.c’s -alpha)', cliFlag: 'weight-power', urlKey: 'wpow' },
  { key: 'alpha', type: 'float', min: 0, exclusiveMin: true, default: 0.05, label: 'Learning rate', help: 'AdaGrad’s initial learning rate (glove.c’s -eta)', cliFlag: 'alpha', urlKey: 'alpha' },
  { key: 'maxPairs', type: 'int', min: 1000, max: 200_000_000, default: DEFAULT_MAX_PAIRS, label: 'Co-occurrence cap', help: 'Most word pairs held while counting; beyond it the lightest pairs are dropped (and reported)', cliFlag: 'max-pairs', urlKey: 'maxPairs', inLab: false },
];

export const GLOVE_SPEC: ModelSpec<GloveParams> = {
  id: 'glove',
  title: 'GloVe',
  summary: 'GloVe fits word and context vectors to the log of how often words co-occur (weighted least squares, AdaGrad)',
  family: 'static',
  params: GLOVE_PARAMS,
  commonDefaults: { epochs: 25 },
  engines: ['cpu'],
  unit: 'cells',
  lossName: '½ f(X)·(w·w̃ + b + b̃ − log X)² per cell',
  create(data, config, engine, opts) {
    if (engine !== 'cpu') return Promise.reject(new Error(`GloVe runs on the cpu engine only, not "${engine}".`));
    const { common, params } = config;
    if (common.threads > 1) opts?.onLog?.(`GloVe trains on 1 thread (asked for ${common.threads}), deterministically.`);
    return Promise.resolve(
      new GloveTrainer(
        textCorpusOf(data, 'GloVe'),
        {
          dim: common.dim,
          epochs: common.epochs,
          seed: common.seed,
          window: params.window,
          xMax: params.xMax,
          power: params.weightPower,
          eta: params.alpha,
          maxPairs: params.maxPairs,
        },
        opts?.onLog,
      ),
    );
  },
};
