import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION } from '@/lib/store/schema';
import { openPaperboyDb } from '@/lib/store/connection';

describe('the connection', () => {
  it('creates the current version with papers, listings and meta', async () => {
    const db = await openPaperboyDb();
    expect(db.version).toBe(8);
    expect([...db.objectStoreNames].sort()).toEqual([
      'daySummaries',
      'facets',
      'heads',
      'linkedRepos',
      'listings',
      'meta',
      'papers',
      'postings',
      'searchBuild',
      'views',
    ]);
    expect([...db.transaction('papers').store.indexNames].sort()).toEqual(['listedOn', 'savedAt', 'unseen', 'updatedAt']);
    expect([...db.transaction('daySummaries').store.indexNames]).toEqual(['unseen']);
    db.close();
  });

  it('gives up on an open that never answers, with a clear error, and opens once it can', async () => {
    // A connection that ignores "versionchange" keeps the upgrade from ever starting.
    const blocker = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('papers', { keyPath: 'id' });
        db.createObjectStore('listings', { keyPath: 'key' });
        db.createObjectStore('meta');
      },
    });
    await expect(openPaperboyDb(DB_NAME, 50)).rejects.toThrow("The browser's storage did not answer within 0.05 s (is the disk full?)");
    blocker.close();
    const db = await openPaperboyDb(DB_NAME, 50);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('steps aside when a newer version wants to upgrade', async () => {
    const db = await openPaperboyDb();
    const newer = await openDB(DB_NAME, DB_VERSION + 1, { upgrade: () => undefined });
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    void db;
  });
});
