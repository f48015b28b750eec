import type { Paper } from '@/lib/source/entry';

/** A normalised Paper for tests that start below validation (IndexedDB, components). */
export function makePaper(id: string, overrides: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Paper ${id}`,
    abstract: `Abstract of ${id}`,
    authors: ['Ada Lovelace'],
    publishedAt: '2026-11-18T00:00:00.000Z',
    listedOn: '2026-11-20',
    upvotes: 10,
    comments: 0,
    ...overrides,
  };
}
