// Continue skip-gram training (negative sampling) from pre-trained input vectors on a small domain text.
// Only words of the domain text move; new words start small and random. Output vectors start at zero, as in
// word2vec, because shipped files do not keep them. Work runs in chunks so the page can show progress and cancel.
import { Rng } from '../../../core/train/rng';
import { tokenize } from '../../../core/text/tokenize';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';

/** The widget's biology passage (written for the lab). */
export const DOMAIN_TEXT = `Every living cell is wrapped in a thin membrane.
The membrane of the cell lets water and food pass in and waste pass out.
Inside the cell the nucleus holds the genes.
The nucleus of each cell controls how the cell grows and divides.
A cell divides into two new cells, and each new cell gets a copy of the genes.
Proteins made in the cell carry out most of its work.
Bacteria are tiny organisms made of a single cell.
Plants are made of many cells, and each plant cell has a wall around its membrane.
Blood carries oxygen to every cell of the body.
When a cell is damaged, the tissue around it repairs the damage.
Tissue is a group of cells that do the same work.
Muscle tissue and nerve tissue are made of different kinds of cells.`;

export interface FineTuneConfig {
  window: number;
  negative: number;
  alpha: number;
  epochs: number;
  seed: number;
  /** Words of the pre-trained vectors kept in the space (most frequent first). */
  keep: number;
}

export const FINE_TUNE_DEFAULTS: FineTuneConfig = { window: 3, negative: 5, alpha: 0.025, epochs: 40, seed: 1, keep: 20_000 };
/** word2vec's noise distribution exponent. */
const NOISE_EXPONENT = 0.75;
/** word2vec's final learning rate as a share of the first. */
const MIN_ALPHA_SHARE = 1e-4;

export class FineTuner {
  readonly words: string[];
  readonly dim: number;
  readonly vectors: Float32Array; // words.length x dim, updated in place
  readonly newWords: string[] = [];
  private readonly out: Float32Array;
  private readonly sentences: Int32Array[];
  private readonly cum: Float64Array;
  private readonly domainIds: number[];
  private readonly rng: Rng;
  private epoch = 0;
  private sentence = 0;
  readonly totalSentences: number;

  constructor(kv: KeyedVectors, text: string, readonly cfg: FineTuneConfig) {
    this.rng = new Rng(cfg.seed);
    const keep = Math.min(cfg.keep, kv.size);
    this.dim = kv.dim;
    this.words = kv.words.slice(0, keep) as string[];
    const index = new Map(this.words.map((w, i) => [w, i]));
    const toks = text.split(/\n+|(?<=[.!?])\s+/).map((s) => tokenize(s)).filter((s) => s.length > 1);
    for (const s of toks) for (const w of s) {
      if (!index.has(w)) { index.set(w, this.words.length); this.words.push(w); this.newWords.push(w); }
    }
    this.vectors = new Float32Array(this.words.length * this.dim);
    this.vectors.set(kv.vectors.subarray(0, keep * this.dim));
    // New words: small random vectors, the same scale word2vec uses ((rand - 0.5) / dim).
    for (let i = keep; i < this.words.length; i++) for (let d = 0; d < this.dim; d++) this.vectors[i * this.dim + d] = (this.rng.nextFloat() - 0.5) / this.dim;
    this.out = new Float32Array(this.words.length * this.dim);
    this.sentences = toks.map((s) => Int32Array.from(s.map((w) => index.get(w)!)));
    const counts = new Map<number, number>();
    for (const s of this.sentences) for (const id of s) counts.set(id, (counts.get(id) ?? 0) + 1);
    this.domainIds = [...counts.keys()];
    this.cum = new Float64Array(this.domainIds.length);
    let acc = 0;
    this.domainIds.forEach((id, k) => (this.cum[k] = acc += counts.get(id)! ** NOISE_EXPONENT));
    this.totalSentences = this.sentences.length * cfg.epochs;
  }

  get progress(): number {
    return this.totalSentences === 0 ? 1 : (this.epoch * this.sentences.length + this.sentence) / this.totalSentences;
  }
  get done(): boolean {
    return this.epoch >= this.cfg.epochs || this.sentences.length === 0;
  }
  get domainWords(): string[] {
    return this.domainIds.map((i) => this.words[i]);
  }

  private noise(): number {
    const r = this.rng.nextFloat() * this.cum[this.cum.length - 1];
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.cum[mid] < r) lo = mid + 1; else hi = mid; }
    return this.domainIds[lo];
  }

  /** Train on up to `maxSentences` more sentences. */
  run(maxSentences: number): void {
    const { dim, vectors, out, cfg } = this;
    const grad = new Float32Array(dim);
    for (let n = 0; n < maxSentences && !this.done; n++) {
      const alpha = cfg.alpha * Math.max(MIN_ALPHA_SHARE, 1 - this.progress);
      const s = this.sentences[this.sentence];
      for (let i = 0; i < s.length; i++) {
        const b = this.rng.nextInt(cfg.window); // word2vec's reduced window
        for (let j = Math.max(0, i - cfg.window + b); j <= Math.min(s.length - 1, i + cfg.window - b); j++) {
          if (j === i) continue;
          const inp = s[j] * dim;
          grad.fill(0);
          for (let k = 0; k <= cfg.negative; k++) {
            const target = k === 0 ? s[i] : this.noise();
            if (k > 0 && target === s[i]) continue;
            const o = target * dim;
            let f = 0;
            for (let d = 0; d < dim; d++) f += vectors[inp + d] * out[o + d];
            const sig = 1 / (1 + Math.exp(-f));
            const g = ((k === 0 ? 1 : 0) - sig) * alpha;
            for (let d = 0; d < dim; d++) { grad[d] += g * out[o + d]; out[o + d] += g * vectors[inp + d]; }
          }
          for (let d = 0; d < dim; d++) vectors[inp + d] += grad[d];
        }
      }
      if (++this.sentence >= this.sentences.length) { this.sentence = 0; this.epoch++; }
    }
  }
}
