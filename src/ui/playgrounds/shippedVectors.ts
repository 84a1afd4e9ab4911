// The vectors the playgrounds query: shipped sets (public/vectors/*.elv, fetched from this origin on first use),
// sets the user loads from a file or URL, and the lab's live vectors (pushed into useVectorsStore by the lab).
// Loading state lives in a small store of its own so every playground can show the same progress bar.
import { useEffect } from 'react';
import { create } from 'zustand';
import { KeyedVectors } from '../../core/vectors/keyedVectors';
import { useVectorsStore, type ActiveVectors } from '../../state/vectorsStore';
import { decodeCompact, readVectorsFile, type LoadFormat } from './vectorIO';

export interface ShippedEntry {
  id: string;
  file: string;
  label: string;
  corpus: string;
  words: number;
  dim: number;
  bytes: number;
  settings: Record<string, string | number | boolean>;
  scores: Record<string, number>;
  date: string;
  rebuild: string;
  note?: string;
}

export interface LoadState {
  /** What is loading, for the progress label. */
  task: string | null;
  /** 0..1, or null when the total is unknown. */
  progress: number | null;
  error: string | null;
  index: ShippedEntry[] | null;
  abort: AbortController | null;
}

export const useLoadStore = create<LoadState>(() => ({ task: null, progress: null, error: null, index: null, abort: null }));

const INDEX_URL = './vectors/index.json';

async function fetchBytes(url: string, signal: AbortSignal, onProgress: (p: number | null) => void): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new Error(
      `Could not fetch ${url}: a network error, or the server does not allow other sites to read the file (CORS). Download it and load it with "Vectors file" instead.`,
      { cause: e },
    );
  }
  if (!res.ok) throw new Error(`Could not fetch ${url}: the server answered ${res.status} ${res.statusText}`.trim());
  // Many static servers answer a missing file with their home page (status 200): say so instead of parsing HTML.
  if ((res.headers.get('content-type') ?? '').includes('text/html')) {
    throw new Error(`${url} is a web page, not a vectors file: check the address (the file may not exist there).`);
  }
  const total = Number(res.headers.get('content-length')) || 0;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    got += value.length;
    onProgress(total > 0 ? Math.min(1, got / total) : null);
  }
  const out = new Uint8Array(got);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** The list of shipped sets (public/vectors/index.json), fetched once. */
export async function loadShippedIndex(): Promise<ShippedEntry[]> {
  const have = useLoadStore.getState().index;
  if (have) return have;
  const res = await fetch(INDEX_URL);
  if (!res.ok) throw new Error(`The shipped vectors list (${INDEX_URL}) is missing: the server answered ${res.status}`);
  const json = (await res.json()) as { sets: ShippedEntry[] };
  useLoadStore.setState({ index: json.sets });
  return json.sets;
}

function detailsOf(e: ShippedEntry): Record<string, string | number> {
  const d: Record<string, string | number> = { corpus: e.corpus, words: e.words, dimensions: e.dim, built: e.date };
  for (const [k, v] of Object.entries(e.settings)) d[k] = String(v);
  for (const [k, v] of Object.entries(e.scores)) d[k] = v;
  return d;
}

/** Run one loading task with shared progress, cancel and error reporting. */
async function runTask<T>(task: string, work: (signal: AbortSignal, progress: (p: number | null) => void) => Promise<T>): Promise<T | null> {
  useLoadStore.getState().abort?.abort();
  const abort = new AbortController();
  useLoadStore.setState({ task, progress: 0, error: null, abort });
  // Only the current task may touch the shared state: a task cancelled because another one started stays silent.
  const current = () => useLoadStore.getState().abort === abort;
  try {
    const out = await work(abort.signal, (progress) => current() && useLoadStore.setState({ progress }));
    if (current()) useLoadStore.setState({ task: null, progress: null, abort: null });
    return out;
  } catch (e) {
    if (!current()) return null;
    const cancelled = abort.signal.aborted;
    useLoadStore.setState({
      task: null,
      progress: null,
      abort: null,
      error: cancelled ? `Cancelled: ${task}` : e instanceof Error ? e.message : String(e),
    });
    return null;
  }
}

