// Saved models in IndexedDB (fake-indexeddb in Node): save, list newest first, load the exact numbers back, delete.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteModel, listModels, loadModel, newModelId, saveModel, type SavedModel } from '../../src/state/persist';

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
