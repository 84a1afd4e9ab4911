// A fastText model saved in the lab keeps its n-gram table: the worker session hands out the model's own file
// (ModelSpec.save), the saved-models database stores it beside the vectors, and reading it back (adoptModelFile)
// gives a model that still answers for words it never saw, with the very numbers the trained model gave. Word2vec
// models have no such file (their vectors are all there is).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { defaultCommon, defaultParams, getModel } from '../../src/core/models';
import type { FromWorker, ToWorker } from '../../src/workers/trainerMessages';
import { createFromRegistry, TrainerSession } from '../../src/workers/trainerSession';
import { loadModel, modelBytes, newModelId, saveModel } from '../../src/state/persist';
import { adoptModelFile, useSubwordModelsStore } from '../../src/state/subwordModels';

const UNSEEN = 'applez';

async function trainedSession(model: 'fasttext' | 'skipgram') {
  const msgs: FromWorker[] = [];
  const session = new TrainerSession((m) => msgs.push(m), createFromRegistry);
  const spec = getModel(model);
  const params = { ...defaultParams(spec), ...(model === 'fasttext' ? { bucket: 3000 } : {}) };
  const start: ToWorker = {
    type: 'start', session: 1, model: { model, common: { ...defaultCommon(spec), dim: 12, epochs: 3, minCount: 1 }, params },
    engine: 'cpu', source: { kind: 'bytes', name: 'fruit.txt', bytes: new TextEncoder().encode(TOY_CORPORA.fruit!.text).buffer as ArrayBuffer },
    mapN: 5, speed: { maxWordsPerChunk: 300, delayMs: 0 }, startPaused: false,
  };
  session.handle(start);
  const t0 = Date.now();
  while (!msgs.some((m) => m.type === 'progress' && m.done)) {
    if (Date.now() - t0 > 60_000) throw new Error(`training did not finish; last: ${JSON.stringify(msgs.at(-1))}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const ask = async (): Promise<Extract<FromWorker, { type: 'modelFile' }>> => {
    session.handle({ type: 'requestModelFile', id: 7 });
    const reply = msgs.find((m): m is Extract<FromWorker, { type: 'modelFile' }> => m.type === 'modelFile' && m.id === 7);
    if (!reply) throw new Error(`no model file: ${JSON.stringify(msgs.at(-1))}`);
    return reply;
  };
  return { ask, msgs };
}

describe('saved fastText models keep their n-gram table', () => {
  it('round-trips through the worker, the database and the model\'s loader, still answering unseen words', async () => {
    const { ask, msgs } = await trainedSession('fasttext');
    const file = await ask();
    expect(file.model).toBe('fasttext');
    expect(file.bytes).not.toBeNull();
    // The worker's own answer for the unseen word, from the trained model before any saving.
    const trained = getModel('fasttext').load!(file.bytes!);
    if (trained.kind !== 'subword') throw new Error('not a subword model');
    const expected = trained.vectorOf(UNSEEN);
    expect(expected.some((x) => x !== 0)).toBe(true);

    const vectors = msgs.filter((m) => m.type === 'vectors').at(-1) as Extract<FromWorker, { type: 'vectors' }> | undefined;
    const id = newModelId();
    await saveModel({
      id, name: 'fruit ft', savedAt: 1, corpus: 'toy-fruit', model: 'fasttext', engine: 'cpu', vocabSize: vectors?.words.length ?? 0,
      dim: 12, epochsDone: 3, loss: null, settings: 'model=fasttext', words: vectors?.words ?? [], vectors: vectors?.vectors ?? new Float32Array(0),
      modelFile: file.bytes!,
    });
    const back = await loadModel(id);
    expect(back?.modelFile?.byteLength).toBe(file.bytes!.byteLength);
    expect(back?.fileBytes).toBe(file.bytes!.byteLength);
    // The storage estimate counts the file (it is most of a fastText model: the n-gram rows).
    expect(modelBytes(back!)).toBeGreaterThan(file.bytes!.byteLength);

    useSubwordModelsStore.getState().setLab(null);
    const adopted = adoptModelFile(back!.model, back!.modelFile!, back!.name);
    expect(adopted?.label).toBe('fruit ft');
    expect(useSubwordModelsStore.getState().lab).toBe(adopted);
    expect(adopted!.kv.has(UNSEEN)).toBe(false);
    expect(Array.from(adopted!.kv.vectorOf(UNSEEN))).toEqual(Array.from(expected));
    expect(adopted!.kv.composition(UNSEEN).parts.length).toBeGreaterThan(3);
  });

  it('has no model file for word2vec, and names a model this lab does not know', async () => {
    const { ask } = await trainedSession('skipgram');
    const file = await ask();
    expect(file.bytes).toBeNull();
    expect(() => adoptModelFile('no-such-model', new Uint8Array(4), 'x')).toThrow(/“no-such-model”, a model this version of the lab does not have/);
  });

  it('refuses a broken file with the loader\'s message', () => {
    expect(() => adoptModelFile('fasttext', new TextEncoder().encode('not a model file'), 'broken')).toThrow(/\S/);
  });
});
