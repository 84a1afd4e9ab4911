// The bench's reading of a Chromium trace (bench/traceLongTasks.ts) on a hand-made trace: which thread is the page's,
// which tasks are long, how their time splits into kinds of work, and which sampled functions ran in them.
import { describe, expect, it } from 'vitest';
import { kindOf, summariseTrace } from '../../bench/traceLongTasks';

const PAGE = { pid: 10, tid: 10 };
const OTHER = { pid: 20, tid: 20 };
const MARK = 'counting';

/** µs from a trace origin of 1,000,000. */
const T = (ms: number) => 1_000_000 + ms * 1000;

function trace() {
  const x = (where: { pid: number; tid: number }, name: string, startMs: number, ms: number, cpuMs?: number, data?: Record<string, unknown>) => ({
    ...where, ph: 'X', name, ts: T(startMs), dur: ms * 1000, tdur: cpuMs !== undefined ? cpuMs * 1000 : undefined, args: { data },
  });
  const frame = (id: number, functionName: string, url: string, parent?: number) => ({ id, parent, callFrame: { functionName, url, lineNumber: id * 10 } });
  return {
    traceEvents: [
      { ...PAGE, ph: 'M', name: 'thread_name', ts: 0, args: { name: 'CrRendererMain' } },
      { ...OTHER, ph: 'M', name: 'thread_name', ts: 0, args: { name: 'CrRendererMain' } },
      { ...PAGE, ph: 'I', name: MARK, ts: T(100) },
      // Before the mark: page load, not counted.
      x(PAGE, 'RunTask', 0, 90, 80),
      // A long task: 120 ms of wall time, 60 of CPU; style 30, layout 20, script 60 (of which a GC of 10).
      x(PAGE, 'RunTask', 200, 120, 60),
      x(PAGE, 'FunctionCall', 205, 60),
      x(PAGE, 'MinorGC', 210, 10),
      x(PAGE, 'UpdateLayoutTree', 270, 30),
      x(PAGE, 'Layout', 300, 20),
      // A short task, under the threshold.
      x(PAGE, 'RunTask', 400, 30, 30),
      // Another renderer's long task (chromium's own pages): never the page's.
      x(OTHER, 'RunTask', 200, 500, 400),
      x(OTHER, 'RunTask', 300, 10),
      // Samples: 40 ms in drawLabels (called by draw, in the app), 10 in plotly's bBox.
      { ...PAGE, ph: 'P', name: 'Profile', id: '0x1', ts: T(200), args: { data: { startTime: T(205) } } },
      {
        ...PAGE, ph: 'P', name: 'ProfileChunk', id: '0x1', ts: T(330),
        args: {
          data: {
            cpuProfile: {
              nodes: [frame(1, '(root)', ''), frame(2, 'draw', 'http://x/assets/LabPage-1.js', 1), frame(3, 'drawLabels', 'http://x/assets/LabPage-1.js', 2), frame(4, 'bBox', 'http://x/assets/plotly-strict.min-2.js', 1)],
              samples: [3, 3, 3, 3, 4, 1],
            },
            timeDeltas: [0, 5000, 5000, 5000, 5000, 5000],
          },
        },
      },
    ],
  };
}

describe('long tasks read from a trace', () => {
  it('counts the page thread’s tasks over the threshold after the mark, with their CPU time', () => {
    const causes = summariseTrace(trace(), 50, MARK);
    expect(causes).toHaveLength(1);
    const c = causes[0]!;
    expect(c.ms).toBe(120);
    expect(c.cpuMs).toBe(60);
    expect(c.atMs).toBe(100);
  });

  it('splits the task by kind of work, each event counted by its own (self) time', () => {
    const c = summariseTrace(trace(), 50, MARK)[0]!;
    expect(c.kinds.style).toBe(30);
    expect(c.kinds.layout).toBe(20);
    expect(c.kinds.gc).toBe(10);
    expect(c.kinds.script).toBe(50);
  });

  it('names the sampled functions, and the app’s functions on the stack apart from libraries', () => {
    const c = summariseTrace(trace(), 50, MARK)[0]!;
    expect(c.selfFunctions[0]).toBe('drawLabels (LabPage-1.js:31) 20 ms');
    expect(c.selfFunctions.some((f) => f.startsWith('bBox (plotly-strict.min-2.js'))).toBe(true);
    expect(c.appFunctions.some((f) => f.startsWith('draw (LabPage-1.js:21)'))).toBe(true);
    expect(c.appFunctions.some((f) => f.includes('plotly'))).toBe(false);
    expect(c.summary).toContain('cpu 60 ms');
  });

  it('without a mark, takes the renderer with the most events and counts from its first event, longest first', () => {
    const causes = summariseTrace(trace(), 50);
    expect(causes.map((c) => c.ms)).toEqual([120, 90]);
    expect(causes[1]!.atMs).toBe(0);
    expect(summariseTrace({ traceEvents: [] }, 50)).toEqual([]);
  });

  it('sorts event names into kinds of work', () => {
    expect(kindOf('UpdateLayoutTree')).toBe('style');
    expect(kindOf('Layout')).toBe('layout');
    expect(kindOf('Paint')).toBe('paint');
    expect(kindOf('MajorGC')).toBe('gc');
    expect(kindOf('FunctionCall')).toBe('script');
    expect(kindOf('TimerFire')).toBe('other');
  });
});
