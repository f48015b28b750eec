// A paper's linked repositories as the background keeps them: one record per paper asked about,
// fresh for a day, and gone once stale (only papers the reader opened this on are ever here).
import type { LinkedReposRecord } from './records';
import type { PaperboyDb } from './schema';

/** How long an answer is shown without asking the source again. */
const LINKED_REPOS_FRESH_MS = 86_400_000;

/** The record for `id` while it is fresh (fetched at most a day before `now`, and not in the future). */
export async function getFreshLinkedRepos(db: PaperboyDb, id: string, now: number): Promise<LinkedReposRecord | undefined> {
  const record = await db.get('linkedRepos', id);
  return record && isFresh(record, now) ? record : undefined;
}

const isFresh = (record: LinkedReposRecord, now: number) => record.fetchedAt <= now && now - record.fetchedAt < LINKED_REPOS_FRESH_MS;

/** Stores a fetched answer and drops the stale ones, in one transaction. */
export async function putLinkedRepos(db: PaperboyDb, record: LinkedReposRecord, now: number): Promise<void> {
  const tx = db.transaction('linkedRepos', 'readwrite');
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (!isFresh(cursor.value, now)) void cursor.delete();
  }
  void tx.store.put(record);
  await tx.done;
}
