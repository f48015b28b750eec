// The copies kept beside the papers so that reads are cheap: each paper's summary, each
// listing's view of summaries, and each long view's head. Every writer goes through here, in
// the same transaction as the papers it changes, so the copies never fall out of step.
import { viewKeysOf } from './listing-keys';
import { summaryOf, type ListingKey, type ListingView, type PaperRecord, type PaperSummary } from './records';
import type { IDBPTransaction } from 'idb';
import type { PaperboyDb, PaperboySchema } from './schema';
import { hasHead, headOf } from './view-heads';

/** A writer's transaction: over PAPER_STORES, or also over listings (storeListing's). */
type ViewsTx = IDBPTransaction<
  PaperboySchema,
  ('papers' | 'summaries' | 'listings' | 'views' | 'heads' | 'postings')[] | ('papers' | 'summaries' | 'views' | 'heads' | 'postings')[],
  'readwrite'
>;

/** Writes a changed paper and its summary together. */
export function putPaper(tx: ViewsTx, paper: PaperRecord): PaperSummary {
  void tx.objectStore('papers').put(paper);
  const summary = summaryOf(paper);
  void tx.objectStore('summaries').put(summary);
  return summary;
}

/** Every write of a view goes through here: a long view's head is rewritten with it. */
export function putView(tx: ViewsTx, view: ListingView): void {
  void tx.objectStore('views').put(view);
  if (hasHead(view.key)) void tx.objectStore('heads').put(headOf(view.key, view.summaries));
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
 * Writes the heads of the stored weeks and months that have none, or none of what heads keep now
 * (after the v4 upgrade; "Has code" since; the background calls it when the extension is
 * updated). Returns how many it wrote.
 */
export async function fillMissingHeads(db: PaperboyDb): Promise<number> {
  const tx = db.transaction(['views', 'heads'], 'readwrite');
  const heads = tx.objectStore('heads');
  const have = new Set((await heads.getAll()).flatMap((head) => (head.hasCode ? [head.key] : [])));
  let written = 0;
  for (const prefix of ['week:', 'month:']) {
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    for (let cursor = await tx.objectStore('views').openCursor(range); cursor; cursor = await cursor.continue()) {
      if (have.has(cursor.key) || !hasHead(cursor.key)) continue;
      void heads.put(headOf(cursor.key, cursor.value.summaries));
      written += 1;
    }
  }
  await tx.done;
  return written;
}
