import { signal, type ReadonlySignal } from '@preact/signals';
import { getPapers } from '@/lib/store/reads';
import type { PaperRecord, PaperSummary } from '@/lib/store/records';
import type { PaperboyDb } from '@/lib/store/schema';

/** Full records kept for cards beyond what is shown: enough to scroll back and forth. */
const MAX_RECORDS = 600;

/**
 * The full records (abstracts…) of the cards shown and recently shown. Lists hold summaries; a
 * card's record is read as it is about to be shown, and memory stays bounded.
 */
export interface RecordCache {
  /** The records held, by id. */
  records: ReadonlySignal<ReadonlyMap<string, PaperRecord>>;
  /** Its full record is held, as it is now. */
  isHeld(paper: PaperSummary): boolean;
  /** Reads the records of `list` not held or changed since; others are dropped once there are too many. */
  ensureRecords(list: readonly PaperSummary[]): Promise<void>;
  /** Adds `loaded` to the records held, dropping those not in `list` once there are too many. */
  keepRecords(list: readonly PaperSummary[], loaded: readonly PaperRecord[]): void;
}

export function createRecordCache(db: () => Promise<PaperboyDb>, max = MAX_RECORDS): RecordCache {
  const records = signal<ReadonlyMap<string, PaperRecord>>(new Map());

  const isHeld = (paper: PaperSummary): boolean => records.value.get(paper.id)?.updatedAt === paper.updatedAt;

  function keepRecords(list: readonly PaperSummary[], loaded: readonly PaperRecord[]): void {
    const base = records.value;
    const next = new Map(
      base.size + loaded.length > max ? list.flatMap((paper) => (base.has(paper.id) ? [[paper.id, base.get(paper.id)!] as const] : [])) : base,
    );
    for (const record of loaded) next.set(record.id, record);
    records.value = next;
  }

  async function ensureRecords(list: readonly PaperSummary[]): Promise<void> {
    const missing = list.filter((paper) => !isHeld(paper)).map((paper) => paper.id);
    if (missing.length === 0) return;
    keepRecords(list, await getPapers(await db(), missing));
  }

  return { records, isHeld, ensureRecords, keepRecords };
}
