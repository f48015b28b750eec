// Opening the database: with a deadline (a stuck open fails rather than hangs), and one shared
// connection per page or worker that steps aside for an upgrade and reopens after the browser closes it.
import { openDB, wrap } from 'idb';
import { DB_NAME, DB_VERSION, type PaperboyDb, type PaperboySchema } from './schema';

/** An open that has not answered by then is stuck (seen on a full disk), not slow. */
const OPEN_TIMEOUT_MS = 10_000;
/** An upgrade may rightly take long with a year of papers, but not forever. */
const UPGRADE_TIMEOUT_MS = 120_000;

interface ConnectionEvents {
  blocking(): void;
  terminated(): void;
}

/**
 * The database as it is, when it is at DB_VERSION: opened without a version, so that the usual
 * open needs none of the upgrade's code. Undefined when it is missing (the empty database such an
 * open would create is undone) or at another version. Without idb's openDB, whose promise of the
 * undone transaction would reject unheard.
 */
function openAsIs(name: string, events: ConnectionEvents): Promise<PaperboyDb | undefined> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => (request.error?.name === 'AbortError' ? resolve(undefined) : reject(request.error));
    request.onsuccess = () => {
      const db = request.result;
      if (db.version !== DB_VERSION) {
        db.close();
        resolve(undefined);
        return;
      }
      db.addEventListener('versionchange', events.blocking);
      db.addEventListener('close', events.terminated);
      resolve(wrap(db) as PaperboyDb);
    };
  });
}

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
  const events: ConnectionEvents = {
    blocking: () => {
      // A newer version is waiting (an extension update): step aside so it can upgrade.
      opened?.close();
      dbPromise = undefined;
    },
    terminated: () => {
      // The browser closed the connection (a full disk does this): the next use reopens.
      dbPromise = undefined;
    },
  };
  // The background carries the upgrade whole (a service worker loads no chunk): it opens at the version at once.
  const asIs = import.meta.env.ENTRYPOINT === 'background' ? Promise.resolve(undefined) : openAsIs(name, events);
  const opening = asIs.then(async (db) => {
    if (db) return db;
    // Missing or older: the upgrade's code is loaded now (the background bundles it whole).
    const { upgradeSchema } = await import('./upgrade');
    return openDB<PaperboySchema>(name, DB_VERSION, {
      async upgrade(db, oldVersion, _newVersion, transaction) {
        giveUp(Math.max(timeoutMs, UPGRADE_TIMEOUT_MS));
        await upgradeSchema(db, oldVersion, transaction);
      },
      ...events,
    });
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
