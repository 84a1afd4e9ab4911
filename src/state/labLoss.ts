// The loss curve's points, outside React and outside the zustand state: appended ~25 times a second by the trainer's
// progress messages, read by the chart on its own cadence. Kept bounded by halving the resolution when full.

/** Enough points for a smooth curve at any chart width; more only costs redraw time. */
export const MAX_LOSS_POINTS = 1_500;

export interface LossSeries {
  /** Training progress in epochs (wordsDone / words per epoch). */
  x: number[];
  loss: number[];
  /** Bumped on every change so readers can tell whether to redraw. */
  version: number;
}

export const lossSeries: LossSeries = { x: [], loss: [], version: 0 };

export function resetLoss(): void {
  lossSeries.x = [];
  lossSeries.loss = [];
  lossSeries.version++;
}

export function pushLoss(x: number, loss: number): void {
  if (!Number.isFinite(loss)) return;
  const last = lossSeries.x.length - 1;
  if (last >= 0 && x <= lossSeries.x[last]!) return;
  lossSeries.x.push(x);
  lossSeries.loss.push(loss);
  if (lossSeries.x.length > MAX_LOSS_POINTS) {
    lossSeries.x = lossSeries.x.filter((_, i) => i % 2 === 0);
    lossSeries.loss = lossSeries.loss.filter((_, i) => i % 2 === 0);
  }
  lossSeries.version++;
}
