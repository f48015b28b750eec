import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { PaperboyDb } from '@/lib/store/schema';
import { organizationsOf, type PaperFilters } from '@/lib/reader/filters';
import type { SortKey } from '@/lib/store/order';
import { onBroadcast, sendRequest } from '@/lib/protocol/messages';
import { readFirstScreen } from '@/lib/boot/first-screen';
import type { ReaderPrefs } from '@/lib/reader/prefs';
import { DEFAULT_READER_PREFS } from '@/lib/settings/defaults';
import { readerPrefsSetting } from '@/lib/settings/page-items';
import { stepView, type ReaderView } from '@/lib/reader/view';
import { createLiveSearch, type LiveSearch } from '@/lib/search/live';
import { createRefreshState } from '../shared/refresh-state';
import { countMuted } from '@/lib/alerts/mute';
import { createPanelFocus, focusAfterLeaving, type PanelFocus } from './panel-focus';
import { createPanelMarks, type PanelMarks } from './panel-marks';
import { createPanelSearch, type PanelSearch } from './panel-search';
import { createRecordCache, type RecordCache } from './record-cache';
import { arrange, createViewLoader, type ViewLoader } from './view-loader';

export interface PanelDeps {
  db: () => Promise<PaperboyDb>;
  send?: typeof sendRequest;
  subscribe?: typeof onBroadcast;
  now?: () => number;
  prefs?: { getValue(): Promise<ReaderPrefs>; setValue(value: ReaderPrefs): Promise<void> };
  openUrl?: (url: string) => void;
  /** The search index (tests: one whose readiness they control); by default read from deps.db. */
  search?: LiveSearch;
}

/**
 * The side panel reader's state, one object for its components: the view, its sort and filters
 * (the reader's preferences), and the parts that each keep their own signals: the view's papers
 * (view-loader.ts), their full records (record-cache.ts), search (panel-search.ts), marks
 * (panel-marks.ts) and the keyboard focus (panel-focus.ts).
 */
export interface PanelState
  extends Pick<ViewLoader, 'papers' | 'freshness' | 'status' | 'fetchError' | 'loadError' | 'sync' | 'newIds' | 'load'>,
    Pick<RecordCache, 'records' | 'ensureRecords'>,
    Pick<PanelSearch, 'query' | 'terms' | 'searchPartial' | 'searching' | 'scope' | 'remote' | 'visible' | 'setQuery' | 'setScope' | 'searchRemote'>,
    PanelMarks,
    Omit<PanelFocus, 'clearFocus' | 'focusOn'> {
  refresher: ReturnType<typeof createRefreshState>;
  view: ReadonlySignal<ReaderView>;
  sort: ReadonlySignal<SortKey>;
  filters: ReadonlySignal<PaperFilters>;
  /** How many papers the list holds (the head shows only its first few of them). */
  matching: ReadonlySignal<number>;
  /** How many papers the list picks from: the view's, or every stored paper's while a search over everything shows. */
  total: ReadonlySignal<number>;
  unreadCount: ReadonlySignal<number>;
  /** Muted papers in the view (left out of the list unless shown). */
  mutedCount: ReadonlySignal<number>;
  showMuted: ReadonlySignal<boolean>;
  setShowMuted(show: boolean): void;
  /** How the panel asks the background: also for the parts loaded after its first screen (the cards' linked models, datasets and Spaces). */
  send: typeof sendRequest;
  /** The organisations of the view's papers, to filter by. */
  organizations: ReadonlySignal<ReturnType<typeof organizationsOf>>;
  /** Opens the view of the preferences (a week's or month's head first). */
  start(): Promise<void>;
  /** Learns whether the search index is built, so that the first keystroke need not. */
  warmSearch(): void;
  setView(next: ReaderView): Promise<void>;
  /** The previous or next day, week or month. */
  step(delta: number): Promise<void>;
  setSort(next: SortKey): void;
  setFilters(next: PaperFilters): void;
  /** Follows the background's notices (syncs, marks); returns the unsubscribe. */
  follow(): () => void;
}

