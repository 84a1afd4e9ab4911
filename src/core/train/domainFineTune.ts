// Domain fine-tuning, measured: a skip-gram model trained on a general corpus (Brown) is continued on a domain corpus
// (the State of the Union addresses) with its output vectors kept and the domain's own unigram noise distribution,
// and scored on questions about the domain against a model of the domain corpus alone, the general model alone, and
// the continued model with its output vectors reset to zero (what continuing from a vectors file, which keeps only
// the input vectors, amounts to). Every arm runs over several seeds, so each score has a spread.
import type { EncodedCorpus } from '../text/corpus';
import { evaluateAnalogies } from '../vectors/evaluation';
import { KeyedVectors } from '../vectors/keyedVectors';
import { createCpuTrainer } from './cpuEngine';
import type { TrainConfig } from './types';
import type { WarmStart } from './warmStart';

export type DomainArm = 'general' | 'domain' | 'finetune' | 'finetune-reset';
export const DOMAIN_ARMS: readonly DomainArm[] = ['general', 'domain', 'finetune', 'finetune-reset'];
export const DOMAIN_ARM_LABELS: Record<DomainArm, string> = {
  general: 'general corpus alone',
  domain: 'domain corpus alone',
  finetune: 'general, then domain (output vectors kept)',
  'finetune-reset': 'general, then domain (output vectors reset)',
};

/** Corpus tokens per run() call: small enough that progress and cancel answer within a fraction of a second. */
export const FINE_TUNE_CHUNK_WORDS = 50_000;

export interface DomainProgress {
  arm: DomainArm | 'general-base';
  seed: number;
  /** Share of this run done, 0..1. */
  fraction: number;
  /** Runs finished so far, and in all. */
  runsDone: number;
  runsTotal: number;
}

export interface ArmScore {
  /** Accuracy per seed, in seed order. */
  accuracy: number[];
  /** Share of questions every word of which the arm's vocabulary knows, per seed. */
  coverage: number[];
  /** Accuracy per section, per seed. */
  sections: Record<string, number[]>;
}

export interface DomainFineTuneResult {
  seeds: number[];
  questions: number;
  arms: Partial<Record<DomainArm, ArmScore>>;
  config: TrainConfig;
  /** Epochs of the continued runs on the domain corpus. */
  fineTuneEpochs: number;
}

export interface DomainFineTuneOptions {
  config: TrainConfig;
  /** Epochs on the domain corpus for the continued arms (default: config.epochs). */
  fineTuneEpochs?: number;
  seeds: readonly number[];
  arms?: readonly DomainArm[];
  signal?: AbortSignal;
  onProgress?: (p: DomainProgress) => void;
  /** Called with each continued model (output kept), e.g. to save the first seed's vectors. */
  onFineTuned?: (seed: number, kv: KeyedVectors) => void;
}

async function trainToEnd(
  corpus: EncodedCorpus,
  config: TrainConfig,
  warmStart: WarmStart | undefined,
  report: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<{ kv: KeyedVectors; output: Float32Array }> {
  const t = createCpuTrainer(corpus, config, { warmStart });
  try {
    while (!t.done) {
      signal?.throwIfAborted();
      const p = await t.run(FINE_TUNE_CHUNK_WORDS);
      report(p.wordsDone / p.wordsTotal);
    }
    return { kv: new KeyedVectors(corpus.vocab.words, t.vectors(), t.dim), output: t.outputVectors() };
  } finally {
    t.dispose();
  }
}

/** Runs every arm over the seeds and scores it on the analogy questions (questions-words text). */
export async function runDomainFineTune(general: EncodedCorpus, domain: EncodedCorpus, questions: string, o: DomainFineTuneOptions): Promise<DomainFineTuneResult> {
  const arms = o.arms ?? DOMAIN_ARMS;
  const fineTuneEpochs = o.fineTuneEpochs ?? o.config.epochs;
  const needsGeneral = arms.some((a) => a !== 'domain');
  const runsTotal = o.seeds.length * (arms.length + (needsGeneral && !arms.includes('general') ? 1 : 0));
  let runsDone = 0;
  const scores: Partial<Record<DomainArm, ArmScore>> = {};
  let questionCount = 0;
  const score = (arm: DomainArm, kv: KeyedVectors) => {
    const r = evaluateAnalogies(kv, questions, { fileName: 'domain questions', restrict: kv.size, signal: o.signal });
    questionCount = r.overall.total + r.skipped;
    const s = (scores[arm] ??= { accuracy: [], coverage: [], sections: {} });
    s.accuracy.push(r.overall.accuracy);
    s.coverage.push(r.coverage);
    for (const sec of r.sections) (s.sections[sec.name] ??= []).push(sec.total ? sec.correct / sec.total : 0);
  };
  for (const seed of o.seeds) {
    const cfg = { ...o.config, seed };
    const run = async (arm: DomainProgress['arm'], corpus: EncodedCorpus, c: TrainConfig, warm?: WarmStart) => {
      const r = await trainToEnd(corpus, c, warm, (fraction) => fraction < 1 && o.onProgress?.({ arm, seed, fraction, runsDone, runsTotal }), o.signal);
      runsDone++;
      o.onProgress?.({ arm, seed, fraction: 1, runsDone, runsTotal });
      return r;
    };
    if (arms.includes('domain')) score('domain', (await run('domain', domain, cfg)).kv);
    if (!needsGeneral) continue;
    const base = await run(arms.includes('general') ? 'general' : 'general-base', general, cfg);
    if (arms.includes('general')) score('general', base.kv);
    const continued = { ...cfg, epochs: fineTuneEpochs };
    const words = general.vocab.words;
    if (arms.includes('finetune')) {
      const ft = await run('finetune', domain, continued, { words, dim: cfg.dim, input: base.kv.vectors, output: base.output });
      score('finetune', ft.kv);
      o.onFineTuned?.(seed, ft.kv);
    }
    if (arms.includes('finetune-reset')) {
      score('finetune-reset', (await run('finetune-reset', domain, continued, { words, dim: cfg.dim, input: base.kv.vectors, output: null })).kv);
    }
  }
  return { seeds: [...o.seeds], questions: questionCount, arms: scores, config: o.config, fineTuneEpochs };
}
