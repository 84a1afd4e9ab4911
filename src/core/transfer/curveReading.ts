// What a transfer curve says, in words, computed from its numbers: at which sizes a pre-trained arm beats training
// from scratch beyond the seed spread (its worst seed above random's best), at which it loses beyond it, and the
// paired (same-seed) differences. Pages and the CLI print this reading instead of a fixed sentence, so the text can
// never claim more than the run in front of the student shows.
import { beatsBeyondSpread, pairedDifference, type Spread, type TransferArm, type TransferCurve } from './transferCurve';

export type PretrainedArm = Exclude<TransferArm, 'random'>;

export interface SizeReading {
  size: number;
  /** Per pre-trained arm: + beats random beyond the spread, - loses beyond it, 0 neither. */
  verdict: Partial<Record<PretrainedArm, -1 | 0 | 1>>;
  /** Per pre-trained arm: the arm minus random, seed by seed. */
  paired: Partial<Record<PretrainedArm, Spread>>;
}

export interface CurveReading {
  /** False with one seed: a spread needs two. */
  judged: boolean;
  sizes: SizeReading[];
  /** Sizes at which each pre-trained arm beats / loses to random beyond the spread. */
  wins: Record<PretrainedArm, number[]>;
  losses: Record<PretrainedArm, number[]>;
  /** One or two plain sentences for the page. */
  summary: string;
}

const ARM_NAMES: Record<PretrainedArm, string> = { frozen: 'frozen pre-trained vectors', finetune: 'fine-tuned pre-trained vectors' };

function sizesText(sizes: number[]): string {
  return sizes.length === 1 ? `${sizes[0]} documents` : `${sizes.slice(0, -1).join(', ')} and ${sizes[sizes.length - 1]} documents`;
}

export function readCurve(curve: TransferCurve): CurveReading {
  const judged = curve.seeds.length > 1;
  const wins: Record<PretrainedArm, number[]> = { frozen: [], finetune: [] };
  const losses: Record<PretrainedArm, number[]> = { frozen: [], finetune: [] };
  const sizes = curve.points.map((p): SizeReading => {
    const r: SizeReading = { size: p.size, verdict: {}, paired: {} };
    const rnd = p.arms.random;
    for (const arm of ['frozen', 'finetune'] as const) {
      const a = p.arms[arm];
      if (!a || !rnd) continue;
      r.paired[arm] = pairedDifference(a, rnd);
      const v = !judged ? 0 : beatsBeyondSpread(a, rnd) ? 1 : beatsBeyondSpread(rnd, a) ? -1 : 0;
      r.verdict[arm] = v;
      if (v > 0) wins[arm].push(p.size);
      if (v < 0) losses[arm].push(p.size);
    }
    return r;
  });
  const hasRandom = curve.points.some((p) => p.arms.random);
  const present = (['frozen', 'finetune'] as const).filter((a) => curve.points.some((p) => p.arms[a]));
  let summary: string;
  if (!hasRandom || present.length === 0) summary = 'Run the random arm and at least one pre-trained arm to compare them.';
  else if (!judged) summary = 'With one seed there is no spread to judge a difference against: run two or more seeds.';
  else {
    const parts: string[] = [];
    const anyWin = present.some((a) => wins[a].length > 0);
    if (!anyWin) parts.push(`At no size does a pre-trained start beat training from scratch beyond the spread of the ${curve.seeds.length} seeds.`);
    for (const a of present) if (wins[a].length) parts.push(`${capital(ARM_NAMES[a])} beat random beyond the seed spread at ${sizesText(wins[a])}.`);
    for (const a of present) if (losses[a].length) parts.push(`${capital(ARM_NAMES[a])} lose to random beyond the seed spread at ${sizesText(losses[a])}.`);
    summary = parts.join(' ');
  }
  return { judged, sizes, wins, losses, summary };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
