// Which step an arrow key leads to. The step is read from the URL at the moment of the key press, not from the last
// render: two presses before React re-renders (→ then ← in one task) must move from where the first one went.
import { parseHash } from '../../state/route';

/** The 0-based step the hash shows for this lesson, or `fallback` when the hash is for another page or lesson. */
export function currentStep(hash: string, lessonId: string, stepCount: number, fallback: number): number {
  const r = parseHash(hash);
  if (r.page !== 'lessons' || r.rest[0] !== lessonId) return fallback;
  const n = Number(r.rest[1]);
  return Number.isInteger(n) && n >= 1 && n <= stepCount ? n - 1 : fallback;
}

/** The 0-based step after pressing `key`, or undefined when the key does not turn the page there. */
export function stepAfterKey(key: string, step: number, stepCount: number): number | undefined {
  if (key === 'ArrowRight' && step < stepCount - 1) return step + 1;
  if (key === 'ArrowLeft' && step > 0) return step - 1;
  return undefined;
}
