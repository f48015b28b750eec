import { formatDay, t } from '@/lib/i18n/ui';
import { sparklinePoints } from '@/lib/alerts/rising';

const WIDTH = 48;
const HEIGHT = 14;

/**
 * A paper's upvotes over time as a small line, built from Preact elements (no markup strings).
 * The numbers are said in words for screen readers and in the tooltip; nothing for one sample.
 */
export function Sparkline({ history }: { history: readonly (readonly [number, number])[] }) {
  const points = sparklinePoints(history, WIDTH, HEIGHT);
  if (points.length === 0) return null;
  const first = history[0]!;
  const last = history[history.length - 1]!;
  const label = t('sparklineLabel', { from: first[1], to: last[1], date: formatDay(new Date(first[0]).toISOString().slice(0, 10)) });
  const end = points[points.length - 1]!;
  return (
    <svg class="sparkline" role="img" aria-label={label} width={WIDTH + 4} height={HEIGHT + 4} viewBox={`-2 -2 ${WIDTH + 4} ${HEIGHT + 4}`}>
      <title>{label}</title>
      <polyline
        points={points.map((point) => `${point.x},${point.y}`).join(' ')}
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linejoin="round"
      />
      <circle cx={end.x} cy={end.y} r="1.8" fill="currentColor" />
    </svg>
  );
}
