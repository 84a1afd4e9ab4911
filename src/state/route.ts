// Hash routing: "#/lab?model=cbow&dim=50" -> { page: 'lab', rest: [], params }. The hash keeps deep links working
// from any static host (no server rewrites) and from a file opened offline.
import { useSyncExternalStore } from 'react';

export interface Route {
  /** First path segment: 'lab', 'lessons', 'playgrounds'... ('' for the home page). */
  page: string;
  /** Remaining path segments, e.g. ['skipgram', '2'] for '#/lessons/skipgram/2'. */
  rest: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, '');
  const q = h.indexOf('?');
  const path = q >= 0 ? h.slice(0, q) : h;
  const query = q >= 0 ? h.slice(q + 1) : '';
  const segs = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { page: segs[0] ?? '', rest: segs.slice(1), params: new URLSearchParams(query) };
}

export function formatHash(page: string, rest: readonly string[] = [], params?: URLSearchParams): string {
  const path = ['', page, ...rest].map(encodeURIComponent).join('/');
  const q = params && [...params.keys()].length > 0 ? `?${params.toString()}` : '';
  return `#${path}${q}`;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

/** The current route; re-renders on hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  return parseHash(hash);
}

/** Navigate (push a history entry). */
export function navigate(page: string, rest: readonly string[] = [], params?: URLSearchParams): void {
  window.location.hash = formatHash(page, rest, params);
}

/** Replace the query string of the current page without a new history entry (settings changes). */
export function replaceParams(params: URLSearchParams): void {
  const r = parseHash(window.location.hash);
  const next = formatHash(r.page, r.rest, params);
  if (next !== window.location.hash) history.replaceState(null, '', next);
}
