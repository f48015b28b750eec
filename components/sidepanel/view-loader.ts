import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { getListingSummaries, getSavedSummaries, latestListedDay } from '@/lib/store/reads';
import type { ListingKey, ListingRecord, PaperSummary } from '@/lib/store/records';
import type { PaperboyDb } from '@/lib/store/schema';
import { applyFilters, sortPapers, type PaperFilters } from '@/lib/reader/filters';
import type { SortKey } from '@/lib/store/order';
import { describeFreshness, type Freshness } from '@/lib/reader/freshness';
import type { sendRequest } from '@/lib/protocol/messages';
import { headSortOf, readHeadScreen, type HeadScreen } from '@/lib/boot/first-screen';
import { listingKeyOf, periodOf, type ReaderView } from '@/lib/reader/view';
import { withoutMuted } from '@/lib/store/records';
import { EMPTY_SYNC_STATE } from '@/lib/sync/state';
import type { SyncError, SyncState } from '@/lib/store/records';
import { pageSyncState } from '@/lib/sync/unstored-state';
import { FIRST_PAINT } from './list-paging';
import type { RecordCache } from './record-cache';

type LoadStatus = 'loading' | 'ready' | 'fetching';

interface LoadOptions {
  /** Asks the background to fetch the view when it is missing or stale (default true). */
  fetch?: boolean;
  /** Shows a long view's head first, while its summaries are read. */
  head?: boolean;
  /** The head the page's first script read already (lib/boot/first-screen.ts). */
  screen?: HeadScreen;
}

export interface ViewLoaderDeps {
  db: () => Promise<PaperboyDb>;
  send: typeof sendRequest;
  now: () => number;
  view: ReadonlySignal<ReaderView>;
  sort: ReadonlySignal<SortKey>;
  filters: ReadonlySignal<PaperFilters>;
  /** Muted papers are shown (the list bar's "Show"): otherwise they are left out of every order. */
  showMuted: ReadonlySignal<boolean>;
  cache: RecordCache;
  /** A query is typed: the list shows its results, so a view's head is not shown. */
  searching(): boolean;
  /** The view's papers were read: the search runs again over them. */
  afterRead(): Promise<void>;
  /** The background fetched the view: its papers are new to the search. */
  storedPapersChanged(): void;
}

/**
 * The chosen view's papers, read from IndexedDB at once (a long view's head first) and fetched
 * by the background when missing or stale, with what the page says about them: how fresh, how
 * many, what failed.
 */
/** A long view's head, shown while its summaries are read: its first cards under the filter, their count, the view's whole count. */
interface HeadPreview {
  papers: PaperSummary[];
  count: number;
  unread: number;
  total: number;
}

export interface ViewLoader {
  /** The view's papers as summaries, in the listing's order. */
  papers: ReadonlySignal<PaperSummary[]>;
  /** The view's papers filtered and sorted (or its head's first cards, while those are shown). */
  viewOrder: ReadonlySignal<PaperSummary[]>;
  /**
   * A long view's head (its first cards and counts, lib/store/view-heads.ts), shown while its summaries
   * are read: a month paints from a few KB, then the whole list replaces it.
   */
  preview: ReadonlySignal<HeadPreview | undefined>;
  trendingOrder: ReadonlySignal<string[]>;
  /** The view's papers, counted (before filters and search). */
  total: ReadonlySignal<number>;
  freshness: ReadonlySignal<Freshness>;
  sync: ReadonlySignal<SyncState>;
  status: ReadonlySignal<LoadStatus>;
  fetchError: ReadonlySignal<SyncError | undefined>;
  loadError: ReadonlySignal<string>;
  /** Papers that were new when shown in this page: their NEW marks stay while it is open. */
  newIds: ReadonlySignal<ReadonlySet<string>>;
  /** Reads the view from IndexedDB; asks the background to fetch it when missing or stale. */
  load(options?: LoadOptions): Promise<void>;
  /** Shows what went wrong (a read, the background out of reach) as the load error. */
  fail(error: unknown): void;
}

