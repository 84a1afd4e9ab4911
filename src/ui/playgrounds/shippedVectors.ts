// The vectors the playgrounds query: shipped sets (public/vectors/*.elv, fetched from this origin on first use),
// sets the user loads from a file or URL, and the lab's live vectors (pushed into useVectorsStore by the lab).
// Loading state lives in a small store of its own so every playground can show the same progress bar.
import { useEffect } from 'react';
import { create } from 'zustand';
import { KeyedVectors } from '../../core/vectors/keyedVectors';
import { useVectorsStore, type ActiveVectors } from '../../state/vectorsStore';
import { checkVectorsUrl, fileNameOf, formatBytes, STALL_TIMEOUT_MS, watchForStalls } from './urlDownload';
import { decodeCompact, readVectors, type LoadedVectors, type LoadFormat, type LoadProgress } from './vectorIO';

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
  /** Bytes and lines read so far by a file or URL load ("4.1 MB, 20,000 lines"), null for other tasks. */
  read: LoadProgress | null;
  error: string | null;
  index: ShippedEntry[] | null;
  abort: AbortController | null;
}

export const useLoadStore = create<LoadState>(() => ({ task: null, progress: null, read: null, error: null, index: null, abort: null }));

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
  useLoadStore.setState({ task, progress: 0, read: null, error: null, abort });
  // Only the current task may touch the shared state: a task cancelled because another one started stays silent.
  const current = () => useLoadStore.getState().abort === abort;
  try {
    const out = await work(abort.signal, (progress) => current() && useLoadStore.setState({ progress }));
    if (current()) useLoadStore.setState({ task: null, progress: null, read: null, abort: null });
    return out;
  } catch (e) {
    if (!current()) return null;
    const cancelled = abort.signal.aborted;
    useLoadStore.setState({
      task: null,
      progress: null,
      read: null,
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

/**
 * How far a load is: the larger of the share of the file read and the share of the word limit filled (a load that
 * stops at the limit ends long before the end of the file). Lines stand in for words in the text formats.
 */
function shareDone(p: LoadProgress, totalBytes: number, maxWords: number): number | null {
  const byBytes = totalBytes > 0 ? p.bytes / totalBytes : 0;
  const byWords = p.lines / maxWords;
  const share = Math.max(byBytes, byWords);
  return share > 0 ? Math.min(1, share) : null;
}

function reporter(totalBytes: number, maxWords: number, current: () => boolean): (p: LoadProgress) => void {
  return (p) => {
    if (current()) useLoadStore.setState({ read: p, progress: shareDone(p, totalBytes, maxWords) });
  };
}

function labelOf(name: string, loaded: LoadedVectors, req: LoadRequest): string {
  // "first N words" only when the limit cut the file short, not for a file of exactly N words.
  return `${name}${loaded.truncated ? ` (first ${req.maxWords.toLocaleString('en')} words)` : ''}`;
}

/** Load vectors from user files (one file, or vectors.tsv + metadata.tsv for the Projector format). */
export async function loadFromFiles(files: File[], req: LoadRequest): Promise<ActiveVectors | null> {
  if (files.length === 0) return null;
  const name = files.map((f) => f.name).join(' + ');
  const total = files.reduce((a, f) => a + f.size, 0);
  return runTask(`Loading ${name}`, async (signal) => {
    const current = () => useLoadStore.getState().abort?.signal === signal;
    const loaded = await readVectors({ kind: 'files', files }, req, signal, reporter(total, req.maxWords, current));
    return activate(loaded, labelOf(name, loaded, req), { file: name, format: req.format });
  });
}

function stallMessage(url: string, p: LoadProgress | null): string {
  const got = p && p.bytes > 0 ? ` after ${formatBytes(p.bytes)} (${p.lines.toLocaleString('en')} lines)` : ' before sending anything';
  return `The download of ${url} stopped: the server sent nothing for ${STALL_TIMEOUT_MS / 1000} seconds${got}. The server may be overloaded or the connection lost; try again later, or download the file and load it with "Vectors file".`;
}

/**
 * Load vectors from a URL the user typed (their own server, or one that allows cross-origin reads). The body is
 * streamed into the parsing worker; reaching the word limit cancels the download, and a server that stops sending
 * for STALL_TIMEOUT_MS is given up with a message.
 */
export async function loadFromUrl(typed: string, req: LoadRequest): Promise<ActiveVectors | null> {
  const checked = checkVectorsUrl(typed, window.location.href);
  if ('error' in checked) {
    useLoadStore.setState({ error: checked.error });
    return null;
  }
  const { url } = checked;
  const shown = url.href;
  const fileName = fileNameOf(url);
  return runTask(`Loading ${fileName}`, async (signal) => {
    const current = () => useLoadStore.getState().abort?.signal === signal;
    const download = new AbortController();
    signal.addEventListener('abort', () => download.abort(), { once: true });
    let stalled = false;
    const stall = () => {
      stalled = true;
      download.abort();
    };
    let last: LoadProgress | null = null;
    const report = { to: (_p: LoadProgress) => undefined as void };
    const open = async () => {
      // The server may also stall before answering at all.
      const headersTimer = setTimeout(stall, STALL_TIMEOUT_MS);
      let res: Response;
      try {
        res = await fetch(url, { signal: download.signal });
      } catch (e) {
        if (stalled) throw new Error(stallMessage(shown, null), { cause: e });
        if (signal.aborted) throw e;
        throw new Error(
          `Could not fetch ${shown}: a network error, or the server does not allow other sites to read the file (CORS). Download it and load it with "Vectors file" instead.`,
          { cause: e },
        );
      } finally {
        clearTimeout(headersTimer);
      }
      if (!res.ok) throw new Error(`Could not fetch ${shown}: the server answered ${res.status} ${res.statusText}`.trim());
      // Many static servers answer a missing file with their home page (status 200): say so instead of parsing HTML.
      if ((res.headers.get('content-type') ?? '').includes('text/html')) {
        throw new Error(`${shown} is an HTML page, not a vectors file: check the address (the file may not exist there).`);
      }
      if (!res.body) throw new Error(`${shown} answered without a body.`);
      report.to = reporter(Number(res.headers.get('content-length')) || 0, req.maxWords, current);
      return { body: watchForStalls(res.body, STALL_TIMEOUT_MS, stall), fileName };
    };
    try {
      const loaded = await readVectors({ kind: 'download', open }, req, signal, (p) => {
        last = p;
        report.to(p);
      });
      return activate(loaded, labelOf(fileName, loaded, req), { url: shown, format: req.format });
    } catch (e) {
      if (stalled) throw new Error(stallMessage(shown, last ?? useLoadStore.getState().read), { cause: e });
      throw e;
    } finally {
      // Whatever ended the parse (the word limit, an error, a cancel), the rest of the file is not needed.
      download.abort();
    }
  });
}

function activate(loaded: LoadedVectors, label: string, details: Record<string, string>): ActiveVectors {
  const { kv, notes } = loaded;
  const facts: Record<string, string | number> = { ...details, words: kv.size, dimensions: kv.dim };
  if (notes.length > 0) facts.notes = notes.join('; ');
  const v: ActiveVectors = { kv, origin: 'loaded', label, details: facts };
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
