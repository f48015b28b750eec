import { describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { getDb } from '@/lib/store/connection';
import { storeListing } from '@/lib/store/writes';
import { createLiveSearch } from '@/lib/search/live';
import { buildSearchIndex } from '@/lib/store/postings';
import { DB_NAME } from '@/lib/store/schema';
import { makePaper } from '../../support/make-paper';

const T0 = Date.parse('2026-11-20T08:00:00Z');

/** A database of version 4 (before the search index) with `count` papers, as an install upgraded to v6 finds it. */
async function createVersion4(count: number) {
  // Written through today's code, then the index stores dropped and marked not built.
  const db = await getDb();
  const papers = Array.from({ length: count }, (_, index) =>
    makePaper(`2611.${String(index + 1).padStart(5, '0')}`, { title: index === 90 ? 'Diffusion transformers' : `Paper ${index}` }),
  );
  await storeListing(db, { key: 'day:2026-11-20', papers, fetchedAt: T0, mode: 'merge' });
  const tx = db.transaction(['postings', 'searchBuild'], 'readwrite');
  await tx.objectStore('postings').clear();
  await tx.objectStore('searchBuild').put({ done: false }, 'build');
  await tx.done;
}

describe('the reader’s live search', () => {
  it('is ready at once on a new install, and finds papers as they are stored', async () => {
    const search = createLiveSearch(getDb);
    search.warm();
    await vi.waitFor(() => expect(search.ready).toBe(true));
    await storeListing(await getDb(), {
      key: 'day:2026-11-21',
      papers: [makePaper('2611.00200', { title: 'Latent diffusion at scale', listedOn: '2026-11-21' })],
      fetchedAt: T0,
      mode: 'merge',
    });
    await search.refresh();
    expect(await search.search('diffusion')).toEqual(['2611.00200']);
    expect(await search.search('diffusion', new Set(['2611.00001']))).toEqual([]);
  });

  it('waits for the background to index papers stored before the index existed, built in slices that resume', async () => {
    await createVersion4(250);
    let looks = 0;
    const search = createLiveSearch(getDb, { wait: async () => void looks++ });
    search.warm();
    await vi.waitFor(() => expect(looks).toBeGreaterThan(0));
    expect(search.ready).toBe(false);
    // The worker stops after one slice; the next one resumes after it.
    const db = await getDb();
    let slices = 0;
    const stopAfterOne = async () => {
      slices++;
      throw new Error('worker stopped');
    };
    await expect(buildSearchIndex(db, stopAfterOne)).rejects.toThrow('worker stopped');
    expect((await db.get('searchBuild', 'build'))?.done).toBe(false);
    await buildSearchIndex(db, async () => void slices++);
    expect(slices).toBe(3); // 100 + 100 + 50
    await vi.waitFor(() => expect(search.ready).toBe(true));
    expect(await search.search('diffusion')).toEqual(['2611.00091']);
    expect((await db.getAll('postings')).join('\n').match(/2611\.00250:/g)).toHaveLength(
      new Set(['paper', '249', 'ada', 'lovelace', 'abstract', '2611', '00250']).size,
    );
  });
});

describe('the v6 upgrade', () => {
  it('marks the index built for an empty database and to be built for one with papers', async () => {
    const v4 = await openDB(DB_NAME, 4, {
      upgrade(db) {
        db.createObjectStore('papers', { keyPath: 'id' });
      },
    });
    await v4.put('papers', { id: '2611.00001' });
    v4.close();
    const db = await getDb();
    expect(await db.get('searchBuild', 'build')).toEqual({ done: false });
  });
});
