// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPaperboyDb } from '@/lib/store/connection';
import type { PaperboyDb } from '@/lib/store/schema';
import { createLinkedReposFetcher } from '@/lib/sync/linked-repos';
import { readSyncState } from '@/lib/sync/engine';
import { makeDay } from '../../support/generate-papers.mjs';
import { startFakeHf } from '../../support/fake-hf.mjs';

type Fake = Awaited<ReturnType<typeof startFakeHf>>;
const NOW = Date.parse('2026-11-26T12:00:00Z');
const HOUR = 3_600_000;

let fake: Fake;
let db: PaperboyDb;
let clock: number;
let paperId: string;

beforeEach(async () => {
  const day = makeDay('2026-11-20', 3, { seed: 5 });
  paperId = day[0]!.paper.id;
  fake = await startFakeHf({ days: { '2026-11-20': day } });
  db = await openPaperboyDb(`linked-${Math.random()}`);
  clock = NOW;
});
afterEach(async () => {
  db.close();
  await fake.close();
});

const fetcher = () => createLinkedReposFetcher({ db: async () => db, source: async () => fake.url, now: () => clock, random: () => 0 });
const reposRequests = () => fake.state.requests.filter((request) => request.path.endsWith('/repos'));

describe('linked repositories fetcher', () => {
  it('fetches once, then answers from storage for a day', async () => {
    fake.state.setLinkedRepos(paperId, { models: [{ id: 'org/model', likes: 3 }], datasets: [], spaces: [{ id: 'org/demo', likes: 1 }] });
    const linked = fetcher();
    const first = await linked.get(paperId);
    expect(first).toMatchObject({ status: 'ok', fetchedAt: NOW, repos: { totals: { models: 1, datasets: 0, spaces: 1 } } });
    clock = NOW + 23 * HOUR;
    expect(await linked.get(paperId)).toEqual(first);
    expect(reposRequests()).toHaveLength(1);
    clock = NOW + 25 * HOUR;
    expect(await linked.get(paperId)).toMatchObject({ status: 'ok', fetchedAt: NOW + 25 * HOUR });
    expect(reposRequests()).toHaveLength(2);
  });

  it('sends one request for asks that overlap', async () => {
    const linked = fetcher();
    await Promise.all([linked.get(paperId), linked.get(paperId)]);
    expect(reposRequests()).toHaveLength(1);
  });

  it('reads a paper the Hub does not know as linking to nothing', async () => {
    expect(await fetcher().get('2611.99999')).toMatchObject({ status: 'ok', repos: { totals: { models: 0, datasets: 0, spaces: 0 } } });
  });

  it('records a rate limit for the syncs too, then refuses without a request while it holds', async () => {
    fake.state.failNext(1, '429');
    const linked = fetcher();
    const limited = await linked.get(paperId);
    expect(limited).toMatchObject({ status: 'failed', error: { kind: 'rate-limited', retryAt: NOW + 120_000 } });
    expect((await readSyncState(db)).error?.kind).toBe('rate-limited');
    fake.state.clearRequests();
    expect(await linked.get(paperId)).toMatchObject({ status: 'failed', error: { kind: 'rate-limited' } });
    expect(fake.state.requests).toHaveLength(0);
    clock = NOW + 10 * 60_000;
    expect(await linked.get(paperId)).toMatchObject({ status: 'ok' });
  });

  it('says what failed and stores nothing for an answer that is not linked repositories', async () => {
    fake.state.setLinkedRepos(paperId, [1, 2, 3]);
    expect(await fetcher().get(paperId)).toMatchObject({ status: 'failed', error: { kind: 'invalid' } });
    expect(await db.count('linkedRepos')).toBe(0);
    expect((await readSyncState(db)).error).toBeUndefined();
  });

  it('drops stale answers when it stores a new one', async () => {
    const linked = fetcher();
    await linked.get(paperId);
    clock = NOW + 2 * 24 * HOUR;
    await linked.get('2611.99999');
    expect((await db.getAll('linkedRepos')).map((record) => record.id)).toEqual(['2611.99999']);
  });
});
