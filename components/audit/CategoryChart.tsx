/** Layout of the chart, in SVG units (it scales to the page's width). */
const ROW = 28;
const LABEL_WIDTH = 200;
const BAR_WIDTH = 340;
const COUNT_WIDTH = 60;

/**
 * Suggestions per category as horizontal bars, drawn inline so the report loads nothing. The
 * table beside it holds the same numbers, for screen readers and for copying.
 */
export function CategoryChart({ rows }: { rows: readonly { category: string; count: number }[] }) {
  const most = Math.max(1, ...rows.map((r) => r.count));
  const height = Math.max(1, rows.length) * ROW;
  return (
    <svg
      class="chart"
      role="img"
      aria-labelledby="chart-title"
      viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH} ${height}`}
      width={LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH}
      height={height}
    >
      <title id="chart-title">Suggestions by category</title>
      {rows.map(({ category, count }, i) => {
        // Every bar at least a sliver, so a category with one suggestion is still seen.
        const width = Math.max(3, Math.round((count / most) * BAR_WIDTH));
        const y = i * ROW;
        return (
          <g key={category}>
            <text x={LABEL_WIDTH - 8} y={y + 19} text-anchor="end">
              {category}
            </text>
            <rect x={LABEL_WIDTH} y={y + 6} width={width} height={16} rx={3} />
            <text x={LABEL_WIDTH + width + 6} y={y + 19}>
              {count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
