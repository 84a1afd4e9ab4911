// Measured scores of each set of vectors the user can choose: shipped sets carry theirs (public/vectors/index.json);
// others (trained in the lab, loaded from a file) are scored in a worker on request, so every choice is shown with
// numbers rather than only a name.
import { transfer, wrap } from 'comlink';
import type { KeyedVectors } from '../core/vectors/keyedVectors';
import type { MeasuredScores, ScoreApi } from '../workers/score.worker';
import { useVectorsStore, type ActiveVectors, type VectorScores } from './vectorsStore';

/** The detail keys under which shipped sets list their scores (public/vectors/index.json). */
const SHIPPED_ANALOGY_KEY = 'analogy accuracy';
const SHIPPED_SPEARMAN_KEY = 'similarity Spearman';

/** What is known of a set's scores now. */
export function scoresOf(v: ActiveVectors, scores: ReadonlyMap<KeyedVectors, VectorScores>): VectorScores {
  const a = v.details?.[SHIPPED_ANALOGY_KEY];
  const s = v.details?.[SHIPPED_SPEARMAN_KEY];
  if (typeof a === 'number' && typeof s === 'number') return { status: 'done', analogy: a, spearman: s };
  return scores.get(v.kv) ?? { status: 'none' };
}

/** One line for a select option or a lesson: "analogies 0.106, Spearman 0.337" or "not scored yet". */
export function scoreText(sc: VectorScores): string {
  switch (sc.status) {
    case 'done': {
      // A small vocabulary may know none of the questions' words: say so rather than print NaN.
      const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a (too few known words)');
      return `analogies ${f(sc.analogy)}, Spearman ${f(sc.spearman)}`;
    }
    case 'scoring':
      return 'scoring…';
    case 'error':
      return `could not be scored (${sc.message})`;
    case 'none':
      return 'not scored yet';
  }
}

function setScore(kv: KeyedVectors, sc: VectorScores): void {
  useVectorsStore.setState((st) => {
    const scores = new Map(st.scores);
    scores.set(kv, sc);
    return { scores };
  });
}

/** Score a set on the project's evaluation sets in a worker (once per set of vectors). */
export async function scoreVectors(v: ActiveVectors): Promise<void> {
  const now = scoresOf(v, useVectorsStore.getState().scores);
  if (now.status === 'done' || now.status === 'scoring') return;
  setScore(v.kv, { status: 'scoring' });
  const worker = new Worker(new URL('../workers/score.worker.ts', import.meta.url), { type: 'module', name: 'score' });
  try {
    const api = wrap<ScoreApi>(worker);
    const kv = v.kv;
    const vectors = kv.vectors.slice(0, kv.size * kv.dim);
    const r: MeasuredScores = await api.score([...kv.words], transfer(vectors, [vectors.buffer]), kv.dim);
    setScore(kv, { status: 'done', analogy: r.analogy, spearman: r.spearman });
  } catch (e) {
    setScore(v.kv, { status: 'error', message: e instanceof Error ? e.message : String(e) });
  } finally {
    worker.terminate();
  }
}
