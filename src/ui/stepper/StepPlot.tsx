// The toy model in 2-D beside the heatmaps: each word's input vector (filled dot) and output vector (hollow square),
// redrawn after every update so the student sees words that share contexts move together. The caption says which
// plane it is: the two dimensions themselves (a 2-D model) or the first two principal components of both matrices.
import { useRef } from 'react';
import { projectStepModel, type StepProjection } from './stepProjection';

/** Drawing size in SVG units (the SVG scales to its box). */
const SIZE = 360;
const PAD = 34;
/** The view never zooms in closer than this half-width, so the random start is not blown up into noise. */
const MIN_HALF_RANGE = 0.05;

export interface StepPlotProps {
  words: readonly string[];
  wIn: Float64Array;
  wOut: Float64Array;
  dim: number;
  /** Changes with every update (the arrays are mutated in place). */
  version: number;
  highlight?: readonly number[];
}

export function StepPlot({ words, wIn, wOut, dim, version, highlight = [] }: StepPlotProps) {
  const previous = useRef<StepProjection | null>(null);
  const p = projectStepModel(wIn, wOut, words.length, dim, previous.current);
  previous.current = p;
  let half = MIN_HALF_RANGE;
  for (const arr of [p.input, p.output]) for (const v of arr) if (Number.isFinite(v)) half = Math.max(half, Math.abs(v));
  const scale = (SIZE / 2 - PAD) / half;
  const at = (arr: Float64Array, i: number): [number, number] => [SIZE / 2 + arr[2 * i]! * scale, SIZE / 2 - arr[2 * i + 1]! * scale];
  const finite = (xy: [number, number]) => Number.isFinite(xy[0]) && Number.isFinite(xy[1]);
  const marked = new Set(highlight);
  const plane =
    p.method === 'dims'
      ? 'the model’s two dimensions themselves'
      : `the first two principal components of W_in and W_out together (PCA; they keep ${Math.round(p.explained * 100)}% of the variance)`;
  return (
    <figure className="stepper-plot" aria-label="Vectors in 2-D" data-version={version} data-method={p.method}>
      <figcaption>
        <strong>Vectors in 2-D</strong> <span className="muted">on {plane}. ● input vector (W_in row), □ output vector (W_out row).</span>
      </figcaption>
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={`Input and output vectors of ${words.length} words on ${plane}`}>
        <line x1={PAD / 2} x2={SIZE - PAD / 2} y1={SIZE / 2} y2={SIZE / 2} className="axis" />
        <line y1={PAD / 2} y2={SIZE - PAD / 2} x1={SIZE / 2} x2={SIZE / 2} className="axis" />
        {words.map((_, i) => {
          const o = at(p.output, i);
          if (!finite(o)) return null;
          return <rect key={`o${i}`} x={o[0] - 3.5} y={o[1] - 3.5} width={7} height={7} className={marked.has(i) ? 'out marked' : 'out'} />;
        })}
        {words.map((w, i) => {
          const xy = at(p.input, i);
          if (!finite(xy)) return null;
          return (
            <g key={`i${i}`} className={marked.has(i) ? 'in marked' : 'in'}>
              <circle cx={xy[0]} cy={xy[1]} r={4} />
              <text x={xy[0] + 6} y={xy[1] - 5}>
                {w}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
