import type { PaperFilters } from './filters';
import type { SortKey } from '../store/order';
import type { ViewKind } from './view';

/**
 * What the reader reopens with: the kind of view, the sorts and the filters. Stored on this
 * machine only (lib/settings/keys.ts, READER_PREFS), its default in lib/settings/defaults.ts.
 */
export interface ReaderPrefs {
  view: ViewKind;
  /** The sort of the listing views (today, day, week, month, saved). */
  sort: SortKey;
  /** The trending view's own sort: HF's order unless the reader picks another there. */
  trendingSort: SortKey;
  filters: PaperFilters;
}
