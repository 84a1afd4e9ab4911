// The same real vectors laid out by t-SNE several times (different seeds and perplexities) next to PCA.
// Small N (about 100 words), so each run finishes in seconds on the main thread, in short slices per frame.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { Tsne, COLD_ITERS } from '../../../core/project/tsne';
import { pca2 } from '../../../core/project/pca';
import { Scatter, type ScatterPoint } from './Scatter';
import { VectorsGate } from './VectorsGate';
import { GROUP_NAMES, WORD_GROUPS } from './wordGroups';
import { neighbourKept } from './neighbourKept';
import { numAttr, type WidgetProps } from './types';
import { useReportState } from './useReportState';
import { DEFAULT_TSNE_RUNS, formatTsneRuns, parseTsneRuns, TSNE_PERPLEXITIES, type TsneRunSpec } from './tsneRunSpecs';

/** Milliseconds of layout work per run per animation frame: leaves most of a 16 ms frame for drawing. */
const SLICE_MS = 4;
/** Neighbours compared in the "kept" score. */
const KEPT_K = 5;
/** The learning rate a run starts with when the directive and the link name none. */
const DEFAULT_LR = 100;

interface Opening {
  runs: TsneRunSpec[];
  learningRate: number;
  labels: boolean;
}

/** What the directive (with the link's values on top) asks for; the schema has checked the shapes already. */
function openingOf(attrs: Record<string, string>): Opening {
  return {
    runs: parseTsneRuns(attrs.runs ?? '') ?? [...DEFAULT_TSNE_RUNS],
    learningRate: numAttr(attrs, 'lr', DEFAULT_LR),
    labels: attrs.labels !== 'false',
  };
}

function useWords(kv: KeyedVectors) {
  return useMemo(() => {
    const words: string[] = [];
    const groups: number[] = [];
    const missing: string[] = [];
    Object.values(WORD_GROUPS).forEach((ws, g) => ws.forEach((w) => {
      if (kv.has(w)) { words.push(w); groups.push(g); } else missing.push(w);
    }));
    const vectors = new Float32Array(words.length * kv.dim);
    words.forEach((w, i) => vectors.set(kv.vector(w), i * kv.dim));
    return { words, groups, missing, vectors };
  }, [kv]);
}

