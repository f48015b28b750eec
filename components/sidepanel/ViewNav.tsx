import { isDay, isIsoWeek, isMonth, isoWeekOf, monthOf } from '@/lib/core/dates';
import { t, type PanelMessageKey as MessageKey } from '@/lib/i18n/panel';
import type { ViewKind } from '@/lib/reader/view';
import { defaultView, type ReaderView } from '@/lib/reader/view';
import type { PanelState } from './panel-state';
import { HfViewLink } from './HfViewLink';

const VIEWS: { kind: ViewKind; label: MessageKey }[] = [
  { kind: 'today', label: 'viewToday' },
  { kind: 'trending', label: 'viewTrending' },
  { kind: 'day', label: 'viewDay' },
  { kind: 'week', label: 'viewWeek' },
  { kind: 'month', label: 'viewMonth' },
  { kind: 'saved', label: 'viewSaved' },
];

interface Period {
  value: string;
  current: string;
  input: 'date' | 'week' | 'month';
  label: MessageKey;
  valid: (value: string) => boolean;
  view: (value: string) => ReaderView;
}

/** The period a day, week or month view shows, and how to pick another. */
function periodOf(view: ReaderView, today: string): Period | undefined {
  if (view.kind === 'day') {
    return { value: view.day, current: today, input: 'date', label: 'pickDay', valid: isDay, view: (day) => ({ kind: 'day', day }) };
  }
  if (view.kind === 'week') {
    return { value: view.week, current: isoWeekOf(today), input: 'week', label: 'pickWeek', valid: isIsoWeek, view: (week) => ({ kind: 'week', week }) };
  }
  if (view.kind === 'month') {
    return { value: view.month, current: monthOf(today), input: 'month', label: 'pickMonth', valid: isMonth, view: (month) => ({ kind: 'month', month }) };
  }
  return undefined;
}

/** The reader's views, and for a day, week or month: previous, a picker, next. */
export function ViewNav({ state, today }: { state: PanelState; today: string }) {
  const view = state.view.value;
  const period = periodOf(view, today);
  return (
    <nav class="view-nav" aria-label={t('viewsLabel')}>
      <div class="view-buttons">
        {VIEWS.map(({ kind, label }) => (
          <button key={kind} type="button" class="view-button" aria-pressed={view.kind === kind} onClick={() => void state.setView(defaultView(kind, today))}>
            {t(label)}
          </button>
        ))}
      </div>
      {period ? (
        <div class="period-picker">
          <button type="button" class="button secondary" onClick={() => void state.step(-1)}>
            <span aria-hidden="true">‹ </span>
            {t('previous')}
          </button>
          <label>
            <span class="visually-hidden">{t(period.label)}</span>
            <input
              type={period.input}
              value={period.value}
              max={period.current}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (period.valid(value) && value <= period.current) void state.setView(period.view(value));
              }}
            />
          </label>
          <button type="button" class="button secondary" onClick={() => void state.step(1)} disabled={period.value >= period.current}>
            {t('next')}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
      ) : null}
      <HfViewLink view={view} />
    </nav>
  );
}
