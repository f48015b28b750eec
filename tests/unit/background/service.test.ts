// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '@/lib/store/connection';
import { getListing } from '@/lib/store/reads';
import { setSaved, storeListing } from '@/lib/store/writes';
import { makePaper } from '../../support/make-paper';
import { createPaperboyService } from '@/lib/background/service';
import { ONLINE_CHECK_ALARM, POLL_ALARM, RETRY_ALARM } from '@/lib/background/poll-alarms';
import { firstPollDelayMinutes } from '@/lib/sync/schedule';
import { loadRecordedDays, startFakeHf } from '../../support/fake-hf.mjs';

type Fake = Awaited<ReturnType<typeof startFakeHf>>;
let fake: Fake;
let online: boolean;

beforeEach(async () => {
  fake = await startFakeHf({ days: loadRecordedDays() });
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
  // A weekday noon UTC: the schedule's day pace (night and weekend pace are lib/sync/schedule's tables).
  const THURSDAY_NOON = Date.parse('2026-11-26T12:00:00Z');
  const MIN = 60_000;
  /** Minutes from now until an alarm (the fake browser schedules from the real clock). */
  const minutesUntil = async (name: string) => {
    const alarm = await fakeBrowser.alarms.get(name);
    return alarm && (alarm.scheduledTime - Date.now()) / MIN;
  };

  it('polls on a one-shot alarm re-armed with jitter after every poll, even a failed one', async () => {
    const paperboy = createPaperboyService({ db: getDb, source: async () => fake.url, random: () => 1, now: () => THURSDAY_NOON });
    await paperboy.ensurePollAlarm();
    const first = await fakeBrowser.alarms.get(POLL_ALARM);
    expect(first?.periodInMinutes).toBeUndefined();
    expect(await minutesUntil(POLL_ALARM)).toBeCloseTo(30, 1); // random 1: the end of the first period
    fake.state.failNext(1, '500');
    await paperboy.poll(THURSDAY_NOON);
    expect(await minutesUntil(POLL_ALARM)).toBeCloseTo(34.5, 1);
  });

  it('after a sync that sent n requests, waits n periods: one request per period', async () => {
    const paperboy = createPaperboyService({ db: getDb, source: async () => fake.url, random: () => 0.5, now: () => THURSDAY_NOON });
    fake.state.clearRequests();
    const outcome = await paperboy.poll(THURSDAY_NOON);
    const sent = fake.state.requests.length;
    expect(sent).toBe(2); // today, and one follow-up on an empty store
    expect(outcome!.state.last!.requests).toBe(sent);
    expect(await minutesUntil(POLL_ALARM)).toBeCloseTo(sent * 30, 1);
  });

  it('with no access to its source, asks for it on the badge and sends nothing; a grant syncs at once', async () => {
    let granted = false;
    const paperboy = createPaperboyService({
      db: getDb,
      source: async () => 'https://hf-mirror.com',
      mayRead: async () => granted,
      client: { fetch: (url, init) => fetch(String(url).replace('https://hf-mirror.com', fake.url), init) },
    });
    fake.state.clearRequests();
    expect((await paperboy.sync('manual')).ran).toBe(false);
    expect(fake.state.requests).toHaveLength(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/needs your permission to read https:\/\/hf-mirror.com/);
    await paperboy.permissionsChanged({ origins: ['https://hf-mirror.com/*'] }); // an event while access is still missing
    expect(fake.state.requests).toHaveLength(0);
    granted = true;
    await paperboy.permissionsChanged({ origins: ['https://hf-mirror.com/*'] });
    expect(fake.state.requests.length).toBeGreaterThan(0);
    expect(await fakeBrowser.action.getBadgeText({})).toMatch(/^\d+$/);
  });

  it.each([
    ['browser start', 3 * 60 * MIN],
    ['wake from sleep', 10 * MIN],
  ])('a poll alarm that fires late (%s) sends nothing and arms the first poll, jittered', async (_, lateness) => {
    const paperboy = createPaperboyService({ db: getDb, source: async () => fake.url, random: () => 0.25, now: () => THURSDAY_NOON });
    await fakeBrowser.alarms.create(RETRY_ALARM, { delayInMinutes: 5 });
    fake.state.clearRequests();
    expect(await paperboy.poll(THURSDAY_NOON - lateness)).toBeUndefined();
    expect(fake.state.requests).toHaveLength(0);
    expect(await minutesUntil(POLL_ALARM)).toBeCloseTo(7.5, 1); // a quarter of the first period
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined(); // the first poll does the retry
  });

  it('a late retry alarm also leaves the work to a jittered first poll', async () => {
    const paperboy = createPaperboyService({ db: getDb, source: async () => fake.url, random: () => 0.5, now: () => THURSDAY_NOON });
    fake.state.clearRequests();
    expect(await paperboy.retry(THURSDAY_NOON - 60 * MIN)).toBeUndefined();
    expect(fake.state.requests).toHaveLength(0);
    expect(await minutesUntil(POLL_ALARM)).toBeCloseTo(15, 1);
    expect((await paperboy.retry(THURSDAY_NOON))!.ran).toBe(true); // on time, it syncs
  });

  it.each([
    ['overdue', -60, 6],
    ['missing', undefined, 6],
    ['still ahead', 20, 20],
  ])('at browser start, a poll alarm %s is re-armed in the first period only when due', async (_, armedIn, expected) => {
    const paperboy = createPaperboyService({ db: getDb, source: async () => fake.url, random: () => 0.2, now: () => Date.now() });
    if (armedIn !== undefined) await fakeBrowser.alarms.create(POLL_ALARM, { when: Date.now() + armedIn * MIN });
    fake.state.clearRequests();
    await paperboy.startup();
    expect(fake.state.requests).toHaveLength(0);
    // 0.2 of the first period: 6 minutes by day, longer at night UTC or at weekends.
    const minutes = (await minutesUntil(POLL_ALARM))!;
    if (expected === 20) expect(minutes).toBeCloseTo(20, 1);
    else
      expect(minutes).toBeCloseTo(
        firstPollDelayMinutes(30, () => 0.2, Date.now()),
        1,
      );
  });

  it('arms nothing when polling is manual only, and follows a changed setting', async () => {
    let minutes = 0;
    // By day on a weekday: at night UTC or at weekends the first poll may be further than a period away.
    const paperboy = createPaperboyService({ db: getDb, source: async () => fake.url, pollMinutes: async () => minutes, now: () => THURSDAY_NOON });
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

  // Retries are armed at an absolute time from the sync's clock: these use the real one.
  it('arms a retry after a failure when it comes before the next poll, and clears it after a success', async () => {
    // Polls every 2 h: the first in an hour or more; the backoff after one failure is 30 min (random 0.5).
    const paperboy = createPaperboyService({ db: getDb, source: async () => fake.url, random: () => 0.5, pollMinutes: async () => 120 });
    await paperboy.ensurePollAlarm();
    fake.state.failNext(1, '500');
    await paperboy.sync('manual');
    expect(await minutesUntil(RETRY_ALARM)).toBeCloseTo(30, 0);
    expect(await minutesUntil(POLL_ALARM)).toBeGreaterThanOrEqual(59);
    await paperboy.sync('manual');
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('arms no retry when the next poll comes first', async () => {
    const paperboy = createPaperboyService({ db: getDb, source: async () => fake.url, random: () => 0.05 });
    await paperboy.ensurePollAlarm(); // within 6 min (1.5 at day pace); the backoff is 30 × (0.5 + 0.05)
    fake.state.failNext(1, '500');
    await paperboy.sync('manual');
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
    expect(await minutesUntil(POLL_ALARM)).toBeLessThanOrEqual(6);
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
