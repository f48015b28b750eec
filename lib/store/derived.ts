// The copies kept beside the papers so that reads are cheap: each listing day's summaries, each
// listing's view of summaries, and each long view's head and facets. Every writer goes through here, in
// the same transaction as the papers it changes, so the copies never fall out of step.
import { viewKeysOf } from './listing-keys';
import { daySummariesOf, summaryOf, type ListingKey, type ListingView, type PaperRecord, type PaperSummary } from './records';
import type { IDBPTransaction } from 'idb';
import type { PaperboyDb, PaperboySchema } from './schema';
import { hasHead, headOf } from './view-heads';
import { facetsOf } from './view-facets';

/** A writer's transaction: over PAPER_STORES, or also over listings (storeListing's). */
type ViewsTx = IDBPTransaction<
  PaperboySchema,
  | ('papers' | 'daySummaries' | 'listings' | 'views' | 'heads' | 'facets' | 'postings')[]
  | ('papers' | 'daySummaries' | 'views' | 'heads' | 'facets' | 'postings')[],
  'readwrite'
>;

/** Writes a changed paper; returns its summary, which the writer passes to updateSummaries (and to the views). */
export function putPaper(tx: ViewsTx, paper: PaperRecord): PaperSummary {
  void tx.objectStore('papers').put(paper);
  return summaryOf(paper);
}

/** A paper's summary after a write (absent: deleted), and where it was before (absent: new, or on the same day). */
export interface SummaryChange {
  before?: { id: string; listedOn: string };
  after?: PaperSummary;
}

/**
 * Brings the days' summaries in step with written papers: each day touched is read once, changed
 * and put back whole, or deleted when it is left empty. A summary replaces the one of the same id.
 * Awaits only IndexedDB requests, so `tx` stays open.
 *
 * `newDays`: listing days no stored paper was listed on before this write (storeListing's), put
 * without being read. `deletesOnly`: only days left empty are written (a prune under a full
 * quota, where Chromium refuses every put); the rest keep the summaries of papers that are gone
 * until the prune's second transaction.
 */
export async function updateSummaries(
  tx: ViewsTx,
  changes: readonly SummaryChange[],
  options: { newDays?: ReadonlySet<string>; deletesOnly?: boolean } = {},
): Promise<void> {
  const days = new Map<string, { drop: Set<string>; put: Map<string, PaperSummary> }>();
  const dayOf = (day: string) => {
    let entry = days.get(day);
    if (!entry) {
      entry = { drop: new Set(), put: new Map() };
      days.set(day, entry);
    }
    return entry;
  };
  for (const { before, after } of changes) {
    if (before && before.listedOn !== after?.listedOn) dayOf(before.listedOn).drop.add(before.id);
    if (after) dayOf(after.listedOn).put.set(after.id, after);
  }
  if (days.size === 0) return;
  const store = tx.objectStore('daySummaries');
  const keys = [...days.keys()];
  const stored = await Promise.all(keys.map((day) => (options.newDays?.has(day) ? undefined : store.get(day))));
  keys.forEach((day, index) => {
    const { drop, put } = days.get(day)!;
    const summaries: PaperSummary[] = [];
    for (const summary of stored[index]?.summaries ?? []) {
      if (drop.has(summary.id)) continue;
      summaries.push(put.get(summary.id) ?? summary);
      put.delete(summary.id);
    }
    summaries.push(...put.values());
    if (summaries.length > 0) {
      if (!options.deletesOnly) void store.put(daySummariesOf(day, summaries));
    } else if (stored[index] !== undefined) void store.delete(day);
  });
}

/** Every write of a view goes through here: a long view's head and facets are rewritten with it. */
export function putView(tx: ViewsTx, view: ListingView): void {
  void tx.objectStore('views').put(view);
  if (!hasHead(view.key)) return;
  void tx.objectStore('heads').put(headOf(view.key, view.summaries));
  void tx.objectStore('facets').put(facetsOf(view.key, view.summaries));
}

/** Puts changed summaries into every stored view that holds them (except `skip`, written whole). */
export async function patchViews(tx: ViewsTx, changed: readonly PaperSummary[], skip?: ListingKey): Promise<void> {
  const byKey = new Map<ListingKey, Map<string, PaperSummary>>();
  for (const summary of changed) {
    for (const key of viewKeysOf(summary)) {
      if (key === skip) continue;
      let updates = byKey.get(key);
      if (!updates) {
        updates = new Map();
        byKey.set(key, updates);
      }
      updates.set(summary.id, summary);
    }
  }
  const views = tx.objectStore('views');
  const keys = [...byKey.keys()];
  const stored = await Promise.all(keys.map((key) => views.get(key)));
  stored.forEach((view, index) => {
    const updates = byKey.get(keys[index]!)!;
    if (!view?.summaries.some((summary) => updates.has(summary.id))) return;
    putView(tx, { key: view.key, summaries: view.summaries.map((summary) => updates.get(summary.id) ?? summary) });
  });
}

/**
 * Writes the heads and facets of the stored weeks and months that have none, or none of what
 * heads keep now (after the v4 and v7 upgrades; "Has code" and the total with muted papers since;
 * the background calls it when the extension is updated). Returns how many views it wrote them for.
 */
export async function fillMissingHeads(db: PaperboyDb): Promise<number> {
  const tx = db.transaction(['views', 'heads', 'facets'], 'readwrite');
  const heads = tx.objectStore('heads');
  const facets = tx.objectStore('facets');
  const [headsKept, facetsKept] = await Promise.all([heads.getAll(), facets.getAllKeys()]);
  const haveHead = new Set(headsKept.flatMap((head) => (head.hasCode && head.total !== undefined ? [head.key] : [])));
  const haveFacets = new Set(facetsKept);
  let written = 0;
  for (const prefix of ['week:', 'month:']) {
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    for (let cursor = await tx.objectStore('views').openCursor(range); cursor; cursor = await cursor.continue()) {
      const { key, value } = cursor;
      if (!hasHead(key) || (haveHead.has(key) && haveFacets.has(key))) continue;
      if (!haveHead.has(key)) void heads.put(headOf(key, value.summaries));
      if (!haveFacets.has(key)) void facets.put(facetsOf(key, value.summaries));
      written += 1;
    }
  }
  await tx.done;
  return written;
}
