/// <reference lib="webworker" />
// Lays the words out in 2-D off the main thread and streams positions on a cadence (FRAME_INTERVAL_MS), so the map
// moves while the trainer trains. Requests are applied latest-first: a burst of set-vectors keeps only the newest.
// It keeps to a CPU budget (REST_PER_WORK) and posts a frame only once the page acknowledged the previous one
// ('frame-drawn'), so on a 2-core machine it never outruns plotly nor starves the page and the GPU process.
import { createLayoutEngine, type LayoutEngine } from '../core/project/layoutEngine';
import type { LayoutRequest, LayoutResponse, LayoutSettings } from './layoutMessages';

/** One tick = at most one frame, at most this often: 20 frames/s is smooth and leaves the main thread time to draw. */
const FRAME_INTERVAL_MS = 50;
/** Work per tick before returning to the event loop to read messages and post the frame. */
const TICK_BUDGET_MS = 30;
/** Gradient steps per frame at most, so that a small map unfolds visibly (1,000 iterations in ~5 s) instead of
 *  jumping to its end in one frame, and so the trainer on the other core keeps its CPU. */
const MAX_STEPS_PER_FRAME = 10;
/** Window over which updates per second are averaged. */
const RATE_WINDOW_MS = 1000;
/** Rest after each tick, per ms worked: 1 caps the layout at half a core, so that on a 2-core machine the trainer,
 *  the page's main thread and the GPU process (software WebGL draws on the CPU) keep the rest. */
const REST_PER_WORK = 1;
/** A frame is posted only after the page acknowledged the previous one; if no acknowledgement comes (a page that
 *  stopped drawing, e.g. a hidden tab), the next frame goes anyway after this long. */
const ACK_TIMEOUT_MS = 1000;

const scope = self as unknown as DedicatedWorkerGlobalScope;

let engine: LayoutEngine | null = null;
let settings: LayoutSettings | null = null;
let paramsId = 0;
let paused = false;
let pendingVectors: Extract<LayoutRequest, { type: 'set-vectors' }> | null = null;
let pendingParams: Extract<LayoutRequest, { type: 'set-params' }> | null = null;
let dataVersion = -1;
let lastSentWords: readonly string[] | null = null;
let lastStatusAt = 0;
let lastData: { words: string[]; vectors: Float32Array; dim: number } | null = null;
let scheduled: { due: number; timer: ReturnType<typeof setTimeout> } | null = null;
let busy = false;
let lastFrameAt = 0;
let stepsInWindow = 0;
let windowStart = 0;
let rate = 0;
let dirty = false;
/** A frame is out and the page has not yet said it was drawn. */
let awaitingAck = false;
/** The end of the current rest (performance.now()): ticks before it would exceed the CPU budget. */
let restUntil = 0;

function post(msg: LayoutResponse, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

scope.onmessage = (ev: MessageEvent<LayoutRequest>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'set-vectors':
      pendingVectors = msg; // an older pending set is dropped: only the newest vectors matter
      break;
    case 'set-params':
      pendingParams = msg;
      break;
    case 'pause':
      paused = true;
      break;
    case 'resume':
      paused = false;
      break;
    case 'frame-drawn':
      awaitingAck = false;
      if (!dirty) return;
      break;
  }
  // Every request is applied on the next tick, which keeps to the rest (the CPU budget).
  schedule(Math.max(0, restUntil - performance.now()));
};

/** Runs a tick after delayMs; an earlier request replaces a later one already scheduled. */
function schedule(delayMs = 0): void {
  const due = performance.now() + delayMs;
  if (scheduled !== null) {
    if (scheduled.due <= due) return;
    clearTimeout(scheduled.timer);
  }
  scheduled = {
    due,
    timer: setTimeout(() => {
      scheduled = null;
      void tick();
    }, delayMs),
  };
}

async function tick(): Promise<void> {
  if (busy) return;
  busy = true;
  const started = performance.now();
  let moved = false;
  try {
    await applyPending();
    if (!engine || paused) return;
    const before = engine.iteration;
    moved = engine.work(TICK_BUDGET_MS, MAX_STEPS_PER_FRAME);
    const now = performance.now();
    stepsInWindow += Math.max(0, engine.iteration - before);
    if (now - windowStart >= RATE_WINDOW_MS) {
      rate = (stepsInWindow * 1000) / (now - windowStart);
      stepsInWindow = 0;
      windowStart = now;
    }
    if (moved) dirty = true;
    // Ticks are paced already; half an interval of slack absorbs timer jitter.
    const acked = !awaitingAck || now - lastFrameAt >= ACK_TIMEOUT_MS;
    if (dirty && acked && (now - lastFrameAt >= FRAME_INTERVAL_MS / 2 || engine.settled)) sendFrame(now);
    else if (!moved && engine.note && now - lastStatusAt >= FRAME_INTERVAL_MS) {
      lastStatusAt = now;
      post({ type: 'status', paramsId, version: dataVersion, note: engine.note });
    }
  } catch (e) {
    post({ type: 'error', id: paramsId, message: e instanceof Error ? e.message : String(e) });
    engine = null;
  } finally {
    busy = false;
    // Pace frames while the layout moves, and rest as long as we worked either way (affinities included).
    const end = performance.now();
    const worked = end - started;
    const delay = Math.max(moved ? FRAME_INTERVAL_MS - worked : 0, worked * REST_PER_WORK);
    restUntil = end + delay;
    if (pendingVectors || pendingParams || (engine && !paused && !engine.settled)) schedule(delay);
    // Settled with a frame still to post: wait for the acknowledgement (or its timeout), not in a busy loop.
    else if (engine && !paused && dirty) schedule(awaitingAck ? Math.max(delay, lastFrameAt + ACK_TIMEOUT_MS - end) : delay);
  }
}

function sendFrame(now: number): void {
  if (!engine || !settings) return;
  const positions = engine.positions();
  if (positions.length === 0) return;
  dirty = false;
  awaitingAck = true;
  lastFrameAt = now;
  const words = engine.words === lastSentWords ? undefined : engine.words.slice();
  lastSentWords = engine.words;
  post(
    {
      type: 'positions',
      paramsId,
      version: dataVersion,
      words,
      positions,
      iteration: engine.iteration,
      updatesPerSec: engine.settled ? 0 : rate,
      engine: engine.engine,
      method: engine.method,
      note: engine.note,
      settled: engine.settled,
    },
    [positions.buffer],
  );
}

async function applyPending(): Promise<void> {
  if (pendingParams) {
    const req = pendingParams;
    pendingParams = null;
    const next = req.params;
    const methodChanged = !settings || settings.method !== next.method;
    paramsId = req.id;
    settings = next;
    if (methodChanged) {
      const previous = engine;
      engine = await createLayoutEngine(next);
      if (previous && previous.words.length > 0) engine.seedFrom(previous.words, previous.positions());
      if (lastData) {
        engine.setData(lastData.words, lastData.vectors, lastData.dim);
      }
    } else {
      engine?.setParams(next);
    }
    dirty = true;
  }
  if (pendingVectors) {
    const req = pendingVectors;
    pendingVectors = null;
    if (req.vectors.length !== req.words.length * req.dim) {
      post({ type: 'error', id: req.id, message: `set-vectors: ${req.vectors.length} numbers for ${req.words.length} words of dimension ${req.dim}` });
      return;
    }
    lastData = { words: req.words, vectors: req.vectors, dim: req.dim };
    dataVersion = req.version;
    if (engine) {
      engine.setData(req.words, req.vectors, req.dim);
    }
  }
}
