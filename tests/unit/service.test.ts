// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, getListing, setSaved, storeListing } from '@/lib/db';
import { makePaper } from '../support/make-paper';
import { ONLINE_CHECK_ALARM, POLL_ALARM, RETRY_ALARM, createPaperboyService } from '@/lib/service';
import { startFakeHf } from '../support/fake-hf.mjs';

type Fake = Awaited<ReturnType<typeof startFakeHf>>;
let fake: Fake;
let online: boolean;

beforeEach(async () => {
  fake = await startFakeHf();
  online = true;
});
afterEach(() => fake.close());

const service = () =>
  createPaperboyService({
    db: getDb,
    source: async () => fake.url,
    client: { isOnline: () => online, fetch: (...args) => (online ? fetch(...args) : Promise.reject(new TypeError('Failed to fetch'))) },
  });

describe('service', () => {
  it('polls on a one-shot alarm re-armed with jitter after every poll, even a failed one', async () => {
    const paperboy = createPaperboyService({ db: getDb, source: async () => fake.url, random: () => 1 });
    await paperboy.ensurePollAlarm();
    const first = await fakeBrowser.alarms.get(POLL_ALARM);
    expect(first?.periodInMinutes).toBeUndefined();
    expect(first!.scheduledTime - Date.now()).toBeGreaterThan(29 * 60_000); // random 1: the end of the first period
    fake.state.failNext(1, '500');
    const before = Date.now();
    await paperboy.poll();
    const next = await fakeBrowser.alarms.get(POLL_ALARM);
    expect(next!.scheduledTime - before).toBeGreaterThanOrEqual(34.5 * 60_000 - 1000);
    expect(next!.scheduledTime - before).toBeLessThanOrEqual(34.5 * 60_000 + 1000);
  });

  it('arms nothing when polling is manual only, and follows a changed setting', async () => {
    let minutes = 0;
    const paperboy = createPaperboyService({ db: getDb, source: async () => fake.url, pollMinutes: async () => minutes });
    await paperboy.ensurePollAlarm();
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeUndefined();
    await paperboy.poll();
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeUndefined();
    minutes = 120;
    await paperboy.rescheduleForSetting();
    const armed = await fakeBrowser.alarms.get(POLL_ALARM);
    expect(armed!.scheduledTime - Date.now()).toBeLessThanOrEqual(120 * 60_000);
  });

  it('removes listing days older than the retention after a good sync, keeping saved papers', async () => {
    const db = await getDb();
    const old = makePaper('2601.00001', { listedOn: '2026-01-05' });
    await storeListing(db, { key: 'day:2026-01-05', papers: [old, makePaper('2601.00002', { listedOn: '2026-01-05' })], fetchedAt: Date.now(), mode: 'merge' });
    await setSaved(db, '2601.00001', true, Date.now());
    await createPaperboyService({ db: getDb, source: async () => fake.url, retentionDays: async () => 90 }).sync('manual');
    expect(await getListing(db, 'day:2026-01-05')).toBeUndefined();
    expect(await db.get('papers', '2601.00001')).toBeDefined();
    expect(await db.get('papers', '2601.00002')).toBeUndefined();
  });

  it('after an offline failure watches the network locally, then syncs when it is back', async () => {
    const paperboy = service();
    await paperboy.ensurePollAlarm();
    online = false;
    await paperboy.sync('alarm');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('off');
    expect(await fakeBrowser.alarms.get(ONLINE_CHECK_ALARM)).toMatchObject({ periodInMinutes: 0.5 });
    // Still offline: the check sends nothing.
    fake.state.clearRequests();
    await paperboy.checkOnline(() => online);
    expect(fake.state.requests).toHaveLength(0);
    online = true;
    await paperboy.checkOnline(() => online);
    expect(fake.state.requests.length).toBeGreaterThan(0);
    expect(await fakeBrowser.action.getBadgeText({})).toMatch(/^\d+$/);
    expect(await fakeBrowser.alarms.get(ONLINE_CHECK_ALARM)).toBeUndefined();
  });

  it('arms a retry after a failure when it comes before the next poll, and clears it after a success', async () => {
    const paperboy = service();
    await paperboy.ensurePollAlarm();
    fake.state.failNext(1, '500');
    await paperboy.sync('manual');
    const retry = await fakeBrowser.alarms.get(RETRY_ALARM);
    const poll = await fakeBrowser.alarms.get(POLL_ALARM);
    expect(retry).toBeDefined();
    expect(retry!.scheduledTime).toBeLessThanOrEqual(poll!.scheduledTime);
    await paperboy.sync('manual');
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('queues a sync for a new source behind one already running', async () => {
    const paperboy = service();
    const first = paperboy.sync('alarm');
    const second = paperboy.sync('settings');
    expect(second).not.toBe(first);
    expect(paperboy.sync('manual')).toBe(first);
    await Promise.all([first, second]);
    // Two sequences: the first (3 requests on an empty store) and the queued one.
    expect(fake.state.requests.length).toBeGreaterThan((await first).state.last!.requests);
  });
});
