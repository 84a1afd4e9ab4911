// `finetune`: domain fine-tuning, measured. Trains skip-gram on a general corpus (Brown), continues it on a domain
// corpus (SOTU) with its output vectors kept and the domain's noise distribution (the cpu engine's warm start), and
// scores it on domain questions (data/eval/sotu-domain.txt) against the domain corpus alone, the general corpus
// alone and the continuation with output vectors reset, over seeds. Progress on stderr, Ctrl-C cancels between
// chunks, --out saves the first seed's fine-tuned vectors.
import { join } from 'node:path';
import { encodeCorpus } from '../core/text/corpus';
import { DOMAIN_ARM_LABELS, DOMAIN_ARMS, runDomainFineTune, type DomainArm, type DomainFineTuneResult } from '../core/train/domainFineTune';
import { DEFAULT_TRAIN_CONFIG } from '../core/train/types';
import type { KeyedVectors } from '../core/vectors/keyedVectors';
import { readFileSync } from 'node:fs';
import { parseCommand, type CommandSpec } from './args';
import { readTextBlocks, resolveCorpus } from './corpusFile';
import { InterruptedError, UsageError } from './errors';
import { watchInterrupt } from './interrupt';
import { PROJECT_ROOT, userPath } from './paths';
import { throttled } from './progress';
import { checkOutputTarget } from './outputTarget';
import { writeVectorsFile } from './vectorsFile';

export const DEFAULT_DOMAIN_QUESTIONS = join(PROJECT_ROOT, 'data', 'eval', 'sotu-domain.txt');

export const FINETUNE_SPEC: CommandSpec = {
  name: 'finetune',
  summary: 'Domain fine-tuning: continue a general skip-gram model on a domain corpus, output vectors kept; score against each corpus alone.',
  usage: 'npm run cli -- finetune [--general brown|PATH] [--domain sotu|PATH] [--questions FILE] [--seeds N] [--out FILE] [--json]',
  options: [
    { name: 'general', kind: 'string', valueName: 'brown|PATH', default: 'brown', help: 'the general corpus trained first' },
    { name: 'domain', kind: 'string', valueName: 'sotu|PATH', default: 'sotu', help: 'the domain corpus the model continues on' },
    { name: 'questions', kind: 'string', valueName: 'FILE', help: 'domain analogy questions (default data/eval/sotu-domain.txt)' },
    { name: 'seeds', kind: 'int', min: 1, max: 20, default: '3', help: 'seeds 1..N for every arm' },
    { name: 'arms', kind: 'string', valueName: 'A,B,...', default: DOMAIN_ARMS.join(','), help: `which arms to run (${DOMAIN_ARMS.join(', ')})` },
    { name: 'dim', kind: 'int', min: 1, max: 1000, default: String(DEFAULT_TRAIN_CONFIG.dim), help: 'vector size' },
    { name: 'epochs', kind: 'int', min: 1, max: 100, default: String(DEFAULT_TRAIN_CONFIG.epochs), help: 'epochs on each corpus trained from scratch' },
    { name: 'finetune-epochs', kind: 'int', min: 1, max: 100, help: 'epochs of the continued runs on the domain corpus (default: --epochs)' },
    { name: 'alpha', kind: 'float', min: 0, exclusiveMin: true, max: 1, default: String(DEFAULT_TRAIN_CONFIG.alpha), help: 'starting learning rate of every run' },
    { name: 'min-count', kind: 'int', min: 1, default: String(DEFAULT_TRAIN_CONFIG.minCount), help: 'drop words seen fewer times in a corpus' },
    { name: 'out', kind: 'string', valueName: 'FILE', help: "save seed 1's fine-tuned vectors (.txt .bin .vec .tsv .elv)" },
    { name: 'quiet', kind: 'flag', help: 'no progress lines on stderr' },
    { name: 'json', kind: 'flag', help: 'print one JSON object instead of a table' },
  ],
  examples: ['npm run cli -- finetune --seeds 3', 'npm run cli -- finetune --general brown --domain my-domain.txt --questions my-questions.txt --out ft.txt'],
};

export interface FineTuneSummary extends DomainFineTuneResult {
  command: 'finetune';
  general: string;
  domain: string;
  questionsFile: string;
  seconds: number;
  saved: string | null;
}

export function parseArms(text: string): DomainArm[] {
  const arms = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = arms.find((a) => !(DOMAIN_ARMS as readonly string[]).includes(a));
  if (bad !== undefined || arms.length === 0) throw new UsageError(`--arms takes names from ${DOMAIN_ARMS.join(', ')} separated by commas, got "${bad ?? text}"`, 'finetune');
  return DOMAIN_ARMS.filter((a) => arms.includes(a));
}

async function readCorpusText(value: string, log: (line: string) => void): Promise<{ name: string; text: string }> {
  const source = resolveCorpus(value, log);
  let text = '';
  for await (const block of readTextBlocks(source)) text += block;
  return { name: source.name, text };
}

