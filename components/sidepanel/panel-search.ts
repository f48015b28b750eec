import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { getAllSummaries } from '@/lib/store/reads';
import { type PaperSummary } from '@/lib/store/records';
import { type PaperboyDb } from '@/lib/store/schema';
import type { sendRequest } from '@/lib/protocol/messages';
import type { LiveSearch } from '@/lib/search/live';
import { createQuickSearch } from '@/lib/search/quick';
import { queryTerms } from '@/lib/search/text';
import type { SyncError } from '@/lib/store/records';
import { PAGE } from './list-paging';

export type SearchScope = 'view' | 'all';

/** Asking HF's own search, for a query nothing stored matches. */
export interface RemoteSearch {
  status: 'idle' | 'searching' | 'done';
  error?: SyncError;
}

export interface PanelSearchDeps {
  db: () => Promise<PaperboyDb>;
  send: typeof sendRequest;
  /** The full-text search over every stored paper (its index is in IndexedDB). */
  index: LiveSearch;
  /** The view's papers, in the listing's order: what a search of the view looks in. */
  papers: ReadonlySignal<readonly PaperSummary[]>;
  /** The view's papers in the order the list shows them. */
  viewOrder: ReadonlySignal<PaperSummary[]>;
  /** Filters and sorts a list as the view is; read in a computed, so it follows their changes. */
  arrange(list: readonly PaperSummary[]): PaperSummary[];
  /** Reads the full records of the first cards of a result before it is shown. */
  ensureRecords(list: readonly PaperSummary[]): Promise<void>;
}

/**
 * The side panel's search: the query and its scope (the view, or every stored paper), the ids it
 * matched, and HF's own search for a query nothing stored matches. Orders are the view's; a
 * search only picks, in that order, the papers it matched, so a keystroke never sorts a month.
 */
export interface PanelSearch {
  query: ReadonlySignal<string>;
  scope: ReadonlySignal<SearchScope>;
  /** The words of the query whose results are shown, to mark in the cards. */
  terms: ReadonlySignal<string[]>;
  /** The results shown are the quick search's (titles, authors, organisations): the background is still building the index. */
  searchPartial: ReadonlySignal<boolean>;
  remote: ReadonlySignal<RemoteSearch>;
  /** What the list shows: the view (or everything, when searching all), searched, filtered, sorted. */
  visible: ReadonlySignal<PaperSummary[]>;
  setQuery(text: string): Promise<void>;
  setScope(next: SearchScope): Promise<void>;
  /** Searches again for the query: the view's papers changed. */
  run(): Promise<void>;
  /** Asks HF's search, shows what it found (stored by the background) and searches everything. */
  searchRemote(): Promise<void>;
  /** Forgets HF's answer: a new view. */
  clearRemote(): void;
  /** New or changed papers (a sync, a fetched view, marks): keeps the index and the "everything" list in step. */
  storedPapersChanged(): void;
  /** Marks changed: reads everything again, if a search over everything shows it. */
  marksChanged(): Promise<void>;
  /** Learns whether the index is built, so that the first keystroke need not. */
  warm(): void;
}

export function createPanelSearch(deps: PanelSearchDeps): PanelSearch {
  const { index, send } = deps;
  const quick = createQuickSearch();

  const query = signal('');
  const scope = signal<SearchScope>('view');
  const remote = signal<RemoteSearch>({ status: 'idle' });
  const searchPartial = signal(false);
  /** Every stored paper's summary, read once a search covers everything. */
  const allSummaries = signal<PaperSummary[] | undefined>(undefined);
  let allSummariesLoading: Promise<PaperSummary[]> | undefined;
  /** Ids the search matched (any order), or undefined when not searching. */
  const matchedIds = signal<ReadonlySet<string> | undefined>(undefined);
  /** The query whose results are shown: marks change with the results, in the same render. */
  const shownQuery = signal('');
  const terms = computed(() => queryTerms(shownQuery.value));

  const viewIds = computed<ReadonlySet<string>>(() => new Set(deps.papers.value.map((paper) => paper.id)));
  const allOrder = computed(() => deps.arrange(allSummaries.value ?? []));
  const visible = computed(() => {
    const matched = matchedIds.value;
    if (!matched) return deps.viewOrder.value;
    const order = scope.value === 'all' && allSummaries.value ? allOrder.value : deps.viewOrder.value;
    return order.filter((paper) => matched.has(paper.id));
  });

  function loadAllSummaries(): Promise<PaperSummary[]> {
    allSummariesLoading ??= deps
      .db()
      .then(getAllSummaries)
      .then((all) => (allSummaries.value = all))
      .finally(() => (allSummariesLoading = undefined));
    return allSummariesLoading;
  }

  async function run(): Promise<void> {
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
      const order = all ? allOrder.value : deps.viewOrder.value;
      const first: PaperSummary[] = [];
      for (const paper of order) {
        if (!matched.has(paper.id)) continue;
        first.push(paper);
        if (first.length === PAGE) break;
      }
      await deps.ensureRecords(first);
      if (stale()) return;
      batch(() => {
        matchedIds.value = matched;
        shownQuery.value = text;
        searchPartial.value = partial;
      });
    };
    // Until the background has indexed the papers stored before the index existed (once, after
    // an upgrade), titles, authors and organisations only, marked as such; the full answer once built.
    if (!index.ready) {
      try {
        const base = all ? (allSummaries.value ?? (await loadAllSummaries())) : deps.papers.value;
        if (stale()) return;
        await show(quick.match(base, text), true);
      } catch {
        // Only a stand-in: the full search reports what goes wrong.
      }
      if (stale()) return;
      await index.whenReady();
      if (stale()) return;
    }
    const [ids] = await Promise.all([index.search(text, all ? undefined : viewIds.value), all && !allSummaries.value ? loadAllSummaries() : undefined]);
    if (stale()) return;
    await show(new Set(ids), false);
  }

  return {
    query,
    scope,
    terms,
    searchPartial,
    remote,
    visible,
    run,
    async setQuery(text) {
      query.value = text;
      remote.value = { status: 'idle' };
      await run();
    },
    async setScope(next) {
      scope.value = next;
      await run();
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
      await Promise.all([index.refresh(), loadAllSummaries()]);
      await run();
      // Show HF's answers even where our index would rank them differently.
      if (!outcome.error && outcome.ids.length > 0 && (matchedIds.value?.size ?? 0) === 0) {
        const ids = new Set(outcome.ids);
        await deps.ensureRecords(allOrder.value.filter((paper) => ids.has(paper.id)).slice(0, PAGE));
        batch(() => {
          matchedIds.value = ids;
          shownQuery.value = text;
        });
      }
    },
    clearRemote() {
      remote.value = { status: 'idle' };
    },
    storedPapersChanged() {
      void index.refresh().catch(() => undefined);
      if (allSummaries.value) void loadAllSummaries().then(() => run(), () => undefined);
    },
    async marksChanged() {
      if (allSummaries.value) await loadAllSummaries().catch(() => undefined);
    },
    warm: () => index.warm(),
  };
}
