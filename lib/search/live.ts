import type { PaperboyDb } from '../store/schema';
import type { FullTextSearch } from './full-text';
import { isSearchIndexBuilt } from '../store/reads';

/** How often a page waiting for the background's first build of the index looks again. */
const BUILD_POLL_MS = 1500;

export interface LiveSearchOptions {
  /** Waits before looking again whether the index is built (tests: at once). */
  wait?: () => Promise<void>;
}

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, BUILD_POLL_MS));

/**
 * The reader's full-text search over every stored paper. The index is in IndexedDB, kept by the
 * background as it writes papers; a page holds none of it, only the postings of recent queries.
 * After an upgrade the background first indexes the papers stored before (buildSearchIndex):
 * until then `ready` is false and results may miss those papers.
 */
export function createLiveSearch(db: () => Promise<PaperboyDb>, options: LiveSearchOptions = {}) {
  const wait = options.wait ?? pause;
  // The query side is in a chunk of its own: no panel needs it before the first search, and
  // warm() (at idle after the first view, or on the search field's focus) loads it ahead of one.
  let fullText: Promise<FullTextSearch> | undefined;
  let loaded: FullTextSearch | undefined;
  const loadFullText = (): Promise<FullTextSearch> => {
    fullText ??= import('./full-text').then(
      (module) => (loaded = module.createFullTextSearch(db)),
      (error: unknown) => {
        fullText = undefined;
        throw error;
      },
    );
    return fullText;
  };
  /** Postings read before may be stale (none were read while the query side is not loaded). */
  const forget = (): void => loaded?.forget();
  let ready = false;
  let built: Promise<void> | undefined;

  function whenBuilt(): Promise<void> {
    built ??= (async () => {
      const database = await db();
      while (!(await isSearchIndexBuilt(database))) await wait();
      // Papers indexed while waiting were not in the postings read so far.
      forget();
      ready = true;
    })().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return built;
  }

  return {
    /** Learns whether the index is built (once). */
    warm(): void {
      void whenBuilt().catch(() => undefined);
      void loadFullText().catch(() => undefined);
    },
    /** The index covers every stored paper (false only until the background's first build ends). */
    get ready(): boolean {
      return ready;
    },
    /** Resolves once the index covers every stored paper. */
    whenReady: whenBuilt,
    /** Paper ids, best match first. */
    async search(query: string, within?: ReadonlySet<string>): Promise<string[]> {
      return (await loadFullText()).search(query, { within });
    },
    /** Papers were stored or changed (a sync, a fetched view): postings read before may be stale. */
    refresh(): Promise<void> {
      forget();
      return Promise.resolve();
    },
  };
}

export type LiveSearch = ReturnType<typeof createLiveSearch>;
