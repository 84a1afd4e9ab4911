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
  /** Size of `modelFile`, when there is one (older saves have none). */
  fileBytes?: number;
}

export interface SavedModel extends SavedModelMeta {
  words: string[];
  vectors: Float32Array;
  /**
   * The model in its own format (its ModelSpec.save, e.g. fastText's vectors with their n-gram table), for models that
   * answer more than plain vectors can; absent for word2vec and GloVe.
   */
  modelFile?: Uint8Array;
}

interface DataRow {
  id: string;
  words: string[];
  vectors: ArrayBuffer;
  modelFile?: ArrayBuffer;
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

/** Bytes a saved model takes: its float32 numbers plus its words (UTF-16 in the database, plus a small overhead each). */
const BYTES_PER_WORD_OVERHEAD = 16;
export function modelBytes(m: Pick<SavedModelMeta, 'vocabSize' | 'dim' | 'fileBytes'>, averageWordLength = 8): number {
  return m.vocabSize * (m.dim * 4 + averageWordLength * 2 + BYTES_PER_WORD_OVERHEAD) + (m.fileBytes ?? 0);
}

/** "12.3 MB" */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en')} MB`;
}

/** Browsers report a full disk or a used-up site quota as a QuotaExceededError, often with an empty message. */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** How many saved models a storage-full message names (largest first); the rest are counted. */
const NAMED_TO_DELETE = 3;

export class StorageFullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageFullError';
  }
}

/**
 * What to tell a student whose save did not fit: that storage is full, how big the model is, how much the saved
 * models use, and which of them (largest first) to delete to make room.
 */
export function storageFullMessage(needed: number, saved: readonly SavedModelMeta[]): string {
  const head = `The browser's storage for this site is full: this model needs about ${formatMegabytes(needed)}`;
  if (saved.length === 0) {
    return `${head}, and there are no saved models here to delete. Free space in the browser (other sites' data, or the disk), or export the model as a file instead.`;
  }
  const bySize = [...saved].sort((a, b) => modelBytes(b) - modelBytes(a));
  const total = bySize.reduce((s, m) => s + modelBytes(m), 0);
  const named = bySize.slice(0, NAMED_TO_DELETE).map((m) => `“${m.name}” (${formatMegabytes(modelBytes(m))})`);
  const rest = bySize.length - named.length;
  const list = `${named.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
  const models = saved.length === 1 ? 'the 1 saved model uses' : `the ${saved.length} saved models use`;
  return `${head}, and ${models} about ${formatMegabytes(total)}. Delete the ones you no longer need in the list below (largest first: ${list}), then save again.`;
}

export async function saveModel(m: SavedModel): Promise<void> {
  const db = await openDb();
  const { words, vectors, modelFile, ...rest } = m;
  const meta: SavedModelMeta = modelFile ? { ...rest, fileBytes: modelFile.byteLength } : rest;
  // Copy into standalone buffers: the vectors (and the file) may be views on larger buffers.
  const data: DataRow = { id: m.id, words, vectors: vectors.slice().buffer };
  if (modelFile) data.modelFile = modelFile.slice().buffer;
  try {
    const tx = db.transaction([META, DATA], 'readwrite');
    tx.objectStore(META).put(meta);
    tx.objectStore(DATA).put(data);
    await done(tx);
  } catch (e) {
    if (!isQuotaError(e)) throw e;
    const averageWord = words.reduce((s, w) => s + w.length, 0) / Math.max(1, words.length);
    const others = await listModels().catch(() => [] as SavedModelMeta[]);
    throw new StorageFullError(storageFullMessage(modelBytes(meta, averageWord), others));
  }
}

export async function loadModel(id: string): Promise<SavedModel | null> {
  const db = await openDb();
  const tx = db.transaction([META, DATA], 'readonly');
  const [meta, data] = await Promise.all([
    req(tx.objectStore(META).get(id) as IDBRequest<SavedModelMeta | undefined>),
    req(tx.objectStore(DATA).get(id) as IDBRequest<DataRow | undefined>),
  ]);
  if (!meta || !data) return null;
  const out: SavedModel = { ...meta, words: data.words, vectors: new Float32Array(data.vectors) };
  if (data.modelFile) out.modelFile = new Uint8Array(data.modelFile);
  return out;
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
