import { getPapersPage, getPapersUpdatedAfter } from '../store/reads';
import type { PaperboyDb } from '../store/schema';
import type { SearchIndex } from './full-text';

/** Papers indexed per slice at idle: a few milliseconds of work, so a keystroke or a scroll never waits long. */
const SLICE = 40;
/**
 * Per slice once a search waits for the index: fewer round trips, yet short enough that keystrokes
 * typed meanwhile get their quick answers (lib/search/quick.ts) between slices. Slices of 500 held
 * the page about 225 ms each in the benchmark (a 20k build, 9.1 s in 40 slices).
 */
const URGENT_SLICE = 100;

export interface LiveSearchOptions {
  /** Waits for the page to be idle between slices of the build. */
  idle?: () => Promise<void>;
}

const browserIdle = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 500 });
    else setTimeout(resolve, 0);
  });

/**
 * The reader's search index: built once per page, from every stored paper, in small slices at
 * idle (minisearch is loaded only then), reading the papers a page at a time so they are never
 * all in memory. Papers stored or updated later are picked up by their `updatedAt`.
 */
export function createLiveSearch(db: () => Promise<PaperboyDb>, options: LiveSearchOptions = {}) {
  const idle = options.idle ?? browserIdle;
  let index: SearchIndex | undefined;
  let building: Promise<SearchIndex> | undefined;
  /** A search is waiting: build without pausing. */
  let urgent = false;
  /** The newest `updatedAt` indexed. */
  let indexedUpTo = 0;
  let refreshing: Promise<void> | undefined;

  async function build(): Promise<SearchIndex> {
    const [{ createSearchIndex }, database] = await Promise.all([import('./full-text'), db()]);
    const next = createSearchIndex();
    for (let after: string | undefined; ; ) {
      if (!urgent) await idle();
      const page = await getPapersPage(database, after, urgent ? URGENT_SLICE : SLICE);
      if (page.length === 0) break;
      next.addAll(page);
      for (const paper of page) indexedUpTo = Math.max(indexedUpTo, paper.updatedAt);
      after = page[page.length - 1]!.id;
    }
    index = next;
    return next;
  }

  function ensure(): Promise<SearchIndex> {
    building ??= build().catch((error: unknown) => {
      building = undefined;
      throw error;
    });
    return building;
  }

  return {
    /** Starts the build at idle (once). */
    warm(): void {
      void ensure().catch(() => undefined);
    },
    get ready(): boolean {
      return index !== undefined;
    },
    /** Paper ids, best match first; the first search finishes the build at full speed. */
    async search(query: string, within?: ReadonlySet<string>): Promise<string[]> {
      if (!index) urgent = true;
      const ready = index ?? (await ensure());
      if (refreshing) await refreshing;
      return ready.search(query, { within });
    },
    /** Indexes papers stored or updated since the last build or refresh (a sync, a fetched view). */
    refresh(): Promise<void> {
      if (!index) return Promise.resolve();
      const current = index;
      refreshing = (async () => {
        const changed = await getPapersUpdatedAfter(await db(), indexedUpTo);
        current.upsert(changed);
        for (const paper of changed) indexedUpTo = Math.max(indexedUpTo, paper.updatedAt);
      })().finally(() => (refreshing = undefined));
      return refreshing;
    },
    /** Forgets papers that were deleted (retention). */
    remove(ids: Iterable<string>): void {
      index?.remove(ids);
    },
  };
}

export type LiveSearch = ReturnType<typeof createLiveSearch>;
