// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '@/lib/db';
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