export async function runFineTune(argv: readonly string[], log: (line: string) => void): Promise<{ summary: FineTuneSummary; json: boolean } | 'help'> {
  const o = parseCommand(FINETUNE_SPEC, argv);
  if (o.help) return 'help';
  const arms = parseArms(o.arms as string);
  const out = o.out === undefined ? null : userPath(o.out as string);
  if (out) checkOutputTarget(out, 'finetune');
  const questionsFile = o.questions === undefined ? DEFAULT_DOMAIN_QUESTIONS : userPath(o.questions as string);
  const questions = readFileSync(questionsFile, 'utf8');
  const minCount = o['min-count'] as number;
  const [general, domain] = [await readCorpusText(o.general as string, log), await readCorpusText(o.domain as string, log)];
  const encode = (c: { name: string; text: string }) => encodeCorpus(c.text, { minCount, maxVocab: 0 });
  const config = { ...DEFAULT_TRAIN_CONFIG, dim: o.dim as number, epochs: o.epochs as number, alpha: o.alpha as number, minCount };
  const interrupt = watchInterrupt(log);
  // The core stops at its next chunk once the signal is aborted; the first Ctrl-C asks for that.
  const abort = new AbortController();
  const print = throttled(log);
  const started = performance.now();
  let firstFineTuned: KeyedVectors | null = null;
  try {
    const result = await runDomainFineTune(encode(general), encode(domain), questions, {
      config,
      fineTuneEpochs: o['finetune-epochs'] as number | undefined,
      seeds: Array.from({ length: o.seeds as number }, (_, i) => i + 1),
      arms,
      signal: abort.signal,
      onProgress: (p) => {
        if (interrupt.requested()) abort.abort(new InterruptedError('Ctrl-C: fine-tuning was cancelled; nothing was written'));
        if (!o.quiet) print(`[run ${p.runsDone + (p.fraction < 1 ? 1 : 0)}/${p.runsTotal}] seed ${p.seed}, ${p.arm}: ${(100 * p.fraction).toFixed(0)}%`);
      },
      onFineTuned: (seed, kv) => {
        if (seed === 1) firstFineTuned = kv;
      },
    });
    let saved: string | null = null;
    const ft = firstFineTuned as KeyedVectors | null;
    if (out && ft) {
      await writeVectorsFile(ft, out, { command: 'finetune', general: general.name, domain: domain.name, ...config, seed: 1 }, interrupt);
      saved = out;
    }
    return {
      summary: { command: 'finetune', general: general.name, domain: domain.name, questionsFile, seconds: (performance.now() - started) / 1000, saved, ...result },
      json: o.json === true,
    };
  } catch (err) {
    if (abort.signal.aborted) throw new InterruptedError('Ctrl-C: fine-tuning was cancelled; nothing was written');
    throw err;
  } finally {
    interrupt.dispose();
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}`;
const spread = (v: number[]) => {
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  return `${pct(mean)} (${pct(Math.min(...v))}-${pct(Math.max(...v))})`;
};

export function formatFineTune(s: FineTuneSummary): string {
  const arms = DOMAIN_ARMS.filter((a) => s.arms[a]);
  const sections = Object.keys(s.arms[arms[0]!]?.sections ?? {});
  const lines = [
    `general: ${s.general}; domain: ${s.domain}; questions: ${s.questionsFile} (${s.questions}); seeds ${s.seeds.join(', ')}`,
    `skip-gram ${s.config.dim}d, ${s.config.epochs} epochs from scratch, ${s.fineTuneEpochs} epochs continued; accuracy % as mean (min-max over seeds)`,
    '',
    ['arm', 'accuracy', ...sections, 'coverage'].join(' | '),
  ];
  for (const a of arms) {
    const r = s.arms[a]!;
    lines.push([DOMAIN_ARM_LABELS[a], spread(r.accuracy), ...sections.map((x) => spread(r.sections[x]!)), spread(r.coverage)].join(' | '));
  }
  const ft = s.arms.finetune;
  const dom = s.arms.domain;
  if (ft && dom && s.seeds.length > 1) {
    const beyond = Math.min(...ft.accuracy) > Math.max(...dom.accuracy);
    const below = Math.max(...ft.accuracy) < Math.min(...dom.accuracy);
    lines.push('', beyond ? 'fine-tuned beats the domain corpus alone beyond the seed spread' : below ? 'the domain corpus alone beats fine-tuning beyond the seed spread' : 'fine-tuned and domain-alone overlap within the seed spread: no difference beyond noise');
  }
  if (s.saved) lines.push(`saved seed 1's fine-tuned vectors to ${s.saved}`);
  lines.push(`${s.seconds.toFixed(0)} s`);
  return lines.join('\n');
}
