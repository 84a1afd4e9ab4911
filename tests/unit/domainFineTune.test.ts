// runDomainFineTune on two toy corpora: every arm runs on every seed and is scored; the continued model starts from
// the general model (its vectors for shared words stay closer to the general model's than a fresh domain model's
// do); progress counts every run; an aborted signal stops it.
import { describe, expect, it } from 'vitest';
import { encodeCorpus } from '../../src/core/text/corpus';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { DOMAIN_ARMS, runDomainFineTune, type DomainProgress } from '../../src/core/train/domainFineTune';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../src/core/train/types';
import type { KeyedVectors } from '../../src/core/vectors/keyedVectors';

const general = encodeCorpus(TOY_CORPORA.fruit.text, { minCount: 1, maxVocab: 0 });
const domain = encodeCorpus(TOY_CORPORA.fruit.text + '\n' + TOY_CORPORA.royals.text, { minCount: 1, maxVocab: 0 });
const CONFIG: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, dim: 8, window: 2, minCount: 1, sample: 0, epochs: 3 };
const QUESTIONS = ': toy\napple orange banana apple\nking queen man woman\n';

describe('runDomainFineTune', () => {
  it('runs and scores every arm on every seed, reporting progress per run', async () => {
    const progress: DomainProgress[] = [];
    const tuned: number[] = [];
    const r = await runDomainFineTune(general, domain, QUESTIONS, { config: CONFIG, seeds: [1, 2], onProgress: (p) => progress.push(p), onFineTuned: (s) => tuned.push(s) });
    expect(Object.keys(r.arms).sort()).toEqual([...DOMAIN_ARMS].sort());
    for (const a of DOMAIN_ARMS) {
      expect(r.arms[a]!.accuracy).toHaveLength(2);
      expect(r.arms[a]!.sections.toy).toHaveLength(2);
    }
    // "king queen man woman" cannot be asked of the fruit-only model: half its questions are skipped.
    expect(r.arms.general!.coverage).toEqual([0.5, 0.5]);
    expect(r.arms.finetune!.coverage).toEqual([1, 1]);
    expect(r.questions).toBe(2);
    expect(tuned).toEqual([1, 2]);
    const finished = progress.filter((p) => p.fraction === 1);
    expect(finished.map((p) => p.runsDone)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(finished.every((p) => p.runsTotal === 8)).toBe(true);
  });

  it('continues the general model: shared words keep the direction of their general vectors, which a fresh domain model does not', async () => {
    let ft: KeyedVectors | null = null;
    const cfg = { ...CONFIG, epochs: 5, alpha: 0.005 };
    const g = await runDomainFineTune(general, domain, QUESTIONS, { config: cfg, seeds: [1], arms: ['finetune'], onFineTuned: (_s, kv) => (ft = kv) });
    expect(g.arms.finetune).toBeDefined();
    // The general model itself, trained the same way (same seed) for reference.
    const { createCpuTrainer } = await import('../../src/core/train/cpuEngine');
    const base = createCpuTrainer(general, { ...cfg, seed: 1 });
    await base.run(Infinity);
    const fresh = createCpuTrainer(domain, { ...cfg, seed: 7 }); // another seed: the same one would share the starting rows
    await fresh.run(Infinity);
    const tunedKv = ft as unknown as KeyedVectors;
    const cos = (a: Float32Array, ai: number, b: Float32Array, bi: number) => {
      let ab = 0;
      let aa = 0;
      let bb = 0;
      for (let d = 0; d < cfg.dim; d++) {
        const x = a[ai * cfg.dim + d]!;
        const y = b[bi * cfg.dim + d]!;
        ab += x * y;
        aa += x * x;
        bb += y * y;
      }
      return ab / Math.sqrt(aa * bb);
    };
    let tunedCos = 0;
    let freshCos = 0;
    const baseV = base.vectors();
    const freshV = fresh.vectors();
    const n = general.vocab.words.length;
    general.vocab.words.forEach((w, gi) => {
      tunedCos += cos(tunedKv.vectors, tunedKv.indexOf(w), baseV, gi) / n;
      freshCos += cos(freshV, domain.vocab.index.get(w)!, baseV, gi) / n;
    });
    expect(tunedCos).toBeGreaterThan(0.8);
    expect(Math.abs(freshCos)).toBeLessThan(0.5);
  });

  it('stops when the signal is aborted', async () => {
    const abort = new AbortController();
    abort.abort(new Error('stop here'));
    await expect(runDomainFineTune(general, domain, QUESTIONS, { config: CONFIG, seeds: [1], signal: abort.signal })).rejects.toThrow('stop here');
  });
});
