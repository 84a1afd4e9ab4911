// What GloVe approximates, next to what it has fitted so far: log X_ij (1/distance-weighted co-occurrence counts)
// over the most frequent words, and w_i · w̃_j + b_i + b̃_j for the same pairs, on one colour scale. Shown only while
// the running model sends such a view (GloVe); words are text nodes, never HTML.
import { useLabStore } from '../../state/labStore';
import { fitCorrelation, shade, sharedRange } from './matrixHeat';

/** Cell size in rem (one SVG unit = 1 rem), so presenter mode's larger type enlarges the grid too. */
const CELL = 0.9;
const LABEL = 4.6;
/** Words shown of those the worker sends (20): 12 keep labels legible in the side column. */
const SHOWN_WORDS = 12;

function Heat({ title, words, values, n, stride, range }: {
  title: string;
  words: readonly string[];
  values: Float32Array;
  n: number;
  stride: number;
  range: { lo: number; hi: number };
}) {
  const size = LABEL + n * CELL;
  return (
    <figure className="cooc-heat">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${size} ${size}`} style={{ width: `${size}rem`, height: `${size}rem` }} role="img" aria-label={`${title}: ${n} by ${n} most frequent words`}>
        <g fontSize={0.55}>
          {words.slice(0, n).map((w, i) => (
            <g key={w}>
              <text x={LABEL - 0.2} y={LABEL + (i + 0.7) * CELL} textAnchor="end" fill="var(--fg)">{w}</text>
              <text transform={`translate(${LABEL + (i + 0.7) * CELL} ${LABEL - 0.2}) rotate(-60)`} fill="var(--fg)">{w}</text>
            </g>
          ))}
        </g>
        {Array.from({ length: n * n }, (_, c) => {
          const i = Math.floor(c / n);
          const j = c % n;
          const v = values[i * stride + j]!;
          const known = Number.isFinite(v);
          return (
            <rect key={c} x={LABEL + j * CELL} y={LABEL + i * CELL} width={CELL} height={CELL}
              fill={known ? `rgba(37, 99, 235, ${shade(v, range).toFixed(3)})` : 'none'} stroke="var(--border)" strokeWidth={0.02}>
              <title>{`${words[i]} · ${words[j]}: ${known ? v.toFixed(2) : 'never within the window'}`}</title>
            </rect>
          );
        })}
      </svg>
    </figure>
  );
}

export function CooccurrenceView() {
  const view = useLabStore((s) => s.matrix);
  if (!view) return null;
  const stride = view.words.length;
  const n = Math.min(SHOWN_WORDS, stride);
  const range = sharedRange(view.target, view.fitted);
  const { r, cells } = fitCorrelation(view.target, view.fitted);
  return (
    <section className="cooc-view" aria-label="Co-occurrences and their fit">
      <h2 className="small-heading">What GloVe fits</h2>
      <p className="muted small">
        Left: log of how often two of the most frequent words occur near each other (each pair weighted 1/distance).
        Right: what the model predicts for it, w·w̃ + b + b̃. One colour scale ({range.lo.toFixed(1)} to {range.hi.toFixed(1)}); blank = never
        together, which GloVe leaves out of its loss.
      </p>
      <div className="cooc-pair">
        <Heat title="log X (counted)" words={view.words} values={view.target} n={n} stride={stride} range={range} />
        <Heat title="w·w̃ + b + b̃ (fitted)" words={view.words} values={view.fitted} n={n} stride={stride} range={range} />
      </div>
      <p className="small" role="status">
        Fit against the counts over the {cells} pairs of the top {stride} words: r = <output aria-label="Fit correlation">{Number.isFinite(r) ? r.toFixed(3) : '—'}</output>
      </p>
    </section>
  );
}
