// Saved models in IndexedDB (fake-indexeddb in Node): save, list newest first, load the exact numbers back, delete.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  deleteModel, formatMegabytes, isQuotaError, listModels, loadModel, modelBytes, newModelId, saveModel, StorageFullError, storageFullMessage,
  type SavedModel,
} from '../../src/state/persist';

function model(name: string, savedAt: number): SavedModel {
  // A view on a larger buffer, as the lab's vectors can be: only the view's numbers must be stored.
  const big = new Float32Array(10).map((_, i) => i + 0.5);
  return {
    id: newModelId(), name, savedAt, corpus: 'toy-fruit', model: 'skipgram', engine: 'cpu', vocabSize: 3, dim: 2,
    epochsDone: 5, loss: 2.5, settings: 'dim=2&seed=1', words: ['a', 'b', 'c'], vectors: big.subarray(2, 8),
  };
}

describe('saved models (IndexedDB)', () => {
  it('saves, lists newest first, loads the same vectors back, and deletes', async () => {
    const older = model('first', 1000);
    const newer = model('second', 2000);
    await saveModel(older);
    await saveModel(newer);
    const list = await listModels();
    expect(list.map((m) => m.name)).toEqual(['second', 'first']);
    expect(list[0]).not.toHaveProperty('vectors');
    const back = await loadModel(older.id);
    expect(back?.words).toEqual(['a', 'b', 'c']);
    expect([...back!.vectors]).toEqual([2.5, 3.5, 4.5, 5.5, 6.5, 7.5]);
    expect(back?.settings).toBe('dim=2&seed=1');
    await deleteModel(older.id);
    expect((await listModels()).map((m) => m.name)).toEqual(['second']);
    expect(await loadModel(older.id)).toBeNull();
  });
});

describe('a full browser storage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says storage is full, how much the saved models use, and which to delete (largest first)', async () => {
    for (const m of await listModels()) await deleteModel(m.id);
    const small = { ...model('small one', 1), vocabSize: 1000, dim: 50 };
    const big = { ...model('big one', 2), vocabSize: 20_000, dim: 100 };
    await saveModel(small);
    await saveModel(big);
    // Browsers abort the transaction with a QuotaExceededError whose message is empty; fake-indexeddb can do the same.
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const r = put.apply(this, args);
      if (this.name === 'models-data') (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return r;
    });
    const third = { ...model('third', 3), vocabSize: 14_000, dim: 100 };
    const err = await saveModel(third).then(() => null, (e: unknown) => e as Error);
    expect(err).toBeInstanceOf(StorageFullError);
    expect(err!.message).toMatch(/^The browser's storage for this site is full: this model needs about 5\.\d MB/);
    expect(err!.message).toContain(`the 2 saved models use about ${formatMegabytes(modelBytes(small) + modelBytes(big))}`);
    expect(err!.message).toMatch(/largest first: “big one” \(8\.\d MB\), “small one” \(0\.2 MB\)\)/);
    // Nothing half-saved: the aborted model is not listed.
    expect((await listModels()).map((m) => m.name)).toEqual(['big one', 'small one']);
  });

  it('without saved models, says there is nothing here to delete', () => {
    expect(storageFullMessage(2e6, [])).toContain('there are no saved models here to delete');
  });

  it('recognises quota errors by name only', () => {
    expect(isQuotaError(new DOMException('', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
  });
});
