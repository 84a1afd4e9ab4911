// One run of a job in a Web Worker, with progress and cancel: the lifetime rules every long-running widget needs,
// written once. Each run gets its own worker; the worker is terminated when the run ends, is cancelled, is replaced
// by a new run, or the component unmounts. A run carries a token, so a message that a terminated worker had already
// posted (progress, a result, an error) can never bring an old run back onto the page.
import { useEffect, useState } from 'react';

export type RunPhase<P, R> =
  | { kind: 'idle' }
  | { kind: 'running'; progress: P | null }
  | { kind: 'done'; result: R }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** The work itself: talks to its worker (usually through comlink) and reports progress through onProgress. */
export type WorkerJob<P, R> = (worker: Worker, onProgress: (progress: P) => void) => Promise<R>;

const IDLE = { kind: 'idle' } as const;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The lifetime rules without React, so they can be tested with a fake Worker. */
export class WorkerRunner<P, R> {
  private current: { worker: Worker; token: number } | null = null;
  private nextToken = 0;

  constructor(
    private readonly makeWorker: () => Worker,
    private readonly setPhase: (phase: RunPhase<P, R>) => void,
  ) {}

  start(job: WorkerJob<P, R>, initialProgress: P | null = null): void {
    this.stop();
    const worker = this.makeWorker();
    const token = ++this.nextToken;
    this.current = { worker, token };
    const live = () => this.current?.token === token;
    this.setPhase({ kind: 'running', progress: initialProgress });
    let finished: Promise<R>;
    try {
      finished = job(worker, (progress) => {
        if (live()) this.setPhase({ kind: 'running', progress });
      });
    } catch (e) {
      finished = Promise.reject(e);
    }
    finished.then(
      (result) => {
        if (!live()) return;
        this.stop();
        this.setPhase({ kind: 'done', result });
      },
      (e: unknown) => {
        if (!live()) return;
        this.stop();
        this.setPhase({ kind: 'error', message: messageOf(e) });
      },
    );
  }

  /** Ends the running job, if any, and says so. */
  cancel(): void {
    if (!this.current) return;
    this.stop();
    this.setPhase({ kind: 'cancelled' });
  }

  /** Ends any run and forgets its outcome (the inputs it answered have changed). */
  reset(): void {
    this.stop();
    this.setPhase(IDLE);
  }

  /** Ends any run without touching state: for unmounting, when there is no page left to update. */
  dispose(): void {
    this.stop();
  }

  private stop(): void {
    this.current?.worker.terminate();
    this.current = null;
  }
}

export interface WorkerRun<P, R> {
  phase: RunPhase<P, R>;
  /** The running job's last progress report; null when not running or before the first report. */
  progress: P | null;
  start: (job: WorkerJob<P, R>, initialProgress?: P | null) => void;
  cancel: () => void;
  reset: () => void;
}

/** makeWorker is read once, at the first render: it should always build the same kind of worker. start, cancel
 * and reset are the same functions on every render, so effects may depend on them. */
export function useWorkerRun<P, R>(makeWorker: () => Worker): WorkerRun<P, R> {
  const [phase, setPhase] = useState<RunPhase<P, R>>(IDLE);
  const [actions] = useState(() => {
    const runner = new WorkerRunner<P, R>(makeWorker, setPhase);
    return {
      runner,
      start: (job: WorkerJob<P, R>, initialProgress?: P | null) => runner.start(job, initialProgress ?? null),
      cancel: () => runner.cancel(),
      reset: () => runner.reset(),
    };
  });
  const { runner, start, cancel, reset } = actions;
  useEffect(() => () => runner.dispose(), [runner]);
  return { phase, progress: phase.kind === 'running' ? phase.progress : null, start, cancel, reset };
}
