// Training the image-text model in the playground's worker: backend, loss, passes and seed; both losses drawn live
// (the one that trains and the one watched on the same batches); cancellable. The page stays responsive because
// every step runs in the worker and the page only copies the curve and the progress line a couple of times a second
// into a canvas chart (docs/responsiveness.md).
import { useMemo, useRef, useState } from 'react';
import { proxy, type Remote } from 'comlink';
import type { ImageTextApi, ModelState, TrainTick } from '../../workers/imageText.worker';
import { MULTIMODAL_ENGINES } from '../../core/models/multimodal/multimodalSpec';
import { LinesChart } from './LinesChart';
import type { Series } from './linesPlot';

const ENGINE_LABELS: Record<string, string> = { 'tfjs-wasm': 'WebAssembly (tfjs wasm)', 'tfjs-cpu': 'plain JavaScript (tfjs cpu)', 'tfjs-webgl': 'WebGL (tfjs webgl)', 'tfjs-webgpu': 'WebGPU (tfjs webgpu)' };
/** Passes a student may ask for: the shipped model's 3 train in a few minutes on wasm; 10 is already long. */
const MAX_EPOCHS = 10;
/** The worker reports every batch (several a second on WebAssembly); the curve and the progress line are handed to
 *  React at most this often. A canvas redraw costs about a millisecond, so this is about not re-rendering (and not
 *  re-announcing the progress line to screen readers) at every batch, not about the chart's cost. */
const CHART_INTERVAL_MS = 500;
const AXIS_TITLES = { x: 'images', y: 'loss per pair' };

interface Curve {
  images: number[];
  infonce: number[];
  hinge: number[];
}

export function ImageTextTraining({ api, onTrained }: { api: Remote<ImageTextApi>; onTrained: (s: ModelState) => void }) {
  const [engine, setEngine] = useState<string>('tfjs-wasm');
  const [loss, setLoss] = useState<'infonce' | 'hinge'>('infonce');
  const [epochs, setEpochs] = useState(3);
  const [seed, setSeed] = useState(2);
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The backend the worker reports while it trains (not the one asked for): a fallback is said, never silent.
  const [active, setActive] = useState<string | null>(null);
  const [fallback, setFallback] = useState('');
  const [curve, setCurve] = useState<Curve>({ images: [], infonce: [], hinge: [] });
  // Every tick lands here; the chart gets a copy at most every CHART_INTERVAL_MS, and the whole curve at the end.
  const pending = useRef<Curve>({ images: [], infonce: [], hinge: [] });
  const lastDrawn = useRef(0);
  const pendingStatus = useRef('');
  const draw = () => {
    lastDrawn.current = performance.now();
    const c = pending.current;
    setCurve({ images: [...c.images], infonce: [...c.infonce], hinge: [...c.hinge] });
    if (pendingStatus.current) setStatus(pendingStatus.current);
  };

  const start = async () => {
    setRunning(true);
    setError(null);
    setActive(null);
    setFallback('');
    pending.current = { images: [], infonce: [], hinge: [] };
    lastDrawn.current = 0;
    pendingStatus.current = '';
    setCurve({ images: [], infonce: [], hinge: [] });
    setStatus(`Starting ${ENGINE_LABELS[engine] ?? engine}…`);
    try {
      const result = await api.train(
        { engine, loss, epochs, seed },
        proxy((t: TrainTick) => {
          const c = pending.current;
          c.images.push(t.unitsDone);
          c.infonce.push(t.infonce);
          c.hinge.push(t.hinge);
          setActive(t.backend);
          setFallback(t.fallback);
          pendingStatus.current =
            `Training on ${t.engine}: ${t.unitsDone.toLocaleString('en-US')} of ${t.unitsTotal.toLocaleString('en-US')} images, epoch ${Math.min(t.epoch + 1, t.epochs)} of ${t.epochs}, ` +
            `${Math.round(t.unitsPerSec)} images/s; InfoNCE ${t.infonce.toFixed(3)}, hinge ${t.hinge.toFixed(3)}`;
          if (performance.now() - lastDrawn.current >= CHART_INTERVAL_MS) draw();
        }),
      );
      if (result) {
        onTrained(result);
        setStatus(`Done: the page now uses ${result.description}.`);
      } else setStatus('Cancelled: the page keeps the model it had.');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setStatus('');
    } finally {
      pendingStatus.current = '';
      draw();
      setRunning(false);
    }
  };

  const last = curve.images.length - 1;
  // New series only when the curve changes (twice a second at most), so the chart redraws only then.
  const series = useMemo(
    (): Series[] => [
      { name: `InfoNCE${loss === 'infonce' ? ' (trained)' : ' (watched)'}`, y: curve.infonce, dashed: loss !== 'infonce' },
      { name: `hinge${loss === 'hinge' ? ' (trained)' : ' (watched)'}`, y: curve.hinge, dashed: loss !== 'hinge' },
    ],
    [curve, loss],
  );
  return (
    <section aria-label="Train the image-text model" className="playground-panel">
      <h2>Train it here</h2>
      <p className="muted">
        A new model from a fresh start, on the 2,160 training pictures (the held-out pairs never among them). Whichever
        loss trains, both are computed on every batch and drawn.
      </p>
      <div className="row">
        <label>
          Backend{' '}
          <select value={engine} onChange={(e) => setEngine(e.target.value)} disabled={running}>
            {MULTIMODAL_ENGINES.map((e) => (
              <option key={e} value={e}>
                {ENGINE_LABELS[e] ?? e}
              </option>
            ))}
          </select>
        </label>
        <label>
          Loss{' '}
          <select value={loss} onChange={(e) => setLoss(e.target.value as 'infonce' | 'hinge')} disabled={running}>
            <option value="infonce">InfoNCE (CLIP)</option>
            <option value="hinge">hinge ranking (DeViSE/VSE)</option>
          </select>
        </label>
        <label>
          Epochs <input type="number" min={1} max={MAX_EPOCHS} value={epochs} disabled={running} onChange={(e) => setEpochs(Math.max(1, Math.min(MAX_EPOCHS, Number(e.target.value) || 1)))} />
        </label>
        <label>
          Seed <input type="number" min={0} value={seed} disabled={running} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
        </label>
        <button type="button" onClick={() => void start()} disabled={running}>
          Train
        </button>
        <button type="button" onClick={() => void api.cancel()} disabled={!running}>
          Cancel training
        </button>
      </div>
      <p role="status" aria-live="polite">
        {status}
      </p>
      <p>
        Active backend: <output aria-label="Active backend">{active ?? 'none yet'}</output>
      </p>
      {fallback && (
        <p role="alert">
          {fallback}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {curve.images.length > 0 && (
        <LinesChart
          label="Both losses while training"
          summary={`After ${curve.images[last]} images: InfoNCE ${curve.infonce[last]!.toFixed(3)} (first ${curve.infonce[0]!.toFixed(3)}), hinge ${curve.hinge[last]!.toFixed(3)} (first ${curve.hinge[0]!.toFixed(3)}); recent means over a few batches.`}
          height={280}
          x={curve.images}
          series={series}
          titles={AXIS_TITLES}
        />
      )}
    </section>
  );
}
