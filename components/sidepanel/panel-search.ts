import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { getAllSummaries, getSummaries } from '@/lib/store/reads';
import type { PaperSummary } from '@/lib/store/records';
import type { PaperboyDb } from '@/lib/store/schema';
import type { sendRequest } from '@/lib/protocol/messages';
import type { LiveSearch } from '@/lib/search/live';
import type { createQuickSearch } from '@/lib/search/quick';
import { queryTerms } from '@/lib/search/text';
import type { SyncError } from '@/lib/store/records';
import { PAGE } from './list-paging';

export type SearchScope = 'view' | 'all';

/** Asking HF's own search, for a query nothing stored matches. */
interface RemoteSearch {
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
  /** The answer to the query typed is not shown yet (the index or the papers are being read). */
  searching: ReadonlySignal<boolean>;
  /** How many papers a search over everything looked in (every stored one), while it shows; undefined otherwise. */
  searchedTotal: ReadonlySignal<number | undefined>;
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
  /** New or changed papers (a sync, a fetched view, marks): a search over everything reads them again. */
  storedPapersChanged(): void;
  /** Marks changed: a search over everything reads its summaries again. */
  marksChanged(): Promise<void>;
  /** Learns whether the index is built, so that the first keystroke need not. */
  warm(): void;
}

/**
 * Above this many summaries to read for a search over everything, one read of them all (about
 * 400 ms and 15 MB at a year of papers, once) is worth more than one read per paper, per keystroke.
 */
const READ_ALL_ABOVE = 400;

