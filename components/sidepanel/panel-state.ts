import { batch, computed, signal } from '@preact/signals';
import { utcDay } from '@/lib/core/dates';
import { getAllSummaries, getListingSummaries, getPapers, getSavedSummaries, latestListedDay } from '@/lib/store/reads';
import type { ListingKey, ListingRecord, PaperRecord, PaperSummary, SyncError, SyncState } from '@/lib/store/records';
import type { PaperboyDb } from '@/lib/store/schema';
import { applyFilters, organizationsOf, sortPapers, type PaperFilters, type SortKey } from '@/lib/reader/filters';
import { describeFreshness, type Freshness } from '@/lib/reader/freshness';
import { onBroadcast, sendRequest } from '@/lib/protocol/messages';
import { headSortOf, readFirstScreen, readHeadScreen, type FirstScreen, type HeadScreen } from '@/lib/boot/first-screen';
import { DEFAULT_READER_PREFS, readerPrefsSetting, type ReaderPrefs } from '@/lib/reader/prefs';
import { defaultView, listingKeyOf, stepView, type ReaderView } from '@/lib/reader/view';
import { createLiveSearch, type LiveSearch, type LiveSearchOptions } from '@/lib/search/live';
import { createQuickSearch } from '@/lib/search/quick';
import { queryTerms } from '@/lib/search/text';
import { EMPTY_SYNC_STATE } from '@/lib/sync/state';
import { paperLinks } from '@/lib/core/urls';
import { pageSyncState } from '@/lib/sync/unstored-state';
import { createRefreshState } from '../shared/refresh-state';

export type SearchScope = 'view' | 'all';
export type LoadStatus = 'loading' | 'ready' | 'fetching';

export interface PanelDeps {
  db: () => Promise<PaperboyDb>;
  send?: typeof sendRequest;
  subscribe?: typeof onBroadcast;
  now?: () => number;
  prefs?: { getValue(): Promise<ReaderPrefs>; setValue(value: ReaderPrefs): Promise<void> };
  /** What the page's first script read (lib/boot/early-read.ts, lib/boot/first-screen.ts): the start uses it. */
  firstScreen?: Promise<FirstScreen>;
  openUrl?: (url: string) => void;
  /** How the search index waits for idle time between slices of its build (tests: at once). */
  searchIdle?: LiveSearchOptions['idle'];
  /** The search index (tests: one whose build they control); by default built from deps.db. */
  search?: LiveSearch;
}

/**
 * Cards rendered at first, and added per scroll step: a month (about 1,500) opens at once, and a
 * keystroke re-renders only these. A few screens of the narrow panel.
 */
export const PAGE = 20;
/**
 * Cards in the first paint of a view: the narrow panel shows three or four full cards. Their
 * records are read before the list is shown; the rest of the page right after that paint.
 */
export const FIRST_PAINT = 6;
/** Full records kept for cards beyond what is shown: enough to scroll back and forth. */
const MAX_RECORDS = 600;

