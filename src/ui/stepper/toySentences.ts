// The student's own toy corpus for the step-by-step view: a few short sentences, one per line, checked before use
// so that a mistake gets a sentence saying what and where, not an empty or unreadable heatmap.
import { tokenize } from '../../core/text/tokenize';

/** Enough to read every row of both heatmaps on one screen. */
export const MAX_TOY_WORDS = 40;
/** Long sentences add nothing to a toy and make the example view unreadable. */
export const MAX_TOY_SENTENCE_WORDS = 20;
export const MAX_TOY_SENTENCES = 200;

export type ToyCheck = { ok: true; text: string; words: number; sentences: number } | { ok: false; message: string };

export function checkToySentences(raw: string): ToyCheck {
  const lines = raw.split(/\r?\n/);
  const kept: string[] = [];
  const vocab = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const tokens = tokenize(line);
    if (tokens.length === 0) return { ok: false, message: `Line ${i + 1} has no words (only punctuation or symbols).` };
    if (tokens.length < 2) return { ok: false, message: `Line ${i + 1} has one word ("${tokens[0]}"): a sentence needs at least two, so each word has a context.` };
    if (tokens.length > MAX_TOY_SENTENCE_WORDS) {
      return { ok: false, message: `Line ${i + 1} has ${tokens.length} words; keep toy sentences to ${MAX_TOY_SENTENCE_WORDS} words or fewer.` };
    }
    tokens.forEach((t) => vocab.add(t));
    kept.push(tokens.join(' '));
  }
  if (kept.length === 0) return { ok: false, message: 'Type at least two sentences, one per line.' };
  if (kept.length < 2) return { ok: false, message: 'Type at least two sentences, one per line: one sentence teaches almost nothing.' };
  if (kept.length > MAX_TOY_SENTENCES) return { ok: false, message: `${kept.length} sentences: a toy corpus here holds at most ${MAX_TOY_SENTENCES}.` };
  if (vocab.size > MAX_TOY_WORDS) {
    return { ok: false, message: `These sentences use ${vocab.size} different words; at most ${MAX_TOY_WORDS} fit in the heatmaps. Use fewer different words.` };
  }
  return { ok: true, text: kept.join('\n') + '\n', words: vocab.size, sentences: kept.length };
}
