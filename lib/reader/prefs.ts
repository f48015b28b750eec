import { DEFAULT_FILTERS, type PaperFilters, type SortKey } from './filters';
import { pageItem, type VersionedSpec } from '../boot/page-settings';
import type { ViewKind } from './view';

/** What the reader reopens with: the kind of view, the sorts and the filters. */
export interface ReaderPrefs {
  view: ViewKind;
  /** The sort of the listing views (today, day, week, month, saved). */
  sort: SortKey;
  /** The trending view's own sort: HF's order unless the reader picks another there. */
  trendingSort: SortKey;
  filters: PaperFilters;
}

export const DEFAULT_READER_PREFS: ReaderPrefs = { view: 'today', sort: 'upvotes', trendingSort: 'trending', filters: DEFAULT_FILTERS };

// Local, not sync: how one reads on this machine (a narrow side panel, say) is its own. Only the
// side panel reads and writes it, through a small item stored as WXT stores its items (no
// @wxt-dev/storage in the side panel: lib/boot/page-settings.ts).
export const READER_PREFS: VersionedSpec<ReaderPrefs> = {
  key: 'local:readerPrefs',
  fallback: DEFAULT_READER_PREFS,
  version: 2,
  migrations: {
    // v1 had one sort for every view.
    2: (old: Omit<ReaderPrefs, 'trendingSort'>): ReaderPrefs => ({ ...old, trendingSort: 'trending' }),
  },
};

export const readerPrefsSetting = pageItem(READER_PREFS);
