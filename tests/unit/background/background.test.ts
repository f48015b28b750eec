// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { getDb } from '@/lib/store/connection';
import { getListing } from '@/lib/store/reads';
import { sendRequest } from '@/lib/protocol/messages';
import { POLL_ALARM, RETRY_ALARM } from '@/lib/background/poll-alarms';
import { firstPollDelayMinutes } from '@/lib/sync/schedule';
import { pollMinutesSetting, sourceSetting } from '@/lib/settings/items';
import { startFakeHf } from '../../support/fake-hf.mjs';
import { makeDay } from '../../support/generate-papers.mjs';
import { addDays, utcDay } from '@/lib/core/dates';

type Fake = Awaited<ReturnType<typeof startFakeHf>>;
let fake: Fake;

beforeEach(async () => {
  // WXT's fake browser has no permissions events; the background listens for a notifications grant.
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
  fake = await startFakeHf();
  await sourceSetting.setValue(fake.url);
});
afterEach(async () => {
  await fake.close();
});

const badgeText = () => fakeBrowser.action.getBadgeText({});
const storedPapers = async () => (await getDb()).count('papers');
const allFixtureIds = (): string[] =>
  Object.values(fake.state.days)
    .flat()
    .map((entry: any) => entry.paper.id);

async function installed() {
  background.main();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
  await vi.waitFor(async () => expect(await badgeText()).not.toBe(''), { timeout: 4000 });
}

describe('background', () => {
  it('arms the poll alarm at start-up, within the first period, and follows the interval setting', async () => {
    background.main();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeDefined());
    const alarm = await fakeBrowser.alarms.get(POLL_ALARM);
    // 30 minutes by day; stretched at night UTC and at weekends.
    expect(alarm!.scheduledTime - Date.now()).toBeLessThanOrEqual(firstPollDelayMinutes(30, () => 1, Date.now()) * 60_000 + 1000);
    await pollMinutesSetting.setValue(0);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeUndefined());
  });

  it('at browser start, does not poll at once: overdue alarms are re-armed within the first period', async () => {
    background.main();
    await fakeBrowser.alarms.create(POLL_ALARM, { when: Date.now() - 8 * 3_600_000 });
    await fakeBrowser.alarms.create(RETRY_ALARM, { when: Date.now() - 3_600_000 });
    fake.state.clearRequests();
    await fakeBrowser.runtime.onStartup.trigger();
    // Chrome also fires what came due while it was closed, late.
    await fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now() - 8 * 3_600_000 });
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(POLL_ALARM))!.scheduledTime).toBeGreaterThan(Date.now()));
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
    // A sync started by mistake would have reached the local fake by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.state.requests).toHaveLength(0);
  });

  it('syncs at install: papers in IndexedDB, badge counts them all', async () => {
    await installed();
    const stored = await storedPapers();
    expect(stored).toBeGreaterThan(0);
    expect(new Set(allFixtureIds()).size).toBeGreaterThanOrEqual(stored);
    expect(await badgeText()).toBe(String(stored));
    expect(await fakeBrowser.action.getTitle({})).toMatch(new RegExp(`${stored} new papers`));
    const latest = await getListing(await getDb(), `day:${fake.state.latestDay}`);
    expect(latest?.ids.length).toBe(fake.state.days[fake.state.latestDay!]!.length);
  });

  it('badges only the new papers after an alarm, once the user has looked', async () => {
    await installed();
    const db = await getDb();
    const all = await db.getAllKeys('papers');
    await expect(sendRequest({ type: 'markSeen', ids: all })).resolves.toEqual({ unseen: 0 });
    expect(await badgeText()).toBe('');

    const today = new Date().toISOString().slice(0, 10);
    fake.state.addPapers(today, 3);
    await fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now(), periodInMinutes: 30 });
    await vi.waitFor(async () => expect(await badgeText()).toBe('3'));
    expect(await storedPapers()).toBe(all.length + 3);
  });

  it('answers "refresh now" with the outcome and shows an error state when the source fails', async () => {
    await installed();
    fake.state.failAlways('500');
    const outcome = await sendRequest({ type: 'refresh' });
    expect(outcome.state.error).toMatchObject({ kind: 'http', status: 500 });
    expect(await badgeText()).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/Sync failed .*HTTP 500/);
    // The papers stored before are still there.
    expect(await storedPapers()).toBeGreaterThan(0);
  });

  it('shows the rate-limited state with the time', async () => {
    background.main();
    fake.state.failAlways('429');
    await sendRequest({ type: 'refresh' });
    expect(await badgeText()).toBe('wait');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/Rate-limited by the source; next try after/);
  });

  it('uses the defaults of synced settings it cannot use: retention 0 deletes nothing, a 1-minute period is not armed', async () => {
    const today = utcDay(Date.now());
    const lastWeek = addDays(today, -7);
    fake.state.setDays({ [today]: makeDay(today, 30, { seed: 5 }), [lastWeek]: makeDay(lastWeek, 40, { seed: 6 }) });
    // What another device or version might have synced.
    await fakeBrowser.storage.sync.set({ retentionDays: 0, pollMinutes: 1 });
    // The first poll lands anywhere in the first period (down to a minute): the middle of it here,
    // 15 minutes or more for the default 30, 2 at most for a 1-minute period.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    background.main();
    await sendRequest({ type: 'refresh' });
    await sendRequest({ type: 'fetchView', key: `day:${lastWeek}`, force: true });
    await sendRequest({ type: 'refresh' }); // retention runs after a good sync
    expect((await getListing(await getDb(), `day:${lastWeek}`))?.ids).toHaveLength(40);
    expect(await storedPapers()).toBe(70);
    const alarm = await fakeBrowser.alarms.get(POLL_ALARM);
    random.mockRestore();
    expect(alarm!.scheduledTime - Date.now()).toBeGreaterThan(5 * 60_000); // the default 30 minutes, not 1
    // Three syncs through fake-indexeddb: seconds on a loaded machine.
  }, 20_000);

  it('runs one sync for an alarm and a refresh that arrive together', async () => {
    background.main();
    fake.state.clearRequests();
    const refresh = sendRequest({ type: 'refresh' });
    await fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now(), periodInMinutes: 30 });
    const outcome = await refresh;
    expect(outcome.ran).toBe(true);
    const first = fake.state.requests.length;
    expect(first).toBe(outcome.state.last!.requests);
    expect(await badgeText()).toBe(String(await storedPapers()));
  });

  it('syncs from a new source when the options page says so', async () => {
    background.main();
    const day = fake.state.latestDay!;
    const other = await startFakeHf({ days: { [day]: fake.state.days[day]!.slice(0, 2) } });
    try {
      await sourceSetting.setValue(other.url);
      await sendRequest({ type: 'sourceChanged' });
      expect(other.state.requests.length).toBeGreaterThan(0);
      expect((await getListing(await getDb(), `day:${day}`))?.ids).toHaveLength(2);
    } finally {
      await other.close();
    }
  });
});
