// A weight matrix as a grid of coloured cells with the value printed in each (and in a hover title), rows labelled
// by word. Rows used by the current example are outlined dashed; rows the last update changed, solid.

/** Cell size in rem (one SVG unit = 1rem), so the grid grows with presenter mode's larger type. */
const CELL_W_EM = 3.6;
const CELL_H_EM = 1.8;
const LABEL_W_EM = 6;
/** Colour saturates at this absolute value, so small early weights are still visible. */
const MIN_COLOUR_SCALE = 0.05;
/** Values printed with two decimals; below half the last digit they print as 0.00 rather than -0.00. */
const PRINT_ZERO_BELOW = 0.005;

export interface WeightHeatmapProps {
  title: string;
  description: string;
  words: readonly string[];
  values: Float64Array;
  dim: number;
  /** Rows about to be used (dashed outline). */
  pendingRows?: readonly number[];
  /** Rows changed by the last update (solid outline). */
  changedRows?: readonly number[];
}

export function WeightHeatmap({ title, description, words, values, dim, pendingRows = [], changedRows = [] }: WeightHeatmapProps) {
  let maxAbs = MIN_COLOUR_SCALE;
  for (const v of values) maxAbs = Math.max(maxAbs, Math.abs(v));
  const pending = new Set(pendingRows);
  const changed = new Set(changedRows);
  const width = LABEL_W_EM + dim * CELL_W_EM;
  const height = (words.length + 1) * CELL_H_EM;
  return (
    <figure className="stepper-heatmap">
      <figcaption>
        <strong>{title}</strong> <span className="muted">{description}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        style={{ width: `${width}rem`, height: `${height}rem` }}
        role="img"
        aria-label={`${title}: ${words.length} words by ${dim} dimensions`}
      >
        <g fontSize={0.75}>
        {Array.from({ length: dim }, (_, d) => (
          <text key={d} x={LABEL_W_EM + (d + 0.5) * CELL_W_EM} y={CELL_H_EM * 0.7} textAnchor="middle" fill="var(--muted)">
            d{d + 1}
          </text>
        ))}
        {words.map((w, r) => {
          const y = (r + 1) * CELL_H_EM;
          return (
            <g key={w}>
              <text x={LABEL_W_EM - 0.3} y={y + CELL_H_EM * 0.68} textAnchor="end" fill="var(--fg)">
                {w}
              </text>
              {Array.from({ length: dim }, (_, d) => {
                const v = values[r * dim + d];
                const t = Math.min(1, Math.abs(v) / maxAbs);
                const fill = v >= 0 ? `rgba(37, 99, 235, ${t.toFixed(3)})` : `rgba(220, 38, 38, ${t.toFixed(3)})`;
                return (
                  <g key={d}>
                    <rect x={LABEL_W_EM + d * CELL_W_EM} y={y} width={CELL_W_EM} height={CELL_H_EM} fill={fill} stroke="var(--border)" strokeWidth={0.02}>
                      <title>{`${w}, dimension ${d + 1}: ${v.toFixed(4)}`}</title>
                    </rect>
                    <text
                      x={LABEL_W_EM + (d + 0.5) * CELL_W_EM}
                      y={y + CELL_H_EM * 0.68}
                      textAnchor="middle"
                      fill={t > 0.6 ? '#ffffff' : 'var(--fg)'}
                      pointerEvents="none"
                    >
                      {(Math.abs(v) < PRINT_ZERO_BELOW ? 0 : v).toFixed(2)}
                    </text>
                  </g>
                );
              })}
              {(changed.has(r) || pending.has(r)) && (
                <rect
                  x={LABEL_W_EM}
                  y={y}
                  width={dim * CELL_W_EM}
                  height={CELL_H_EM}
                  fill="none"
                  stroke="var(--focus)"
                  strokeWidth={0.12}
                  strokeDasharray={changed.has(r) ? undefined : '0.3 0.2'}
                  data-row-state={changed.has(r) ? 'changed' : 'pending'}
                />
              )}
            </g>
          );
        })}
        </g>
      </svg>
    </figure>
  );
}