export function createPanelSearch(deps: PanelSearchDeps): PanelSearch {
  const { index, send } = deps;
  // The quick search serves only until the background's first build of the index (after an
  // upgrade): in a chunk of its own, out of the panel's first script.
  let quick: Promise<ReturnType<typeof createQuickSearch>> | undefined;
  const quickSearch = () =>
    (quick ??= import('@/lib/search/quick').then(
      (module) => module.createQuickSearch(),
      (error: unknown) => {
        quick = undefined;
        throw error;
      },
    ));

  const query = signal('');
  const scope = signal<SearchScope>('view');
  const remote = signal<RemoteSearch>({ status: 'idle' });
  const searchPartial = signal(false);
  const searching = signal(false);
  const searchedTotal = signal<number | undefined>(undefined);
  /** Runs started: only the latest one's end clears `searching`. */
  let runsStarted = 0;
  /** Stored papers, counted for a search over everything's count line; forgotten when papers change. */
  let storedCount: number | undefined;
  /**
   * Summaries of papers outside the view, read as searches over everything match them (all of
   * them only when a search matches many, or for the quick search): a year of summaries is
   * tens of megabytes and most of a second to read. Forgotten when papers or marks change.
   */
  let known = new Map<string, PaperSummary>();
  /** Every stored summary, once read (a search that matched many, or the quick search): then results are picked from its order, not sorted. */
  const allKnown = signal<PaperSummary[] | undefined>(undefined);
  /** Ids the search matched (any order), or undefined when not searching. */
  const matchedIds = signal<ReadonlySet<string> | undefined>(undefined);
  /** The matched papers' summaries, when searching everything and not every summary is read. */
  const matchedAll = signal<readonly PaperSummary[] | undefined>(undefined);
  /** The query whose results are shown: marks change with the results, in the same render. */
  const shownQuery = signal('');
  const terms = computed(() => queryTerms(shownQuery.value));

  const viewIds = computed<ReadonlySet<string>>(() => new Set(deps.papers.value.map((paper) => paper.id)));
  const allOrder = computed(() => deps.arrange(allKnown.value ?? []));
  /** The order a result is picked from, or the matched summaries to sort (a search over everything before all are read). */
  const source = (all: boolean, everything: readonly PaperSummary[] | undefined): PaperSummary[] =>
    !all ? deps.viewOrder.value : allKnown.value ? allOrder.value : deps.arrange(everything ?? []);
  const visible = computed(() => {
    const matched = matchedIds.value;
    if (!matched) return deps.viewOrder.value;
    const all = scope.value === 'all' && (allKnown.value !== undefined || matchedAll.value !== undefined);
    const order = source(all, matchedAll.value);
    return all && !allKnown.value ? order : order.filter((paper) => matched.has(paper.id));
  });

  /** Papers or marks changed: summaries are read again (every one at once, when every one is shown). */
  async function forgetSummaries(): Promise<void> {
    known = new Map();
    storedCount = undefined;
    if (allKnown.value) await readAllSummaries();
  }
  async function readAllSummaries(): Promise<PaperSummary[]> {
    const all = await getAllSummaries(await deps.db());
    known = new Map(all.map((summary) => [summary.id, summary]));
    allKnown.value = all;
    return all;
  }
  /** The summaries of `ids` (those stored), read as needed; undefined once every summary is read (pick from allOrder). */
  async function summariesOf(ids: Iterable<string>): Promise<PaperSummary[] | undefined> {
    if (allKnown.value) return undefined;
    const wanted = [...ids];
    const missing = wanted.filter((id) => !known.has(id));
    if (missing.length > READ_ALL_ABOVE) {
      await readAllSummaries();
      return undefined;
    }
    if (missing.length > 0) for (const summary of await getSummaries(await deps.db(), missing)) known.set(summary.id, summary);
    return wanted.flatMap((id) => known.get(id) ?? []);
  }

  async function countStored(): Promise<number> {
    storedCount ??= allKnown.value?.length ?? (await (await deps.db()).count('papers'));
    return storedCount;
  }

  async function run(): Promise<void> {
    const started = ++runsStarted;
    searching.value = query.value.trim() !== '';
    try {
      await answer();
    } finally {
      if (started === runsStarted) searching.value = false;
    }
  }

  async function answer(): Promise<void> {
    const text = query.value;
    const all = scope.value === 'all';
    if (!text.trim()) {
      batch(() => {
        matchedIds.value = undefined;
        matchedAll.value = undefined;
        shownQuery.value = '';
        searchPartial.value = false;
        searchedTotal.value = undefined;
      });
      return;
    }
    const stale = () => text !== query.value || all !== (scope.value === 'all');
    /** Shows a result once the first cards' records are in, so the list changes once. */
    const show = async (matched: ReadonlySet<string>, partial: boolean, shown = text): Promise<void> => {
      const everything = all ? await summariesOf(matched) : undefined;
      const total = all ? await countStored() : undefined;
      const first: PaperSummary[] = [];
      for (const paper of source(all, everything)) {
        if (!matched.has(paper.id)) continue;
        first.push(paper);
        if (first.length === PAGE) break;
      }
      await deps.ensureRecords(first);
      if (stale()) return;
      batch(() => {
        matchedIds.value = matched;
        matchedAll.value = everything;
        shownQuery.value = shown;
        searchPartial.value = partial;
        searchedTotal.value = total;
      });
    };
    // Until the background has indexed the papers stored before the index existed (once, after
    // an upgrade), titles, authors and organisations only, marked as such; the full answer once built.
    if (!index.ready) {
      try {
        const base = all ? (allKnown.value ?? (await readAllSummaries())) : deps.papers.value;
        if (stale()) return;
        const matcher = await quickSearch();
        if (stale()) return;
        await show(matcher.match(base, text), true);
      } catch {
        // Only a stand-in: the full search reports what goes wrong.
      }
      if (stale()) return;
      await index.whenReady();
      if (stale()) return;
    }
    const ids = await index.search(text, all ? undefined : viewIds.value);
    if (stale()) return;
    await show(new Set(ids), false);
  }

  return {
    query,
    scope,
    terms,
    searchPartial,
    searching,
    searchedTotal,
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
      // The answers are stored (and indexed, by the background): search again.
      await Promise.all([forgetSummaries(), index.refresh()]);
      await run();
      // Show HF's answers even where our index would rank them differently.
      if (!outcome.error && outcome.ids.length > 0 && (matchedIds.value?.size ?? 0) === 0) {
        const ids = new Set(outcome.ids);
        const found = await summariesOf(ids);
        await deps.ensureRecords(
          source(true, found)
            .filter((paper) => ids.has(paper.id))
            .slice(0, PAGE),
        );
        batch(() => {
          matchedIds.value = ids;
          matchedAll.value = found;
          shownQuery.value = text;
        });
      }
    },
    clearRemote() {
      remote.value = { status: 'idle' };
    },
    storedPapersChanged() {
      void index.refresh().catch(() => undefined);
      const showsEverything = scope.value === 'all' && matchedIds.value !== undefined;
      void forgetSummaries().then(
        () => (showsEverything ? run() : undefined),
        () => undefined,
      );
    },
    async marksChanged() {
      // The marks are on the summaries (the reload that follows runs the search again).
      await forgetSummaries().catch(() => undefined);
    },
    warm: () => index.warm(),
  };
}
