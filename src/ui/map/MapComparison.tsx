// Two maps of the same vectors side by side (two seeds, two perplexities, or t-SNE and PCA), with the share of each
// word's 10 map neighbours that the two agree on: the mean over words, read against what two unrelated layouts would
// share by chance (k / (N - 1)), and per word on hover. Each map runs in a layout worker of its own, on the vectors of
// the moment it was started (a button starts it again on the latest ones), so that it costs nothing until asked for.
import { useEffect, useId, useRef, useState } from 'react';
import type { LayoutMethod } from '../../core/project/layoutEngine';
import type { LayoutRequest, LayoutResponse, LayoutSettings } from '../../workers/layoutMessages';
import { fitRanges, toView, VIEW } from './axisRange';
import { markerRadius, POINT_OPACITY, readTheme } from './mapFigure';
import type { ViewRange } from './mapZoom';
import { PointCanvas } from './pointCanvas';
import { neighbourAgreement } from './searchNeighbours';

/** Neighbours compared per word, as in the syllabus's "10 nearest neighbours". */
export const AGREEMENT_K = 10;
/** The agreement is recomputed at most this often while the layouts move. */
const AGREEMENT_INTERVAL_MS = 1000;
/** The two perplexities compared: a local and a global view of the same words. */
const PERPLEXITIES: [number, number] = [5, 50];

type Variant = 'seed' | 'perplexity' | 'method';
const VARIANT_TITLES: Record<Variant, string> = {
  seed: 'Two seeds',
  perplexity: `Two perplexities (${PERPLEXITIES[0]} and ${PERPLEXITIES[1]})`,
  method: 't-SNE and PCA',
};

export interface ComparisonInput {
  words: string[];
  vectors: Float32Array;
  dim: number;
}

function settings(variant: Variant, base: LayoutSettings): [LayoutSettings, LayoutSettings] {
  switch (variant) {
    case 'seed':
      return [base, { ...base, seed: base.seed + 1 }];
    case 'perplexity':
      return [{ ...base, perplexity: PERPLEXITIES[0] }, { ...base, perplexity: PERPLEXITIES[1] }];
    case 'method':
      return [{ ...base, method: 'tsne' }, { ...base, method: 'pca' }];
  }
}

const describe = (s: LayoutSettings) => (s.method === 'pca' ? 'PCA' : `t-SNE, perplexity ${s.perplexity}, seed ${s.seed}`);

interface Side {
  worker: Worker;
  canvas: PointCanvas;
  positions: Float32Array | null;
  settled: boolean;
}