/** Load one shipped set by id (or the first) and make it active. */
export async function loadShipped(id?: string): Promise<ActiveVectors | null> {
  return runTask('Loading the shipped vectors', async (signal, progress) => {
    const sets = await loadShippedIndex();
    const entry = sets.find((s) => s.id === id) ?? sets[0];
    if (!entry) throw new Error('No shipped vectors are listed in vectors/index.json');
    const existing = useVectorsStore.getState().available.find((a) => a.label === entry.label);
    if (existing) {
      useVectorsStore.getState().setActive(existing);
      return existing;
    }
    const bytes = await fetchBytes(`./vectors/${entry.file}`, signal, progress);
    signal.throwIfAborted();
    const { kv } = decodeCompact(bytes, entry.file);
    const v: ActiveVectors = { kv, origin: 'shipped', label: entry.label, details: detailsOf(entry) };
    useVectorsStore.getState().add(v);
    return v;
  });
}

let shippedStarted: Promise<ActiveVectors | null> | null = null;

/** Make sure some vectors are active: if none, load the default shipped set (once). */
export function ensureShippedVectors(): Promise<ActiveVectors | null> {
  const active = useVectorsStore.getState().active;
  if (active) return Promise.resolve(active);
  if (!shippedStarted) {
    shippedStarted = loadShipped().then((v) => {
      if (!v) shippedStarted = null; // let a later visit retry after an error
      return v;
    });
  }
  return shippedStarted;
}

/** Default cap on loaded words: the 50,000 most frequent cover nearly all benchmark questions in ~20 MB at 100 d. */
export const DEFAULT_MAX_WORDS = 50_000;

export interface LoadRequest {
  format: LoadFormat;
  maxWords: number;
}

/** Load vectors from user files (one file, or vectors.tsv + metadata.tsv for the Projector format). */
export async function loadFromFiles(files: File[], req: LoadRequest): Promise<ActiveVectors | null> {
  if (files.length === 0) return null;
  const name = files.map((f) => f.name).join(' + ');
  const total = files.reduce((a, f) => a + f.size, 0);
  return runTask(`Loading ${name}`, async (signal, progress) => {
    const kv = await readVectorsFile(files, req, signal, (bytes) => progress(total > 0 ? Math.min(1, bytes / total) : null));
    return activate(kv, `${name}${kv.size >= req.maxWords ? ` (first ${req.maxWords.toLocaleString('en')} words)` : ''}`, {
      file: name,
      format: req.format,
    });
  });
}

/** Load vectors from a URL the user typed (their own server, or one that allows cross-origin reads). */
export async function loadFromUrl(url: string, req: LoadRequest): Promise<ActiveVectors | null> {
  const u = url.trim();
  if (u === '') {
    useLoadStore.setState({ error: 'Type the address of a vectors file first.' });
    return null;
  }
  try {
    new URL(u, window.location.href);
  } catch {
    useLoadStore.setState({ error: `"${u}" is not a valid address.` });
    return null;
  }
  const fileName = u.split(/[?#]/)[0].split('/').pop() || 'vectors';
  return runTask(`Loading ${fileName}`, async (signal, progress) => {
    const bytes = await fetchBytes(u, signal, progress);
    const file = new File([bytes as BlobPart], fileName);
    const kv = await readVectorsFile([file], req, signal, () => undefined);
    return activate(kv, `${fileName}${kv.size >= req.maxWords ? ` (first ${req.maxWords.toLocaleString('en')} words)` : ''}`, {
      url: u,
      format: req.format,
    });
  });
}

function activate(kv: KeyedVectors, label: string, details: Record<string, string>): ActiveVectors {
  const v: ActiveVectors = { kv, origin: 'loaded', label, details: { ...details, words: kv.size, dimensions: kv.dim } };
  useVectorsStore.getState().add(v);
  return v;
}

export function cancelLoading(): void {
  useLoadStore.getState().abort?.abort();
}

/** The active vectors; starts loading the default shipped set when nothing is active yet. */
export function useActiveVectors(): { active: ActiveVectors | null; kv: KeyedVectors | null; loading: LoadState } {
  const active = useVectorsStore((s) => s.active);
  const loading = useLoadStore();
  useEffect(() => {
    if (!active) void ensureShippedVectors();
  }, [active]);
  return { active, kv: active?.kv ?? null, loading };
}
