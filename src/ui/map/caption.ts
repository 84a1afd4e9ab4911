// What the map shows, in words: method, which words, the settings that shaped it and the seed (style.md: say what
// happens; show the seed next to what it made).
import type { LayoutMethod } from '../../core/project/layoutEngine';

export interface CaptionInput {
  method: LayoutMethod;
  points: number;
  totalWords?: number;
  perplexity: number;
  seed: number;
  iteration: number;
  note?: string;
  /** Words added to the map for a search (not among the N most frequent). */
  added?: number;
  /** Far outliers the fitted view leaves outside. */
  outside?: number;
}

const METHOD_LABEL: Record<LayoutMethod, string> = {
  tsne: 't-SNE',
  pca: 'PCA',
  'tsne-js': 't-SNE (tsne-js)',
};

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function mapCaption(c: CaptionInput): string {
  const which =
    c.totalWords && c.totalWords > c.points
      ? `the ${formatCount(c.points - (c.added ?? 0))} most frequent of ${formatCount(c.totalWords)} words`
      : `${formatCount(c.points - (c.added ?? 0))} words`;
  const parts = [`${METHOD_LABEL[c.method]} of ${which}`];
  if (c.added) parts[0] += ` + ${c.added} searched word${c.added === 1 ? '' : 's'} (diamonds)`;
  if (c.method === 'pca') {
    parts.push('first two principal components');
  } else {
    parts.push('cosine distances', `perplexity ${c.perplexity}`, `seed ${c.seed}`, `iteration ${formatCount(c.iteration)}`);
  }
  if (c.note) parts.push(c.note);
  if (c.outside) parts.push(`${formatCount(c.outside)} far outlier${c.outside === 1 ? '' : 's'} outside the view`);
  return parts.join(' · ');
}
