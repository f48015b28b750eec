// Opening the database: with a deadline (a stuck open fails rather than hangs), and one shared
// connection per page or worker that steps aside for an upgrade and reopens after the browser closes it.
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, upgradeSchema, type PaperboyDb, type PaperboySchema } from './schema';

/** An open that has not answered by then is stuck (seen on a full disk), not slow. */
const OPEN_TIMEOUT_MS = 10_000;
/** An upgrade may rightly take long with a year of papers, but not forever. */
const UPGRADE_TIMEOUT_MS = 120_000;

/** Opens (and upgrades) the database. */
export async function openPaperboyDb(name = DB_NAME, timeoutMs = OPEN_TIMEOUT_MS): Promise<PaperboyDb> {
  let opened: PaperboyDb | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let gaveUp = false;
  let giveUp: (limitMs: number) => void = () => undefined;
  const stuck = new Promise<never>((_resolve, reject) => {
    giveUp = (limitMs) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        gaveUp = true;
        reject(new Error(`The browser's storage did not answer within ${limitMs / 1000} s (is the disk full?)`));
      }, limitMs);
    };
  });
  giveUp(timeoutMs);
  const opening = openDB<PaperboySchema>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, transaction) {
      giveUp(Math.max(timeoutMs, UPGRADE_TIMEOUT_MS));
      await upgradeSchema(db, oldVersion, transaction);
    },
    blocking() {
      // A newer version is waiting (an extension update): step aside so it can upgrade.
      opened?.close();
      dbPromise = undefined;
    },
    terminated() {
      // The browser closed the connection (a full disk does this): the next use reopens.
      dbPromise = undefined;
    },
  });
  // A connection that arrives after giving up is closed, not leaked.
  void opening.then(
    (db) => gaveUp && db.close(),
    () => undefined,
  );
  try {
    opened = await Promise.race([opening, stuck]);
  } finally {
    clearTimeout(timer);
  }
  return opened;
}

let dbPromise: Promise<PaperboyDb> | undefined;

/** One connection per page or worker, opened on first use. */
export function getDb(): Promise<PaperboyDb> {
  dbPromise ??= openPaperboyDb().catch((error: unknown) => {
    dbPromise = undefined;
    throw error;
  });
  return dbPromise;
}

/** Forgets the cached connection (tests give every case a fresh IndexedDB). */
export function resetDbConnection(): void {
  void dbPromise?.then((db) => db.close()).catch(() => undefined);
  dbPromise = undefined;
}
