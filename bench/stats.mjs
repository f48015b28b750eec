// Small statistics and formatting helpers for the benchmark table.

/** Nearest-rank percentile. @param {number[]} values @param {number} p in [0, 100] */
export function percentile(values, p) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** @param {number[]} values */
export function summarize(values) {
  const finite = values.filter((value) => Number.isFinite(value));
  const round = (value) => Math.round(value * 10) / 10;
  return {
    n: finite.length,
    p50: round(percentile(finite, 50)),
    p95: round(percentile(finite, 95)),
    min: round(Math.min(...finite)),
    max: round(Math.max(...finite)),
    mean: round(finite.reduce((sum, value) => sum + value, 0) / (finite.length || 1)),
  };
}

export const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
export const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** A plain-text table. @param {string[]} header @param {(string | number)[][]} rows */
export function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(cells[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
