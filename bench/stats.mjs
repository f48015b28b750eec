// Small statistics and formatting helpers for the benchmark table.

/** Nearest-rank percentile. @param {number[]} values @param {number} p in [0, 100] */
function percentile(values, p) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** @param {number[]} values @param {number} [digits] decimals kept (0.1 ms by default) */
export function summarize(values, digits = 1) {
  const finite = values.filter((value) => Number.isFinite(value));
  const round = (value) => Math.round(value * 10 ** digits) / 10 ** digits;
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

/**
 * Per-round ratios of two pages opened in the same rounds (interleaved opens): `numerator ÷
 * denominator` for every round where both painted, summarised. A drift of the machine (other
 * work, a slower minute) hits both pages of a round alike, so this ratio moves far less from run
 * to run than the ratio of two p50s measured minutes apart.
 * @param {Record<string, number>[]} rounds painted times by page name, one object per round
 * @param {string} numerator @param {string} denominator
 */
export function pairedRatio(rounds, numerator, denominator) {
  const ratios = rounds.map((round) => round[numerator] / round[denominator]).filter((ratio) => Number.isFinite(ratio) && ratio > 0);
  const { n, p50, p95, min, max } = summarize(ratios, 2);
  return { n, p50, p95, min, max };
}
