// @vitest-environment node
// The load simulation (bench/load) claims to run the project's own scheduling. This runs one
// install through the real service (alarms, sync engine, IndexedDB, fetch) and through the
// simulation's model of it, with the same random numbers and the same source, and checks that
// both send the same requests at the same times.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Install, type RequestKind, type Source } from '../../bench/load/install';
import { seeded } from '../../bench/load/world';
import { utcDay } from '@/lib/core/dates';
import { getDb } from '@/lib/store/connection';
import { isLateAlarm } from '@/lib/sync/schedule';
import { createPaperboyService } from '@/lib/background/service';
import { POLL_ALARM, RETRY_ALARM } from '@/lib/background/poll-alarms';
import { makeEntry, paperId } from '../support/generate-papers.mjs';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const outage = { start: at('2026-11-30T10:00:00Z'), end: at('2026-11-30T11:00:00Z') };

/** A small world: lists grow through their day (one passes 100 papers and needs a second page); weekends list nothing. */
const finals: Record<string, number> = { '2026-11-25': 60, '2026-11-26': 120, '2026-11-27': 70, '2026-11-30': 90 };
const source: Source = {
  failing: (time) => time >= outage.start && time < outage.end,
  size: (day, time) => Math.round((finals[day] ?? 0) * Math.min(1, Math.max(0, (time - at(`${day}T00:00:00Z`)) / (24 * HOUR)))),
  latestDay: (time) => ['2026-11-30', '2026-11-27', '2026-11-26', '2026-11-25'].find((day) => source.size(day, time) > 0) ?? utcDay(time),
};

// Friday with the previous day's list full, a Saturday, and a Monday morning with an outage.
const sessions = [
  { start: at('2026-11-27T08:40:00Z'), end: at('2026-11-27T17:30:00Z') },
  { start: at('2026-11-28T11:00:00Z'), end: at('2026-11-28T14:30:00Z') },
  { start: at('2026-11-30T06:30:00Z'), end: at('2026-11-30T13:00:00Z') },
];

interface Sent {
  time: number;
  kind: RequestKind;
}

function modelled(): Sent[] {
  const sent: Sent[] = [];
  const tally = { request: (time: number, count: number, kind: RequestKind) => sent.push(...Array.from({ length: count }, () => ({ time, kind }))) };
  new Install(seeded(7), source, tally, 30).live(sessions);
  return sent;
}

const entries = new Map<string, unknown[]>();
function listed(day: string, count: number): unknown[] {
  const all = entries.get(day) ?? [];
  for (let index = all.length; index < count; index += 1) all.push(makeEntry({ id: paperId(day, index), day }));
  entries.set(day, all);
  return all.slice(0, count);
}

async function real(): Promise<Sent[]> {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const time = Date.now();
    const url = new URL(String(input));
    const date = url.searchParams.get('date');
    const trending = url.searchParams.get('sort') === 'trending';
    const failing = source.failing(time);
    sent.push({ time, kind: failing ? 'failed' : trending ? 'trending' : !date ? 'latest day' : date === utcDay(time) ? 'today' : 'previous day' });
    if (failing) return new Response('upstream error', { status: 503 });
    const day = date ?? source.latestDay(time);
    const all = trending ? listed('2026-11-20', 50) : listed(day, source.size(day, time));
    const limit = Number(url.searchParams.get('limit'));
    const page = Number(url.searchParams.get('p'));
    return new Response(JSON.stringify(all.slice(page * limit, (page + 1) * limit)));
  };
  const service = createPaperboyService({
    db: getDb,
    source: async () => 'https://huggingface.co',
    client: { fetch: fetch as typeof globalThis.fetch, isOnline: () => true },
    random: seeded(7),
    pollMinutes: async () => 30,
    retentionDays: async () => 3650,
  });
  const alarm = (name: string) => fakeBrowser.alarms.get(name);
  for (const session of sessions) {
    const startedAt = session.start + 3_000;
    vi.setSystemTime(startedAt);
    await service.startup();
    const overdue = await alarm(RETRY_ALARM);
    if (overdue && overdue.scheduledTime <= startedAt && isLateAlarm(overdue.scheduledTime, startedAt)) {
      await fakeBrowser.alarms.clear(RETRY_ALARM);
      await service.retry(overdue.scheduledTime);
    }
    for (;;) {
      const [poll, retry] = await Promise.all([alarm(POLL_ALARM), alarm(RETRY_ALARM)]);
      const next = poll && retry ? (retry.scheduledTime < poll.scheduledTime ? retry : poll) : (poll ?? retry);
      if (!next) break;
      const firesAt = Math.max(next.scheduledTime, startedAt);
      if (firesAt >= session.end) break;
      vi.setSystemTime(firesAt);
      await fakeBrowser.alarms.clear(next.name); // a one-shot alarm is gone once it fired
      if (next.name === POLL_ALARM) await service.poll(next.scheduledTime);
      else await service.retry(next.scheduledTime);
    }
  }
  return sent;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the load simulation models the real schedule', () => {
  it('sends the same requests at the same times as the service does, across a weekend, a browser start and an outage', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const expected = await real();
    const simulated = modelled();
    // The scenario exercises what matters: paging, follow-ups, the weekend's latest day, failures.
    expect(new Set(expected.map((request) => request.kind))).toEqual(new Set<RequestKind>(['today', 'previous day', 'latest day', 'trending', 'failed']));
    expect(simulated.map((request) => request.kind)).toEqual(expected.map((request) => request.kind));
    // The real clock keeps whole milliseconds; the model does not.
    for (const [index, request] of simulated.entries()) expect(Math.abs(request.time - expected[index]!.time)).toBeLessThan(1_000);
  }, 60_000);
});
