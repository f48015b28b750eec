import { storage } from 'wxt/utils/storage';
import type { PaperFilters, SortKey } from './filters';

export type ViewKind = 'today' | 'trending' | 'day' | 'week' | 'month' | 'saved';

/** What the reader reopens with: the kind of view, the sort and the filters. */
export interface ReaderPrefs {
  view: ViewKind;
  sort: SortKey;
  filters: PaperFilters;
}

export const DEFAULT_READER_PREFS: ReaderPrefs = { view: 'today', sort: 'upvotes', filters: {} };

// Local, not sync: how one reads on this machine (a narrow side panel, say) is its own.
export const readerPrefsSetting = storage.defineItem<ReaderPrefs>('local:readerPrefs', {
  fallback: DEFAULT_READER_PREFS,
  version: 1,
});
