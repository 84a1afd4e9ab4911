import { describe, expect, it } from 'vitest';
import { WorkerRunner, type RunPhase } from '../../src/ui/common/useWorkerRun';

/** Stands in for a Web Worker: all the runner may do to one is terminate it. */
class FakeWorker {
  terminated = false;
  terminate() {
    this.terminated = true;
  }
}

/** A job whose progress, result and failure the test sends by hand, as a worker's messages would arrive. */
function manualJob() {
  let progress: (p: number) => void = () => {};
  let resolve: (r: string) => void = () => {};
  let reject: (e: Error) => void = () => {};
  const job = (_w: Worker, onProgress: (p: number) => void) => {
    progress = onProgress;
    return new Promise<string>((res, rej) => {
      resolve = res;
      reject = rej;
    });
  };
  return { job, progress: (p: number) => progress(p), resolve: (r: string) => resolve(r), reject: (e: Error) => reject(e) };
}

function setup() {
  const workers: FakeWorker[] = [];
  const phases: RunPhase<number, string>[] = [];
  const runner = new WorkerRunner<number, string>(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    (p) => phases.push(p),
  );
  return { workers, phases, runner, last: () => phases[phases.length - 1] };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('WorkerRunner', () => {
  it('runs one worker per run, streams progress, and ends the worker with the result', async () => {
    const { workers, runner, last } = setup();
    const j = manualJob();
    runner.start(j.job, 0);
    expect(last()).toEqual({ kind: 'running', progress: 0 });
    j.progress(3);
    expect(last()).toEqual({ kind: 'running', progress: 3 });
    j.resolve('answer');
    await settle();
    expect(last()).toEqual({ kind: 'done', result: 'answer' });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('cancel terminates the worker, reports "cancelled", and ignores the run\'s late messages', async () => {
    const { workers, phases, runner, last } = setup();
    const j = manualJob();
    runner.start(j.job);
    runner.cancel();
    expect(workers[0]!.terminated).toBe(true);
    expect(last()).toEqual({ kind: 'cancelled' });
    const seen = phases.length;
    j.progress(5);
    j.resolve('too late');
    await settle();
    expect(phases).toHaveLength(seen);
  });

  it('a second start terminates the first run, whose messages no longer count', async () => {
    const { workers, runner, last } = setup();
    const first = manualJob();
    const second = manualJob();
    runner.start(first.job);
    runner.start(second.job);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.terminated).toBe(false);
    first.progress(9);
    first.reject(new Error('old failure'));
    await settle();
    expect(last()).toEqual({ kind: 'running', progress: null });
    second.resolve('new');
    await settle();
    expect(last()).toEqual({ kind: 'done', result: 'new' });
  });

  it('dispose (unmount) terminates the worker and updates nothing afterwards', async () => {
    const { workers, phases, runner } = setup();
    const j = manualJob();
    runner.start(j.job);
    const seen = phases.length;
    runner.dispose();
    expect(workers[0]!.terminated).toBe(true);
    j.resolve('after unmount');
    await settle();
    expect(phases).toHaveLength(seen);
  });

  it('an error from the job reaches the phase, and the worker is ended', async () => {
    const { workers, runner, last } = setup();
    const j = manualJob();
    runner.start(j.job);
    j.reject(new Error('Could not read brown.txt'));
    await settle();
    expect(last()).toEqual({ kind: 'error', message: 'Could not read brown.txt' });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('a job that throws before it returns a promise is an error, not a crash', async () => {
    const { runner, last } = setup();
    runner.start(() => {
      throw new Error('no such vectors');
    });
    await settle();
    expect(last()).toEqual({ kind: 'error', message: 'no such vectors' });
  });

  it('reset ends the run and goes back to idle; cancel with nothing running changes nothing', () => {
    const { workers, phases, runner, last } = setup();
    runner.cancel();
    expect(phases).toHaveLength(0);
    runner.start(manualJob().job);
    runner.reset();
    expect(workers[0]!.terminated).toBe(true);
    expect(last()).toEqual({ kind: 'idle' });
  });
});
