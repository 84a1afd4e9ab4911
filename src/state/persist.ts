// Trained models kept in this browser (IndexedDB), so they survive a reload. Two object stores: small metadata rows
// for the list, and the vectors themselves, read only when a model is loaded. Raw IndexedDB API: no dependency.

export const DB_NAME = 'embedding-lab';
const DB_VERSION = 1;
const META = 'models-meta';
const DATA = 'models-data';

export interface SavedModelMeta {
  id: string;
  name: string;
  savedAt: number;
  corpus: string;
  model: string;
  engine: string;
  vocabSize: number;
  dim: number;
  epochsDone: number;
  loss: number | null;
  /** The lab settings that trained it (URL form), to restore the controls on load. */
  settings: string;
}

export interface SavedModel extends SavedModelMeta {
  words: string[];
  vectors: Float32Array;
}

interface DataRow {
  id: string;
  words: string[];
  vectors: ArrayBuffer;
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (is the disk full?)'));
  });
}

let dbPromise: Promise<IDBDatabase> | null = null;

export function openDb(factory: IDBFactory = globalThis.indexedDB): Promise<IDBDatabase> {
  if (!factory) return Promise.reject(new Error('This browser has no IndexedDB (private mode?): models cannot be saved.'));
  dbPromise ??= new Promise((resolve, reject) => {
    const open = factory.open(DB_NAME, DB_VERSION);
    open.onupgradeneeded = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(DATA)) db.createObjectStore(DATA, { keyPath: 'id' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => {
      dbPromise = null;
      reject(open.error ?? new Error('Could not open the browser database'));
    };
  });
  return dbPromise;
}

/** Forget the cached connection (tests use a fresh fake database each time). */
export function closeDb(): void {
  void dbPromise?.then((db) => db.close());
  dbPromise = null;
}

export async function listModels(): Promise<SavedModelMeta[]> {
  const db = await openDb();
  const rows = await req(db.transaction(META, 'readonly').objectStore(META).getAll() as IDBRequest<SavedModelMeta[]>);
  return rows.sort((a, b) => b.savedAt - a.savedAt);
}

export async function saveModel(m: SavedModel): Promise<void> {
  const db = await openDb();
  const tx = db.transaction([META, DATA], 'readwrite');
  const { words, vectors, ...meta } = m;
  // Copy into a standalone buffer: the vectors may be a view on a larger buffer.
  const data: DataRow = { id: m.id, words, vectors: vectors.slice().buffer };
  tx.objectStore(META).put(meta);
  tx.objectStore(DATA).put(data);
  await done(tx);
}

export async function loadModel(id: string): Promise<SavedModel | null> {
  const db = await openDb();
  const tx = db.transaction([META, DATA], 'readonly');
  const [meta, data] = await Promise.all([
    req(tx.objectStore(META).get(id) as IDBRequest<SavedModelMeta | undefined>),
    req(tx.objectStore(DATA).get(id) as IDBRequest<DataRow | undefined>),
  ]);
  if (!meta || !data) return null;
  return { ...meta, words: data.words, vectors: new Float32Array(data.vectors) };
}

export async function deleteModel(id: string): Promise<void> {
  const db = await openDb();
  const tx = db.transaction([META, DATA], 'readwrite');
  tx.objectStore(META).delete(id);
  tx.objectStore(DATA).delete(id);
  await done(tx);
}

export function newModelId(): string {
  return `m${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
