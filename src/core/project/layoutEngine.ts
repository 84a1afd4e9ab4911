// One interface over the three ways to lay the words out, so the worker and tests treat them alike:
// 'tsne' (ours: warm start, Barnes-Hut), 'pca' (instant, linear), 'tsne-js' (the package the user named, wrapped).
import { pca2, type PcaResult } from './pca';
import { Tsne } from './tsne';

export type LayoutMethod = 'tsne' | 'pca' | 'tsne-js';

export interface LayoutParams {
  method: LayoutMethod;
  perplexity: number;
  /** 0 = automatic. */
  learningRate: number;
  seed: number;
}

export interface LayoutEngine {
  readonly method: LayoutMethod;
  /** Human name shown beside the map, e.g. "t-SNE (Barnes-Hut)". */
  readonly engine: string;
  readonly words: readonly string[];
  readonly iteration: number;
  /** Something the user should know (perplexity lowered, P being computed, slow engine). */
  readonly note: string | undefined;
  /** Nothing left to do until new data or parameters arrive. */
  readonly settled: boolean;
  setData(words: readonly string[], vectors: Float32Array, dim: number): void;
  setParams(p: Omit<LayoutParams, 'method'>): void;
  /** Start from another engine's layout (by word) when the user switches method. */
  seedFrom(words: readonly string[], positions: Float32Array): void;
  /** Work for about budgetMs; returns true when the positions changed. */
  work(budgetMs: number, maxSteps?: number): boolean;
  positions(): Float32Array;
}

export class TsneEngine implements LayoutEngine {
  readonly method = 'tsne' as const;
  private readonly tsne: Tsne;
  constructor(p: Omit<LayoutParams, 'method'>) {
    this.tsne = new Tsne({ perplexity: p.perplexity, learningRate: p.learningRate, seed: p.seed });
  }
  get engine(): string {
    return this.tsne.usesBarnesHut ? 't-SNE (Barnes-Hut, theta 0.5)' : 't-SNE (exact gradient)';
  }
  get words(): readonly string[] {
    return this.tsne.words;
  }
  get iteration(): number {
    return this.tsne.iteration;
  }
  get note(): string | undefined {
    const progress = this.tsne.affinityProgress;
    const computing = progress === null ? undefined : `computing neighbours ${Math.round(progress * 100)}%`;
    return [this.tsne.note, computing].filter(Boolean).join(' · ') || undefined;
  }
  get settled(): boolean {
    return this.tsne.settled;
  }
  setData(words: readonly string[], vectors: Float32Array, dim: number): void {
    this.tsne.setData(words, vectors, dim);
  }
  setParams(p: Omit<LayoutParams, 'method'>): void {
    this.tsne.setParams(p);
  }
  seedFrom(words: readonly string[], positions: Float32Array): void {
    this.tsne.setPositions(words, positions, true);
  }
  work(budgetMs: number, maxSteps = Infinity): boolean {
    return this.tsne.work(budgetMs, undefined, maxSteps) > 0;
  }
  positions(): Float32Array {
    return this.tsne.positions();
  }
}

export class PcaEngine implements LayoutEngine {
  readonly method = 'pca' as const;
  readonly engine = 'PCA (power iteration)';
  private seed: number;
  private last: (PcaResult & { words: readonly string[] }) | null = null;
  private pending: { words: readonly string[]; vectors: Float32Array; dim: number } | null = null;
  private frames = 0;
  constructor(p: Omit<LayoutParams, 'method'>) {
    this.seed = p.seed;
  }
  get words(): readonly string[] {
    return this.last?.words ?? [];
  }
  get iteration(): number {
    return this.frames;
  }
  get note(): string | undefined {
    if (!this.last) return undefined;
    const [a, b] = this.last.explained;
    return `axes explain ${(a * 100).toFixed(1)}% + ${(b * 100).toFixed(1)}% of the variance`;
  }
  get settled(): boolean {
    return this.pending === null;
  }
  setData(words: readonly string[], vectors: Float32Array, dim: number): void {
    this.pending = { words: words.slice(), vectors, dim };
  }
  setParams(p: Omit<LayoutParams, 'method'>): void {
    this.seed = p.seed;
  }
  seedFrom(): void {
    // PCA has a single answer; only its signs follow the previous frame.
  }
  work(): boolean {
    if (!this.pending) return false;
    const { words, vectors, dim } = this.pending;
    this.pending = null;
    const previous = this.last ? { words: this.last.words, positions: this.last.positions, axes: this.last.axes } : undefined;
    const r = pca2(vectors, words.length, dim, { seed: this.seed, words, previous });
    this.last = { ...r, words };
    this.frames++;
    return true;
  }
  positions(): Float32Array {
    return this.last ? this.last.positions.slice() : new Float32Array(0);
  }
}

export async function createLayoutEngine(p: LayoutParams): Promise<LayoutEngine> {
  const rest = { perplexity: p.perplexity, learningRate: p.learningRate, seed: p.seed };
  switch (p.method) {
    case 'tsne':
      return new TsneEngine(rest);
    case 'pca':
      return new PcaEngine(rest);
    case 'tsne-js': {
      // Loaded only when chosen: it pulls in ndarray/cwise and Node's events shim.
      const { TsneJsEngine } = await import('./tsneJsEngine');
      return new TsneJsEngine(rest);
    }
  }
}
