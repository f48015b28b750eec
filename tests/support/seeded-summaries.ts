// Summaries drawn from a seeded generator, with ties on every sort key (a few values only) so that
// tie-breaks are exercised, and every filter's field present, absent or unshowable.
import type { PaperSummary } from '@/lib/store/records';

export const SEEDED_AT = Date.parse('2026-11-20T08:00:00Z');

export function seededSummaries(count: number, seed = 7): PaperSummary[] {
  let state = seed;
  const next = (n: number) => (state = (state * 1103515245 + 12345) % 2 ** 31) % n;
  return Array.from({ length: count }, (_, index) => ({
    id: `2611.${String(10000 + next(5000)).padStart(5, '0')}${index}`,
    title: `Paper ${index}`,
    authors: ['A'],
    publishedAt: next(10) === 0 ? 'not a date' : `2026-11-${String(1 + next(5)).padStart(2, '0')}T00:00:00.000Z`,
    listedOn: '2026-11-20',
    upvotes: next(6),
    comments: next(3),
    ...(next(2) ? { githubStars: next(4) } : {}),
    ...[{ organization: 'Odd Lab' }, { organization: 'Even Lab' }, {}][next(3)],
    // Links that are shown, links that are not (no https URL: neither counts), and none.
    ...[{ githubRepo: 'https://github.com/acme/model' }, { githubRepo: 'javascript:alert(1)' }, {}][next(3)],
    ...[{ projectPage: 'https://acme.example' }, { projectPage: 'http://acme.example' }, {}][next(3)],
    ...(next(3) === 0 ? { readAt: SEEDED_AT } : {}),
    firstSeenAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    listedDays: ['2026-11-20'],
  }));
}
