import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/store/connection';
import { storeListing } from '@/lib/store/writes';
import { createLiveSearch } from '@/lib/search/live';
import { makePaper } from '../../support/make-paper';

const T0 = Date.parse('2026-11-20T08:00:00Z');
const now = () => Promise.resolve();

describe('the reader’s live search index', () => {
  it('indexes every stored paper, in slices, then picks up papers stored or changed later by updatedAt', async () => {
    const db = await getDb();
    // More papers than one slice, so the build reads the store page by page.
    const papers = Array.from({ length: 95 }, (_, index) =>
      makePaper(`2611.${String(index + 1).padStart(5, '0')}`, { title: index === 90 ? 'Diffusion transformers' : `Paper ${index}` }),
    );
    await storeListing(db, { key: 'day:2026-11-20', papers, fetchedAt: T0, mode: 'merge' });
    let slices = 0;
    const search = createLiveSearch(getDb, { idle: () => (slices++, now()) });
    search.warm();
    await vi.waitFor(() => expect(search.ready).toBe(true));
    // 95 papers at 40 a slice: three slices, each after an idle wait (and one to find the end).
    expect(slices).toBe(4);
    expect(await search.search('diffusion')).toEqual(['2611.00091']);

    await storeListing(db, {
      key: 'day:2026-11-21',
      papers: [
        makePaper('2611.00200', { title: 'Latent diffusion at scale', listedOn: '2026-11-21' }),
        makePaper('2611.00001', { title: 'Renamed: sparse attention' }),
      ],
      fetchedAt: T0 + 60_000,
      mode: 'merge',
    });
    // Not yet: the index is refreshed when the page hears of new papers.
    expect(await search.search('sparse')).toEqual([]);
    await search.refresh();
    expect((await search.search('diffusion')).sort()).toEqual(['2611.00091', '2611.00200']);
    expect(await search.search('sparse')).toEqual(['2611.00001']);
    // Within the view only.
    expect(await search.search('diffusion', new Set(['2611.00200']))).toEqual(['2611.00200']);
  });
});