/** Resolves after the next frame is painted (or soon, where frames do not run: a hidden page). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(done, 100);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done, 0));
  });
}

/** The order a list is shown in: filtered, then sorted. Pure, so it runs once per change of its inputs. */
export function arrange(list: readonly PaperSummary[], filters: PaperFilters, sort: SortKey, trendingOrder: readonly string[]): PaperSummary[] {
  return sortPapers(applyFilters(list as PaperSummary[], filters), sort, trendingOrder);
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
  let firstScreen = deps.firstScreen;
  const openUrl = deps.openUrl ?? ((url: string) => void window.open(url, '_blank', 'noopener'));

  const view = signal<ReaderView>({ kind: 'today' });
  /** The view's papers as summaries, in the listing's order. */
  const papers = signal<PaperSummary[]>([]);
  /** Full records of the cards shown (and recently shown), by id. */
  const records = signal<ReadonlyMap<string, PaperRecord>>(new Map());
  const shownDay = signal<string | undefined>(undefined);
  const fetchedAt = signal<number | undefined>(undefined);
  const trendingOrder = signal<string[]>([]);
  const sync = signal<SyncState>(EMPTY_SYNC_STATE);
  const status = signal<LoadStatus>('loading');
  const fetchError = signal<SyncError | undefined>(undefined);
  const loadError = signal('');
  const newIds = signal<ReadonlySet<string>>(new Set());
  /**
   * A long view's head (its first cards and counts, lib/store/view-heads.ts), shown while its summaries
   * are read: a month paints from a few KB, then the whole list replaces it.
   */
  const preview = signal<{ papers: PaperSummary[]; count: number; unread: number } | undefined>(undefined);

  const query = signal('');
  const scope = signal<SearchScope>('view');
  const listSort = signal<SortKey>(DEFAULT_READER_PREFS.sort);
  const trendingSort = signal<SortKey>(DEFAULT_READER_PREFS.trendingSort);
  const sort = computed(() => (view.value.kind === 'trending' ? trendingSort.value : listSort.value));
  const filters = signal<PaperFilters>({});
  const focusedId = signal<string | undefined>(undefined);
  const remote = signal<{ status: 'idle' | 'searching' | 'done'; error?: SyncError }>({ status: 'idle' });

  const refresher = createRefreshState(send, () => load({ fetch: false }));
  const search = deps.search ?? createLiveSearch(deps.db, { idle: deps.searchIdle });
  const quick = createQuickSearch();
  /** The results shown are the quick search's (titles, authors, organisations): the index is still being built. */
  const searchPartial = signal(false);
  /** Every stored paper's summary, read once a search covers everything. */
  const allSummaries = signal<PaperSummary[] | undefined>(undefined);
  let allSummariesLoading: Promise<PaperSummary[]> | undefined;
  /** Ids the search matched (any order), or undefined when not searching. */
  const matchedIds = signal<ReadonlySet<string> | undefined>(undefined);
  let loadToken = 0;

  /** The query whose results are shown: marks change with the results, in the same render. */
  const shownQuery = signal('');
  const terms = computed(() => queryTerms(shownQuery.value));

  // Orders are computed once per change of view, filters or sort, never per keystroke: a search
  // only picks, in that order, the papers it matched.
  // The last order computed, kept: the read computes the view's order to pick its first cards,
  // and the list then shows that same order without filtering and sorting a month again.
  let lastOrder: { args: Parameters<typeof arrange>; order: PaperSummary[] } | undefined;
  function arranged(...args: Parameters<typeof arrange>): PaperSummary[] {
    if (lastOrder && args.every((arg, index) => arg === lastOrder!.args[index])) return lastOrder.order;
    lastOrder = { args, order: arrange(...args) };
    return lastOrder.order;
  }
  const viewOrder = computed(() => preview.value?.papers ?? arranged(papers.value, filters.value, sort.value, trendingOrder.value));
  const allOrder = computed(() => arrange(allSummaries.value ?? [], filters.value, sort.value, trendingOrder.value));
  const viewIds = computed<ReadonlySet<string>>(() => new Set(papers.value.map((paper) => paper.id)));
  const organizations = computed(() => organizationsOf(papers.value));

  /** What the list shows: the view (or everything, when searching all), searched, filtered, sorted. */
  const visible = computed(() => {
    const matched = matchedIds.value;
    if (!matched) return viewOrder.value;
    const order = scope.value === 'all' && allSummaries.value ? allOrder.value : viewOrder.value;
    return order.filter((paper) => matched.has(paper.id));
  });
  /** The view's papers, counted (before filters and search). */
  const total = computed(() => preview.value?.count ?? papers.value.length);
  /** How many papers the list holds (the head shows only its first few of them). */
  const matching = computed(() => preview.value?.count ?? visible.value.length);
  const unreadCount = computed(() => {
    const head = preview.value;
    if (head) return head.unread;
    let count = 0;
    for (const paper of visible.value) if (paper.readAt === undefined) count += 1;
    return count;
  });

  const freshness = computed<Freshness>(() => {
    const current = view.value;
    return describeFreshness({
      view: current.kind,
      requested: current.kind === 'day' ? current.day : current.kind === 'week' ? current.week : current.kind === 'month' ? current.month : undefined,
      shownDay: shownDay.value,
      count: total.value,
      fetchedAt: fetchedAt.value,
      sync: sync.value,
      now: now(),
    });
  });

  /** Its full record is in memory, as it is now. */
  const isHeld = (paper: PaperSummary): boolean => records.value.get(paper.id)?.updatedAt === paper.updatedAt;

  /**
   * Reads the full records (abstracts…) of the given papers that are not in memory or changed
   * since; others are dropped once there are too many, so memory stays bounded.
   */
  async function ensureRecords(list: readonly PaperSummary[]): Promise<void> {
    const missing = list.filter((paper) => !isHeld(paper)).map((paper) => paper.id);
    if (missing.length === 0) return;
    keepRecords(list, await getPapers(await deps.db(), missing));
  }

  /** Adds `loaded` to the records kept, dropping those not in `list` once there are too many. */
  function keepRecords(list: readonly PaperSummary[], loaded: readonly PaperRecord[]): void {
    const base = records.value;
    const next = new Map(base.size + loaded.length > MAX_RECORDS ? list.flatMap((paper) => (base.has(paper.id) ? [[paper.id, base.get(paper.id)!] as const] : [])) : base);
    for (const record of loaded) next.set(record.id, record);
    records.value = next;
  }

  function loadAllSummaries(): Promise<PaperSummary[]> {
    allSummariesLoading ??= deps
      .db()
      .then(getAllSummaries)
      .then((all) => (allSummaries.value = all))
      .finally(() => (allSummariesLoading = undefined));
    return allSummariesLoading;
  }

  /** New or changed papers (a sync, a fetched view, marks): keep the index and the "everything" list in step. */
  function storedPapersChanged(): void {
    void search.refresh().catch(() => undefined);
    if (allSummaries.value) void loadAllSummaries().then(() => runSearch(), () => undefined);
  }

  async function runSearch(): Promise<void> {
    const text = query.value;
    const all = scope.value === 'all';
    if (!text.trim()) {
      batch(() => {
        matchedIds.value = undefined;
        shownQuery.value = '';
        searchPartial.value = false;
      });
      return;
    }
    const stale = () => text !== query.value || all !== (scope.value === 'all');
    /** Shows a result once the first cards' records are in, so the list changes once. */
    const show = async (matched: ReadonlySet<string>, partial: boolean): Promise<void> => {
      const order = all ? allOrder.value : viewOrder.value;
      const first: PaperSummary[] = [];
      for (const paper of order) {
        if (!matched.has(paper.id)) continue;
        first.push(paper);
        if (first.length === PAGE) break;
      }
      await ensureRecords(first);
      if (stale()) return;
      batch(() => {
        matchedIds.value = matched;
        shownQuery.value = text;
        searchPartial.value = partial;
      });
    };
    // While the index is built (seconds at a year of papers), titles, authors and organisations
    // first, before the search asks for the rest of the build at full speed (which holds the page).
    if (!search.ready) {
      try {
        const base = all ? (allSummaries.value ?? (await loadAllSummaries())) : papers.value;
        if (stale()) return;
        await show(quick.match(base, text), true);
      } catch {
        // Only a head start: the full search reports what goes wrong.
      }
      if (stale()) return;
    }
    const [ids] = await Promise.all([search.search(text, all ? undefined : viewIds.value), all && !allSummaries.value ? loadAllSummaries() : undefined]);
    if (stale()) return;
    await show(new Set(ids), false);
  }

  /** Reads the view from IndexedDB; asks the background to fetch it when missing or stale. */
  async function load(options: { fetch?: boolean; head?: boolean; screen?: HeadScreen } = {}): Promise<void> {
    const token = ++loadToken;
    try {
      await read(token, options.fetch ?? true, options.head ?? false, options.screen);
    } catch (error) {
      // A page closing mid-read, or the database being upgraded by a newer version.
      if (token === loadToken) loadError.value = error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * Shows a long view's head and lets it paint, when the head is what the list would show first:
   * no filters, no search, a sort the head is kept for.
   */
  async function showHead(db: PaperboyDb, key: ListingKey, token: number, screen?: HeadScreen): Promise<void> {
    const headSort = headSortOf(key, sort.value, filters.value);
    if (!headSort || query.value.trim()) return;
    // Read already by the page's first script (lib/boot/first-screen.ts) when it is this view in this sort.
    const ready = screen?.key === key && screen.sort === headSort ? screen : await readHeadScreen(db, key, headSort, isHeld);
    if (!ready || token !== loadToken) return;
    const { listing, head, sync: syncState } = ready;
    const first = head.top[headSort];
    keepRecords(first, ready.records);
    const unseen = first.filter((paper) => paper.unseen === 1).map((paper) => paper.id);
    batch(() => {
      papers.value = [];
      preview.value = { papers: first, count: head.count, unread: head.unread };
      shownDay.value = undefined;
      fetchedAt.value = listing?.fetchedAt;
      sync.value = syncState;
      newIds.value = unseen.length > 0 ? new Set([...newIds.value, ...unseen]) : newIds.value;
      status.value = 'ready';
      loadError.value = '';
    });
    await afterPaint();
  }

  async function read(token: number, fetch: boolean, head: boolean, screen?: HeadScreen): Promise<void> {
    const db = await deps.db();
    const current = view.value;
    const latest = current.kind === 'today' ? await latestListedDay(db) : undefined;
    const key = listingKeyOf(current, latest);
    if (head && key) {
      await showHead(db, key, token, screen);
      if (token !== loadToken) return;
    }
    const [{ listing, summaries: list }, trending, syncState] = await Promise.all([
      current.kind === 'saved'
        ? getSavedSummaries(db).then((summaries) => ({ listing: undefined as ListingRecord | undefined, summaries }))
        : key
          ? getListingSummaries(db, key)
          : Promise.resolve({ listing: undefined, summaries: [] as PaperSummary[] }),
      db.get('listings', 'trending'),
      pageSyncState(db.get('meta', 'sync')),
    ]);
    if (token !== loadToken) return;
    const trendingIds = trending?.ids ?? [];
    // The first cards' full records are read before the list is shown: one change, not two.
    await ensureRecords(arranged(list, filters.value, sort.value, trendingIds).slice(0, FIRST_PAINT));
    if (token !== loadToken) return;
    const unseen = list.filter((paper) => paper.unseen === 1).map((paper) => paper.id);
    batch(() => {
      papers.value = list;
      preview.value = undefined;
      shownDay.value = current.kind === 'today' ? latest : current.kind === 'day' ? current.day : undefined;
      fetchedAt.value = listing?.fetchedAt;
      trendingOrder.value = trendingIds;
      sync.value = syncState;
      newIds.value = unseen.length > 0 ? new Set([...newIds.value, ...unseen]) : newIds.value;
      status.value = 'ready';
      loadError.value = '';
    });
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
      storedPapersChanged();
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
    await load({ head: true });
  }

  /** A mark for the background to write; if it cannot be reached, the page says so. */
  async function ask(request: Parameters<typeof send>[0]): Promise<void> {
    try {
      await send(request);
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error);
    }
  }

  /** Marks changed: re-read the view, and everything if a search over everything shows it. */
  async function reloadMarks(): Promise<void> {
    if (allSummaries.value) await loadAllSummaries().catch(() => undefined);
    await load({ fetch: false });
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
    total,
    matching,
    records,
    visible,
    unreadCount,
    organizations,
    freshness,
    status,
    fetchError,
    loadError,
    sync,
    newIds,
    query,
    terms,
    searchPartial,
    scope,
    sort,
    filters,
    focusedId,
    remote,
    ensureRecords,

    async start(): Promise<void> {
      const early = firstScreen;
      firstScreen = undefined;
      // The preferences say which view; a week's or month's head is read with them (the database
      // opens meanwhile), from the page's first script when it started them.
      const screen = await (early ?? readFirstScreen(prefsStore.getValue(), deps.db(), now()));
      batch(() => {
        view.value = screen.view;
        listSort.value = screen.prefs.sort;
        trendingSort.value = screen.prefs.trendingSort;
        filters.value = screen.prefs.filters;
      });
      await load({ head: true, screen: screen.head });
      await markShownSeen();
    },
    /** Builds the search index at idle, so that the first keystroke does not wait for it. */
    warmSearch: () => search.warm(),
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
      await reloadMarks();
    },
    async setRead(ids: string[], read: boolean) {
      if (ids.length === 0) return;
      await ask({ type: 'markRead', ids, read });
      await reloadMarks();
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
      batch(() => {
        scope.value = 'all';
        remote.value = { status: 'done', error: outcome.error };
      });
      // The answers are stored: index them and read them before searching again.
      await Promise.all([search.refresh(), loadAllSummaries()]);
      await runSearch();
      // Show HF's answers even where our index would rank them differently.
      if (!outcome.error && outcome.ids.length > 0 && (matchedIds.value?.size ?? 0) === 0) {
        const ids = new Set(outcome.ids);
        await ensureRecords(allOrder.value.filter((paper) => ids.has(paper.id)).slice(0, PAGE));
        batch(() => {
          matchedIds.value = ids;
          shownQuery.value = text;
        });
      }
    },
    follow(): () => void {
      return subscribe((notice) => {
        refresher.notice(notice);
        if (notice.type === 'syncFinished') storedPapersChanged();
        if (notice.type === 'marksChanged') void reloadMarks();
        else if (notice.type !== 'syncStarted') void load({ fetch: false });
      });
    },
  };
}

export type PanelState = ReturnType<typeof createPanelState>;
