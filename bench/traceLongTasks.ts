// Reads a Chromium trace (the JSON of browser.stopTracing) and says what each long task on the page's main thread did:
// its share of style recalculation, layout, paint, garbage collection, message handling and script, and the
// JavaScript functions the sampling profiler caught in it (self time, and the app functions on the stack).
// Used by bench/responsiveness.ts --trace.

interface TraceEvent {
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs: what the task cost, whatever else the machine was running. */
  tdur?: number;
  ph: string;
  name: string;
  cat?: string;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

export interface LongTaskCause {
  /** Milliseconds from the counting mark (or the trace's first event); negative for a task the mark fell in. */
  atMs: number;
  ms: number;
  /** The main thread's CPU time in the task, ms: the wall time less the time other processes held the cores. */
  cpuMs?: number;
  /** Milliseconds of self time per kind of work (style, layout, paint, gc, script, message, other). */
  kinds: Record<string, number>;
  /** Functions with the most self time in the task, "name (file:line) ms". */
  selfFunctions: string[];
  /** App functions on the stack most of the time (inclusive), "name (file:line) ms". */
  appFunctions: string[];
  summary: string;
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** What kind of work a trace event is, by its name. */
export function kindOf(name: string): string {
  if (name === 'UpdateLayoutTree' || name === 'RecalculateStyles' || name === 'ParseAuthorStyleSheet') return 'style';
  if (name === 'Layout' || name === 'UpdateLayout') return 'layout';
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|PaintImage|Decode|RasterTask|ScrollLayer)/.test(name)) return 'paint';
  if (/GC|GarbageCollection|BlinkGC|CppGC/i.test(name)) return 'gc';
  if (/^(FunctionCall|EvaluateScript|v8\.(run|execute|callFunction|compile|evaluateModule)|V8\.|v8\.|RunMicrotasks|v8.produce|CompileScript|CompileCode)/.test(name)) return 'script';
  if (/Deserialize|Serialize|PostMessage|MessagePort|HandlePostMessage/i.test(name)) return 'message';
  return 'other';
}

function fileOf(url: string | undefined): string {
  if (!url) return '(native)';
  const clean = url.split('?')[0] ?? url;
  return clean.slice(clean.lastIndexOf('/') + 1) || '(native)';
}

const frameLabel = (f: CallFrame) => `${f.functionName || '(anonymous)'} (${fileOf(f.url)}:${(f.lineNumber ?? -1) + 1})`;

/** The page's renderer main thread: the one that set the mark, else the one that did the most (other renderers,
 *  such as chromium's own new-tab page, run on threads of the same name). */
function mainThread(events: TraceEvent[], mark?: string): { pid: number; tid: number } | null {
  const marked = mark ? events.find((e) => e.name === mark) : undefined;
  if (marked) return { pid: marked.pid, tid: marked.tid };
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number } | null = null;
  let bestCount = -1;
  for (const m of mains) {
    const n = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X').length;
    if (n > bestCount) {
      bestCount = n;
      best = { pid: m.pid, tid: m.tid };
    }
  }
  return best;
}

interface Sample {
  ts: number;
  node: number;
}

/** The sampling profiler's samples for one thread, with the call tree they point into. */
function profileSamples(events: TraceEvent[], thread: { pid: number; tid: number }): { samples: Sample[]; nodes: Map<number, ProfileNode> } {
  const nodes = new Map<number, ProfileNode>();
  const samples: Sample[] = [];
  const profiles = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid && e.id) profiles.set(e.id, Number(e.args?.data?.startTime ?? e.ts));
  }
  const clock = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== thread.pid || !e.id || !profiles.has(e.id)) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    let t = clock.get(e.id) ?? profiles.get(e.id)!;
    for (let i = 0; i < ids.length; i++) {
      t += deltas[i] ?? 0;
      samples.push({ ts: t, node: ids[i]! });
    }
    clock.set(e.id, t);
  }
  samples.sort((a, b) => a.ts - b.ts);
  return { samples, nodes };
}