/** The order a list is shown in: muted papers left out (unless shown), filtered, then sorted. Pure, so it runs once per change of its inputs. */
export function arrange(
  list: readonly PaperSummary[],
  filters: PaperFilters,
  sort: SortKey,
  trendingOrder: readonly string[],
  showMuted = false,
): PaperSummary[] {
  return sortPapers(applyFilters(showMuted ? (list as PaperSummary[]) : withoutMuted(list), filters), sort, trendingOrder);
}

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

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createViewLoader(deps: ViewLoaderDeps): ViewLoader {
  const { send, now, view, sort, filters, showMuted, cache } = deps;

  const papers = signal<PaperSummary[]>([]);
  const preview = signal<HeadPreview | undefined>(undefined);
  const shownDay = signal<string | undefined>(undefined);
  const fetchedAt = signal<number | undefined>(undefined);
  const trendingOrder = signal<string[]>([]);
  const sync = signal<SyncState>(EMPTY_SYNC_STATE);
  const status = signal<LoadStatus>('loading');
  const fetchError = signal<SyncError | undefined>(undefined);
  const loadError = signal('');
  const newIds = signal<ReadonlySet<string>>(new Set());
  let loadToken = 0;

  // Orders are computed once per change of view, filters or sort, never per keystroke.
  // The last order computed, kept: the read computes the view's order to pick its first cards,
  // and the list then shows that same order without filtering and sorting a month again.
  let lastOrder: { args: Parameters<typeof arrange>; order: PaperSummary[] } | undefined;
  function arranged(...args: Parameters<typeof arrange>): PaperSummary[] {
    if (lastOrder && args.every((arg, index) => arg === lastOrder!.args[index])) return lastOrder.order;
    lastOrder = { args, order: arrange(...args) };
    return lastOrder.order;
  }
  const viewOrder = computed(() => {
    const head = preview.value?.papers;
    if (head) return showMuted.value ? head : withoutMuted(head);
    return arranged(papers.value, filters.value, sort.value, trendingOrder.value, showMuted.value);
  });
  const total = computed(() => preview.value?.total ?? papers.value.length);

  const freshness = computed<Freshness>(() => {
    const current = view.value;
    return describeFreshness({
      view: current.kind,
      requested: periodOf(current)?.value,
      shownDay: shownDay.value,
      count: total.value,
      fetchedAt: fetchedAt.value,
      sync: sync.value,
      now: now(),
    });
  });

  async function load(options: LoadOptions = {}): Promise<void> {
    const token = ++loadToken;
    try {
      await read(token, options.fetch ?? true, options.head ?? false, options.screen);
    } catch (error) {
      // A page closing mid-read, or the database being upgraded by a newer version.
      if (token === loadToken) loadError.value = messageOf(error);
    }
  }

  /**
   * Shows a long view's first cards and counts and lets them paint, when the view has a head
   * screen (lib/boot/first-screen.ts): a week or month in a sort its head keeps, no search.
   */
  async function showHead(db: PaperboyDb, key: ListingKey, token: number, screen?: HeadScreen): Promise<void> {
    const headSort = headSortOf(key, sort.value);
    if (!headSort || deps.searching()) return;
    // Read already by the page's first script when it is this view in this sort and these filters.
    const ready =
      screen?.key === key && screen.sort === headSort && screen.filters === filters.value
        ? screen
        : await readHeadScreen(db, key, headSort, filters.value, cache.isHeld);
    if (!ready || token !== loadToken) return;
    const { listing, first, sync: syncState } = ready;
    cache.keepRecords(first, ready.records);
    const unseen = first.filter((paper) => paper.unseen === 1).map((paper) => paper.id);
    batch(() => {
      papers.value = [];
      preview.value = { papers: first, count: ready.count, unread: ready.unread, total: ready.total };
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
    await cache.ensureRecords(arranged(list, filters.value, sort.value, trendingIds, showMuted.value).slice(0, FIRST_PAINT));
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
    await deps.afterRead();
    if (fetch && periodOf(current) && key) void fetchView(key, token);
  }

  async function fetchView(key: ListingKey, token: number): Promise<void> {
    status.value = 'fetching';
    fetchError.value = undefined;
    const outcome = await send({ type: 'fetchView', key }).catch((error: unknown) => ({
      status: 'failed' as const,
      error: { kind: 'network' as const, message: messageOf(error), at: now() },
    }));
    if (token !== loadToken) return;
    if (outcome.status === 'failed') fetchError.value = outcome.error;
    if (outcome.status === 'fetched') {
      deps.storedPapersChanged();
      await load({ fetch: false });
    }
    if (token === loadToken) status.value = 'ready';
  }

  return {
    papers,
    viewOrder,
    preview,
    trendingOrder,
    total,
    freshness,
    sync,
    status,
    fetchError,
    loadError,
    newIds,
    load,
    fail(error) {
      loadError.value = messageOf(error);
    },
  };
}