export function MapComparison({ input, seed, perplexity, learningRate, method }: { input: ComparisonInput | null; seed: number; perplexity: number; learningRate: number; method: LayoutMethod }) {
  const [variant, setVariant] = useState<Variant>('seed');
  const [run, setRun] = useState<{ input: ComparisonInput; variant: Variant; id: number } | null>(null);
  const [agreement, setAgreement] = useState<{ mean: number; baseline: number; n: number; settled: boolean } | null>(null);
  const [hover, setHover] = useState<string>('');
  const hostA = useRef<HTMLDivElement>(null);
  const hostB = useRef<HTMLDivElement>(null);
  const selectId = useId();
  const base: LayoutSettings = { method: method === 'pca' ? 'tsne' : method, perplexity, learningRate, seed };
  const pair = settings(run?.variant ?? variant, base);

  useEffect(() => {
    if (!run || !hostA.current || !hostB.current) return;
    const theme = readTheme();
    const { words } = run.input;
    const n = words.length;
    let perWord: Float64Array | null = null;
    let lastAgreementAt = 0;
    const sides: Side[] = [];
    const reset: ViewRange = { x: [...VIEW.x], y: [...VIEW.y] };
    const onHover = (index: number | null) => {
      for (const s of sides) s.canvas.setMark(index);
      if (index === null) setHover('');
      else setHover(perWord ? `${words[index]}: the two maps share ${Math.round(perWord[index]! * AGREEMENT_K)} of its ${AGREEMENT_K} nearest neighbours` : words[index]!);
    };
    const update = (force: boolean) => {
      const [a, b] = sides;
      if (!a?.positions || !b?.positions || a.positions.length !== 2 * n || b.positions.length !== 2 * n) return;
      const now = performance.now();
      if (!force && now - lastAgreementAt < AGREEMENT_INTERVAL_MS) return;
      lastAgreementAt = now;
      const r = neighbourAgreement(n, a.positions, b.positions, AGREEMENT_K);
      perWord = r.perWord;
      setAgreement({ mean: r.mean, baseline: r.baseline, n, settled: a.settled && b.settled });
    };
    for (const [k, host] of [hostA.current, hostB.current].entries()) {
      const worker = new Worker(new URL('../../workers/layout.worker.ts', import.meta.url), { type: 'module' });
      const canvas = new PointCanvas(host, reset, { onView: () => {}, onHover: (i) => onHover(i), onClick: () => {} });
      canvas.setTheme(theme);
      const side: Side = { worker, canvas, positions: null, settled: false };
      let styled = false;
      sides.push(side);
      const send = (req: LayoutRequest, transfer: Transferable[] = []) => worker.postMessage(req, transfer);
      worker.onmessage = (ev: MessageEvent<LayoutResponse>) => {
        const msg = ev.data;
        if (msg.type !== 'positions') return;
        side.positions = msg.positions;
        side.settled = msg.settled;
        const ranges = fitRanges(msg.positions) ?? VIEW;
        const xs = new Float32Array(n);
        const ys = new Float32Array(n);
        for (let i = 0; i < n && 2 * i + 1 < msg.positions.length; i++) [xs[i], ys[i]] = toView(ranges, msg.positions[2 * i]!, msg.positions[2 * i + 1]!);
        canvas.setPoints(xs, ys, styled ? undefined : { colours: theme.accent, diamonds: new Set(), opacity: POINT_OPACITY, radius: markerRadius(theme), axisTitles: null });
        styled = true;
        send({ type: 'frame-drawn', id: 0 });
        update(msg.settled);
      };
      send({ type: 'set-params', id: 1, params: settings(run.variant, base)[k]! });
      const vectors = run.input.vectors.slice();
      send({ type: 'set-vectors', id: 2, version: run.id, words: words.slice(), vectors, dim: run.input.dim }, [vectors.buffer]);
    }
    return () => {
      for (const s of sides) {
        s.worker.terminate();
        s.canvas.destroy();
      }
      setAgreement(null);
      setHover('');
    };
    // One run per start: later changes of the lab's settings wait for the next start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run]);

  const start = () => {
    if (input) setRun({ input: { words: input.words.slice(), vectors: input.vectors.slice(), dim: input.dim }, variant, id: (run?.id ?? 0) + 1 });
  };

  return (
    <section className="map-comparison" aria-label="Two maps compared">
      <h3 className="small-heading">Two maps of the same vectors</h3>
      <div className="map-legend-controls">
        <label htmlFor={selectId}>Compare</label>
        <select id={selectId} value={variant} onChange={(e) => setVariant(e.target.value as Variant)}>
          {(Object.keys(VARIANT_TITLES) as Variant[]).map((v) => (
            <option key={v} value={v}>
              {VARIANT_TITLES[v]}
            </option>
          ))}
        </select>
        <button type="button" onClick={start} disabled={!input}>
          {run ? 'Start again on the latest vectors' : 'Draw two maps'}
        </button>
        {run && (
          <button type="button" onClick={() => setRun(null)}>
            Close the two maps
          </button>
        )}
      </div>
      {!input && <p className="muted small">Train (or load a model) first: the two maps lay out the same words as the map above.</p>}
      {run && (
        <>
          <div className="comparison-maps">
            <figure aria-label={`Comparison map A: ${describe(pair[0])}`}>
              <div ref={hostA} className="comparison-map" />
              <figcaption>A: {describe(pair[0])}</figcaption>
            </figure>
            <figure aria-label={`Comparison map B: ${describe(pair[1])}`}>
              <div ref={hostB} className="comparison-map" />
              <figcaption>B: {describe(pair[1])}</figcaption>
            </figure>
          </div>
          <p className="agreement" aria-live="polite" data-agreement={agreement ? agreement.mean.toFixed(3) : undefined} data-baseline={agreement ? agreement.baseline.toFixed(3) : undefined}>
            {agreement
              ? `On average the two maps share ${(agreement.mean * 100).toFixed(0)}% of each word's ${AGREEMENT_K} nearest neighbours (${agreement.n} words${agreement.settled ? '' : ', still moving'}); two unrelated layouts would share ${(agreement.baseline * 100).toFixed(1)}% by chance.`
              : 'Laying out both maps...'}
          </p>
          <p className="muted small" aria-live="polite">
            {hover || 'Hover a point to see how many of its neighbours the two maps share; it is ringed in both.'}
          </p>
        </>
      )}
    </section>
  );
}
