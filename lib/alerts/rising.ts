// Rising papers: the upvote threshold a paper crosses, seen in its recorded history. Pure.

export const RISING_CHOICES = [0, 20, 50, 100, 200] as const;

/**
 * True when Paperboy saw the paper below the threshold and now at or above it. A paper that
 * was already above it when first stored did not rise while watched: notifying for it would
 * flood a new install with every popular paper. 0 turns the rule off.
 */
export function crossedThreshold(history: readonly (readonly [number, number])[], threshold: number): boolean {
  if (threshold <= 0 || history.length < 2) return false;
  const latest = history[history.length - 1]![1];
  return latest >= threshold && history.some(([, upvotes]) => upvotes < threshold);
}

export interface SparkPoint {
  x: number;
  y: number;
}

/**
 * Points of an upvote history scaled into a width × height box (y down, as in SVG), by time
 * so that a quiet week looks flat and long. Fewer than two samples draw nothing.
 */
export function sparklinePoints(history: readonly (readonly [number, number])[], width: number, height: number): SparkPoint[] {
  if (history.length < 2) return [];
  const times = history.map(([time]) => time);
  const values = history.map(([, upvotes]) => upvotes);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(...values), Math.max(...values)];
  const round = (n: number) => Math.round(n * 10) / 10;
  return history.map(([time, upvotes], index) => ({
    x: round(t1 === t0 ? (index / (history.length - 1)) * width : ((time - t0) / (t1 - t0)) * width),
    // A flat history sits in the middle rather than on an edge.
    y: round(v1 === v0 ? height / 2 : height - ((upvotes - v0) / (v1 - v0)) * height),
  }));
}
