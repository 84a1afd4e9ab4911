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

/**
 * A link may carry its query before the hash (`/?present=1#/lab`, as people type it) instead of inside it
 * (`/#/lab?present=1`, as the lab writes it). The hash form is the one the lab reads, so the query is moved into the
 * hash (hash values win where both name the same key). Returns the hash to use, or null when nothing needs moving.
 */
export function hashWithSearchMerged(search: string, hash: string): string | null {
  const outer = new URLSearchParams(search.replace(/^\?/, ''));
  if ([...outer.keys()].length === 0) return null;
  const r = parseHash(hash);
  const merged = new URLSearchParams(outer);
  r.params.forEach((v, k) => merged.set(k, v));
  return formatHash(r.page, r.rest, merged);
}

/** Move a query written before the hash into the hash, without a new history entry (call once at start-up). */
export function normaliseLocation(): void {
  const next = hashWithSearchMerged(window.location.search, window.location.hash);
  if (next === null) return;
  history.replaceState(null, '', `${window.location.pathname}${next}`);
}

/** Presenter mode named by a link: true for present=1, false for present=0, null when the link does not say. */
export function presentFlag(params: URLSearchParams): boolean | null {
  const v = params.get('present');
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return null;
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
