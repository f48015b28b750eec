import { batch, computed, signal } from '@preact/signals';
import { addDays, addMonths, addWeeks, isoWeekOf, monthOf, utcDay } from '@/lib/dates';
import {
  dayKey,
  getAllPapers,
  getListing,
  getListingPapers,
  getSavedPapers,
  latestListedDay,
  type ListingKey,
  type PaperRecord,
  type PaperboyDb,
} from '@/lib/db';
import { applyFilters, sortPapers, type PaperFilters, type SortKey } from '@/lib/filters';
import { describeFreshness, type Freshness } from '@/lib/freshness';
import { onBroadcast, sendRequest } from '@/lib/messages';
import { DEFAULT_READER_PREFS, readerPrefsSetting, type ReaderPrefs, type ViewKind } from '@/lib/reader-prefs';
import { createSearchIndex, queryTerms, type SearchIndex } from '@/lib/search';
import { readSyncState } from '@/lib/sync';
import { EMPTY_SYNC_STATE, type SyncError, type SyncState } from '@/lib/sync-state';
import { paperLinks } from '@/lib/urls';
import { createRefreshState } from './reader-state';

export type ReaderView =
  | { kind: 'today' }
  | { kind: 'trending' }
  | { kind: 'day'; day: string }
  | { kind: 'week'; week: string }
  | { kind: 'month'; month: string }
  | { kind: 'saved' };

export type SearchScope = 'view' | 'all';
export type LoadStatus = 'loading' | 'ready' | 'fetching';

export interface PanelDeps {
  db: () => Promise<PaperboyDb>;
  send?: typeof sendRequest;
  subscribe?: typeof onBroadcast;
  now?: () => number;
  prefs?: { getValue(): Promise<ReaderPrefs>; setValue(value: ReaderPrefs): Promise<void> };
  openUrl?: (url: string) => void;
}

function listingKeyOf(view: ReaderView, latestDay: string | undefined): ListingKey | undefined {
  switch (view.kind) {
    case 'today':
      return latestDay ? dayKey(latestDay) : undefined;
    case 'trending':
      return 'trending';
    case 'day':
      return dayKey(view.day);
    case 'week':
      return `week:${view.week}`;
    case 'month':
      return `month:${view.month}`;
    case 'saved':
      return undefined;
  }
}

/** The view of a kind for the current period (today's week, this month...). */
export function defaultView(kind: ViewKind, today: string): ReaderView {
  if (kind === 'day') return { kind, day: today };
  if (kind === 'week') return { kind, week: isoWeekOf(today) };
  if (kind === 'month') return { kind, month: monthOf(today) };
  return { kind } as ReaderView;
}

/** Moves a day, week or month view by one step; others do not move. */
export function stepView(view: ReaderView, delta: number): ReaderView {
  if (view.kind === 'day') return { kind: 'day', day: addDays(view.day, delta) };
  if (view.kind === 'week') return { kind: 'week', week: addWeeks(view.week, delta) };
  if (view.kind === 'month') return { kind: 'month', month: addMonths(view.month, delta) };
  return view;
}

/**
 * The side panel reader's state: the chosen view read from IndexedDB at once (and fetched by
 * the background when missing or stale), search, filters, sort, and the keyboard focus.
 * Marks (seen, read, saved) are written by the background; this only asks.
 */