/** Self time of every complete event on the thread (its duration less its direct children's). */
function selfTimes(events: TraceEvent[]): Map<TraceEvent, number> {
  const sorted = events.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<TraceEvent, number>();
  const stack: TraceEvent[] = [];
  for (const e of sorted) {
    while (stack.length && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent, (self.get(parent) ?? parent.dur!) - e.dur!);
    self.set(e, e.dur!);
    stack.push(e);
  }
  return self;
}

/** A gap between two samples longer than this (µs) is the thread idle or descheduled, not running the function. */
const MAX_SAMPLE_GAP_US = 5000;
const VENDOR = /plotly|react-dom|scheduler|chunk-|vendor/i;
const IGNORED_FRAMES = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

function top(map: Map<string, number>, n: number): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v.toFixed(0)} ms`);
}

/** One entry per main-thread task longer than thresholdMs, longest first. */
export function summariseTrace(trace: { traceEvents?: TraceEvent[] } | TraceEvent[], thresholdMs: number, fromMark?: string): LongTaskCause[] {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const thread = mainThread(events, fromMark);
  if (!thread) return [];
  const mine = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid);
  // Times are reported from the mark (performance.mark in the page) when there is one, else from the first event.
  const mark = fromMark ? events.find((e) => e.name === fromMark && e.pid === thread.pid) : undefined;
  const origin = mark?.ts ?? Math.min(...mine.filter((e) => e.ts > 0).map((e) => e.ts));
  const tasks = mine
    .filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name) && (e.dur ?? 0) > thresholdMs * 1000 && e.ts + e.dur! >= origin)
    // Nested task events (one task runs inside another's wrapper) count once, as the outer one.
    .filter((e, _i, all) => !all.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!));
  const self = selfTimes(mine);
  const { samples, nodes } = profileSamples(events, thread);
  // Each sample stands for the time until the next one (the profiler pauses while the thread idles: capped).
  const weightMs = (i: number) => Math.min(MAX_SAMPLE_GAP_US, (samples[i + 1]?.ts ?? samples[i]!.ts) - samples[i]!.ts) / 1000;
  const causes: LongTaskCause[] = [];
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const kinds: Record<string, number> = {};
    for (const e of mine) {
      if (e.ph !== 'X' || e.ts < task.ts || e.ts + (e.dur ?? 0) > end || e === task || TASK_NAMES.has(e.name)) continue;
      const k = kindOf(e.name);
      kinds[k] = (kinds[k] ?? 0) + (self.get(e) ?? 0) / 1000;
    }
    const selfFns = new Map<string, number>();
    const appFns = new Map<string, number>();
    for (let si = 0; si < samples.length; si++) {
      const s = samples[si]!;
      if (s.ts < task.ts || s.ts > end) continue;
      const w = weightMs(si);
      const leaf = nodes.get(s.node);
      if (!leaf || IGNORED_FRAMES.has(leaf.callFrame.functionName)) continue;
      selfFns.set(frameLabel(leaf.callFrame), (selfFns.get(frameLabel(leaf.callFrame)) ?? 0) + w);
      const seen = new Set<string>();
      for (let n: ProfileNode | undefined = leaf; n; n = n.parent !== undefined ? nodes.get(n.parent) : undefined) {
        const f = n.callFrame;
        if (!f.url || VENDOR.test(fileOf(f.url)) || IGNORED_FRAMES.has(f.functionName)) continue;
        const label = frameLabel(f);
        if (seen.has(label)) continue;
        seen.add(label);
        appFns.set(label, (appFns.get(label) ?? 0) + w);
      }
    }
    const kindText = Object.entries(kinds)
      .filter(([, v]) => v >= 1)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ');
    const selfFunctions = top(selfFns, 4);
    const appFunctions = top(appFns, 4);
    causes.push({
      atMs: (task.ts - origin) / 1000,
      ms: task.dur! / 1000,
      cpuMs: task.tdur !== undefined ? task.tdur / 1000 : undefined,
      kinds,
      selfFunctions,
      appFunctions,
      summary: `cpu ${task.tdur !== undefined ? (task.tdur / 1000).toFixed(0) : '?'} ms [${kindText}] self: ${selfFunctions.join('; ') || '-'} | app stack: ${appFunctions.join('; ') || '-'}`,
    });
  }
  return causes.sort((a, b) => b.ms - a.ms);
}
