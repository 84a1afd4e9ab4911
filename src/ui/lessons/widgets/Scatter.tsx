// A small labelled SVG scatter for a few dozen to a few hundred points (lesson widgets; the big map uses plotly).
// The axes fit the points with a margin; groups get distinct colours and shapes so colour is never the only cue.
export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  group?: number;
}

const W = 420;
const H = 320;
const PAD = 28;
/** Colours readable on both themes' backgrounds; shapes repeat the distinction for colour-blind readers. */
const COLOURS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#64748b', '#0891b2', '#a16207'];
/** Axis ranges span these quantiles (plus a margin), so one far-flung point cannot squash all the others. */
const LOW_Q = 0.02;
const HIGH_Q = 0.98;
const RANGE_MARGIN = 0.1;

function robustRange(values: number[]): [number, number] {
  const v = values.slice().sort((a, b) => a - b);
  if (v.length === 0) return [0, 1];
  const lo = v[Math.floor(LOW_Q * (v.length - 1))];
  const hi = v[Math.ceil(HIGH_Q * (v.length - 1))];
  const pad = (hi - lo) * RANGE_MARGIN || 1;
  return [lo - pad, hi + pad];
}

function marker(g: number, x: number, y: number, r: number) {
  const fill = COLOURS[g % COLOURS.length];
  switch (g % 3) {
    case 1:
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={fill} />;
    case 2:
      return <polygon points={`${x},${y - r * 1.3} ${x - r * 1.2},${y + r} ${x + r * 1.2},${y + r}`} fill={fill} />;
    default:
      return <circle cx={x} cy={y} r={r} fill={fill} />;
  }
}

export function Scatter({ points, label, showLabels = true, width = W, height = H, legend }: {
  points: ScatterPoint[];
  label: string;
  showLabels?: boolean;
  width?: number;
  height?: number;
  /** Group names, by group index, drawn under the plot with their colour and shape. */
  legend?: string[];
}) {
  const [minX, maxX] = robustRange(points.map((p) => p.x));
  const [minY, maxY] = robustRange(points.map((p) => p.y));
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const sx = (x: number) => clamp(PAD + ((x - minX) / spanX) * (width - 2 * PAD), 4, width - 4);
  const sy = (y: number) => clamp(height - PAD - ((y - minY) / spanY) * (height - 2 * PAD), 4, height - 4);
  const r = points.length > 100 ? 2.5 : 4;
  return (
    <div>
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-points={points.length}>
      <rect x={0.5} y={0.5} width={width - 1} height={height - 1} fill="none" className="axis" />
      {points.map((p, i) => (
        <g key={i}>
          {marker(p.group ?? 0, sx(p.x), sy(p.y), r)}
          {showLabels && (
            <text x={sx(p.x) + r + 2} y={sy(p.y) + 4}>
              {p.label}
            </text>
          )}
        </g>
      ))}
    </svg>
    {legend && (
      <ul className="scatter-legend" aria-label="Legend">
        {legend.map((name, g) => (
          <li key={name}>
            <svg viewBox="-6 -6 12 12" width={12} height={12} aria-hidden="true">{marker(g, 0, 0, 4)}</svg> {name}
          </li>
        ))}
      </ul>
    )}
    </div>
  );
}
