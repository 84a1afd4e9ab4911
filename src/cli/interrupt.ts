// Ctrl-C (SIGINT) and SIGTERM for long commands: the first signal asks the work to stop at its next step (the
// caller then removes half-written files and ends with one "stopped: ..." line); a second press, later on, quits
// at once after the same clean-up.
// Under `npm run`, one Ctrl-C arrives twice: the terminal sends SIGINT to the whole process group (npm and us),
// and npm forwards the SIGINT it got to its child as well. Both land within milliseconds, so a signal within
// REPEAT_SIGNAL_MS of the first is taken as the same press; without that, one press quit at once, silently.
import { rmSync } from 'node:fs';
import { EXIT_INTERRUPTED } from './errors';

/** Signals closer together than this are one key press delivered twice. */
export const REPEAT_SIGNAL_MS = 1000;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface Interrupt {
  /** True once a stop was asked for. */
  requested(): boolean;
  /** Files to delete if the process quits at once (a .partial being written). */
  track(path: string): void;
  untrack(path: string): void;
  dispose(): void;
}

export function watchInterrupt(log: (line: string) => void, now: () => number = Date.now): Interrupt {
  let firstAt: number | null = null;
  const partial = new Set<string>();
  const onSignal = (signal: string) => {
    const t = now();
    if (firstAt === null) {
      firstAt = t;
      log(`stopping (${signal}) after the current step; press Ctrl-C again to quit at once...`);
      return;
    }
    if (t - firstAt < REPEAT_SIGNAL_MS) return;
    for (const p of partial) rmSync(p, { force: true });
    log(`stopped: quit at once on a second ${signal}${partial.size > 0 ? `; removed ${[...partial].join(', ')}` : ''}`);
    process.exit(EXIT_INTERRUPTED);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  return {
    requested: () => firstAt !== null,
    track: (p) => partial.add(p),
    untrack: (p) => partial.delete(p),
    dispose: () => {
      for (const s of SIGNALS) process.off(s, onSignal);
    },
  };
}