export function createPanelState(deps: PanelDeps): PanelState {
  const send = deps.send ?? sendRequest;
  const subscribe = deps.subscribe ?? onBroadcast;
  const now = deps.now ?? Date.now;
  const prefsStore = deps.prefs ?? readerPrefsSetting;
  const openUrl = deps.openUrl ?? ((url: string) => void window.open(url, '_blank', 'noopener'));

  const view = signal<ReaderView>({ kind: 'today' });
  const listSort = signal<SortKey>(DEFAULT_READER_PREFS.sort);
  const trendingSort = signal<SortKey>(DEFAULT_READER_PREFS.trendingSort);
  const sort = computed(() => (view.value.kind === 'trending' ? trendingSort.value : listSort.value));
  const filters = signal<PaperFilters>({});
  // Not a preference: muted papers are shown for a look, and hidden again on the next opening.
  const showMuted = signal(false);

  const cache = createRecordCache(deps.db);
  // The loader and the search follow each other (a read runs the search again; a typed query
  // keeps a head from showing): each reaches the other only once created, when it is called.
  const loader: ViewLoader = createViewLoader({
    db: deps.db,
    send,
    now,
    view,
    sort,
    filters,
    showMuted,
    cache,
    searching: () => search.query.value.trim() !== '',
    afterRead: () => search.run(),
    storedPapersChanged: () => search.storedPapersChanged(),
  });
  const search: PanelSearch = createPanelSearch({
    db: deps.db,
    send,
    index: deps.search ?? createLiveSearch(deps.db),
    papers: loader.papers,
    viewOrder: loader.viewOrder,
    arrange: (list) => arrange(list, filters.value, sort.value, loader.trendingOrder.value, showMuted.value),
    ensureRecords: cache.ensureRecords,
  });

  /** Marks changed: re-read the view, and everything if a search over everything shows it. */
  async function reloadMarks(): Promise<void> {
    await search.marksChanged();
    await loader.load({ fetch: false });
  }
  const marks = createPanelMarks({
    send,
    papers: loader.papers,
    visible: search.visible,
    reload: reloadMarks,
    fail: loader.fail,
    hidesRead: () => filters.value.unreadOnly === true,
    leaving: (ids) => focus.focusOn(focusAfterLeaving(search.visible.value, focus.focusedId.value, ids)),
  });
  const focus = createPanelFocus({ visible: search.visible, openUrl, opened: marks.opened });
  const refresher = createRefreshState(send, () => loader.load({ fetch: false }));

  const { visible } = search;
  const { preview } = loader;
  const matching = computed(() => preview.value?.count ?? visible.value.length);
  const total = computed(() => search.searchedTotal.value ?? loader.total.value);
  const unreadCount = computed(() => {
    const head = preview.value;
    if (head) return head.unread;
    let count = 0;
    for (const paper of visible.value) if (paper.readAt === undefined) count += 1;
    return count;
  });
  const organizations = computed(() => organizationsOf(loader.papers.value));
  const mutedCount = computed(() => countMuted(loader.papers.value));

  async function savePrefs(): Promise<void> {
    await prefsStore.setValue({ view: view.value.kind, sort: listSort.value, trendingSort: trendingSort.value, filters: filters.value });
  }

  async function setView(next: ReaderView): Promise<void> {
    batch(() => {
      view.value = next;
      focus.clearFocus();
      search.clearRemote();
      marks.clearUndo();
    });
    void savePrefs();
    await loader.load({ head: true });
  }

  return {
    refresher,
    view,
    papers: loader.papers,
    total,
    matching,
    records: cache.records,
    visible,
    unreadCount,
    organizations,
    mutedCount,
    showMuted,
    setShowMuted(show) {
      showMuted.value = show;
    },
    send,
    freshness: loader.freshness,
    status: loader.status,
    fetchError: loader.fetchError,
    loadError: loader.loadError,
    sync: loader.sync,
    newIds: loader.newIds,
    query: search.query,
    terms: search.terms,
    searchPartial: search.searchPartial,
    searching: search.searching,
    scope: search.scope,
    sort,
    filters,
    focusedId: focus.focusedId,
    remote: search.remote,
    ensureRecords: cache.ensureRecords,

    async start() {
      // The preferences say which view; a week's or month's head is read with them (the database
      // opens meanwhile).
      const screen = await readFirstScreen(prefsStore.getValue(), deps.db(), now());
      batch(() => {
        view.value = screen.view;
        listSort.value = screen.prefs.sort;
        trendingSort.value = screen.prefs.trendingSort;
        filters.value = screen.prefs.filters;
      });
      await loader.load({ head: true, screen: screen.head });
      await marks.markShownSeen();
    },
    warmSearch: search.warm,
    load: loader.load,
    markShownSeen: marks.markShownSeen,
    setView,
    step: (delta) => setView(stepView(view.value, delta)),
    setQuery: search.setQuery,
    setScope: search.setScope,
    setSort(next) {
      if (view.value.kind === 'trending') trendingSort.value = next;
      else listSort.value = next;
      void savePrefs();
    },
    setFilters(next) {
      filters.value = next;
      void savePrefs();
    },
    toggleSaved: marks.toggleSaved,
    setRead: marks.setRead,
    toggleRead: marks.toggleRead,
    markAllRead: marks.markAllRead,
    opened: marks.opened,
    hiddenByRead: marks.hiddenByRead,
    undoHide: marks.undoHide,
    clearUndo: marks.clearUndo,
    openFocused: focus.openFocused,
    moveFocus: focus.moveFocus,
    searchRemote: search.searchRemote,
    follow() {
      return subscribe((notice) => {
        refresher.notice(notice);
        if (notice.type === 'syncFinished') search.storedPapersChanged();
        if (notice.type === 'marksChanged') void reloadMarks();
        else if (notice.type !== 'syncStarted') void loader.load({ fetch: false });
      });
    },
  };
}
