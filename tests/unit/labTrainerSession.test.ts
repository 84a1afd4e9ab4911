// The trainer worker's logic, run in Node with the real CPU engine and a recorded message sink: the messages the
// page relies on arrive in order, pause/step/resume behave, divergence pauses with a suggestion, bad text is named.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { defaultCommon, defaultParams, getModel } from '../../src/core/models';
import type { CommonConfig, ParamValues } from '../../src/core/models/types';
import type { FromWorker, ToWorker } from '../../src/workers/trainerMessages';
import { createFromRegistry, TrainerSession } from '../../src/workers/trainerSession';

function harness() {
  const msgs: FromWorker[] = [];
  const session = new TrainerSession((m) => msgs.push(m), createFromRegistry);
  const of = <T extends FromWorker['type']>(t: T) => msgs.filter((m): m is Extract<FromWorker, { type: T }> => m.type === t);
  const until = async (pred: () => boolean, what: string) => {
    const t0 = Date.now();
    while (!pred()) {
      if (Date.now() - t0 > 60_000) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(msgs.at(-1))}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { msgs, session, of, until };
}

/** A start message for `model` with test-sized common settings; `over` sets common settings or model parameters. */
function startMsg(
  text: string,
  over: Partial<CommonConfig> & ParamValues,
  extra: Partial<Extract<ToWorker, { type: 'start' }>> = {},
  model = 'skipgram',
): ToWorker {
  const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
  const spec = getModel(model);
  const common: CommonConfig = { ...defaultCommon(spec), dim: 10, epochs: 3, minCount: 1 };
  const params = defaultParams(spec);
  for (const [k, v] of Object.entries(over)) {
    if (k in common) (common as unknown as Record<string, unknown>)[k] = v;
    else params[k] = v;
  }
  return {
    type: 'start',
    session: 1,
    model: { model, common, params },
    engine: 'cpu',
    source: { kind: 'bytes', name: 'fruit.txt', bytes },
    mapN: 5,
    speed: { maxWordsPerChunk: 300, delayMs: 0 },
    startPaused: false,
    ...extra,
  } as ToWorker;
}

describe('trainer worker session (cpu engine)', () => {
  it('reads, builds the vocabulary, trains to the end and streams progress, snapshots and vectors', async () => {
    const h = harness();
    h.session.handle(startMsg(TOY_CORPORA.fruit!.text, {}));
    await h.until(() => h.of('status').some((s) => s.phase === 'done'), 'done');
    const phases = h.of('status').map((s) => s.phase);
    expect(phases.indexOf('vocab')).toBeLessThan(phases.indexOf('training'));
    expect(h.of('status').find((s) => s.phase === 'training')!.text).toBe('Training epoch 1 of 3 on the CPU engine');
    expect(h.of('engine')[0]!.engine).toBe('cpu');
    expect(h.of('corpus')[0]!.info).toMatchObject({ name: 'fruit.txt', sentences: 14 * 30 });
    const prog = h.of('progress');
    expect(prog.at(-1)!.done).toBe(true);
    expect(prog.at(-1)!.wordsDone).toBe(prog.at(-1)!.wordsTotal);
    for (let i = 1; i < prog.length; i++) expect(prog[i]!.wordsDone).toBeGreaterThanOrEqual(prog[i - 1]!.wordsDone);
    const snap = h.of('snapshot').at(-1)!;
    expect(snap.words).toHaveLength(5);
    expect(snap.vectors).toHaveLength(5 * 10);
    const vec = h.of('vectors').at(-1)!;
    expect(vec.done).toBe(true);
    expect(vec.vectors.length).toBe(vec.words.length * 10);
  });

  it('pauses, steps a little while paused, answers neighbour queries, and resumes', async () => {
    const h = harness();
    h.session.handle(startMsg(TOY_CORPORA.fruit!.text, { epochs: 200 }, { speed: { maxWordsPerChunk: 50, delayMs: 1 } }));
    await h.until(() => h.of('progress').length > 3, 'progress');
    h.session.handle({ type: 'pause' });
    await h.until(() => h.of('status').at(-1)?.phase === 'paused', 'paused');
    const at = h.of('progress').at(-1)!.wordsDone;
    await new Promise((r) => setTimeout(r, 50));
    expect(h.of('progress').at(-1)!.wordsDone).toBe(at);
    h.session.handle({ type: 'step' });
    await h.until(() => h.of('progress').at(-1)!.wordsDone > at, 'a step');
    expect(h.of('status').at(-1)!.text).toMatch(/^Paused after a step/);
    h.session.handle({ type: 'queryNeighbours', id: 7, word: 'Apple', k: 3 });
    const n = h.of('neighbours').find((m) => m.id === 7)!;
    expect(n.word).toBe('apple');
    expect(n.neighbours).toHaveLength(3);
    expect(n.neighbours.map((x) => x.word)).not.toContain('apple');
    h.session.handle({ type: 'queryNeighbours', id: 8, word: 'zebra', k: 3 });
    expect(h.msgs.find((m) => m.type === 'error' && m.id === 8)).toMatchObject({ kind: 'query' });
    h.session.handle({ type: 'resume' });
    await h.until(() => h.of('status').at(-1)?.phase === 'training', 'resumed');
    h.session.handle({ type: 'stop' });
    expect(h.of('status').at(-1)!.phase).toBe('idle');
  });

  it('pauses on divergence with the engine’s explanation and suggested learning rate', async () => {
    const h = harness();
    h.session.handle(startMsg(TOY_CORPORA.fruit!.text, { alpha: 10, dim: 50, epochs: 5 }));
    await h.until(() => h.msgs.some((m) => m.type === 'error'), 'an error');
    const err = h.of('error')[0]!;
    expect(err.kind).toBe('divergence');
    expect(err.suggestedAlpha).toBeGreaterThan(0);
    expect(err.suggestedAlpha).toBeLessThan(10);
    await h.until(() => h.of('status').at(-1)?.phase === 'paused', 'paused');
  });

  it('names a file that is not text, and an engine that cannot start falls back to the cpu engine', async () => {
    const h = harness();
    const bin = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]).buffer as ArrayBuffer;
    h.session.handle({ ...(startMsg('', {}) as Extract<ToWorker, { type: 'start' }>), source: { kind: 'bytes', name: 'notes.zip', bytes: bin } });
    await h.until(() => h.msgs.some((m) => m.type === 'error'), 'input error');
    expect(h.of('error')[0]).toMatchObject({ kind: 'input' });
    // The shared text check names the format from its first bytes (PK\x03\x04: a zip archive).
    expect(h.of('error')[0]!.message).toMatch(/^notes\.zip is a zip archive.*, not plain text/);

    const g = harness();
    // WebGL does not exist in Node: the session reports it and walks the fallback chain to the cpu engine.
    g.session.handle({ ...(startMsg(TOY_CORPORA.fruit!.text, {}) as Extract<ToWorker, { type: 'start' }>), engine: 'tfjs-webgl', session: 2 });
    await g.until(() => g.of('engine').length > 0 && g.of('progress').length > 0, 'a running engine');
    expect(g.of('error').filter((e) => e.kind === 'backend').length).toBeGreaterThanOrEqual(1);
    expect(g.of('error')[0]!.message).toMatch(/TensorFlow\.js on WebGL could not start/);
    expect(['tfjs-wasm', 'cpu']).toContain(g.of('engine').at(-1)!.engine);
    g.session.handle({ type: 'stop' });
  });

  it('trains GloVe through the registry: a counting stage, progress in cells, the map and the matrix view', async () => {
    const h = harness();
    h.session.handle(startMsg(TOY_CORPORA.fruit!.text, { epochs: 20, window: 4 }, { engine: 'auto', speed: { maxWordsPerChunk: 200, delayMs: 0 } }, 'glove'));
    await h.until(() => h.of('status').some((s) => s.phase === 'done'), 'done');
    // "auto" has nothing to choose for a model with one engine.
    expect(h.of('status').some((s) => /Measuring/.test(s.text))).toBe(false);
    expect(h.of('engine')[0]!.engine).toBe('cpu');
    expect(h.of('status').some((s) => /^Counting co-occurrences: \d+% of the corpus/.test(s.text))).toBe(true);
    const prog = h.of('progress');
    expect(prog.every((p) => p.unit === 'cells')).toBe(true);
    const last = prog.at(-1)!;
    expect(last.done).toBe(true);
    expect(last.wordsDone).toBe(last.wordsTotal);
    expect(last.wordsTotal % 20).toBe(0);
    const firstLoss = prog.find((p) => Number.isFinite(p.loss))!.loss;
    expect(last.loss).toBeLessThan(firstLoss);
    const snap = h.of('snapshot').at(-1)!;
    expect(snap.vectors).toHaveLength(5 * 10);
    const view = h.of('matrix').at(-1)!.view;
    expect(view.words.length).toBeGreaterThan(5);
    expect(view.target).toHaveLength(view.words.length ** 2);
    expect(view.fitted).toHaveLength(view.words.length ** 2);
  });

  it('refuses an engine the model does not run on', async () => {
    const h = harness();
    h.session.handle({ ...(startMsg(TOY_CORPORA.fruit!.text, {}, {}, 'glove') as Extract<ToWorker, { type: 'start' }>), engine: 'tfjs-wasm' });
    await h.until(() => h.of('error').length > 0, 'an error');
    expect(h.of('error')[0]!.message).toMatch(/GloVe does not run on TensorFlow\.js on WebAssembly; it runs on cpu/);
  });
});

describe('a bundled corpus that cannot be downloaded', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is reported as a corpus that could not be read (offline, not stored), not as a crashed worker', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const h = harness();
    h.session.handle(startMsg('', {}, { source: { kind: 'bundled', name: 'sotu', url: './corpora/sotu.txt' } }));
    await h.until(() => h.of('error').length > 0, 'an error');
    const err = h.of('error')[0]!;
    expect(err.kind).toBe('corpus');
    expect(err.message).toMatch(/^Could not read sotu\.txt: the network is unreachable and this corpus is not stored for offline use yet/);
    expect(err.message).not.toMatch(/crash/i);
    expect(h.of('status').at(-1)!.text).toBe('Could not read the corpus');
  });
});
