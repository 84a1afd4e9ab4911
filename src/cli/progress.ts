// Progress lines for stderr: one every few seconds, so a long run shows it is alive without flooding a log file.
import type { Progress, ProgressUnit } from '../core/models/types';
import type { TrainProgress } from '../core/train/types';

/** Seconds between two progress lines: often enough to see movement, rare enough to read. */
export const PROGRESS_INTERVAL_MS = 3000;

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatProgress(p: TrainProgress, epochs: number): string {
  const pct = p.wordsTotal > 0 ? (100 * p.wordsDone) / p.wordsTotal : 0;
  const epoch = Math.min(p.epoch + 1, epochs);
  const loss = Number.isFinite(p.loss) ? p.loss.toFixed(4) : '-';
  return (
    `epoch ${epoch}/${epochs}  ${pct.toFixed(1).padStart(5)}%  loss ${loss}  ` +
    `${int.format(p.wordsPerSec)} words/s  lr ${p.lr.toFixed(6)}`
  );
}

/** The same line for any registered model: its stage while it has one (GloVe's counting), else passes, loss and
 *  speed in the model's own unit. */
export function formatModelProgress(p: Progress, unit: ProgressUnit): string {
  if (p.stage) return p.stage;
  const pct = p.unitsTotal > 0 ? (100 * p.unitsDone) / p.unitsTotal : 0;
  const epoch = Math.min(p.epoch + 1, p.epochs);
  const loss = Number.isFinite(p.loss) ? p.loss.toFixed(4) : '-';
  return `epoch ${epoch}/${p.epochs}  ${pct.toFixed(1).padStart(5)}%  loss ${loss}  ${int.format(p.unitsPerSec)} ${unit}/s  lr ${p.lr.toFixed(6)}`;
}

/** Calls `print` at most once per interval; `force` prints regardless (the last line), unless it was just printed. */
export function throttled(print: (line: string) => void, intervalMs = PROGRESS_INTERVAL_MS) {
  let last = -Infinity;
  let lastLine = '';
  return (line: string, force = false): void => {
    const now = Date.now();
    if (force ? line === lastLine : now - last < intervalMs) return;
    last = now;
    lastLine = line;
    print(line);
  };
}
