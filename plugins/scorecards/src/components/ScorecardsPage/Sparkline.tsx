import type { RollupPoint } from '@paved/plugin-scorecards-common';

/** Pass rate over the days of a roll-up's history, as a small line (no axes: a trend at a glance). */
export function Sparkline(props: {
  points: RollupPoint[];
  width?: number;
  height?: number;
}) {
  const width = props.width ?? 160;
  const height = props.height ?? 36;
  const values = props.points.filter(p => p.passRate !== null);
  if (values.length < 2) {
    return (
      <span style={{ color: '#757575', fontSize: 12 }}>
        history starts today
      </span>
    );
  }
  const step = width / (values.length - 1);
  const path = values
    .map(
      (p, i) =>
        `${(i * step).toFixed(1)},${(
          height -
          (p.passRate ?? 0) * height
        ).toFixed(1)}`,
    )
    .join(' ');
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label="pass rate over time"
    >
      <polyline points={path} fill="none" stroke="#1976d2" strokeWidth={2} />
    </svg>
  );
}

export function percent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)} %`;
}
