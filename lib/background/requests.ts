import { countUnseen } from '../store/reads';
import { markSeen, setRead, setSaved } from '../store/writes';
import type { ListingKey } from '../store/records';
import type { PaperboyDb } from '../store/schema';
import { broadcast, type ImportOutcome, type RequestHandlers } from '../protocol/messages';
import { applyMarks, importPapers } from '../saved/store';
import { toSeconds } from '../saved/merge';
import type { SavedSync } from '../saved/follow';
import type { SyncReason } from '../sync/state';
import type { SyncOutcome } from '../sync/engine';
import type { SearchOutcome, ViewFetchOutcome } from '../sync/view-fetch';
import type { LinkedReposOutcome } from '../sync/linked-repos';
import type { ImportParse } from '../transfer/import';

/** A checked export (lib/transfer/import.ts): what an import request carries. */
type ImportData = Omit<Extract<ImportParse, { ok: true }>, 'ok'>;

/** What the pages' requests do: the background is the only writer of marks and papers. */
export interface PageRequests {
  markSeen(ids: string[]): Promise<{ unseen: number }>;
  markRead(ids: string[], read: boolean): Promise<{ changed: string[] }>;
  setSaved(id: string, saved: boolean): Promise<{ changed: boolean }>;
  /** A listing the reader asked for; its papers are marked, not announced. */
  fetchView(key: ListingKey, force?: boolean): Promise<ViewFetchOutcome>;
  searchRemote(query: string): Promise<SearchOutcome>;
  /** A paper's linked repositories, asked for by the reader (lib/sync/linked-repos.ts). */
  linkedRepos(id: string): Promise<LinkedReposOutcome>;
  /** Merges a JSON export, already checked whole by the page that read it (lib/transfer/import.ts). */
  importData(parsed: ImportData): Promise<ImportOutcome>;
}

export interface PageRequestDeps {
  db: () => Promise<PaperboyDb>;
  now: () => number;
  /** Fetches a view or a search from the source (lib/sync/view-fetch.ts). */
  views: {
    fetchView(key: ListingKey, force?: boolean): Promise<ViewFetchOutcome>;
    search(query: string): Promise<SearchOutcome>;
  };
  /** Fetches a paper's linked repositories, or answers the stored ones (lib/sync/linked-repos.ts). */
  linked: { get(id: string): Promise<LinkedReposOutcome> };
  /** Marks (and, when asked, notifies) the papers stored since `since`; never throws. */
  afterStore: (since: number, notify: boolean) => Promise<void>;
  refreshBadge: () => Promise<void>;
  /** Saved marks follow the user through storage.sync (lib/saved/follow.ts). */
  followSaved?: Pick<SavedSync, 'local' | 'afterBulkWrite'>;
}

export function createPageRequests(deps: PageRequestDeps): PageRequests {
  const { now } = deps;
  return {
    async markSeen(ids) {
      const db = await deps.db();
      if ((await markSeen(db, ids)) > 0) {
        await deps.refreshBadge();
        await broadcast({ type: 'marksChanged' });
      }
      return { unseen: await countUnseen(db) };
    },
    async markRead(ids, read) {
      const changed = await setRead(await deps.db(), ids, read, now());
      if (changed.length > 0) {
        await deps.refreshBadge(); // reading a new paper also makes it seen
        await broadcast({ type: 'marksChanged' });
      }
      return { changed };
    },
    async setSaved(id, saved) {
      const db = await deps.db();
      const write = () => setSaved(db, id, saved, now());
      const changed = deps.followSaved ? await deps.followSaved.local(id, saved, write) : await write();
      if (changed) await broadcast({ type: 'marksChanged' });
      return { changed };
    },
    async fetchView(key, force) {
      const since = now();
      const result = await deps.views.fetchView(key, force);
      if (result.status === 'fetched') await deps.afterStore(since, false);
      return result;
    },
    async searchRemote(query) {
      const since = now();
      const result = await deps.views.search(query);
      if (result.ids.length > 0) await deps.afterStore(since, false);
      return result;
    },
    linkedRepos: (id) => deps.linked.get(id),
    async importData(parsed) {
      const db = await deps.db();
      const write = async () => {
        const { newlySaved = [], ...counts } = await importPapers(db, parsed.papers, now());
        const marks = Object.fromEntries(parsed.savedIds.map((saved) => [saved.id, Math.max(1, toSeconds(saved.savedAt))]));
        const stubs = (await applyMarks(db, marks)).changed;
        return { counts: { ...counts, saved: counts.saved + stubs.length }, savedIds: [...newlySaved, ...stubs] };
      };
      // Saving by import is the user's action now: it is published as a fresh save.
      const { counts } = deps.followSaved ? await deps.followSaved.afterBulkWrite(write) : await write();
      await deps.refreshBadge();
      await broadcast({ type: 'marksChanged' });
      return { ok: true, ...counts };
    },
  };
}

/** Each request type of the protocol (lib/protocol/messages.ts) to the work it asks for. */
export function requestHandlers(work: PageRequests & { sync(reason: SyncReason): Promise<SyncOutcome> }): RequestHandlers {
  return {
    refresh: () => work.sync('manual'),
    sourceChanged: () => work.sync('settings'),
    markSeen: ({ ids }) => work.markSeen(ids),
    markRead: ({ ids, read }) => work.markRead(ids, read),
    setSaved: ({ id, saved }) => work.setSaved(id, saved),
    fetchView: ({ key, force }) => work.fetchView(key, force),
    searchRemote: ({ query }) => work.searchRemote(query),
    linkedRepos: ({ id }) => work.linkedRepos(id),
    importData: ({ papers, savedIds }) => work.importData({ papers, savedIds }),
  };
}
