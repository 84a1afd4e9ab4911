// Small helpers the playgrounds share for turning what a student typed into vocabulary words.
import type { KeyedVectors } from '../../core/vectors/keyedVectors';

/** The vocabulary's spelling of a typed word: as typed, else lower-cased (most shipped sets are lower-case), else null. */
export function resolveWord(kv: KeyedVectors, typed: string): string | null {
  const w = typed.trim();
  if (w === '') return null;
  if (kv.has(w)) return w;
  const lower = w.toLowerCase();
  return kv.has(lower) ? lower : null;
}

/** Resolve several words; returns the resolved ones, and the typed forms that are unknown or empty, with labels. */
export function resolveAll(
  kv: KeyedVectors,
  fields: { label: string; value: string }[],
): { words: string[]; problems: string[] } {
  const words: string[] = [];
  const problems: string[] = [];
  for (const f of fields) {
    if (f.value.trim() === '') {
      problems.push(`${f.label} is empty: type a word.`);
      continue;
    }
    const r = resolveWord(kv, f.value);
    if (r === null) problems.push(`${f.label}: "${f.value.trim()}" is not in these vectors' vocabulary.`);
    else words.push(r);
  }
  return { words, problems };
}

/** Split a free list ("apple, banana pear") into words. */
export function splitWords(text: string): string[] {
  return text.split(/[\s,;]+/).map((w) => w.trim()).filter(Boolean);
}

export function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '—';
}

/** Word suggestions for a <datalist>: words starting with the typed prefix, most frequent first. */
export const SUGGESTIONS = 20;
/** Only suggest from the most frequent words: rare ones are noise and scanning 400,000 words per key is slow. */
export const SUGGEST_FROM = 50_000;

export function suggest(kv: KeyedVectors | null, prefix: string): string[] {
  const p = prefix.trim().toLowerCase();
  if (!kv || p === '') return [];
  const out: string[] = [];
  const n = Math.min(kv.size, SUGGEST_FROM);
  for (let i = 0; i < n && out.length < SUGGESTIONS; i++) {
    const w = kv.words[i];
    if (w.toLowerCase().startsWith(p) && w !== prefix) out.push(w);
  }
  return out;
}