export function createPanelState(deps: PanelDeps) {
  const send = deps.send ?? sendRequest;
  const subscribe = deps.subscribe ?? onBroadcast;
  const now = deps.now ?? Date.now;
  const prefsStore = deps.prefs ?? readerPrefsSetting;
  const openUrl = deps.openUrl ?? ((url: string) => void window.open(url, '_blank', 'noopener'));

  const view = signal<ReaderView>({ kind: 'today' });
  const papers = signal<PaperRecord[]>([]);
  const shownDay = signal<string | undefined>(undefined);
  const fetchedAt = signal<number | undefined>(undefined);
  const trendingOrder = signal<string[]>([]);
  const sync = signal<SyncState>(EMPTY_SYNC_STATE);
  const status = signal<LoadStatus>('loading');
  const fetchError = signal<SyncError | undefined>(undefined);
  const loadError = signal('');
  const newIds = signal<ReadonlySet<string>>(new Set());

  const query = signal('');
  const scope = signal<SearchScope>('view');
  const listSort = signal<SortKey>(DEFAULT_READER_PREFS.sort);
  const trendingSort = signal<SortKey>(DEFAULT_READER_PREFS.trendingSort);
  const sort = computed(() => (view.value.kind === 'trending' ? trendingSort.value : listSort.value));
  const filters = signal<PaperFilters>({});
  const focusedId = signal<string | undefined>(undefined);
  const remote = signal<{ status: 'idle' | 'searching' | 'done'; error?: SyncError }>({ status: 'idle' });

  const refresher = createRefreshState(send, () => load({ fetch: false }));
  let index: SearchIndex | undefined;
  let allPapers: PaperRecord[] | undefined;
  const allById = signal<ReadonlyMap<string, PaperRecord>>(new Map());
  const matchedIds = signal<string[] | undefined>(undefined);
  let loadToken = 0;

  const terms = computed(() => queryTerms(query.value));

  /** What the list shows: the view (or everything, when searching all), searched, filtered, sorted. */
  const visible = computed(() => {
    const ids = matchedIds.value;
    let list: PaperRecord[] = papers.value;
    if (ids) {
      const source = scope.value === 'all' ? allById.value : new Map(papers.value.map((paper) => [paper.id, paper]));
      list = ids.map((id) => source.get(id)).filter((paper): paper is PaperRecord => paper !== undefined);
    }
    const filtered = applyFilters(list, filters.value);
    // The trending view is HF's order unless the reader picks another.
    if (view.value.kind === 'trending' && sort.value === 'trending' && !ids) return filtered;
    return sortPapers(filtered, sort.value, trendingOrder.value);
  });
  const unreadCount = computed(() => visible.value.filter((paper) => paper.readAt === undefined).length);

  const freshness = computed<Freshness>(() => {
    const current = view.value;
    return describeFreshness({
      view: current.kind,
      requested: current.kind === 'day' ? current.day : current.kind === 'week' ? current.week : current.kind === 'month' ? current.month : undefined,
      shownDay: shownDay.value,
      count: papers.value.length,
      fetchedAt: fetchedAt.value,
      sync: sync.value,
      now: now(),
    });
  });

  async function ensureIndex(): Promise<SearchIndex> {
    if (!index || !allPapers) {
      allPapers = await getAllPapers(await deps.db());
      index = createSearchIndex();
      index.addAll(allPapers);
      allById.value = new Map(allPapers.map((paper) => [paper.id, paper]));
    }
    return index;
  }

  async function runSearch(): Promise<void> {
    const text = query.value;
    if (!text.trim()) {
      matchedIds.value = undefined;
      return;
    }
    const searchIndex = await ensureIndex();
    if (text !== query.value) return; // a newer keystroke is on its way
    const within = scope.value === 'view' ? new Set(papers.value.map((paper) => paper.id)) : undefined;
    matchedIds.value = searchIndex.search(text, { within });
  }

  /** Reads the view from IndexedDB; asks the background to fetch it when missing or stale. */
  async function load(options: { fetch?: boolean } = {}): Promise<void> {
    const token = ++loadToken;
    try {
      await read(token, options.fetch ?? true);
    } catch (error) {
      // A page closing mid-read, or the database being upgraded by a newer version.
      if (token === loadToken) loadError.value = error instanceof Error ? error.message : String(error);
    }
  }

  async function read(token: number, fetch: boolean): Promise<void> {
    const db = await deps.db();
    const current = view.value;
    const latest = current.kind === 'today' ? await latestListedDay(db) : undefined;
    const key = listingKeyOf(current, latest);
    const [list, listing, trending, syncState] = await Promise.all([
      current.kind === 'saved' ? getSavedPapers(db) : key ? getListingPapers(db, key) : Promise.resolve([]),
      key ? getListing(db, key) : Promise.resolve(undefined),
      getListing(db, 'trending'),
      readSyncState(db),
    ]);
    if (token !== loadToken) return;
    const unseen = list.filter((paper) => paper.unseen === 1).map((paper) => paper.id);
    batch(() => {
      papers.value = list;
      shownDay.value = current.kind === 'today' ? latest : current.kind === 'day' ? current.day : undefined;
      fetchedAt.value = listing?.fetchedAt;
      trendingOrder.value = trending?.ids ?? [];
      sync.value = syncState;
      newIds.value = new Set([...newIds.value, ...unseen]);
      status.value = 'ready';
      loadError.value = '';
    });
    if (allPapers) {
      // Keep the search index in step with what was just read.
      index?.upsert(list);
      const byId = new Map(allById.value);
      for (const paper of list) byId.set(paper.id, paper);
      allById.value = byId;
    }
    await runSearch();
    const fetchable = current.kind === 'day' || current.kind === 'week' || current.kind === 'month';
    if (fetch && fetchable && key) void fetchView(key, token);
  }

  async function fetchView(key: ListingKey, token: number): Promise<void> {
    status.value = 'fetching';
    fetchError.value = undefined;
    const outcome = await send({ type: 'fetchView', key }).catch((error: unknown) => ({
      status: 'failed' as const,
      error: { kind: 'network' as const, message: error instanceof Error ? error.message : String(error), at: now() },
    }));
    if (token !== loadToken) return;
    if (outcome.status === 'failed') fetchError.value = outcome.error;
    if (outcome.status === 'fetched') {
      allPapers = undefined; // new papers: rebuild the index on the next search
      await load({ fetch: false });
    }
    if (token === loadToken) status.value = 'ready';
  }

  async function savePrefs(): Promise<void> {
    await prefsStore.setValue({ view: view.value.kind, sort: listSort.value, trendingSort: trendingSort.value, filters: filters.value });
  }

  async function setView(next: ReaderView): Promise<void> {
    batch(() => {
      view.value = next;
      focusedId.value = undefined;
      remote.value = { status: 'idle' };
    });
    void savePrefs();
    await load();
  }

  /** A mark for the background to write; if it cannot be reached, the page says so. */
  async function ask(request: Parameters<typeof send>[0]): Promise<void> {
    try {
      await send(request);
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error);
    }
  }

  /** The papers the user is looking at now, for the background to mark as seen. */
  async function markShownSeen(): Promise<void> {
    const ids = papers.value.filter((paper) => paper.unseen === 1).map((paper) => paper.id);
    if (ids.length > 0) await ask({ type: 'markSeen', ids });
  }

  const byId = (id: string | undefined) => (id ? visible.value.find((paper) => paper.id === id) : undefined);

  return {
    refresher,
    view,
    papers,
    visible,
    unreadCount,
    freshness,
    status,
    fetchError,
    loadError,
    sync,
    newIds,
    query,
    terms,
    scope,
    sort,
    filters,
    focusedId,
    remote,

    async start(): Promise<void> {
      const prefs = await prefsStore.getValue().catch(() => DEFAULT_READER_PREFS);
      batch(() => {
        view.value = defaultView(prefs.view, utcDay(now()));
        listSort.value = prefs.sort;
        trendingSort.value = prefs.trendingSort;
        filters.value = prefs.filters;
      });
      await load();
      await markShownSeen();
    },
    load,
    markShownSeen,
    setView,
    step: (delta: number) => setView(stepView(view.value, delta)),
    async setQuery(text: string) {
      query.value = text;
      remote.value = { status: 'idle' };
      await runSearch();
    },
    async setScope(next: SearchScope) {
      scope.value = next;
      await runSearch();
    },
    setSort(next: SortKey) {
      if (view.value.kind === 'trending') trendingSort.value = next;
      else listSort.value = next;
      void savePrefs();
    },
    setFilters(next: PaperFilters) {
      filters.value = next;
      void savePrefs();
    },
    async toggleSaved(id: string) {
      const paper = byId(id) ?? papers.value.find((candidate) => candidate.id === id);
      await ask({ type: 'setSaved', id, saved: paper?.savedAt === undefined });
      await load({ fetch: false });
    },
    async setRead(ids: string[], read: boolean) {
      if (ids.length === 0) return;
      await ask({ type: 'markRead', ids, read });
      await load({ fetch: false });
    },
    async toggleRead(id: string) {
      const paper = byId(id);
      await this.setRead([id], paper?.readAt === undefined);
    },
    async markAllRead() {
      await this.setRead(
        visible.value.filter((paper) => paper.readAt === undefined).map((paper) => paper.id),
        true,
      );
    },
    /** A link was followed: the paper is read. */
    async opened(id: string) {
      const paper = byId(id);
      if (paper && paper.readAt === undefined) await this.setRead([id], true);
    },
    /** Opens the focused paper's HF page (keyboard). */
    openFocused() {
      const id = focusedId.value;
      if (!id) return;
      openUrl(paperLinks(id).hf);
      void this.opened(id);
    },
    moveFocus(delta: number) {
      const list = visible.value;
      if (list.length === 0) return;
      const at = list.findIndex((paper) => paper.id === focusedId.value);
      const next = at === -1 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + delta));
      focusedId.value = list[next]!.id;
    },
    async searchRemote() {
      const text = query.value.trim();
      if (!text) return;
      remote.value = { status: 'searching' };
      const outcome = await send({ type: 'searchRemote', query: text });
      allPapers = undefined;
      batch(() => {
        scope.value = 'all';
        remote.value = { status: 'done', error: outcome.error };
      });
      await runSearch();
      // Show HF's answers even where our index would rank them differently.
      if (!outcome.error && outcome.ids.length > 0 && (matchedIds.value?.length ?? 0) === 0) matchedIds.value = outcome.ids;
    },
    follow(): () => void {
      return subscribe((notice) => {
        refresher.notice(notice);
        if (notice.type === 'syncFinished') allPapers = undefined;
        if (notice.type !== 'syncStarted') void load({ fetch: false });
      });
    },
  };
}

export type PanelState = ReturnType<typeof createPanelState>;