function Runs({ kv, opening, onState }: { kv: KeyedVectors; opening: Opening; onState: WidgetProps['onState'] }) {
  const { words, groups, missing, vectors } = useWords(kv);
  const [specs, setSpecs] = useState<TsneRunSpec[]>(opening.runs);
  const [learningRate, setLearningRate] = useState(opening.learningRate);
  const [labels, setLabels] = useState(opening.labels);
  useReportState(onState, { runs: formatTsneRuns(specs), lr: String(learningRate), labels: String(labels) });
  const [, setFrame] = useState(0);
  const runs = useRef<Tsne[]>([]);
  const [generation, setGeneration] = useState(0);

  const pca = useMemo(() => pca2(vectors, words.length, kv.dim, { seed: 1 }), [vectors, words.length, kv.dim]);
  const pcaKept = useMemo(() => neighbourKept(vectors, words.length, kv.dim, pca.positions, KEPT_K), [vectors, words.length, kv.dim, pca]);
  // The neighbour score of a finished run is computed once, not on every frame.
  const keptCache = useRef(new WeakMap<Tsne, number>());

  useEffect(() => {
    runs.current = specs.map((s) => {
      const t = new Tsne({ perplexity: s.perplexity, learningRate, seed: s.seed });
      t.setData(words, vectors, kv.dim);
      return t;
    });
    let raf = 0;
    const tick = () => {
      let busy = false;
      for (const t of runs.current) {
        if (!t.settled) { t.work(SLICE_MS); busy = true; }
      }
      setFrame((f) => f + 1);
      if (busy) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [specs, learningRate, words, vectors, kv.dim, generation]);

  if (words.length < 10) return <p role="alert">Too few of the map's words are in these vectors ({words.length}); load larger vectors.</p>;
  const toPoints = (pos: ArrayLike<number>): ScatterPoint[] => words.map((w, i) => ({ label: w, x: pos[2 * i], y: pos[2 * i + 1], group: groups[i] }));
  return (
    <div>
      <div className="controls">
        <label>
          Learning rate
          <input type="range" min={10} max={1000} step={10} value={learningRate} onChange={(e) => setLearningRate(Number(e.target.value))} aria-label="Learning rate" />
          <output>{learningRate}</output>
        </label>
        <label><input type="checkbox" checked={labels} onChange={(e) => setLabels(e.target.checked)} /> show labels</label>
        <button type="button" onClick={() => setGeneration((g) => g + 1)}>Run all again</button>
      </div>
      <div className="widget-row">
        {specs.map((s, k) => {
          const t = runs.current[k];
          const ready = t?.ready;
          const pos = ready ? t.positions() : null;
          let kept: number | null = null;
          if (pos && t.settled) {
            kept = keptCache.current.get(t) ?? neighbourKept(vectors, words.length, kv.dim, pos, KEPT_K);
            keptCache.current.set(t, kept);
          }
          return (
            <figure key={k} className="map-figure" aria-label={`t-SNE run ${k + 1}`}>
              <div className="controls">
                <label>
                  Seed
                  <input type="number" min={1} value={s.seed} style={{ width: '4.5rem' }} aria-label={`Seed of run ${k + 1}`}
                    onChange={(e) => setSpecs(specs.map((x, j) => (j === k ? { ...x, seed: Number(e.target.value) || 1 } : x)))} />
                </label>
                <label>
                  Perplexity
                  <select value={s.perplexity} aria-label={`Perplexity of run ${k + 1}`}
                    onChange={(e) => setSpecs(specs.map((x, j) => (j === k ? { ...x, perplexity: Number(e.target.value) } : x)))}>
                    {TSNE_PERPLEXITIES.map((p) => <option key={p} value={p}>{p}</option>)}
                  </select>
                </label>
              </div>
              {pos ? <Scatter points={toPoints(pos)} label={`t-SNE, seed ${s.seed}, perplexity ${s.perplexity}`} showLabels={labels} legend={GROUP_NAMES} /> : <p role="status">Computing affinities…</p>}
              <figcaption className="source" aria-label={`Status of run ${k + 1}`}>
                t-SNE · seed {s.seed} · perplexity {s.perplexity}{t?.note ? ` (${t.note})` : ''} · iteration {t?.iteration ?? 0}/{COLD_ITERS}
                {kept !== null && <> · {KEPT_K}-NN kept {(kept * 100).toFixed(0)}%</>}
              </figcaption>
            </figure>
          );
        })}
        <figure className="map-figure" aria-label="PCA">
          <div className="controls"><span>PCA: no seed, no perplexity</span></div>
          <Scatter points={toPoints(pca.positions)} label="PCA, first two principal components" showLabels={labels} legend={GROUP_NAMES} />
          <figcaption className="source">
            PCA · {(100 * (pca.explained[0] + pca.explained[1])).toFixed(0)}% of the variance · {KEPT_K}-NN kept {(pcaKept * 100).toFixed(0)}%
          </figcaption>
        </figure>
      </div>
      <p className="source">
        {words.length} words from {Object.keys(WORD_GROUPS).length} everyday groups (animals, numbers, colours, time, family, body, food, politics), cosine
        distances. “{KEPT_K}-NN kept”: share of each word's {KEPT_K} nearest neighbours in {kv.dim}-D that are still among its {KEPT_K} nearest on the map.
        {missing.length > 0 && ` Not in these vectors, left out: ${missing.join(', ')}.`}
      </p>
    </div>
  );
}

export default function TsneRunsWidget({ attrs, onState }: WidgetProps) {
  const opening = useMemo(() => openingOf(attrs), [attrs]);
  return <VectorsGate>{(v) => <Runs kv={v.kv} opening={opening} onState={onState} />}</VectorsGate>;
}
